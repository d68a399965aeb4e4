"""The few date formats that rows built in Python need (the applications table's, the
reminders page's, the interviews list's), in the active language and time zone, as the
template filters of the same names (rebound_tags: `|day`, `|when`, `|day_month`) write them.

Each format is a translatable string (context "date format"), so each language writes a date
its own way: "3 Mar 2027" in English, „3. März 2027“ in German. Month and day names come from
Django's catalogues (django.utils.dateformat), never from Python's strftime.
"""

import datetime as dt
import functools
from collections.abc import Callable

from django.utils import dateformat, timezone
from django.utils.translation import get_language, pgettext


def day_format() -> str:
    # Translators: a date in Django's date format syntax (j = day, M = short month, Y = year).
    return pgettext("date format", "j M Y")


def when_format(*, weekday: bool = False) -> str:
    if weekday:
        # Translators: a moment with its weekday, in Django's date format syntax.
        return pgettext("date format", "D j M Y, H:i")
    # Translators: a moment, in Django's date format syntax.
    return pgettext("date format", "j M Y, H:i")


def day_month_format() -> str:
    # Translators: a day of a month, without the year, in Django's date format syntax.
    return pgettext("date format", "j M")


def day(value: dt.date) -> str:
    """A date ("3 Mar 2027"; a datetime is converted by its caller)."""
    return dateformat.format(value, day_format())


def when(value: dt.datetime | None, *, weekday: bool = False) -> str:
    """A moment in the active time zone ("3 Mar 2027, 14:05"), with `weekday` led by its
    day's short name; "" for None."""
    if value is None:
        return ""
    return dateformat.format(timezone.localtime(value), when_format(weekday=weekday))


def day_month(value: dt.datetime) -> str:
    """A moment's day and month in the active time zone ("3 Mar")."""
    return dateformat.format(timezone.localtime(value), day_month_format())


def day_month_of(value: dt.date) -> str:
    """A date's day and month ("3 Mar")."""
    return dateformat.format(value, day_month_format())


def date_in(value: dt.date, fmt: str) -> str:
    """A date (not a time: that depends on the time zone) in `fmt` and the active language,
    written once per date, format and language: a page or a file writes the same few hundred
    days again and again, and Django looks each month's name up through gettext every time."""
    return _date_in(value, fmt, get_language())


def date_writer(fmt: str) -> Callable[[dt.date], str]:
    """`date_in` for many dates in `fmt` and the language active now: the language is looked
    up once, not per date (~6 µs each: a chart's two hundred days spent a millisecond)."""
    language = get_language()
    return lambda value: _date_in(value, fmt, language)


@functools.lru_cache(maxsize=4096)
def _date_in(value: dt.date, fmt: str, language: str | None) -> str:
    return dateformat.format(value, fmt)  # `language` keys the cache
