"""The reminders the coping workflow owns, all about a plan."""

import datetime as dt
from contextlib import AbstractContextManager, nullcontext
from typing import Any

from django.conf import settings
from django.db.models import Prefetch
from django.utils.translation import get_language, gettext_lazy
from django.utils.translation import gettext as _

from applications.lines import application_lines
from applications.pipeline import EXITS
from rebound.lib.language import in_language_of, user_language
from rebound.lib.letters import days_ago_opening, span
from rebound.lib.localtime import local_today
from reminders.kinds import PlainLines, ReminderKind

from . import drafts
from .models import CopingPlan, FeedbackRequest, PlanStep, Step

KEEP_IN_TOUCH = "keep_in_touch"
COPING_CHECK_IN = "coping_check_in"
FEEDBACK_CHASE = "feedback_chase"
# When the kinds come after their cause: defined here once, for the services that schedule them
# and the "when" lines that say so.
CHECK_IN_AFTER = dt.timedelta(days=7)  # a week after the rejection
FEEDBACK_CHASE_AFTER = dt.timedelta(days=10)  # ten days after asking for feedback

_ROWS = ("application__company", "owner", "follow_up__contact", "feedback_request")
# What _describe reads.
_DESCRIBED = ("application__company",)
# `_describe` from plain columns (the calendar feed).
_PLAIN = PlainLines(
    columns=("application__role", "application__company__name"), lines=application_lines
)


def _describe(plan: CopingPlan) -> str:
    return str(plan.application)


# How the check-in names each step still to do.
STEP_PHRASES = {
    Step.REFLECT: gettext_lazy("a quiet look back"),
    Step.FEELINGS: gettext_lazy("a journal entry"),
    Step.WIDEN: gettext_lazy("a goal for new applications"),
    Step.NEVER_SETTLE: gettext_lazy("keeping your other applications moving"),
    Step.KEEP_IN_TOUCH: gettext_lazy("a note to the people in your network"),
    Step.LEGAL: gettext_lazy("a look at your legal options"),
}


def _listed(phrases: list[str]) -> str:
    """ "a and b", "a, b, and c" in English; each language joins its own way."""
    if len(phrases) < 2:
        return "".join(phrases)
    if len(phrases) == 2:
        return _("%(first)s and %(last)s") % {"first": phrases[0], "last": phrases[1]}
    return _("%(items)s, and %(last)s") % {"items": ", ".join(phrases[:-1]), "last": phrases[-1]}


def _in_owners_words(plan: CopingPlan) -> AbstractContextManager[Any]:
    """The owner's language for an email's sentences, whoever sends it (the beat, "Send now"
    from another browser). A worker renders in it already (reminders_send_batch switches
    once per run of owners who read it): then there is nothing to switch, and back."""
    if get_language() == user_language(plan.owner):
        return nullcontext()
    return in_language_of(plan.owner)


def _context(plan: CopingPlan) -> dict[str, Any]:
    # Every sentence about time comes from the real dates on the day it goes out: a reminder
    # can be sent early ("Send now"), moved, or retried a day late.
    today = local_today(plan.owner)
    since_no = (today - plan.opened_on).days
    with _in_owners_words(plan):
        since, said = span(since_no), days_ago_opening(since_no)
    return {
        "plan": plan,
        "application": plan.application,
        "plan_url": settings.SITE_URL + plan.get_absolute_url(),
        "application_url": settings.SITE_URL + plan.application.get_absolute_url(),
        "today": today,
        "days_since_no": since_no,
        "since_no": since,
        "said_no_when": said,
    }


def _keep_in_touch_context(plan: CopingPlan) -> dict[str, Any]:
    follow_up = getattr(plan, "follow_up", None)
    with _in_owners_words(plan):
        draft = drafts.keep_in_touch_note(plan)
    return {
        **_context(plan),
        "wants_to_stay_in_touch": bool(follow_up and follow_up.interested),
        "draft": draft,
        "skills": drafts.skills_from_assessments(plan.application),
    }


# The check-in's steps still to do, loaded with a batch's plans as a plain list (load_subjects):
# Django's prefetch into `plan.steps` made a manager and a queryset for every plan it sent.
_TO_DO = "todo_steps_loaded"
_STEPS_TO_DO = Prefetch(
    "steps",
    queryset=PlanStep.objects.filter(state=PlanStep.State.TODO).only("plan", "step"),
    to_attr=_TO_DO,
)


