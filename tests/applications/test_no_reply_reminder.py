"""The "no answer yet" nudge: scheduled on applying, cancelled by any move, one-click ghosted."""

import datetime as dt

import pytest
import time_machine
from django.core.management import call_command
from django.test import Client
from django.urls import reverse

from applications import services
from applications.pipeline import Status
from coping.models import CopingPlan
from reminders.models import Reminder
from tests.factories import CompanyFactory, reminders_about

pytestmark = pytest.mark.django_db(transaction=True)
UTC = dt.UTC


def at(*args):
    return time_machine.travel(dt.datetime(*args, tzinfo=UTC), tick=False)


def _applied(owner, on):
    return services.application_create(
        owner=owner,
        company=CompanyFactory(owner=owner, name="Initech"),
        role="Analyst",
        status=Status.APPLIED,
        date_applied=on,
    )


def _path(url: str) -> str:
    return "/" + url.split("://", 1)[1].split("/", 1)[1]


def test_it_nudges_ten_days_after_applying_at_the_users_hour_across_dst(alice, smtp_sink):
    # Applied on 20 March (CET, UTC+1); ten days later is 30 March, after the clocks moved.
    with at(2026, 3, 20, 10):
        application = _applied(alice, dt.date(2026, 3, 20))
    nudge = reminders_about(application, "no_reply").get()
    assert (nudge.local_date, nudge.local_time) == (dt.date(2026, 3, 30), dt.time(9))
    assert nudge.due_at == dt.datetime(2026, 3, 30, 7, tzinfo=UTC)  # 09:00 CEST
    with at(2026, 3, 30, 6, 59):
        call_command("dispatch_reminders")
    assert smtp_sink.messages == []
    with at(2026, 3, 30, 7, 0):
        call_command("dispatch_reminders")
    (email,) = smtp_sink.messages
    assert email["Subject"] == "No answer yet from Initech"
    text = next(
        p.get_payload(decode=True).decode()
        for p in email.walk()
        if p.get_content_type() == "text/plain"
    )
    assert "10 days ago" in text and "I applied for the Analyst role at Initech on 20 March" in text
    ghosted_url = next(line for line in text.splitlines() if line.startswith("Mark it ghosted"))
    ghosted = _path(ghosted_url.split(": ", 1)[1].strip())
    snooze = _path(next(line for line in text.splitlines() if "two weeks" in line).split()[-1])

    # The one-click "mark ghosted": a GET only asks; the button changes the status through
    # the service, which opens the plan, and every link of the email is dead afterwards.
    with at(2026, 3, 30, 8):
        client = Client(enforce_csrf_checks=True)
        page = client.get(ghosted).content.decode()
        assert "Mark it ghosted?" in page and "moves the application to Ghosted" in page
        application.refresh_from_db()
        assert application.status == Status.APPLIED
        page = client.post(ghosted).content.decode()
    assert "is marked ghosted, dated today" in page
    application.refresh_from_db()
    assert (application.status, application.status_changed_on) == (
        Status.GHOSTED,
        dt.date(2026, 3, 30),
    )
    assert CopingPlan.objects.filter(application=application, reason="ghosted").exists()
    nudge.refresh_from_db()
    assert nudge.status == "done"
    for url in (ghosted, snooze):
        assert Client().post(url).status_code == 410


def test_any_move_cancels_it_and_coming_back_to_applied_schedules_it_again(alice):
    with at(2026, 11, 2, 10):
        application = _applied(alice, dt.date(2026, 11, 2))
        nudge = reminders_about(application, "no_reply").get()
        services.application_change_status(application=application, to_status=Status.WITHDRAWN)
        nudge.refresh_from_db()
        assert (nudge.status, nudge.ended_reason) == ("cancelled", "The application has moved on.")
    with at(2026, 11, 5, 10):
        services.application_change_status(application=application, to_status=Status.APPLIED)
    again = reminders_about(application, "no_reply").get(status="scheduled")
    assert again.local_date == dt.date(2026, 11, 15)


def test_deleting_the_application_cancels_it(alice):
    with at(2026, 11, 2, 10):
        application = _applied(alice, dt.date(2026, 11, 2))
        nudge = reminders_about(application, "no_reply").get()
        services.application_delete(application=application)
    nudge.refresh_from_db()
    assert (nudge.status, nudge.ended_reason) == ("cancelled", "The application was deleted.")


def test_a_backfilled_application_nudges_at_the_next_sending_hour(alice):
    # Added at 11:00 Berlin time for an application sent 85 days ago: its usual day (10 days
    # after) is long gone, and today's 09:00 has passed, so it comes tomorrow at 09:00.
    with at(2026, 11, 25, 10):
        application = _applied(alice, dt.date(2026, 9, 1))
    nudge = reminders_about(application, "no_reply").get()
    assert (nudge.status, nudge.due_at) == ("scheduled", dt.datetime(2026, 11, 26, 8, tzinfo=UTC))


def test_changing_the_number_of_days_moves_pending_nudges(alice, alice_client):
    with at(2026, 11, 2, 10):
        application = _applied(alice, dt.date(2026, 11, 2))
        r = alice_client.post(
            reverse("preferences"),
            {
                "first_name": "Alice",
                "timezone": "Europe/Berlin",
                "reminder_time": "09:00",
                "keep_in_touch_months": "3",
                "no_reply_days": "5",
                "prep_time": "18:00",
            },
        )
        assert r.status_code == 302
    nudge = reminders_about(application, "no_reply").get(status="scheduled")
    assert nudge.local_date == dt.date(2026, 11, 7)
    assert Reminder.objects.filter(kind="no_reply").count() == 1  # moved, not added
