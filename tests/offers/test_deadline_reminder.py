"""The reminder before an offer's decision deadline: its day and hour computed by hand, moved
with the offer, cancelled with it, and never sent once it no longer applies."""

import datetime as dt

import pytest
import time_machine
from django.core.management import call_command

from applications.pipeline import Status
from applications.services import application_change_status
from offers import reminder_kinds
from offers.models import Offer
from offers.services import offer_save
from reminders import kinds
from reminders.models import Reminder
from tests.factories import reminders_about

from .helpers import offered

UTC = dt.UTC
# Wednesday 10 March 2027, 11:00 in Berlin (UTC+1): Alice's reminder hour (09:00) has passed.
NOW = "2027-03-10 10:00Z"


def at(moment: str):
    return time_machine.travel(moment, tick=False)


def _reminder(offer: Offer) -> Reminder:
    return reminders_about(offer, "offer_deadline").get()


@pytest.mark.django_db
@pytest.mark.frozen(NOW)
def test_it_comes_n_days_before_the_deadline_at_the_users_hour(alice):
    offer = offered(alice, "Acme", deadline=dt.date(2027, 3, 20), remind_days_before=3)
    reminder = _reminder(offer)
    # 20 March − 3 days = 17 March, at 09:00 in Berlin (CET, UTC+1) = 08:00 UTC.
    assert (reminder.local_date, reminder.local_time) == (dt.date(2027, 3, 17), dt.time(9))
    assert reminder.due_at == dt.datetime(2027, 3, 17, 8, tzinfo=UTC)
    assert reminder.scope == f"applications.application:{offer.application_id}"
    kind = kinds.get("offer_deadline")
    assert kind.note(offer, reminder) == ""


@pytest.mark.django_db
@pytest.mark.frozen(NOW)
def test_the_default_is_two_days_before_and_it_crosses_the_clock_change(alice):
    offer = offered(alice, "Acme", deadline=dt.date(2027, 3, 30))
    reminder = _reminder(offer)
    # 28 March 2027 is the day Berlin moves to CEST (UTC+2): 09:00 there is 07:00 UTC.
    assert reminder.local_date == dt.date(2027, 3, 28)
    assert reminder.due_at == dt.datetime(2027, 3, 28, 7, tzinfo=UTC)


@pytest.mark.django_db
@pytest.mark.frozen(NOW)
def test_a_deadline_already_near_comes_at_the_next_hour_still_before_it(alice):
    # Deadline tomorrow, two days before was yesterday, today's 09:00 has gone: tomorrow 09:00.
    offer = offered(alice, "Acme", deadline=dt.date(2027, 3, 11))
    reminder = _reminder(offer)
    assert reminder.local_date == dt.date(2027, 3, 11)
    assert reminder.due_at == dt.datetime(2027, 3, 11, 8, tzinfo=UTC)
    kind = kinds.get("offer_deadline")
    assert "usual day had already passed" in kind.note(offer, reminder)


@pytest.mark.django_db
@pytest.mark.frozen("2027-03-10 07:30Z")
def test_a_near_deadline_saved_before_the_hour_comes_today(alice):
    # 08:30 in Berlin: today's 09:00 is still ahead.
    offer = offered(alice, "Acme", deadline=dt.date(2027, 3, 11), remind_days_before=5)
    reminder = _reminder(offer)
    assert reminder.due_at == dt.datetime(2027, 3, 10, 8, tzinfo=UTC)


@pytest.mark.django_db
@pytest.mark.frozen(NOW)
@pytest.mark.parametrize(
    ("fields", "reason"),
    [
        # Today's hour has passed and tomorrow is after the deadline.
        ({"deadline": dt.date(2027, 3, 10)}, "The deadline is too close for a reminder."),
        ({"deadline": dt.date(2027, 3, 1)}, "The deadline is too close for a reminder."),
        ({"deadline": dt.date(2027, 3, 20), "remind_days_before": 0}, "You asked for no reminder"),
        ({"deadline": None}, "The offer has no decision deadline."),
    ],
)
def test_no_reminder_when_none_is_wanted_or_it_is_too_late(alice, fields, reason):
    offer = offered(alice, "Acme", **fields)
    assert not reminders_about(offer, "offer_deadline").exists()
    # An offer that had one, changed to this: its reminder is cancelled, saying why.
    offer.deadline, offer.remind_days_before = dt.date(2027, 3, 20), 2
    offer_save(offer=offer)
    for name, value in fields.items():
        setattr(offer, name, value)
    offer_save(offer=offer)
    reminder = _reminder(offer)
    assert reminder.status == "cancelled"
    assert reminder.ended_reason.startswith(reason)


