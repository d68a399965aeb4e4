"""The reminders the coping workflow owns, all about a plan."""

import datetime as dt
from typing import Any

from django.conf import settings

from applications.pipeline import EXITS
from rebound.lib.letters import days_ago_opening, span
from rebound.lib.localtime import local_today
from reminders.kinds import ReminderKind

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


def _describe(plan: CopingPlan) -> str:
    return str(plan.application)


# How the check-in names each step still to do.
STEP_PHRASES = {
    Step.REFLECT: "a quiet look back",
    Step.FEELINGS: "a journal entry",
    Step.WIDEN: "a goal for new applications",
    Step.NEVER_SETTLE: "keeping your other applications moving",
    Step.KEEP_IN_TOUCH: "a note to the people in your network",
    Step.LEGAL: "a look at your legal options",
}


def _context(plan: CopingPlan) -> dict[str, Any]:
    # Every sentence about time comes from the real dates on the day it goes out: a reminder
    # can be sent early ("Send now"), moved, or retried a day late.
    today = local_today(plan.owner)
    since_no = (today - plan.opened_on).days
    return {
        "plan": plan,
        "application": plan.application,
        "plan_url": settings.SITE_URL + plan.get_absolute_url(),
        "application_url": settings.SITE_URL + plan.application.get_absolute_url(),
        "today": today,
        "days_since_no": since_no,
        "since_no": span(since_no),
        "said_no_when": days_ago_opening(since_no),
    }


def _keep_in_touch_context(plan: CopingPlan) -> dict[str, Any]:
    follow_up = getattr(plan, "follow_up", None)
    return {
        **_context(plan),
        "wants_to_stay_in_touch": bool(follow_up and follow_up.interested),
        "draft": drafts.keep_in_touch_note(plan),
        "skills": drafts.skills_from_assessments(plan.application),
    }


def _check_in_context(plan: CopingPlan) -> dict[str, Any]:
    to_do = {s.step for s in plan.steps.all() if s.state == PlanStep.State.TODO}
    steps = [phrase for step, phrase in STEP_PHRASES.items() if step in to_do]
    return {**_context(plan), "steps_to_do": steps}


def _feedback_chase_context(plan: CopingPlan) -> dict[str, Any]:
    context = _context(plan)
    try:
        sent_on = plan.feedback_request.sent_on
    except FeedbackRequest.DoesNotExist:
        sent_on = None
    days = (context["today"] - sent_on).days if sent_on else None
    return {
        **context,
        "asked_when": days_ago_opening(days) if days is not None else "",
        # A week is a fair wait before a polite follow-up.
        "early": days is not None and days < 7,
    }


def _back_in_process(plan: CopingPlan) -> str:
    application = plan.application
    if application.status not in EXITS:
        return f"You are back in the process with {application.company.name}."
    return ""


def _keep_in_touch_obsolete(plan: CopingPlan) -> str:
    follow_up = getattr(plan, "follow_up", None)
    if follow_up is not None and follow_up.interested is False:
        return "You chose not to check in with them."
    return _back_in_process(plan)


def _plan_closed(plan: CopingPlan) -> str:
    return "" if plan.is_open else "The plan is closed."


def _check_in_obsolete(plan: CopingPlan) -> str:
    return _plan_closed(plan) or _back_in_process(plan)


def _feedback_obsolete(plan: CopingPlan) -> str:
    try:
        request = plan.feedback_request
    except FeedbackRequest.DoesNotExist:
        return "There is no feedback request."
    if request.status == FeedbackRequest.Status.RECEIVED:
        return "Their feedback has arrived."
    return ""


KINDS = (
    ReminderKind(
        name=KEEP_IN_TOUCH,
        label="Keep in touch",
        subject_model="coping.CopingPlan",
        context=_keep_in_touch_context,
        describe=_describe,
        obsolete=_keep_in_touch_obsolete,
        select_related=_ROWS,
        describe_related=_DESCRIBED,
        when="Months after a rejection (your preference), with a drafted note.",
        send_now_note="It is your plan’s keep-in-touch check-in: sending it now means the "
        "check-in is today, and it won’t come again on its planned date. To check in later "
        "as well, snooze it from the email.",
    ),
    ReminderKind(
        name=COPING_CHECK_IN,
        label="Coping check-in",
        subject_model="coping.CopingPlan",
        context=_check_in_context,
        describe=_describe,
        obsolete=_check_in_obsolete,
        select_related=_ROWS,
        prefetch_related=("steps",),
        describe_related=_DESCRIBED,
        when="A week after a rejection, while the plan is open.",
        send_now_note="It is your plan’s one-week check-in; it comes once.",
    ),
    ReminderKind(
        name=FEEDBACK_CHASE,
        label="Feedback chase",
        subject_model="coping.CopingPlan",
        context=_feedback_chase_context,
        describe=_describe,
        obsolete=_feedback_obsolete,
        select_related=_ROWS,
        describe_related=_DESCRIBED,
        when="Ten days after you asked for feedback, unless it has arrived.",
    ),
)
