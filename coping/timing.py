"""Calendar arithmetic on the user's local dates; UTC only at the very end."""

import calendar
import datetime as dt
import zoneinfo


def add_months(day: dt.date, months: int) -> dt.date:
    """Same day of the month, months later; clamped to the month's end (Jan 31 + 1 → Feb 28)."""
    index = day.month - 1 + months
    year, month = day.year + index // 12, index % 12 + 1
    return day.replace(
        year=year, month=month, day=min(day.day, calendar.monthrange(year, month)[1])
    )


def local_to_utc(day: dt.date, at: dt.time, tz_name: str) -> dt.datetime:
    """The UTC instant of a wall-clock time in a zone.

    A time skipped by a spring-forward change (02:30 in Berlin on the last Sunday of March) is
    read with the offset before the change, so it lands just after the gap (03:30); a repeated
    time in autumn takes its first occurrence.
    """
    local = dt.datetime.combine(day, at).replace(tzinfo=zoneinfo.ZoneInfo(tz_name), fold=0)
    return local.astimezone(dt.UTC)


def next_business_day(day: dt.date) -> dt.date:
    while day.weekday() >= 5:
        day += dt.timedelta(days=1)
    return day
