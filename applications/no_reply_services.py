"""The "no reply yet" nudge: scheduled while an application sits in Applied, moved or
cancelled as it moves. Its kind (email, one-click "mark ghosted") is declared in
reminder_kinds.py, which imports this module; this one imports no kind module, so the two
never import each other."""

import datetime as dt

from django.utils import timezone
from django.utils.translation import gettext as _

from rebound.lib.language import in_language_of
from rebound.lib.localtime import local_to_utc, local_today
from rebound.models import User
from reminders.kinds import scope_of
from reminders.models import Reminder
from reminders.services import reminder_schedule, reminders_cancel

from .models import Application
from .pipeline import Status

# The kind's stored name: reminders keep it, so it never changes.
NO_REPLY = "no_reply"


def no_reply_reminder_sync(*, application: Application) -> None:
    """While an application sits in Applied, a nudge N days (the owner's preference) after the
    date it was applied; any move cancels it. When that day has already passed (an application
    added long after it was sent), the nudge comes at the next sending hour: those are the
    ones that waited longest, and the email and the pages say how long it has been."""
    owner = application.owner
    if application.status != Status.APPLIED:
        # Kept with the reminder and shown to its owner: in the owner's language.
        with in_language_of(owner):
            reason = _("The application has moved on.")
        reminders_cancel(subject=application, kinds=[NO_REPLY], reason=reason)
        return
    today = local_today(owner)
    day = application.status_changed_on + dt.timedelta(days=owner.no_reply_days)
    if day < today:
        day = today
    if local_to_utc(day, owner.reminder_time, owner.timezone) <= timezone.now():
        day = today + dt.timedelta(days=1)  # today's hour has gone: tomorrow's
    reminder_schedule(
        owner=owner,
        kind=NO_REPLY,
        subject=application,
        local_date=day,
        scope=scope_of(application),
    )


def no_reply_reminders_rederive(*, user: User) -> None:
    """After the owner changes how many days to wait: move every pending nudge."""
    pending = Reminder.objects.filter(owner=user, kind=NO_REPLY, status__in=Reminder.OPEN).values(
        "subject_id"
    )
    for application in Application.objects.filter(owner=user, pk__in=pending):
        application.owner = user
        no_reply_reminder_sync(application=application)
