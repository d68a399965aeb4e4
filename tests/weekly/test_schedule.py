"""The letter at the user's hour on their day, in their time zone, every week; off when they
say so (the settings, or "Stop this reminder" in a letter)."""

import datetime as dt

import pytest
import time_machine
from django.core import mail

from reminders.dispatch_services import reminders_dispatch
from reminders.models import Reminder
from reminders.services import reminder_mark_done, reminder_send_now, reminder_stop
from tests.factories import reminders_about
from weekly.models import WeeklyLetter
from weekly.services import WEEKLY_LETTER, letter_settings_save, letters_top_up

pytestmark = pytest.mark.django_db

UTC = dt.UTC
Status = Reminder.Status


def at(*args):
    return time_machine.travel(dt.datetime(*args, tzinfo=UTC), tick=False)


@pytest.fixture
def new_yorker(alice):
    alice.timezone, alice.reminder_time = "America/New_York", dt.time(8, 30)
    alice.save()
    return alice


def open_letters(letter):
    return reminders_about(letter, WEEKLY_LETTER).filter(status__in=Reminder.OPEN)


@pytest.mark.parametrize(
    ("now", "weekday", "local_date", "due_at"),
    [
        # Wednesday 10 March 2027, 07:00 in New York (EST, UTC-5): Friday's letter at 08:30.
        ((2027, 3, 10, 12), 4, dt.date(2027, 3, 12), dt.datetime(2027, 3, 12, 13, 30, tzinfo=UTC)),
        # A Wednesday letter: today, its hour hasn't come yet.
        ((2027, 3, 10, 12), 2, dt.date(2027, 3, 10), dt.datetime(2027, 3, 10, 13, 30, tzinfo=UTC)),
        # 09:00 in New York: today's hour has passed, so next Wednesday, after the clocks go
        # forward on 14 March (EDT, UTC-4).
        ((2027, 3, 10, 14), 2, dt.date(2027, 3, 17), dt.datetime(2027, 3, 17, 12, 30, tzinfo=UTC)),
        # Monday from a Wednesday: five days on, past the change.
        ((2027, 3, 10, 12), 0, dt.date(2027, 3, 15), dt.datetime(2027, 3, 15, 12, 30, tzinfo=UTC)),
    ],
)
def test_it_schedules_the_letter_at_the_local_hour_of_the_chosen_day(
    new_yorker, now, weekday, local_date, due_at
):
    with at(*now):
        letter = letter_settings_save(user=new_yorker, enabled=True, weekday=weekday, goal=None)
    reminder = open_letters(letter).get()
    assert (reminder.local_date, reminder.local_date.weekday()) == (local_date, weekday)
    assert reminder.local_time == dt.time(8, 30)
    assert reminder.due_at == due_at


def test_changing_the_day_moves_the_one_letter(new_yorker):
    with at(2027, 3, 10, 12):
        letter = letter_settings_save(user=new_yorker, enabled=True, weekday=4, goal=None)
        letter_settings_save(user=new_yorker, enabled=True, weekday=0, goal=3)
    reminder = open_letters(letter).get()
    assert reminder.local_date == dt.date(2027, 3, 15)
    assert WeeklyLetter.objects.get(user=new_yorker).goal == 3


def test_opting_out_cancels_the_letter(alice):
    with at(2027, 3, 10, 12):
        letter = letter_settings_save(user=alice, enabled=True, weekday=4, goal=5)
        letter_settings_save(user=alice, enabled=False, weekday=4, goal=5)
    reminder = reminders_about(letter, WEEKLY_LETTER).get()
    assert reminder.status == Status.CANCELLED
    assert reminder.ended_reason == "You turned the weekly letter off."
    with at(2027, 3, 12, 8):
        assert letters_top_up() == 0
        assert reminders_dispatch() == 0
    assert not open_letters(letter).exists() and mail.outbox == []


def test_each_letter_sent_is_followed_by_next_weeks(alice):
    # Berlin, 09:00 on Fridays: 08:00 UTC in March (CET).
    with at(2027, 3, 10, 12):
        letter = letter_settings_save(user=alice, enabled=True, weekday=4, goal=5)
    with at(2027, 3, 12, 7, 59):
        assert reminders_dispatch() == 0
    with at(2027, 3, 12, 8):
        assert reminders_dispatch() == 1
        assert letters_top_up() == 1
        assert letters_top_up() == 0  # one at a time
    assert len(mail.outbox) == 1
    email = mail.outbox[0]
    assert email.subject == "Your week: 0 applications sent"
    assert "In the last seven days you sent 0 applications." in email.body
    assert "/r/" in email.body  # the one-click links
    sent = reminders_about(letter, WEEKLY_LETTER).get(status=Status.SENT)
    following = open_letters(letter).get()
    assert following.due_at == dt.datetime(2027, 3, 19, 8, tzinfo=UTC)
    # Marked done from the email: the week after still comes.
    with at(2027, 3, 19, 8):
        assert reminders_dispatch() == 1
        reminder_mark_done(reminder=following)
        assert letters_top_up() == 1
    assert open_letters(letter).get().local_date == dt.date(2027, 3, 26)
    assert sent.pk != following.pk


def test_stopping_a_letter_from_its_email_turns_the_letter_off(alice):
    with at(2027, 3, 10, 12):
        letter = letter_settings_save(user=alice, enabled=True, weekday=4, goal=5)
    with at(2027, 3, 12, 8):
        reminders_dispatch()
        reminder_stop(reminder=reminders_about(letter, WEEKLY_LETTER).get())
        assert letters_top_up() == 0
    letter.refresh_from_db()
    assert not letter.enabled
    assert not open_letters(letter).exists()


def test_a_letter_turned_off_meanwhile_is_not_sent(alice):
    with at(2027, 3, 10, 12):
        letter = letter_settings_save(user=alice, enabled=True, weekday=4, goal=5)
    WeeklyLetter.objects.filter(pk=letter.pk).update(enabled=False)  # as a restore might
    with at(2027, 3, 12, 8):
        reminders_dispatch()
    assert mail.outbox == []
    reminder = reminders_about(letter, WEEKLY_LETTER).get()
    assert reminder.status == Status.CANCELLED


def test_a_letter_sent_early_on_its_day_is_not_sent_again_that_day(alice):
    with at(2027, 3, 10, 12):
        letter = letter_settings_save(user=alice, enabled=True, weekday=4, goal=5)
    # Friday 08:00 in Berlin, an hour before its time: "Send now".
    with at(2027, 3, 12, 7):
        reminder_send_now(reminder=open_letters(letter).get())
        assert reminders_dispatch() == 1
        assert letters_top_up() == 1
    assert open_letters(letter).get().due_at == dt.datetime(2027, 3, 19, 8, tzinfo=UTC)


def test_a_letter_whose_settings_were_deleted_is_cancelled_not_sent(alice):
    with at(2027, 3, 10, 12):
        letter = letter_settings_save(user=alice, enabled=True, weekday=4, goal=5)
    reminder = open_letters(letter).get()
    WeeklyLetter.objects.filter(pk=letter.pk).delete()  # behind the services' back
    with at(2027, 3, 12, 8):
        reminders_dispatch()
    reminder.refresh_from_db()
    assert (reminder.status, reminder.ended_reason) == (
        Status.CANCELLED,
        "What it was about has been deleted.",
    )
    assert mail.outbox == []
