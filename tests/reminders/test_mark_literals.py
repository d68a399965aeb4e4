"""A worker's sent mark is written with its values in (reminders.dispatch_services
_ChainedMarks._statement): the batch's constants quoted by psycopg once, the moment, id and
version written per email. The statement must be the one psycopg's client-side binding
writes for the same values (`mogrify`), for any moment, id and version; anything unusual goes
through psycopg itself. tests/reminders/test_delivery_fast_marks.py holds what the marks do."""

import datetime as dt
import uuid
import zoneinfo

import pytest
from django.db import connection

from reminders.dispatch_services import _MARK_SENT, _ChainedMarks, _mark_params
from reminders.models import Reminder

pytestmark = pytest.mark.django_db

UTC = dt.UTC
MOMENTS = [
    dt.datetime(2026, 12, 7, 9, 0, 0, 123456, tzinfo=UTC),
    dt.datetime(2026, 12, 7, 9, 0, 0, tzinfo=UTC),  # no microseconds: str() leaves them out
    dt.datetime(2026, 12, 7, 9, 0, 0, 1, tzinfo=UTC),
    dt.datetime(1, 1, 1, tzinfo=UTC),
    dt.datetime(9999, 12, 31, 23, 59, 59, 999999, tzinfo=UTC),
    dt.datetime(2026, 3, 29, 2, 30, tzinfo=zoneinfo.ZoneInfo("Europe/Berlin")),
    dt.datetime(2026, 12, 7, 9, 0, tzinfo=dt.timezone(dt.timedelta(hours=5, minutes=30))),
    dt.datetime(2026, 12, 7, 9, 0, tzinfo=dt.timezone(-dt.timedelta(hours=3, seconds=7))),
]


def _psycopgs(reminder: Reminder, token: uuid.UUID, now: dt.datetime) -> str:
    with connection.cursor() as cursor:
        return str(cursor.cursor.mogrify(_MARK_SENT, _mark_params(reminder, token, now)))


@pytest.mark.parametrize("now", MOMENTS)
def test_the_mark_is_written_as_psycopg_writes_it(now: dt.datetime) -> None:
    marks = _ChainedMarks()
    marks._cursor = connection.cursor()
    try:
        for token in [uuid.uuid4(), uuid.UUID(int=0), uuid.uuid4()]:
            for pk, version in [(1, 1), (0, 0), (2**31 - 1, 7), (2**62, 2**31)]:
                reminder = Reminder(pk=pk, version=version)
                expected = "BEGIN; " + _psycopgs(reminder, token, now)
                assert marks._statement(reminder, token, now) == expected
                marks._pending = True  # the email before went out: its COMMIT first
                assert marks._statement(reminder, token, now) == f"COMMIT; {expected}"
                marks._pending = False
        assert marks._quoted is not None and marks._quoted[0] == token  # quoted per lease
    finally:
        marks._cursor.close()


@pytest.mark.parametrize(
    ("pk", "version", "now"),
    [
        (5, -1, MOMENTS[0]),  # psycopg writes a negative number with a space before it
        (5, 1, dt.datetime(2026, 12, 7, 9, 0)),  # a naive moment is a timestamp, not tz
        (True, 1, MOMENTS[0]),  # not an int as such
    ],
)
def test_anything_unusual_goes_through_psycopg(pk: int, version: int, now: dt.datetime) -> None:
    marks = _ChainedMarks()
    marks._cursor = connection.cursor()
    token = uuid.uuid4()
    try:
        reminder = Reminder(pk=pk, version=version)
        expected = "BEGIN; " + _psycopgs(reminder, token, now)
        assert marks._statement(reminder, token, now) == expected
    finally:
        marks._cursor.close()
