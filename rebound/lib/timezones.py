"""The IANA zones a user may pick, grouped by region for the picker."""

import zoneinfo
from functools import cache
from typing import Any

from django.utils.translation import pgettext_lazy


@cache
def all_timezones() -> frozenset[str]:
    # Only canonical Area/City names and UTC: the raw set also holds legacy aliases ("EST5EDT").
    return frozenset(
        name
        for name in zoneinfo.available_timezones()
        if name == "UTC"
        or (
            "/" in name
            and name.split("/")[0]
            in {
                "Africa",
                "America",
                "Antarctica",
                "Asia",
                "Atlantic",
                "Australia",
                "Europe",
                "Indian",
                "Pacific",
            }
        )
    )


@cache
def grouped_choices() -> list[tuple[Any, list[tuple[str, str]]]]:
    groups: dict[str, list[tuple[str, str]]] = {}
    for name in sorted(all_timezones()):
        region, _, place = name.partition("/")
        groups.setdefault(region if place else "Other", []).append(
            (name, place.replace("_", " ").replace("/", " / ") or name)
        )
    # Regions are IANA's English names, the same in every language; "Other" is Rebound's
    # word, said in the reader's language when the picker is drawn (cached here lazily).
    other = pgettext_lazy("time zone region", "Other")
    return [
        (other if region == "Other" else region, places)
        for region, places in sorted(groups.items())
    ]
