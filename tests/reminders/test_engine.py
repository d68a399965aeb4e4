import datetime as dt
import smtplib
import threading
import time

import pytest
import time_machine
from django.core.management import call_command
from django.db import connection
from django.urls import reverse

from applications import services as app_services
from applications.pipeline import Status
from interviews import services as interview_services
from interviews.models import Interview
from reminders import dispatch_services as engine
from reminders import services as reminders
from reminders.models import Reminder
from tests.factories import (
    ApplicationFactory,
    CompanyFactory,
    ContactFactory,
    reject,
    reminders_about,
)

pytestmark = pytest.mark.django_db(transaction=True)

UTC = dt.UTC


def at(*args):
    return time_machine.travel(dt.datetime(*args, tzinfo=UTC), tick=False)


def dispatch():
    call_command("dispatch_reminders")


def kinds_sent(sink):
    return [m["X-Rebound-Reminder"] for m in sink.messages]


@pytest.fixture
def berlin_application(alice):
    alice.timezone, alice.keep_in_touch_months = "Europe/Berlin", 3
    alice.save()
    company = CompanyFactory(owner=alice, name="Northwind")
    ContactFactory(company=company, kind="hr", name="Dana Whitfield")
    return ApplicationFactory(company=company, role="Data analyst", status=Status.INTERVIEWING)


def test_it_sends_keep_in_touch_at_nine_berlin_time_three_months_later_once(
    berlin_application, smtp_sink
):
    with at(2026, 3, 10, 15):
        plan = reject(berlin_application, on=dt.date(2026, 3, 10))
    keep = reminders_about(plan).get(kind="keep_in_touch")
    assert keep.due_at == dt.datetime(2026, 6, 10, 7, tzinfo=UTC)  # 09:00 CEST
    with at(2026, 3, 17, 8, 0):  # the one-week coping check-in: 09:00 CET is 08:00 UTC
        dispatch()
    assert len(smtp_sink.messages) == 1
    assert "How are you doing after Northwind?" in smtp_sink.messages[0]["Subject"]
    with at(2026, 6, 10, 6, 59):
        dispatch()
    assert len(smtp_sink.messages) == 1
    with at(2026, 6, 10, 7, 0):
        dispatch()
        dispatch()
    with at(2026, 6, 11, 7, 0):
        dispatch()
    assert len(smtp_sink.messages) == 2
    email = smtp_sink.messages[1]
    assert email["Subject"] == "Time to check in with Northwind"
    assert email["To"] == "alice@example.com"
    assert email["Message-ID"] == keep.message_id
    unsubscribe = "".join(email["List-Unsubscribe"].split())  # long headers are folded
    assert unsubscribe.startswith("<http") and "/r/" in unsubscribe
    assert email["List-Unsubscribe-Post"] == "List-Unsubscribe=One-Click"
    parts = {
        p.get_content_type(): p.get_payload(decode=True).decode()
        for p in email.walk()
        if not p.is_multipart()
    }
    assert "Dear Dana," in parts["text/plain"] and "Dear Dana," in parts["text/html"]
    assert "openings" in parts["text/plain"]
    keep.refresh_from_db()
    assert keep.status == Reminder.Status.SENT
    assert keep.sent_at == dt.datetime(2026, 6, 10, 7, tzinfo=UTC)


def test_it_sends_on_a_spring_forward_day_and_at_the_end_of_a_short_month(alice, smtp_sink):
    alice.timezone, alice.keep_in_touch_months = "Europe/Berlin", 1
    alice.save()
    # 31 January + 1 month is 28 February 2026, at 09:00 CET.
    app = ApplicationFactory(company=CompanyFactory(owner=alice), status=Status.INTERVIEWING)
    with at(2026, 1, 31, 12):
        plan = reject(app, on=dt.date(2026, 1, 31))
    keep = reminders_about(plan).get(kind="keep_in_touch")
    assert keep.due_at == dt.datetime(2026, 2, 28, 8, tzinfo=UTC)
    # Moved by the user to the spring-forward Sunday: 09:00 CEST is 07:00 UTC.
    reminders.reminder_reschedule(reminder=keep, local_date=dt.date(2026, 3, 29))
    keep.refresh_from_db()
    assert keep.due_at == dt.datetime(2026, 3, 29, 7, tzinfo=UTC)
    reminders_about(plan).exclude(pk=keep.pk).update(status=Reminder.Status.CANCELLED)
    with at(2026, 3, 29, 6, 59):
        dispatch()
    assert smtp_sink.messages == []
    with at(2026, 3, 29, 7, 0):
        dispatch()
    assert len(smtp_sink.messages) == 1


