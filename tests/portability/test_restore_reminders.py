"""A restore schedules the backup's reminders in one bulk insert (reminders_schedule_many):
the same queries for 2 and 20 of everything, reminders included."""

import pytest
from django.db import connection
from django.test.utils import CaptureQueriesContext

from portability.export import backup_export
from portability.services import backup_restore
from reminders.models import Reminder
from tests.factories import UserFactory

from .builders import normalised, several

pytestmark = pytest.mark.django_db


def _restore(n: int) -> int:
    source, target = UserFactory(), UserFactory()
    several(source, n)
    document = backup_export(source)
    assert len(document["reminders"]) == n
    with CaptureQueriesContext(connection) as queries:
        restored = backup_restore(user=target, document=document)
    assert (restored.reminders, restored.reminders_past) == (n, 0)
    assert Reminder.objects.filter(owner=target).count() == n
    target.refresh_from_db()
    assert normalised(backup_export(target)) == normalised(document)
    return len(queries)


def test_restoring_2_or_20_reminders_costs_the_same_queries():
    assert _restore(2) == _restore(20)
