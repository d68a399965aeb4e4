"""The reminder applications own: no answer yet, some days after applying.

This kind module imports the services it acts through (mark ghosted); the services import no
kind module (the kind's name and its scheduling live in no_reply_services)."""

import datetime as dt
from typing import Any

from django.conf import settings
from django.utils.dateformat import format as date_format
from django.utils.text import format_lazy
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy, ngettext

from rebound.lib.letters import days_ago, greeting, signature
from rebound.lib.localtime import local_today
from rebound.models import User
from reminders.kinds import KindAction, PlainLines, ReminderKind

from . import pipeline
from .lines import application_lines
from .models import Application
from .no_reply_services import NO_REPLY
from .pipeline import Status
from .services import application_change_status


def follow_up_note(application: Application) -> str:
    """The drafted follow-up, in the active language (the email renders it in its owner's)."""
    body = _(
        "I applied for the %(role)s role at %(company)s on %(day)s, and I wanted to check "
        "whether you have had a chance to look at my application. I remain very interested in "
        "the role and would be glad to share anything else that helps."
    ) % {
        "role": application.role,
        "company": application.company.name,
        "day": date_format(application.status_changed_on, _("j F")),
    }
    thanks = _("Thank you for your time.")
    sign_off = _("Best regards,\n%(name)s") % {"name": signature(application.owner)}
    return f"{greeting([])}\n\n{body}\n\n{thanks}\n\n{sign_off}"


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
        days = application.owner.no_reply_days
        return ngettext(
            "Its usual day, %(days)d day after you applied, had already passed, so it comes at "
            "the next chance.",
            "Its usual day, %(days)d days after you applied, had already passed, so it comes at "
            "the next chance.",
            days,
        ) % {"days": days}
    return ""


def _obsolete(application: Application) -> str:
    if application.status != Status.APPLIED:
        return _("The application has moved on (%(status)s).") % {
            "status": pipeline.in_sentence(application.status)
        }
    return ""


def _mark_ghosted(application: Application) -> str:
    application_change_status(application=application, to_status=Status.GHOSTED)
    return _(
        "%(role)s at %(company)s is marked ghosted, dated today. Rebound has a short plan ready "
        "to help you move on."
    ) % {"role": application.role, "company": application.company.name}


KINDS = (
    ReminderKind(
        name=NO_REPLY,
        label=gettext_lazy("No reply yet"),
        subject_model="applications.Application",
        context=_context,
        describe=str,
        obsolete=_obsolete,
        select_related=("company", "owner"),
        # The owner: for the note (their number of days), on the same query.
        describe_related=("company", "owner"),
        plain_lines=PlainLines(columns=("role", "company__name"), lines=application_lines),
        note=_note,
        when=format_lazy(
            gettext_lazy(
                "Some days after you apply (your preference, {days} by default), while nothing "
                "moves; at the next chance if that day has already passed when you add it."
            ),
            days=User._meta.get_field("no_reply_days").get_default(),
        ),
        actions=(
            KindAction(
                name="ghosted",
                label=gettext_lazy("Mark it ghosted"),
                question=gettext_lazy(
                    "This moves the application to Ghosted, dated today, and opens a "
                    "short plan in Rebound to help you move on."
                ),
                run=_mark_ghosted,
            ),
        ),
        send_now_note=gettext_lazy(
            "It nudges you about this application once; it does not come back."
        ),
    ),
)
