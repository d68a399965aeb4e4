"""The keep-warm nudge's verbs: turn it on (or change it), turn it off, say you were in touch,
and plan its next nudge. Its kind (email, "I was in touch") is declared in reminder_kinds.py,
which imports this module; this one imports no kind module.

No app below tells people when a contact happens (no signal goes up), so the next nudge is
worked out again whenever the contact page or the nudge is acted on (`keep_warm_sync`), the
kind's `obsolete` check cancels a nudge when a contact happened after it was planned, and a
daily task (`keep_warm_rearm_all`) plans the next one for any left without.
"""

import datetime as dt

from django.core.exceptions import ValidationError
from django.db import transaction
from django.utils import timezone
from django.utils.translation import gettext as _

from applications.models import Contact
from coping.models import Outreach
from coping.services import outreach_log
from rebound.lib.language import in_language_of
from rebound.lib.localtime import local_to_utc, local_today
from rebound.models import User
from reminders.models import Reminder
from reminders.services import reminder_schedule, reminders_cancel

from .history import last_contact_of
from .models import MAX_WEEKS, MIN_WEEKS, KeepWarm

# The kind's stored name: reminders keep it, so it never changes.
KEEP_WARM = "keep_warm"


def keep_warm_due(*, counted_from: dt.date, weeks: int, owner: User) -> dt.date:
    """The nudge's day: `weeks` after the day it counts from; when that day has passed (a
    contact long ago), the next sending hour, today's or else tomorrow's."""
    day = counted_from + dt.timedelta(weeks=weeks)
    today = local_today(owner)
    if day <= today:
        day = today
        if local_to_utc(day, owner.reminder_time, owner.timezone) <= timezone.now():
            day = today + dt.timedelta(days=1)
    return day


def _last_nudge_day(keep_warm: KeepWarm) -> dt.date | None:
    """The day its latest nudge went out (the clock starts again from a nudge left alone)."""
    return (
        Reminder.objects.filter(
            kind=KEEP_WARM,
            subject_id=keep_warm.pk,
            status__in=[Reminder.Status.SENT, Reminder.Status.DONE],
        )
        .order_by("-local_date")
        .values_list("local_date", flat=True)
        .first()
    )


@transaction.atomic
def keep_warm_sync(*, keep_warm: KeepWarm) -> Reminder:
    """Plan the next nudge: `weeks` after the latest of the last contact, the day it counted
    from before (the day it was turned on, an earlier "I was in touch") and the day the last
    nudge went out (so one left alone comes back `weeks` later, not every day)."""
    contact = keep_warm.contact
    owner = contact.owner
    last = last_contact_of(contact)
    days = [keep_warm.counted_from, last.day if last else None, _last_nudge_day(keep_warm)]
    counted_from = max(day for day in days if day is not None)
    if counted_from != keep_warm.counted_from:
        keep_warm.counted_from = counted_from
        keep_warm.save(update_fields=["counted_from"])
    return reminder_schedule(
        owner=owner,
        kind=KEEP_WARM,
        subject=keep_warm,
        local_date=keep_warm_due(counted_from=counted_from, weeks=keep_warm.weeks, owner=owner),
    )


def keep_warm_rearm_all() -> int:
    """Every nudge that is on but has none planned (its last one went out, or a contact since
    made it obsolete) gets its next one; returns how many. For a daily beat entry: no app
    below tells people when a contact happens."""
    planned = Reminder.objects.filter(kind=KEEP_WARM, status__in=Reminder.OPEN).values("subject_id")
    count = 0
    for keep_warm in (
        KeepWarm.objects.exclude(pk__in=planned).select_related("contact__owner").order_by("pk")
    ):
        keep_warm_sync(keep_warm=keep_warm)
        count += 1
    return count


@transaction.atomic
def keep_warm_set(*, contact: Contact, weeks: int, counted_from: dt.date | None = None) -> KeepWarm:
    """Turn the nudge on for a contact, or change how often it comes. `counted_from` is for a
    restore (the day a backed-up nudge counted from); the page leaves it out."""
    if not MIN_WEEKS <= weeks <= MAX_WEEKS:
        raise ValidationError(
            _("Choose between %(min)d and %(max)d weeks.") % {"min": MIN_WEEKS, "max": MAX_WEEKS}
        )
    owner = contact.owner
    keep_warm = KeepWarm.objects.select_for_update().filter(contact=contact).first()
    if keep_warm is None:
        last = last_contact_of(contact)
        keep_warm = KeepWarm.objects.create(
            owner=owner,
            contact=contact,
            weeks=weeks,
            counted_from=counted_from or (last.day if last else local_today(owner)),
        )
    else:
        keep_warm.weeks = weeks
        keep_warm.save(update_fields=["weeks"])
    keep_warm.contact = contact
    keep_warm_sync(keep_warm=keep_warm)
    return keep_warm


@transaction.atomic
def keep_warm_off(*, keep_warm: KeepWarm) -> None:
    """Turn the nudge off: its reminder is cancelled and the row goes."""
    with in_language_of(keep_warm.contact.owner):
        reason = _("You turned keep warm off.")
    reminders_cancel(subject=keep_warm, kinds=[KEEP_WARM], reason=reason)
    keep_warm.delete()


@transaction.atomic
def contact_touched(*, contact: Contact, on: dt.date | None = None) -> Outreach:
    """You were in touch with them: logged as outreach (so it is on their timeline and counts
    as their last contact), and their keep-warm nudge, if any, counts again from that day."""
    owner = contact.owner
    day = on or local_today(owner)
    if day > local_today(owner):
        raise ValidationError(_("That day is still to come."))
    # Pressed twice (or from the page and the email on one day): one outreach that day.
    outreach = Outreach.objects.filter(owner=owner, contact=contact, on=day).first()
    if outreach is None:
        outreach = outreach_log(
            owner=owner, contact=contact, on=day, outcome=Outreach.Outcome.WAITING
        )
    keep_warm = KeepWarm.objects.filter(contact=contact).first()
    if keep_warm is not None:
        keep_warm.contact = contact
        keep_warm_sync(keep_warm=keep_warm)
    return outreach
