"""The reminder applications own: no answer yet, some days after applying.

This kind module imports the services it acts through (mark ghosted); the services import no
kind module (the kind's name and its scheduling live in no_reply_services)."""

import datetime as dt
from typing import Any

from django.conf import settings

from rebound.lib.letters import days_ago, greeting, signature
from rebound.lib.localtime import local_today
from rebound.models import User
from reminders.kinds import KindAction, ReminderKind

from .models import Application
from .no_reply_services import NO_REPLY
from .pipeline import Status
from .services import application_change_status


def follow_up_note(application: Application) -> str:
    return (
        f"{greeting([])}\n\n"
        f"I applied for the {application.role} role at {application.company.name} on "
        f"{application.status_changed_on:%-d %B}, and I wanted to check whether you have had a "
        f"chance to look at my application. I remain very interested in the role and would be "
        f"glad to share anything else that helps.\n\n"
        f"Thank you for your time.\n\n"
        f"Best regards,\n{signature(application.owner)}"
    )


# Past three weeks of silence, "silence this early is common" is no longer true.
EARLY_SILENCE_DAYS = 21


def _context(application: Application) -> dict[str, Any]:
    # From the applied date and today, whenever it goes out: "Send now" on the day of
    # applying, or a nudge for an application added long after it was sent.
    days = (local_today(application.owner) - application.status_changed_on).days
    return {
        "application": application,
        "application_url": settings.SITE_URL + application.get_absolute_url(),
        "days": days,
        "applied_ago": days_ago(days),
        "early": days <= EARLY_SILENCE_DAYS,
        "draft": follow_up_note(application),
    }


def _note(application: Application, reminder: Any) -> str:
    """Said beside a nudge whose usual day had passed when it was scheduled."""
    usual = application.status_changed_on + dt.timedelta(days=application.owner.no_reply_days)
    if reminder.local_date > usual:
        return (
            f"Its usual day, {application.owner.no_reply_days} days after you applied, had "
            "already passed, so it comes at the next chance."
        )
    return ""


def _obsolete(application: Application) -> str:
    if application.status != Status.APPLIED:
        return f"The application has moved on ({application.get_status_display().lower()})."
    return ""


def _mark_ghosted(application: Application) -> str:
    application_change_status(application=application, to_status=Status.GHOSTED)
    return (
        f"{application.role} at {application.company.name} is marked ghosted, dated today. "
        "Rebound has a short plan ready to help you move on."
    )


KINDS = (
    ReminderKind(
        name=NO_REPLY,
        label="No reply yet",
        subject_model="applications.Application",
        context=_context,
        describe=str,
        obsolete=_obsolete,
        select_related=("company", "owner"),
        # The owner: for the note (their number of days), on the same query.
        describe_related=("company", "owner"),
        note=_note,
        when="Some days after you apply (your preference, "
        f"{User._meta.get_field('no_reply_days').get_default()} by default), while nothing "
        "moves; at the next chance if that day has already passed when you add it.",
        actions=(
            KindAction(
                name="ghosted",
                label="Mark it ghosted",
                question="This moves the application to Ghosted, dated today, and opens a "
                "short plan in Rebound to help you move on.",
                run=_mark_ghosted,
            ),
        ),
        send_now_note="It nudges you about this application once; it does not come back.",
    ),
)
