"""Interviews' listener to applications' one domain event (see applications/signals.py)."""

from typing import Any

from django.dispatch import receiver
from django.utils.translation import gettext_lazy as _

from applications.models import Application, StatusChange
from applications.pipeline import is_closed
from applications.signals import status_changed
from reminders.kinds import scope_of
from reminders.services import reminders_cancel

from .reminder_kinds import INTERVIEW_PREP, PROMISED_REPLY, THANK_YOU, closed_reason
from .services import interview_reminders_sync

# Reasons are lazy: reminders.services writes them in the owner's language.
MOVED_ON = _("The application has moved on.")


@receiver(status_changed, dispatch_uid="interviews.on_status_changed")
def on_status_changed(
    sender: Any,
    application: Application,
    change: StatusChange,
    previous_status: str,
    **kwargs: Any,
) -> None:
    scope = scope_of(application)
    # "They promised to reply by…" only matters while nothing has moved.
    reminders_cancel(scope=scope, kinds=[PROMISED_REPLY], reason=MOVED_ON)
    if application.is_closed:
        reminders_cancel(
            scope=scope,
            kinds=[THANK_YOU, INTERVIEW_PREP],
            reason=closed_reason(application),
        )
    elif is_closed(previous_status):
        # Reopened (the company came back): what is still ahead is scheduled again.
        for interview in application.interviews.all():
            interview.application = application
            interview_reminders_sync(interview=interview, promised_reply=False)