def test_changing_timezone_or_hour_re_derives_pending_reminders(
    berlin_application, alice, alice_client
):
    with at(2026, 3, 10, 15):
        plan = reject(berlin_application, on=dt.date(2026, 3, 10))
        alice_client.post(
            reverse("preferences"),
            {
                "first_name": "Alice",
                "timezone": "America/New_York",
                "reminder_time": "08:30",
                "keep_in_touch_months": "3",
                "no_reply_days": "10",
                "prep_time": "18:00",
            },
        )
    keep = reminders_about(plan).get(kind="keep_in_touch")
    assert (keep.local_date, keep.timezone) == (dt.date(2026, 6, 10), "America/New_York")
    assert keep.due_at == dt.datetime(2026, 6, 10, 12, 30, tzinfo=UTC)  # 08:30 EDT


def test_an_interview_schedules_thank_you_and_promised_reply(alice, smtp_sink):
    app = ApplicationFactory(company=CompanyFactory(owner=alice), status=Status.INTERVIEWING)
    with at(2026, 11, 2, 8):
        interview = interview_services.interview_save(
            interview=Interview(
                application=app,
                round_type="technical",
                starts_at=dt.datetime(2026, 11, 3, 13, tzinfo=UTC),
                ends_at=dt.datetime(2026, 11, 3, 14, tzinfo=UTC),
                promised_reply_by=dt.date(2026, 11, 6),
            ),
            interviewers=[ContactFactory(company=app.company, name="Priya Raman")],
        )
    thank, promised = (
        reminders_about(interview).get(kind=k) for k in ("thank_you", "promised_reply")
    )
    assert thank.due_at == dt.datetime(2026, 11, 4, 8, tzinfo=UTC)  # morning after, 09:00 CET
    assert promised.due_at == dt.datetime(2026, 11, 7, 8, tzinfo=UTC)
    with at(2026, 11, 4, 8, 1):
        dispatch()
    (email,) = smtp_sink.messages
    assert "thank-you" in email["Subject"] and "Dear Priya," in str(email)
    assert "Yesterday at 14:00 you had" in str(email)  # in Alice's zone, not UTC
    # The status moves before the promised date: the promised-reply reminder goes away.
    with at(2026, 11, 5, 8):
        app_services.application_change_status(application=app, to_status=Status.OFFER)
    promised.refresh_from_db()
    assert promised.status == Reminder.Status.CANCELLED


def test_deleting_an_application_cancels_its_reminders(berlin_application):
    plan = reject(berlin_application)
    ids = list(reminders_about(plan).values_list("pk", flat=True))
    app_services.application_delete(application=berlin_application)
    assert set(Reminder.objects.filter(pk__in=ids).values_list("status", flat=True)) == {
        "cancelled"
    }


def _due_reminder(owner, **kwargs):
    app = ApplicationFactory(company=CompanyFactory(owner=owner), status=Status.INTERVIEWING)
    plan = reject(app)
    reminders_about(plan).exclude(kind="keep_in_touch").update(status="cancelled")
    reminder = reminders_about(plan).get(kind="keep_in_touch")
    past = dt.datetime(2026, 1, 1, tzinfo=UTC)
    Reminder.objects.filter(pk=reminder.pk).update(due_at=past, run_at=past, **kwargs)
    reminder.refresh_from_db()
    return reminder


def test_a_cancelled_reminder_is_never_sent_even_when_cancelled_while_claimed(alice, smtp_sink):
    reminder = _due_reminder(alice)
    (pk,), token = engine.reminders_claim_due()
    assert reminders.reminder_cancel(reminder=reminder) is True
    assert engine.reminders_send_batch(reminder_ids=[pk], lease_token=token) == {"skipped": 1}
    done = _due_reminder(alice)
    reminders.reminder_mark_done(reminder=done)
    dispatch()
    assert smtp_sink.messages == []


