"""To-dos' services: what they keep, the bounds the database holds, and the reminder each one
schedules, moves and cancels, with its dates worked out by hand."""

import datetime as dt

import pytest
from django.core.exceptions import ValidationError
from django.db import IntegrityError, transaction
from django.utils import timezone

from reminders.models import Reminder
from tests.factories import reminders_about
from todos import services
from todos.models import Todo
from todos.reminder_kinds import TODO_DUE

# Wednesday 25 November 2026, 10:00 UTC: 11:00 in Berlin (Alice's zone), after her 9:00
# reminder hour (08:00 UTC in winter).
pytestmark = [pytest.mark.django_db, pytest.mark.frozen("2026-11-25 10:00Z")]
D = dt.date


def _reminder(todo: Todo) -> Reminder | None:
    return reminders_about(todo, TODO_DUE).filter(status__in=Reminder.OPEN).first()


def test_it_adds_an_open_todo_owned_by_the_applications_owner(application):
    todo = services.todo_add(application=application, title="  Send the portfolio  ")
    todo.refresh_from_db()
    assert todo.title == "Send the portfolio"
    assert todo.owner == application.owner and not todo.is_done
    assert todo.due_on is None and todo.remind_before is None
    assert _reminder(todo) is None


def test_a_reminder_a_day_before_comes_at_nine_in_berlin(application):
    todo = services.todo_add(
        application=application, title="Case study", due_on=D(2026, 12, 4), remind_before=1
    )
    reminder = _reminder(todo)
    # 4 December less a day, at 9:00 Berlin time (CET, UTC+1): 08:00 UTC on 3 December.
    assert reminder.local_date == D(2026, 12, 3)
    assert reminder.due_at == dt.datetime(2026, 12, 3, 8, tzinfo=dt.UTC)
    assert reminder.scope == f"applications.application:{application.pk}"


def test_a_reminder_on_the_day(application):
    todo = services.todo_add(
        application=application, title="Call back", due_on=D(2026, 11, 30), remind_before=0
    )
    assert _reminder(todo).due_at == dt.datetime(2026, 11, 30, 8, tzinfo=dt.UTC)


def test_a_reminder_whose_day_has_passed_comes_at_the_next_hour_before_the_due_date(application):
    # Due Friday 27th, "1 week before" was the 20th; today's 9:00 has gone: tomorrow, the 26th.
    todo = services.todo_add(
        application=application, title="Portfolio", due_on=D(2026, 11, 27), remind_before=7
    )
    assert _reminder(todo).local_date == D(2026, 11, 26)


def test_no_reminder_when_even_the_due_dates_hour_has_gone(application):
    # Due today, on the day: 9:00 has gone, and tomorrow is after the due date.
    todo = services.todo_add(
        application=application, title="Today", due_on=D(2026, 11, 25), remind_before=0
    )
    assert _reminder(todo) is None


def test_moving_the_due_date_moves_the_reminder(application):
    todo = services.todo_add(
        application=application, title="Case study", due_on=D(2026, 12, 4), remind_before=1
    )
    first = _reminder(todo)
    services.todo_update(todo=todo, title="Case study", due_on=D(2026, 12, 14), remind_before=2)
    moved = _reminder(todo)
    assert moved.pk == first.pk and moved.local_date == D(2026, 12, 12)
    assert moved.due_at == dt.datetime(2026, 12, 12, 8, tzinfo=dt.UTC)


def test_dropping_the_due_date_drops_the_reminder(application):
    todo = services.todo_add(
        application=application, title="Case study", due_on=D(2026, 12, 4), remind_before=1
    )
    reminder = _reminder(todo)
    services.todo_update(todo=todo, title="Case study", due_on=None, remind_before=1)
    todo.refresh_from_db()
    assert todo.remind_before is None  # a reminder needs a due date
    reminder.refresh_from_db()
    assert reminder.status == Reminder.Status.CANCELLED
    assert reminder.ended_reason == "The to-do no longer has a reminder."


def test_done_cancels_the_reminder_and_undone_brings_it_back(application):
    todo = services.todo_add(
        application=application, title="Case study", due_on=D(2026, 12, 4), remind_before=1
    )
    reminder = _reminder(todo)
    services.todo_toggle(todo=todo)
    todo.refresh_from_db()
    assert todo.done_at == timezone.now()
    reminder.refresh_from_db()
    assert reminder.status == Reminder.Status.CANCELLED
    assert reminder.ended_reason == "The to-do is done."
    services.todo_toggle(todo=todo)
    todo.refresh_from_db()
    assert todo.done_at is None
    assert _reminder(todo).local_date == D(2026, 12, 3)


def test_deleting_cancels_the_reminder(application):
    todo = services.todo_add(
        application=application, title="Case study", due_on=D(2026, 12, 4), remind_before=1
    )
    reminder = _reminder(todo)
    assert services.todo_delete(todo=todo) == application
    assert not Todo.objects.exists()
    reminder.refresh_from_db()
    assert reminder.status == Reminder.Status.CANCELLED
    assert reminder.ended_reason == "The to-do was deleted."


def test_the_reminder_is_obsolete_once_done_behind_the_services_back(application):
    from reminders import kinds

    todo = services.todo_add(
        application=application, title="Case study", due_on=D(2026, 12, 4), remind_before=1
    )
    Todo.objects.filter(pk=todo.pk).update(done_at=timezone.now())
    todo.refresh_from_db()
    assert kinds.get(TODO_DUE).obsolete(todo) == "The to-do is done."


@pytest.mark.parametrize("title", ["", "   "])
def test_a_blank_title_is_refused(application, title):
    with pytest.raises(ValidationError):
        services.todo_add(application=application, title=title)


def test_an_application_holds_at_most_a_hundred(application, monkeypatch):
    monkeypatch.setattr(services, "MAX_PER_APPLICATION", 2)
    services.todo_add(application=application, title="One")
    services.todo_add(application=application, title="Two")
    with pytest.raises(ValidationError, match="at most 2 to-dos"):
        services.todo_add(application=application, title="Three")


# --- what the database itself refuses, whatever writes the row ------------------------------


def _raw(application, **fields):
    values = {"application": application, "owner": application.owner, "title": "T"} | fields
    with pytest.raises(IntegrityError), transaction.atomic():
        Todo.objects.create(**values)


def test_the_database_refuses_a_blank_title(application):
    _raw(application, title="  ")


@pytest.mark.parametrize("day", [D(1969, 12, 31), D(2101, 1, 1)])
def test_the_database_refuses_an_absurd_due_date(application, day):
    _raw(application, due_on=day)


def test_the_database_refuses_a_reminder_without_a_due_date(application):
    _raw(application, remind_before=1)


def test_the_database_refuses_an_unknown_reminder(application):
    _raw(application, due_on=D(2026, 12, 1), remind_before=3)
