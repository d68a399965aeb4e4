import datetime as dt

import pytest
import time_machine
from django.urls import reverse

from applications.pipeline import Status
from coping.models import FollowUp
from reminders.models import Reminder
from tests.factories import ApplicationFactory, CompanyFactory, reject, reminders_about

pytestmark = pytest.mark.django_db


@pytest.fixture
def reminder(alice):
    # Rejected at noon on 25 November 2026 (Berlin), whatever the clock says when tests run.
    with time_machine.travel(dt.datetime(2026, 11, 25, 12, tzinfo=dt.UTC), tick=False):
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
    assert "Nothing to cancel. It was cancelled: you cancelled it." in r.content.decode()


@time_machine.travel(dt.datetime(2026, 11, 25, 12, tzinfo=dt.UTC), tick=False)
def test_dates_outside_today_to_five_years_are_form_errors(alice_client, alice, reminder):
    url = reverse("reminders:update", args=[reminder.pk])
    before = (reminder.local_date, reminder.due_at, reminder.version)
    for day, message in [
        ("9999-12-31", "can’t be after 25 November 2031"),
        ("2031-11-26", "can’t be after 25 November 2031"),
        ("0001-01-01", "can’t be before 25 November 2026"),
    ]:
        r = alice_client.post(url, {"local_date": day, "local_time": "09:00"})
        assert r.status_code == 200 and message in r.content.decode(), day
    reminder.refresh_from_db()
    assert (reminder.local_date, reminder.due_at, reminder.version) == before
    alice_client.post(url, {"local_date": "2031-11-25", "local_time": "09:00"})
    reminder.refresh_from_db()
    assert reminder.local_date == dt.date(2031, 11, 25)
    # Preferences keep working with the furthest date allowed.
    prefs = {
        "first_name": "Alice",
        "timezone": "Pacific/Kiritimati",
        "reminder_time": "23:59",
        "keep_in_touch_months": "24",
        "no_reply_days": "90",
        "prep_time": "18:00",
    }
    assert alice_client.post(reverse("preferences"), prefs).status_code == 302
    assert alice_client.get(reverse("preferences")).status_code == 200


@time_machine.travel(dt.datetime(2026, 11, 25, 12, tzinfo=dt.UTC), tick=False)
def test_preview_shows_the_email_as_it_will_go_out_and_changes_nothing(
    alice_client, reminder, mailoutbox
):
    before = Reminder.objects.filter(pk=reminder.pk).values().get()
    page = alice_client.get(reverse("reminders:preview", args=[reminder.pk])).content.decode()
    assert "Time to check in with Acme" in page  # the subject line, as sent
    assert "I interviewed for the" in page  # the drafted note, in the text version
    email_url = reverse("reminders:preview_email", args=[reminder.pk])
    assert f'sandbox src="{email_url}"' in page  # the HTML, in a frame that grants nothing
    html = alice_client.get(email_url).content.decode()
    assert "/r/" not in page + html  # no live one-click link anywhere
    assert 'href="#preview"' in html
    assert Reminder.objects.filter(pk=reminder.pk).values().get() == before
    assert mailoutbox == []


def test_preview_says_when_it_will_not_be_sent(alice_client, alice, reminder):
    FollowUp.objects.filter(plan_id=reminder.subject_id).update(interested=False)
    page = alice_client.get(reverse("reminders:preview", args=[reminder.pk])).content.decode()
    assert "It won’t be sent: you chose not to check in with them." in page


@time_machine.travel(dt.datetime(2026, 11, 25, 12, tzinfo=dt.UTC), tick=False)
def test_send_now_says_what_it_replaces_before_it_acts(
    alice_client, reminder, django_capture_on_commit_callbacks
):
    url = reverse("reminders:send_now", args=[reminder.pk])
    page = alice_client.get(url).content.decode()
    # Rejected on 25 Nov 2026; three months later at 09:00 Berlin.
    assert "instead of on 25 February 2027 at 09:00" in page
    assert "your plan’s keep-in-touch check-in" in page
    reminder.refresh_from_db()
    assert reminder.run_at == reminder.due_at  # the question changed nothing
    with django_capture_on_commit_callbacks() as callbacks:
        alice_client.post(url)
    reminder.refresh_from_db()
    assert reminder.run_at == dt.datetime(2026, 11, 25, 12, tzinfo=dt.UTC)
    assert len(callbacks) == 1


def test_cancel_asks_first_and_says_it_cannot_be_undone(alice_client, reminder):
    url = reverse("reminders:cancel", args=[reminder.pk])
    page = alice_client.get(url).content.decode()
    assert "can’t be brought back" in page and "Cancel the reminder" in page
    reminder.refresh_from_db()
    assert reminder.status == "scheduled"  # asking changed nothing
    listing = alice_client.get(reverse("reminders:list")).content.decode()
    assert f'href="{url}"' in listing  # the list links to the question, not a bare POST
    alice_client.post(url)
    r = alice_client.get(url, follow=True)
    assert "Nothing to cancel. It was cancelled: you cancelled it." in r.content.decode()


@time_machine.travel(dt.datetime(2026, 11, 25, 12, tzinfo=dt.UTC), tick=False)
def test_each_list_shows_ten_and_pages_on_without_losing_the_others(alice_client, alice):
    company = CompanyFactory(owner=alice, name="Acme")
    for i in range(6):  # two reminders per rejection (a check-in and a keep-in-touch)
        reject(ApplicationFactory(company=company, role=f"Role {i}", status=Status.INTERVIEWING))
    url = reverse("reminders:list")
    first = alice_client.get(url).content.decode()
    upcoming = first.split('id="upcoming-heading"', 1)[1].split("</section>", 1)[0]
    assert upcoming.count("Change date<") == 10
    assert "upcoming=2" in upcoming
    second = alice_client.get(url + "?upcoming=2").content.decode()
    upcoming = second.split('id="upcoming-heading"', 1)[1].split("</section>", 1)[0]
    assert upcoming.count("Change date<") == 2 and "upcoming=1" in upcoming