def test_a_cancel_racing_a_send_waits_and_reports_it_already_went_out(alice, smtp_sink):
    reminder = _due_reminder(alice)
    (pk,), token = engine.reminders_claim_due()
    slow = smtp_sink.handle_DATA

    async def slow_data(server, session, envelope):
        import asyncio

        await asyncio.sleep(1.0)
        return await slow(server, session, envelope)

    smtp_sink.handle_DATA = slow_data
    results = {}

    def send():
        results["send"] = engine.reminders_send_batch(reminder_ids=[pk], lease_token=token)
        connection.close()

    thread = threading.Thread(target=send)
    thread.start()
    time.sleep(0.3)  # the sender now holds the row and is talking to SMTP
    cancelled = reminders.reminder_cancel(reminder=reminder)
    thread.join()
    reminder.refresh_from_db()
    assert (results["send"], cancelled, reminder.status) == ({"sent": 1}, False, "sent")
    assert len(smtp_sink.messages) == 1


def test_temporary_failures_back_off_and_permanent_ones_fail_visibly(alice, smtp_sink, settings):
    settings.REMINDER_RETRY_BASE_SECONDS = 60
    reminder = _due_reminder(alice)
    smtp_sink.refuse = 451
    with at(2026, 2, 1, 12):
        dispatch()
    reminder.refresh_from_db()
    assert reminder.status == "scheduled" and reminder.attempts == 1
    assert "451" in reminder.last_error
    assert reminder.run_at == dt.datetime(2026, 2, 1, 12, 1, tzinfo=UTC)
    with at(2026, 2, 1, 12, 0, 30):
        dispatch()  # still backing off
    reminder.refresh_from_db()
    assert reminder.attempts == 1
    smtp_sink.refuse = 550
    with at(2026, 2, 1, 12, 1):
        dispatch()
    reminder.refresh_from_db()
    assert reminder.status == "failed" and "550" in reminder.last_error
    smtp_sink.refuse = 0
    dispatch()
    assert smtp_sink.messages == []
    assert reminder.pk in [r.pk for r in Reminder.objects.filter(status="failed")]


def test_an_smtp_server_that_is_down_is_a_temporary_failure(alice, settings):
    settings.EMAIL_BACKEND = "django.core.mail.backends.smtp.EmailBackend"
    settings.EMAIL_HOST, settings.EMAIL_PORT = "127.0.0.1", 1
    reminder = _due_reminder(alice)
    dispatch()
    reminder.refresh_from_db()
    assert (reminder.status, reminder.last_error) == ("scheduled", "ConnectionRefusedError")


def test_it_classifies_smtp_errors():
    assert engine.is_permanent(smtplib.SMTPResponseException(550, b"no such user"))
    assert not engine.is_permanent(smtplib.SMTPResponseException(421, b"busy"))
    assert engine.is_permanent(smtplib.SMTPRecipientsRefused({"a@example.com": (550, b"unknown")}))
    assert not engine.is_permanent(ConnectionRefusedError())


def test_failed_reminders_show_with_their_error_in_the_admin(alice, client):
    from tests.factories import UserFactory

    reminder = _due_reminder(alice, status="failed", last_error="SMTPRecipientsRefused 550")
    admin = UserFactory(is_staff=True, is_superuser=True)
    client.force_login(admin)
    page = client.get("/admin/reminders/reminder/?status__exact=failed").content.decode()
    assert f"/admin/reminders/reminder/{reminder.pk}/change/" in page
    assert "SMTPRecipientsRefused 550" in page


def test_the_admin_names_kinds_by_their_labels_and_filters_by_them(alice, client):
    from tests.factories import UserFactory

    thank_you = _due_reminder(alice, kind="thank_you")
    check_in = _due_reminder(alice, kind="coping_check_in")
    client.force_login(UserFactory(is_staff=True, is_superuser=True))
    page = client.get("/admin/reminders/reminder/").content.decode()
    # The labels the kinds' owners declare, in the list and in the filter; not the names.
    assert "Thank-you note" in page
    assert ">thank_you<" not in page
    only = client.get("/admin/reminders/reminder/?kind=thank_you").content.decode()
    assert f"/admin/reminders/reminder/{thank_you.pk}/change/" in only
    assert f"/admin/reminders/reminder/{check_in.pk}/change/" not in only