def _check_in_context(plan: CopingPlan) -> dict[str, Any]:
    loaded = getattr(plan, _TO_DO, None)
    if loaded is not None:
        to_do = {s.step for s in loaded}
    else:  # a plan read some other way
        to_do = {s.step for s in plan.steps.all() if s.state == PlanStep.State.TODO}
    with _in_owners_words(plan):
        steps = [str(phrase) for step, phrase in STEP_PHRASES.items() if step in to_do]
        listed = _listed(steps)
    return {**_context(plan), "steps_to_do": steps, "steps_listed": listed}


def _feedback_chase_context(plan: CopingPlan) -> dict[str, Any]:
    context = _context(plan)
    try:
        sent_on = plan.feedback_request.sent_on
    except FeedbackRequest.DoesNotExist:
        sent_on = None
    days = (context["today"] - sent_on).days if sent_on else None
    with _in_owners_words(plan):
        asked_when = days_ago_opening(days) if days is not None else ""
    return {
        **context,
        "asked_when": asked_when,
        # A week is a fair wait before a polite follow-up.
        "early": days is not None and days < 7,
    }


# Why a reminder no longer applies: kept with the reminder and shown on the reminders page,
# so in the owner's language, whoever asks (a worker asks in it already: no switch then).
def _back_in_process(plan: CopingPlan) -> str:
    application = plan.application
    if application.status not in EXITS:
        return _("You are back in the process with %(company)s.") % {
            "company": application.company.name
        }
    return ""


def _keep_in_touch_obsolete(plan: CopingPlan) -> str:
    with _in_owners_words(plan):
        follow_up = getattr(plan, "follow_up", None)
        if follow_up is not None and follow_up.interested is False:
            return _("You chose not to check in with them.")
        return _back_in_process(plan)


def _check_in_obsolete(plan: CopingPlan) -> str:
    with _in_owners_words(plan):
        if not plan.is_open:
            return _("The plan is closed.")
        return _back_in_process(plan)


def _feedback_obsolete(plan: CopingPlan) -> str:
    with _in_owners_words(plan):
        try:
            request = plan.feedback_request
        except FeedbackRequest.DoesNotExist:
            return _("There is no feedback request.")
        if request.status == FeedbackRequest.Status.RECEIVED:
            return _("Their feedback has arrived.")
        return ""


KINDS = (
    ReminderKind(
        name=KEEP_IN_TOUCH,
        label=gettext_lazy("Keep in touch"),
        subject_model="coping.CopingPlan",
        context=_keep_in_touch_context,
        describe=_describe,
        obsolete=_keep_in_touch_obsolete,
        select_related=_ROWS,
        describe_related=_DESCRIBED,
        plain_lines=_PLAIN,
        when=gettext_lazy("Months after a rejection (your preference), with a drafted note."),
        send_now_note=gettext_lazy(
            "It is your plan’s keep-in-touch check-in: sending it now means the check-in is "
            "today, and it won’t come again on its planned date. To check in later as well, "
            "snooze it from the email."
        ),
    ),
    ReminderKind(
        name=COPING_CHECK_IN,
        label=gettext_lazy("Coping check-in"),
        subject_model="coping.CopingPlan",
        context=_check_in_context,
        describe=_describe,
        obsolete=_check_in_obsolete,
        select_related=_ROWS,
        prefetch_related=(_STEPS_TO_DO,),
        describe_related=_DESCRIBED,
        plain_lines=_PLAIN,
        when=gettext_lazy("A week after a rejection, while the plan is open."),
        send_now_note=gettext_lazy("It is your plan’s one-week check-in; it comes once."),
    ),
    ReminderKind(
        name=FEEDBACK_CHASE,
        label=gettext_lazy("Feedback chase"),
        subject_model="coping.CopingPlan",
        context=_feedback_chase_context,
        describe=_describe,
        obsolete=_feedback_obsolete,
        select_related=_ROWS,
        describe_related=_DESCRIBED,
        plain_lines=_PLAIN,
        when=gettext_lazy("Ten days after you asked for feedback, unless it has arrived."),
    ),
)
