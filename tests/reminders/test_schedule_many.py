"""reminders_schedule_many (what a restore uses) schedules what reminder_schedule would one by
one, in a number of queries that doesn't grow with the number of reminders."""

import datetime as dt

import pytest
from django.core.exceptions import ValidationError
from django.db import connection
from django.test.utils import CaptureQueriesContext

from applications.models import Application
from applications.reminder_kinds import NO_REPLY
from rebound.lib.localtime import local_today
from rebound.models import User
from reminders.kinds import scope_of
from reminders.models import Reminder
from reminders.services import ScheduleItem, reminder_schedule, reminders_schedule_many
from tests.factories import ApplicationFactory, CompanyFactory, UserFactory

pytestmark = pytest.mark.django_db


def _applications(owner: User, n: int) -> list[Application]:
    company = CompanyFactory(owner=owner)
    made = [ApplicationFactory(company=company, role=f"Role {i}") for i in range(n)]
    # Their own no-reply nudges gone: the items below schedule them afresh.
    Reminder.objects.filter(owner=owner).delete()
    return made


def _items(owner: User, apps: list[Application]) -> list[ScheduleItem]:
    today = local_today(owner)
    items = [
        ScheduleItem(
            kind=NO_REPLY,
            subject=app,
            local_date=today + dt.timedelta(days=i + 1),
            local_time=dt.time(8, 30) if i % 2 else None,  # None: the kind's hour
            scope=scope_of(app),
        )
        for i, app in enumerate(apps)
    ]
    # The same (kind, subject) again, later: the last one wins. Then a date the engine
    # refuses (before 1970), for a subject of its own and for one already listed.
    items.append(ScheduleItem(NO_REPLY, apps[0], today + dt.timedelta(days=40), dt.time(17)))
    items.append(ScheduleItem(NO_REPLY, apps[1], dt.date(1969, 12, 31)))
    items.append(ScheduleItem(NO_REPLY, apps[-1], dt.date(1969, 12, 31)))
    return items


def _state(owner: User, apps: list[Application]) -> list[tuple]:
    index = {app.pk: i for i, app in enumerate(apps)}
    return sorted(
        (
            index[r.subject_id],
            r.kind,
            r.local_date,
            r.local_time,
            r.timezone,
            r.due_at,
            r.run_at,
            r.scope.rsplit(":", 1)[0],
            r.status,
            r.attempts,
            r.version,
        )
        for r in Reminder.objects.filter(owner=owner)
    )


def test_it_schedules_what_one_by_one_would(alice):
    bob = UserFactory(email="bob@example.com", timezone=alice.timezone)
    ones, manys = _applications(alice, 6), _applications(bob, 6)
    # One reminder already open about the third: both ways move it rather than add one.
    for owner, apps in ((alice, ones), (bob, manys)):
        reminder_schedule(
            owner=owner, kind=NO_REPLY, subject=apps[2], local_date=local_today(owner)
        )
    scheduled = refused = 0
    for item in _items(alice, ones):
        try:
            reminder_schedule(
                owner=alice,
                kind=item.kind,
                subject=item.subject,
                local_date=item.local_date,
                local_time=item.local_time,
                scope=item.scope,
            )
            scheduled += 1
        except ValidationError:
            refused += 1
    assert reminders_schedule_many(owner=bob, items=_items(bob, manys)) == (scheduled, refused)
    assert (scheduled, refused) == (7, 2)
    assert _state(bob, manys) == _state(alice, ones)
    assert Reminder.objects.filter(owner=bob).count() == 6
    first = Reminder.objects.get(owner=bob, subject_id=manys[0].pk)
    assert (first.local_date, first.local_time) == (
        local_today(bob) + dt.timedelta(days=40),
        dt.time(17),
    )


def test_restoring_2_or_20_reminders_costs_the_same_queries(alice):
    counts = []
    for n in (2, 20):
        owner = UserFactory(email=f"owner{n}@example.com")
        items = _items(owner, _applications(owner, n))
        with CaptureQueriesContext(connection) as queries:
            reminders_schedule_many(owner=owner, items=items)
        assert Reminder.objects.filter(owner=owner).count() == n
        counts.append(len(queries))
    assert counts[0] == counts[1]
    assert counts[0] <= 6, counts


def test_a_wrong_subject_is_refused_before_anything_is_written(alice):
    (app,) = _applications(alice, 1)
    with pytest.raises(TypeError):
        reminders_schedule_many(
            owner=alice,
            items=[ScheduleItem(NO_REPLY, app.company, local_today(alice) + dt.timedelta(days=1))],
        )
    assert not Reminder.objects.filter(owner=alice).exists()