@pytest.mark.django_db
@pytest.mark.frozen(NOW)
def test_it_moves_with_the_offer_and_stays_one(alice):
    offer = offered(alice, "Acme", deadline=dt.date(2027, 3, 20))
    assert _reminder(offer).local_date == dt.date(2027, 3, 18)
    offer.deadline, offer.remind_days_before = dt.date(2027, 4, 2), 7
    offer_save(offer=offer)
    reminder = _reminder(offer)  # still one
    assert (reminder.status, reminder.local_date) == ("scheduled", dt.date(2027, 3, 26))


@pytest.mark.django_db
@pytest.mark.frozen(NOW)
def test_leaving_offer_cancels_it_and_coming_back_schedules_it_again(alice):
    offer = offered(alice, "Acme", deadline=dt.date(2027, 3, 20))
    application = offer.application
    application_change_status(application=application, to_status=Status.INTERVIEWING)
    reminder = _reminder(offer)
    assert (reminder.status, reminder.ended_reason) == (
        "cancelled",
        "The application has moved on.",
    )
    application_change_status(application=application, to_status=Status.OFFER)
    again = reminders_about(offer, "offer_deadline").get(status="scheduled")
    assert again.local_date == dt.date(2027, 3, 18)


@pytest.mark.django_db
@pytest.mark.frozen(NOW)
def test_it_says_why_it_no_longer_applies(alice):
    offer = offered(alice, "Acme", deadline=dt.date(2027, 3, 20))
    obsolete = kinds.get("offer_deadline").obsolete
    assert obsolete(offer) == ""
    offer.deadline = dt.date(2027, 3, 9)
    assert obsolete(offer) == "The decision deadline has passed."
    offer.deadline = None
    assert obsolete(offer) == "The offer has no decision deadline any more."
    offer.application.status = Status.ACCEPTED
    assert obsolete(offer) == "The application has moved on (accepted)."


def test_the_days_left_in_words():
    today = dt.date(2027, 3, 10)
    said = [reminder_kinds.days_left(today + dt.timedelta(days=d), today) for d in (-1, 0, 1, 3)]
    assert said == ["passed", "today", "tomorrow", "in 3 days"]


@pytest.mark.django_db(transaction=True)
def test_the_email_goes_out_at_its_hour_with_the_offer_in_it(alice, smtp_sink):
    with at(NOW):
        offered(
            alice,
            "Acme",
            base_salary=85_000,
            bonus=10_000,
            equity="0.1 % over 4 years",
            equity_value=5_000,
            benefits="30 days off",
            start_date=dt.date(2027, 5, 1),
            deadline=dt.date(2027, 3, 20),
        )
    with at("2027-03-18 07:59Z"):
        call_command("dispatch_reminders")
    assert smtp_sink.messages == []
    with at("2027-03-18 08:00Z"):
        call_command("dispatch_reminders")
    (email,) = smtp_sink.messages
    assert email["Subject"] == "The offer from Acme: your decision is due in 2 days"
    text = next(
        p.get_payload(decode=True).decode()
        for p in email.walk()
        if p.get_content_type() == "text/plain"
    )
    assert "Analyst at Acme: they asked for your decision by 20 March 2027 (in 2 days)." in text
    # 85,000 + 10,000 + 5,000, in English's euro format, without cents.
    for line in (
        "- Base salary: €85,000",
        "- Bonus: €10,000",
        "- Equity: 0.1 % over 4 years, about €5,000 a year",
        "- Yearly total: €100,000",
        "- Start date: 1 May 2027",
        "- Benefits: 30 days off",
    ):
        assert line in text


@pytest.mark.django_db(transaction=True)
def test_an_obsolete_one_is_cancelled_instead_of_sent(alice, smtp_sink):
    with at(NOW):
        offer = offered(alice, "Acme", deadline=dt.date(2027, 3, 20))
        # Accepted through a path that leaves the reminder (the listener would cancel it).
        Offer.objects.filter(pk=offer.pk).update(deadline=dt.date(2027, 3, 17))
    with at("2027-03-18 08:00Z"):
        call_command("dispatch_reminders")
    assert smtp_sink.messages == []
    reminder = _reminder(offer)
    assert (reminder.status, reminder.ended_reason) == (
        "cancelled",
        "The decision deadline has passed.",
    )
