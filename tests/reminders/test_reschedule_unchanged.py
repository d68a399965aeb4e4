"""Moving a reminder to the day and time it already has changes nothing: no new version
(calendars would see a new SEQUENCE), no new last change. A real move does both."""

import datetime as dt

import pytest
import time_machine

from interviews.reminder_kinds import THANK_YOU
from reminders.services import reminder_reschedule, reminder_schedule
from tests.factories import InterviewFactory

pytestmark = pytest.mark.django_db


def test_rescheduling_to_the_same_moment_keeps_its_version(alice):
    with time_machine.travel(dt.datetime(2026, 12, 1, 10, tzinfo=dt.UTC), tick=False):
        interview = InterviewFactory(application__owner=alice, application__company__owner=alice)
        reminder = reminder_schedule(
            owner=alice, kind=THANK_YOU, subject=interview, local_date=dt.date(2026, 12, 10)
        )
    version, changed = reminder.version, reminder.updated_at
    with time_machine.travel(dt.datetime(2026, 12, 2, 10, tzinfo=dt.UTC), tick=False):
        same = reminder_reschedule(reminder=reminder, local_date=dt.date(2026, 12, 10))
        assert (same.version, same.updated_at) == (version, changed)
        moved = reminder_reschedule(reminder=reminder, local_date=dt.date(2026, 12, 11))
    assert moved.version == version + 1
    assert moved.local_date == dt.date(2026, 12, 11)
    assert moved.updated_at == dt.datetime(2026, 12, 2, 10, tzinfo=dt.UTC)
