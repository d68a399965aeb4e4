import datetime as dt

import pytest

from rebound.lib.localtime import add_months, local_to_utc, next_business_day


@pytest.mark.parametrize(
    ("start", "months", "expected"),
    [
        (dt.date(2026, 3, 10), 3, dt.date(2026, 6, 10)),
        (dt.date(2026, 1, 31), 1, dt.date(2026, 2, 28)),
        (dt.date(2028, 1, 31), 1, dt.date(2028, 2, 29)),
        (dt.date(2026, 11, 30), 3, dt.date(2027, 2, 28)),
        (dt.date(2026, 12, 15), 12, dt.date(2027, 12, 15)),
    ],
)
def test_it_adds_calendar_months(start, months, expected):
    assert add_months(start, months) == expected


@pytest.mark.parametrize(
    ("day", "at", "zone", "utc"),
    [
        # Summer time in Berlin: 09:00 CEST is 07:00 UTC.
        (dt.date(2026, 6, 10), dt.time(9), "Europe/Berlin", dt.datetime(2026, 6, 10, 7)),
        # The spring-forward day itself (clocks jump at 02:00): 09:00 is already CEST.
        (dt.date(2026, 3, 29), dt.time(9), "Europe/Berlin", dt.datetime(2026, 3, 29, 7)),
        # The day before it is still CET.
        (dt.date(2026, 3, 28), dt.time(9), "Europe/Berlin", dt.datetime(2026, 3, 28, 8)),
        # A time that does not exist that day lands just after the gap (03:30 CEST).
        (dt.date(2026, 3, 29), dt.time(2, 30), "Europe/Berlin", dt.datetime(2026, 3, 29, 1, 30)),
        # The autumn repeat takes the first 02:30 (CEST).
        (dt.date(2026, 10, 25), dt.time(2, 30), "Europe/Berlin", dt.datetime(2026, 10, 25, 0, 30)),
        (dt.date(2026, 3, 8), dt.time(9), "America/New_York", dt.datetime(2026, 3, 8, 13)),
    ],
)
def test_it_derives_utc_from_local_intent_across_dst(day, at, zone, utc):
    assert local_to_utc(day, at, zone) == utc.replace(tzinfo=dt.UTC)


def test_it_moves_weekend_deadlines_to_monday():
    assert next_business_day(dt.date(2026, 11, 28)) == dt.date(2026, 11, 30)
    assert next_business_day(dt.date(2026, 11, 27)) == dt.date(2026, 11, 27)
