"""The weekly letter's verbs: save the settings, keep next week's letter scheduled.

The engine sends a reminder once; the next week's is scheduled here: when the settings are
saved, and by a daily top-up (`letters_top_up`, the beat's `weekly_letters_top_up`) for
every letter that is on and has none scheduled, which is the case after each letter is sent.
"""

import datetime as dt

from django.db import transaction
from django.db.models import Exists, OuterRef
from django.utils import timezone
from django.utils.translation import gettext_lazy

from rebound.lib.localtime import local_date_of, local_to_utc
from rebound.models import User
from reminders.kinds import scope_of
from reminders.models import Reminder
from reminders.services import reminder_schedule, reminders_cancel

from .models import WeeklyLetter

# The kind's stored name: reminders keep it, so it never changes.
WEEKLY_LETTER = "weekly_letter"
TURNED_OFF = gettext_lazy("You turned the weekly letter off.")


def next_letter_day(
    *, user: User, weekday: int, now: dt.datetime | None = None, not_before: dt.date | None = None
) -> dt.date:
    """The next `weekday` (0 is Monday) whose reminder hour, in the user's time zone, is
    still ahead: today when it is that day and the hour hasn't come yet. `not_before`: the
    first day it may be (after a letter sent early with "Send now", not that day again)."""
    now = now or timezone.now()
    today = timezone.localtime(now, user.tzinfo).date()
    if not_before is not None and not_before > today:
        today = not_before
    day = today + dt.timedelta(days=(weekday - today.weekday()) % 7)
    if local_to_utc(day, user.reminder_time, user.timezone) <= now:
        day += dt.timedelta(days=7)
    return day


def letter_schedule(*, letter: WeeklyLetter, last_sent: dt.datetime | None = None) -> Reminder:
    """Schedule the next letter (or move the open one to the letter's day); after one sent
    at `last_sent`, on a later day than that one."""
    user = letter.user
    not_before = local_date_of(last_sent, user) + dt.timedelta(days=1) if last_sent else None
    return reminder_schedule(
        owner=user,
        kind=WEEKLY_LETTER,
        subject=letter,
        local_date=next_letter_day(user=user, weekday=letter.weekday, not_before=not_before),
        scope=scope_of(letter),
    )


@transaction.atomic
def letter_settings_save(
    *, user: User, enabled: bool, weekday: int, goal: int | None
) -> WeeklyLetter:
    """Opt in or out, choose the day and the goal; the next letter follows at once."""
    letter, _created = WeeklyLetter.objects.update_or_create(
        user=user, defaults={"enabled": enabled, "weekday": weekday, "goal": goal}
    )
    letter.user = user
    if enabled:
        letter_schedule(letter=letter)
    else:
        reminders_cancel(subject=letter, kinds=[WEEKLY_LETTER], reason=TURNED_OFF)
    return letter


def letter_turn_off(*, letter: WeeklyLetter) -> WeeklyLetter:
    """Off, keeping the day and the goal for when it is turned on again."""
    return letter_settings_save(
        user=letter.user, enabled=False, weekday=letter.weekday, goal=letter.goal
    )


def letters_top_up(*, batch: int = 500) -> int:
    """Schedule next week's letter of every letter that is on and has none open; returns how
    many were scheduled. A letter whose last one was stopped from its email ("Stop this
    reminder") is turned off instead: that link is how a reader says "no more of these"."""
    open_one = Reminder.objects.filter(
        kind=WEEKLY_LETTER, subject_id=OuterRef("pk"), status__in=Reminder.OPEN
    )
    latest = Reminder.objects.filter(kind=WEEKLY_LETTER, subject_id=OuterRef("pk")).order_by(
        "-created_at", "-pk"
    )
    due = (
        WeeklyLetter.objects.filter(enabled=True, user__is_active=True)
        .exclude(Exists(open_one))
        .annotate(
            last_reason=latest.values("ended_reason")[:1],
            last_sent=latest.values("sent_at")[:1],
        )
        .select_related("user")
        .order_by("pk")
    )
    scheduled, after = 0, 0
    while letters := list(due.filter(pk__gt=after)[:batch]):
        for letter in letters:
            with transaction.atomic():
                if letter.last_reason == Reminder.STOPPED_FROM_EMAIL:
                    letter_turn_off(letter=letter)
                    continue
                letter_schedule(letter=letter, last_sent=letter.last_sent)
                scheduled += 1
        after = letters[-1].pk
    return scheduled
