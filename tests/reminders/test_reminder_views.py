import datetime as dt

import pytest
import time_machine
from django.urls import reverse

from applications.models import Status
from reminders.models import Reminder
from tests.factories import ApplicationFactory, CompanyFactory, reject, reminders_about

pytestmark = pytest.mark.django_db


@pytest.fixture
def reminder(alice):
    app = ApplicationFactory(
        company=CompanyFactory(owner=alice, name="Acme"), status=Status.INTERVIEWING
    )
    return reminders_about(reject(app)).get(kind="keep_in_touch")


def test_it_lists_upcoming_failed_and_sent_reminders(alice_client, alice, reminder):
    failed = reminders_about(
        reject(
            ApplicationFactory(
                company=CompanyFactory(owner=alice, name="Globex"), status=Status.INTERVIEWING
            )
        )
    ).first()
    Reminder.objects.filter(pk=failed.pk).update(
        status="failed", last_error="SMTPRecipientsRefused 550"
    )
    page = alice_client.get(reverse("reminders:list")).content.decode()
    assert (
        page.index("Could not be sent")
        < page.index("SMTPRecipientsRefused 550")
        < page.index("Upcoming")
    )
    assert "Keep in touch" in page and "Acme" in page


@time_machine.travel(dt.datetime(2026, 11, 25, 12, tzinfo=dt.UTC), tick=False)
def test_it_changes_the_date_in_the_users_zone(alice_client, reminder):
    url = reverse("reminders:update", args=[reminder.pk])
    alice_client.post(url, {"local_date": "2027-01-15", "local_time": "10:30"})
    reminder.refresh_from_db()
    assert reminder.due_at == dt.datetime(2027, 1, 15, 9, 30, tzinfo=dt.UTC)  # 10:30 CET
    r = alice_client.post(url, {"local_date": "someday", "local_time": "10:30"})
    assert "Enter a valid date." in r.content.decode()
    r = alice_client.post(url, {"local_date": "2026-11-25", "local_time": "08:00"})
    assert "Pick a moment in the future" in r.content.decode()
    reminder.refresh_from_db()
    assert reminder.local_date == dt.date(2027, 1, 15)


def test_it_cancels_and_sends_now(alice_client, reminder, django_capture_on_commit_callbacks):
    with django_capture_on_commit_callbacks() as callbacks:
        alice_client.post(reverse("reminders:send_now", args=[reminder.pk]))
    reminder.refresh_from_db()
    assert reminder.run_at <= dt.datetime.now(dt.UTC) and reminder.status == "scheduled"
    assert len(callbacks) == 1  # a dispatch is enqueued once the change is committed
    alice_client.post(reverse("reminders:cancel", args=[reminder.pk]))
    reminder.refresh_from_db()
    assert reminder.status == "cancelled"
    r = alice_client.post(reverse("reminders:cancel", args=[reminder.pk]), follow=True)
    assert "That reminder was already cancelled." in r.content.decode()
