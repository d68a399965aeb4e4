"""The to-do's reminder goes out as an email about it, and not once it is done."""

import datetime as dt

import pytest
from django.core import mail
from django.utils import timezone

from reminders import dispatch_services
from reminders.models import Reminder
from tests.factories import reminders_about
from todos import services
from todos.models import Todo
from todos.reminder_kinds import TODO_DUE

pytestmark = [pytest.mark.django_db, pytest.mark.frozen("2026-11-25 10:00Z")]


def _due_now(todo: Todo) -> Reminder:
    reminder = reminders_about(todo, TODO_DUE).get()
    past = timezone.now() - dt.timedelta(minutes=1)
    Reminder.objects.filter(pk=reminder.pk).update(due_at=past, run_at=past)
    return reminder


@pytest.mark.application(company="Acme", role="Analyst")
def test_it_sends_the_reminder_with_the_todo_and_its_application(application):
    todo = services.todo_add(
        application=application,
        title="Send the portfolio",
        due_on=dt.date(2026, 11, 28),
        remind_before=2,
    )
    reminder = _due_now(todo)
    dispatch_services.reminders_dispatch()
    reminder.refresh_from_db()
    assert reminder.status == Reminder.Status.SENT
    (email,) = mail.outbox
    assert email.subject == "To-do: Send the portfolio"
    body = " ".join(email.body.split())
    # Wednesday 25th to Saturday 28th: three days.
    assert "Your to-do for Analyst at Acme: Send the portfolio" in body
    assert "It is due in 3 days, on 28 Nov 2026." in body
    assert f"/applications/{application.pk}/#todos" in body
    html = email.alternatives[0][0]
    assert "<strong>Analyst</strong>" in html and "/r/" in html


def test_one_done_behind_the_services_back_is_cancelled_not_sent(application):
    todo = services.todo_add(
        application=application, title="Portfolio", due_on=dt.date(2026, 11, 28), remind_before=1
    )
    reminder = _due_now(todo)
    Todo.objects.filter(pk=todo.pk).update(done_at=timezone.now())
    dispatch_services.reminders_dispatch()
    reminder.refresh_from_db()
    assert reminder.status == Reminder.Status.CANCELLED
    assert reminder.ended_reason == "The to-do is done."
    assert mail.outbox == []


def test_the_reminders_page_names_the_todo(alice_client, application):
    services.todo_add(
        application=application, title="Portfolio", due_on=dt.date(2026, 12, 2), remind_before=1
    )
    page = " ".join(alice_client.get("/reminders/").content.decode().split())
    assert "To-do due" in page and "Portfolio (Analyst at Acme)" in page
