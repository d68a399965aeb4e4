"""The date filter's few formats that rows built in Python need (the applications table's,
the reminders page's, the interviews list's), in the active time zone as a template would
convert them. English only, as Rebound is (USE_I18N is off); each caller's test holds it
equal to its template."""

import datetime as dt

from django.utils import timezone

_DAYS = ("Mon", "Tue", "Wed", "Thu", "Fri", "Sat", "Sun")
_MONTHS = ("Jan", "Feb", "Mar", "Apr", "May", "Jun", "Jul", "Aug", "Sep", "Oct", "Nov", "Dec")


def day(value: dt.date) -> str:
    """`value|date:"j M Y"` for a date (a datetime is converted by its caller)."""
    return f"{value.day} {_MONTHS[value.month - 1]} {value.year}"


def when(value: dt.datetime | None, *, weekday: bool = False) -> str:
    """`value|date:"j M Y, H:i"`, or with `weekday` `value|date:"D j M Y, H:i"`; "" for None."""
    if value is None:
        return ""
    local = timezone.localtime(value)
    day = f"{_DAYS[local.weekday()]} " if weekday else ""
    return (
        f"{day}{local.day} {_MONTHS[local.month - 1]} {local.year}, "
        f"{local.hour:02d}:{local.minute:02d}"
    )


def day_month(value: dt.datetime) -> str:
    """`value|date:"j M"` for a moment."""
    local = timezone.localtime(value)
    return f"{local.day} {_MONTHS[local.month - 1]}"
