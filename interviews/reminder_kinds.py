"""The reminders interviews own: a thank-you note, and a promised reply that did not come."""

import datetime as dt
import functools
from collections.abc import Sequence
from typing import Any

from django.conf import settings
from django.db.models import Prefetch
from django.utils import timezone
from django.utils.functional import Promise, lazy
from django.utils.html import format_html
from django.utils.translation import gettext
from django.utils.translation import gettext_lazy as _

from applications.lines import application_lines
from applications.models import Application, Contact
from applications.pipeline import Status, in_sentence
from rebound.lib.localtime import local_date_of, local_today
from rebound.models import User
from reminders.kinds import PlainLines, ReminderKind

from . import drafts
from .models import Interview, SelfAssessment

THANK_YOU = "thank_you"
PROMISED_REPLY = "promised_reply"
INTERVIEW_PREP = "interview_prep"

_ROWS = ("application__company", "application__owner", "assessment")
_PEOPLE = (Prefetch("interviewers", Contact.objects.order_by("name")),)
# What _describe reads.
_DESCRIBED = ("application__company",)
# What `_describe` reads: the round (its title) and the application's line (role at company).
_DESCRIBED_FIELDS = ("round_type", "application__role", "application__company__name")


def _describe(interview: Interview) -> str:
    return f"{interview.title}, {interview.application}"


def _plain_lines(rows: Sequence[tuple[str, str, str]]) -> list[str]:
    """`_describe` of each (round type, role, company name): the calendar feed's lines, without
    an instance per interview (only one per round type, for its title)."""
    title = functools.cache(lambda round_type: Interview(round_type=round_type).title)
    applications = application_lines([(role, company) for _round, role, company in rows])
    return [
        f"{title(round_type)}, {application}"
        for (round_type, _role, _company), application in zip(rows, applications, strict=True)
    ]


# The columns `_describe` reads, in `_plain_lines`'s order.
_PLAIN = PlainLines(columns=_DESCRIBED_FIELDS, lines=_plain_lines)


def _context(interview: Interview) -> dict[str, Any]:
    application = interview.application
    try:
        assessment: SelfAssessment | None = interview.assessment
    except SelfAssessment.DoesNotExist:
        assessment = None
    # When the interview is, said from the day the email goes out (a reminder can be sent
    # early with "Send now", or moved): "today", "tomorrow", "yesterday", or "" for another day.
    owner = application.owner
    today = local_today(owner)
    day = local_date_of(interview.starts_at, owner)
    offset = (day - today).days
    return {
        "interview": interview,
        "application": application,
        "assessment": assessment,
        # The role and company as the HTML part shows them inside its sentences, so the text
        # and HTML parts share one catalogue entry per sentence.
        "role_html": format_html("<strong>{}</strong>", application.role),
        "company_html": format_html("<strong>{}</strong>", application.company.name),
        "interview_url": settings.SITE_URL + interview.get_absolute_url(),
        "application_url": settings.SITE_URL + application.get_absolute_url(),
        "interview_day": {-1: "yesterday", 0: "today", 1: "tomorrow"}.get(offset, ""),
        "interview_ahead": interview.starts_at > timezone.now(),
        "days_since_interview": -offset,
    }


def _thank_you_context(interview: Interview) -> dict[str, Any]:
    return {**_context(interview), "draft": drafts.thank_you_note(interview)}


# Why a reminder about an interview ended when its application closed, said in words of the
# status's own (German can't lower-case a label into a sentence as English does). Plain
# msgids, no context: a reason stored in English before Rebound spoke German is translated
# when shown (Reminder.shown_reason).
_CLOSED: dict[str, Promise] = {
    Status.ACCEPTED: _("The application is accepted."),
    Status.REJECTED: _("The application is rejected."),
    Status.WITHDRAWN: _("The application is withdrawn."),
    Status.GHOSTED: _("The application is ghosted."),
}


def closed_reason(application: Application) -> str | Promise:
    """ "The application is rejected.", in the active language (a lazy string for the known
    closed statuses, which reminders.services writes in its owner's language)."""
    said = _CLOSED.get(application.status)
    if said is not None:
        return said  # lazy: written in the owner's language (reminders.services)
    return gettext("The application is %(status)s.") % {"status": in_sentence(application.status)}


def _closed(interview: Interview) -> str:
    application = interview.application
    return str(closed_reason(application)) if application.is_closed else ""


def _prep_context(interview: Interview) -> dict[str, Any]:
    earlier = [
        round_.assessment.tripped_questions.strip()
        for round_ in getattr(interview.application, "rounds", ())  # prefetched by the kind
        if round_.starts_at < interview.starts_at
        and hasattr(round_, "assessment")
        and round_.assessment.tripped_questions.strip()
    ]
    interviewers = list(interview.interviewers.all())
    return {
        **_context(interview),
        "interviewers": interviewers,
        # "Marco Liu (CTO), Ana Berg": one value for the sentence that names them.
        "people": ", ".join(
            gettext("%(name)s (%(title)s)") % {"name": p.name, "title": p.title}
            if p.title
            else p.name
            for p in interviewers
        ),
        "tripped": earlier,
    }


def _prep_obsolete(interview: Interview) -> str:
    if interview.starts_at <= timezone.now():
        return gettext("The interview has already started.")
    return _closed(interview)


def _prep_when() -> str:
    default = User._meta.get_field("prep_time").get_default()
    return gettext("The evening before an interview, at your prep hour (%(time)s by default).") % {
        "time": f"{default:%H:%M}"
    }


def _prep_hour(user: User) -> dt.time:
    return user.prep_time


def _reply_context(interview: Interview) -> dict[str, Any]:
    context = _context(interview)
    promised = interview.promised_reply_by
    today = local_today(interview.application.owner)
    return {**context, "reply_overdue": promised is not None and promised < today}


def _reply_obsolete(interview: Interview) -> str:
    if interview.promised_reply_by is None:
        return gettext("No reply date is set any more.")
    return _closed(interview)


KINDS = (
    ReminderKind(
        name=THANK_YOU,
        label=_("Thank-you note"),
        subject_model="interviews.Interview",
        context=_thank_you_context,
        describe=_describe,
        obsolete=_closed,
        select_related=_ROWS,
        describe_related=_DESCRIBED,
        describe_only=_DESCRIBED_FIELDS,
        plain_lines=_PLAIN,
        prefetch_related=_PEOPLE,
        when=_("The morning after an interview ends."),
    ),
    ReminderKind(
        name=PROMISED_REPLY,
        label=_("Promised reply"),
        subject_model="interviews.Interview",
        context=_reply_context,
        describe=_describe,
        obsolete=_reply_obsolete,
        select_related=_ROWS,
        describe_related=_DESCRIBED,
        describe_only=_DESCRIBED_FIELDS,
        plain_lines=_PLAIN,
        when=_("The day after the date they promised to reply by, while nothing has moved."),
    ),
    ReminderKind(
        name=INTERVIEW_PREP,
        label=_("Interview prep"),
        subject_model="interviews.Interview",
        context=_prep_context,
        describe=_describe,
        obsolete=_prep_obsolete,
        select_related=_ROWS,
        describe_related=_DESCRIBED,
        describe_only=_DESCRIBED_FIELDS,
        plain_lines=_PLAIN,
        prefetch_related=(
            *_PEOPLE,
            Prefetch(
                "application__interviews",
                Interview.objects.select_related("assessment").order_by("starts_at"),
                to_attr="rounds",
            ),
        ),
        when=lazy(_prep_when, str)(),
        time_of_day=_prep_hour,
    ),
)
