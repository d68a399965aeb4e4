"""An application's upcoming reminders, read in raw SQL (reminders.selectors.upcoming_in_scope),
are the ones the queryset it replaced read: the same reminders, columns, order and notes."""

import datetime as dt

import pytest

from rebound.models import User
from reminders import selectors
from reminders.kinds import load_subjects, registered, scope_of
from reminders.models import Reminder
from tests.factories import ApplicationFactory, CompanyFactory
from todos import services

pytestmark = [pytest.mark.django_db, pytest.mark.frozen("2026-11-25 10:00Z")]
D = dt.date


def _old(owner: User, scope: str) -> list[Reminder]:
    """upcoming_in_scope as it was."""
    reminders = list(
        Reminder.objects.filter(owner=owner, scope=scope, status__in=Reminder.OPEN)
        .only("pk", "kind", "subject_id", "due_at", "local_date", "status")
        .order_by("due_at", "pk")
    )
    declared = registered()
    noted = [r for r in reminders if r.kind in declared and declared[r.kind].has_note]
    subjects = load_subjects([(r.kind, r.subject_id) for r in noted], for_email=False)
    for reminder in reminders:
        subject = subjects.get((reminder.kind, reminder.subject_id))
        reminder.note = declared[reminder.kind].note(subject, reminder) if subject else ""  # type: ignore[attr-defined]
    return reminders


def _columns(reminders: list[Reminder]) -> list[tuple[object, ...]]:
    return [
        (r.pk, r.kind, r.subject_id, r.due_at, r.local_date, r.status, r.note)  # type: ignore[attr-defined]
        for r in reminders
    ]


def test_the_scope_reads_the_same_reminders(alice, bob):
    application = ApplicationFactory(company=CompanyFactory(owner=alice, name="Acme & <Co>"))
    other = ApplicationFactory(company=CompanyFactory(owner=alice, name="Other"))
    for day, title in (
        (D(2026, 12, 3), "Later"),
        (D(2026, 11, 30), "Sooner"),
        (D(2026, 12, 3), "Tie"),
    ):
        services.todo_add(application=application, title=title, due_on=day, remind_before=1)
    services.todo_add(application=other, title="Elsewhere", due_on=D(2026, 12, 1), remind_before=1)
    bobs = ApplicationFactory(company=CompanyFactory(owner=bob, name="Bob's"))
    services.todo_add(application=bobs, title="Bob's", due_on=D(2026, 12, 1), remind_before=1)
    scope = scope_of(application)
    # One no longer open: it drops out of both.
    first = Reminder.objects.filter(scope=scope).order_by("pk")[0]
    Reminder.objects.filter(pk=first.pk).update(status=Reminder.Status.CANCELLED)

    new = selectors.upcoming_in_scope(owner=alice, scope=scope)
    assert _columns(new) == _columns(_old(alice, scope))
    assert len(new) >= 2 and first.pk not in [r.pk for r in new]
    # Someone else's scope string gets them nothing of hers, and she nothing of theirs.
    assert selectors.upcoming_in_scope(owner=bob, scope=scope) == []
    assert _columns(selectors.upcoming_in_scope(owner=bob, scope=scope_of(bobs))) == _columns(
        _old(bob, scope_of(bobs))
    )
