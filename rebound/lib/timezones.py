"""The IANA zones a user may pick, grouped by region for the picker."""

import zoneinfo
from contextlib import suppress
from functools import cache
from typing import Any

from babel.dates import get_timezone_location
from django.conf import settings
from django.utils import translation
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


# IANA's regions, in the reader's language ("Europa"); the zones' own names are IANA's.
REGIONS = {
    "Africa": pgettext_lazy("time zone region", "Africa"),
    "America": pgettext_lazy("time zone region", "America"),
    "Antarctica": pgettext_lazy("time zone region", "Antarctica"),
    "Asia": pgettext_lazy("time zone region", "Asia"),
    "Atlantic": pgettext_lazy("time zone region", "Atlantic"),
    "Australia": pgettext_lazy("time zone region", "Australia"),
    "Europe": pgettext_lazy("time zone region", "Europe"),
    "Indian": pgettext_lazy("time zone region", "Indian Ocean"),
    "Pacific": pgettext_lazy("time zone region", "Pacific"),
    "Other": pgettext_lazy("time zone region", "Other"),
}


def grouped_choices() -> list[tuple[Any, list[tuple[str, str]]]]:
    """The picker's zones by region, each place named in the active language."""
    return _grouped(translation.get_language() or settings.LANGUAGE_CODE)


@cache
def _grouped(language: str) -> list[tuple[Any, list[tuple[str, str]]]]:
    # English keeps IANA's own place names (as before); another language takes CLDR's city
    # names through Babel ("Kairo", "Ho-Chi-Minh-Stadt"), sorted as its reader reads them.
    locale = translation.to_locale(language)
    groups: dict[str, list[tuple[str, str]]] = {}
    for name in sorted(all_timezones()):
        region, _, place = name.partition("/")
        label = place.replace("_", " ").replace("/", " / ") or name
        if place and not language.startswith("en"):
            # A zone or locale CLDR doesn't know keeps IANA's name.
            with suppress(LookupError, ValueError):
                label = get_timezone_location(name, locale=locale, return_city=True)
        groups.setdefault(region if place else "Other", []).append((name, label))
    return [
        (REGIONS.get(region, region), sorted(places, key=lambda item: item[1].casefold()))
        for region, places in sorted(groups.items())
    ]
