"""The reminders the coping workflow owns, all about a plan."""

from typing import Any

from django.conf import settings

from applications.models import EXIT_STATUSES
from reminders.kinds import ReminderKind

from . import drafts
from .models import CopingPlan, FeedbackRequest

KEEP_IN_TOUCH = "keep_in_touch"
COPING_CHECK_IN = "coping_check_in"
FEEDBACK_CHASE = "feedback_chase"

_ROWS = ("application__company", "owner", "follow_up__contact", "feedback_request")
# What _describe reads.
_DESCRIBED = ("application__company",)


def _describe(plan: CopingPlan) -> str:
    return str(plan.application)


def _context(plan: CopingPlan) -> dict[str, Any]:
    return {
        "plan": plan,
        "application": plan.application,
        "plan_url": settings.SITE_URL + plan.get_absolute_url(),
        "application_url": settings.SITE_URL + plan.application.get_absolute_url(),
    }


def _keep_in_touch_context(plan: CopingPlan) -> dict[str, Any]:
    return {
        **_context(plan),
        "draft": drafts.keep_in_touch_note(plan),
        "skills": drafts.skills_from_assessments(plan.application),
    }


def _back_in_process(plan: CopingPlan) -> str:
    application = plan.application
    if application.status not in EXIT_STATUSES:
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
        context=_context,
        describe=_describe,
        obsolete=_check_in_obsolete,
        select_related=_ROWS,
        describe_related=_DESCRIBED,
        when="A week after a rejection, while the plan is open.",
        send_now_note="It is your plan’s one-week check-in; it comes once.",
    ),
    ReminderKind(
        name=FEEDBACK_CHASE,
        label="Feedback chase",
        subject_model="coping.CopingPlan",
        context=_context,
        describe=_describe,
        obsolete=_feedback_obsolete,
        select_related=_ROWS,
        describe_related=_DESCRIBED,
        when="Ten days after you asked for feedback, unless it has arrived.",
    ),
)
