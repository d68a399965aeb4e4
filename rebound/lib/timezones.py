"""The IANA zones a user may pick, grouped by region for the picker."""

import zoneinfo
from functools import cache


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
def grouped_choices() -> list[tuple[str, list[tuple[str, str]]]]:
    groups: dict[str, list[tuple[str, str]]] = {}
    for name in sorted(all_timezones()):
        region, _, place = name.partition("/")
        groups.setdefault(region if place else "Other", []).append(
            (name, place.replace("_", " ").replace("/", " / ") or name)
        )
    return sorted(groups.items())
