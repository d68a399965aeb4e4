"""The coping workflow's verbs; views, receivers and commands all call these."""

import datetime as dt

from django.core.exceptions import ValidationError
from django.db import IntegrityError, transaction
from django.db.models import Exists, OuterRef, QuerySet
from django.utils import timezone
from django.utils.translation import gettext as _
from django.utils.translation import ngettext

from applications.models import Application, Contact, StatusChange
from applications.pipeline import EXITS, Status
from applications.validators import validate_past_date
from rebound.lib.language import in_language_of
from rebound.lib.localtime import add_months, local_today
from rebound.models import User
from reminders.kinds import scope_of
from reminders.services import reminder_schedule, reminders_cancel

from . import drafts
from .models import (
    CopingPlan,
    FeedbackRequest,
    FollowUp,
    Incident,
    JournalEntry,
    NetGoal,
    Outreach,
    PlanStep,
    Reflection,
    Step,
)
from .reminder_kinds import (
    CHECK_IN_AFTER,
    COPING_CHECK_IN,
    FEEDBACK_CHASE,
    FEEDBACK_CHASE_AFTER,
    KEEP_IN_TOUCH,
)
from .validators import validate_feedback_received

BASE_STEPS = [Step.REFLECT, Step.FEELINGS, Step.WIDEN, Step.NEVER_SETTLE, Step.KEEP_IN_TOUCH]
PLAN_REASONS: dict[str, str] = {
    Status.REJECTED: CopingPlan.Reason.REJECTED,
    Status.GHOSTED: CopingPlan.Reason.GHOSTED,
}


def _reason(change: StatusChange) -> str | None:
    if change.to_status == Status.REJECTED and change.from_status in {
        Status.OFFER,
        Status.ACCEPTED,
    }:
        return CopingPlan.Reason.RESCINDED
    return PLAN_REASONS.get(change.to_status)


@transaction.atomic
def plan_open(*, application: Application, change: StatusChange) -> CopingPlan | None:
    """Open the plan a rejection (or ghosting, or rescinded offer) calls for.

    Runs inside the status change's transaction. One plan per rejection and one open plan
    per application are database constraints; a second call returns the plan already open.
    """
    reason = _reason(change)
    if reason is None:
        return None
    existing = CopingPlan.objects.filter(application=application, closed_at__isnull=True).first()
    if existing is not None:
        # Rejected again after coming back: the open plan carries on, and its check-ins count
        # from this rejection.
        _schedule_plan_reminders(plan=existing, rejected_on=change.changed_on)
        return existing
    owner = application.owner
    try:
        with transaction.atomic():
            plan = CopingPlan.objects.create(
                owner=owner,
                application=application,
                opened_by=change,
                reason=reason,
                opened_on=change.changed_on,
                legal_flagged=reason == CopingPlan.Reason.RESCINDED,
            )
    except IntegrityError:
        return CopingPlan.objects.get(application=application, closed_at__isnull=True)
    steps = [*BASE_STEPS, *([Step.LEGAL] if plan.legal_flagged else [])]
    PlanStep.objects.bulk_create([PlanStep(plan=plan, step=step) for step in steps])
    with in_language_of(owner):  # mail in and the API open plans too, outside any page
        prefill = drafts.reflection_prefill(application)
    Reflection.objects.create(plan=plan, **prefill)
    check_in_on = add_months(change.changed_on, owner.keep_in_touch_months)
    FollowUp.objects.create(plan=plan, check_in_on=check_in_on, contact=_best_contact(application))
    _schedule_plan_reminders(plan=plan, rejected_on=change.changed_on)
    return plan


def _schedule_plan_reminders(*, plan: CopingPlan, rejected_on: dt.date) -> None:
    """The keep-in-touch check-in (unless the user let this company go) and the one-week
    check-in, counted from the rejection."""
    owner, scope = plan.owner, scope_of(plan.application)
    follow_up = FollowUp.objects.filter(plan=plan).first()
    if follow_up is not None and follow_up.interested is not False:
        check_in_on = add_months(rejected_on, owner.keep_in_touch_months)
        if follow_up.check_in_on != check_in_on:
            follow_up.check_in_on = check_in_on
            follow_up.save(update_fields=["check_in_on", "updated_at"])
        reminder_schedule(
            owner=owner, kind=KEEP_IN_TOUCH, subject=plan, local_date=check_in_on, scope=scope
        )
    week_later = max(rejected_on, local_today(owner)) + CHECK_IN_AFTER
    reminder_schedule(
        owner=owner, kind=COPING_CHECK_IN, subject=plan, local_date=week_later, scope=scope
    )


def plan_reminders_pause(*, application: Application) -> None:
    """Back in the process with them (the application left rejected or ghosted): checking in
    about the rejection no longer fits. A new rejection schedules them again."""
    for plan in CopingPlan.objects.filter(application=application, closed_at__isnull=True):
        # The reason is kept with the reminder and read on the reminders page: in the owner's
        # language, whoever made the change (a page, mail in, the API).
        with in_language_of(plan.owner):
            reason = _("You are back in the process with %(company)s.") % {
                "company": application.company.name
            }
        reminders_cancel(
            subject=plan, kinds=[KEEP_IN_TOUCH, COPING_CHECK_IN, FEEDBACK_CHASE], reason=reason
        )


def _best_contact(application: Application) -> Contact | None:
    """The person a check-in or feedback request goes to: HR first, then an interviewer."""
    contacts = {c.kind: c for c in application.company.contacts.order_by("-pk")}
    return (
        contacts.get(Contact.Kind.HR)
        or contacts.get(Contact.Kind.INTERVIEWER)
        or contacts.get(Contact.Kind.RECRUITER)
    )


def plan_step_set(*, plan: CopingPlan, step: str, state: str) -> PlanStep:
    if state not in PlanStep.State.values:
        raise ValidationError(_("Unknown step state."))
    plan_step, _created = PlanStep.objects.get_or_create(plan=plan, step=step)
    plan_step.state = state
    plan_step.save(update_fields=["state", "updated_at"])
    return plan_step


def _step_done(plan: CopingPlan, step: str) -> None:
    """Doing a step's thing completes it (steps not on the plan stay off it)."""
    PlanStep.objects.filter(plan=plan, step=step).exclude(state=PlanStep.State.DONE).update(
        state=PlanStep.State.DONE, updated_at=timezone.now()
    )


def plan_progress(steps: list[PlanStep], *, goal_reached: bool = False) -> tuple[int, int]:
    """Steps done or skipped, of the steps on the plan. "Widen the net" is done when its goal
    is reached (or the user says it is): setting a goal is where it starts, not where it ends."""
    finished = sum(
        1
        for s in steps
        if s.state != PlanStep.State.TODO or (goal_reached and s.step == Step.WIDEN)
    )
    return finished, len(steps)


def plan_count_text(*, finished: int, total: int, legal_on_plan: bool) -> str:
    """The one sentence every page uses for a plan's progress. The legal step is opt-in, so
    the count says whether it is part of the total instead of leaving "5" beside "six"."""
    if legal_on_plan:
        return ngettext(
            "%(finished)s of %(total)s steps done or skipped · legal step included",
            "%(finished)s of %(total)s steps done or skipped · legal step included",
            total,
        ) % {"finished": finished, "total": total}
    return ngettext(
        "%(finished)s of %(total)s steps done or skipped · optional legal step not added",
        "%(finished)s of %(total)s steps done or skipped · optional legal step not added",
        total,
    ) % {"finished": finished, "total": total}


@transaction.atomic
def plan_flag_legal(*, plan: CopingPlan) -> CopingPlan:
    plan.legal_flagged = True
    plan.save(update_fields=["legal_flagged"])
    PlanStep.objects.get_or_create(plan=plan, step=Step.LEGAL)
    return plan


@transaction.atomic
def plan_close(*, plan: CopingPlan) -> CopingPlan:
    plan.closed_at = timezone.now()
    plan.save(update_fields=["closed_at"])
    with in_language_of(plan.owner):
        reason = _("The plan is closed.")
    reminders_cancel(subject=plan, kinds=[COPING_CHECK_IN], reason=reason)
    return plan


@transaction.atomic
def plan_reopen(*, plan: CopingPlan) -> CopingPlan:
    if CopingPlan.objects.filter(application=plan.application, closed_at__isnull=True).exists():
        raise ValidationError(_("Another plan for this application is already open."))
    plan.closed_at = None
    plan.save(update_fields=["closed_at"])
    week_after = plan.opened_on + CHECK_IN_AFTER
    if week_after > local_today(plan.owner) and plan.application.status in EXITS:
        reminder_schedule(
            owner=plan.owner,
            kind=COPING_CHECK_IN,
            subject=plan,
            local_date=week_after,
            scope=scope_of(plan.application),
        )
    return plan


def reflection_save(*, reflection: Reflection) -> Reflection:
    reflection.save()
    plan_step_set(plan=reflection.plan, step=Step.REFLECT, state=PlanStep.State.DONE)
    return reflection


def journal_entry_create(
    *,
    owner: User,
    mood: int,
    text: str,
    written_on: dt.date | None = None,
    plan: CopingPlan | None = None,
) -> JournalEntry:
    if written_on is not None:
        validate_past_date(written_on, owner=owner, what=_("The journal entry’s date"))
    entry = JournalEntry(
        owner=owner, plan=plan, mood=mood, text=text, written_on=written_on or local_today(owner)
    )
    entry.full_clean()
    entry.save()
    if plan is not None:
        # Writing it down is what the "feelings" step asks; feedback may never come.
        _step_done(plan, Step.FEELINGS)
    return entry


def journal_entry_update(
    *, entry: JournalEntry, mood: int, text: str, written_on: dt.date
) -> JournalEntry:
    validate_past_date(written_on, owner=entry.owner, what=_("The journal entry’s date"))
    entry.mood, entry.text, entry.written_on = mood, text, written_on
    entry.full_clean()
    entry.save()
    return entry


def journal_entry_delete(*, entry: JournalEntry) -> None:
    entry.delete()


def feedback_request_draft(
    *, plan: CopingPlan, contact: Contact | None = None, subject: str = "", body: str = ""
) -> FeedbackRequest:
    with in_language_of(plan.owner):  # the API drafts one too, outside the owner's pages
        default_subject, default_body = drafts.feedback_request(plan, contact)
    request, _created = FeedbackRequest.objects.update_or_create(
        plan=plan,
        defaults={
            "contact": contact,
            "subject": subject or default_subject,
            "body": body or default_body,
        },
    )
    return request


@transaction.atomic
def feedback_request_mark_sent(*, request: FeedbackRequest, on: dt.date) -> FeedbackRequest:
    request.status, request.sent_on = FeedbackRequest.Status.SENT, on
    request.save(update_fields=["status", "sent_on", "updated_at"])
    reminder_schedule(
        owner=request.plan.owner,
        kind=FEEDBACK_CHASE,
        subject=request.plan,
        local_date=on + FEEDBACK_CHASE_AFTER,
        scope=scope_of(request.plan.application),
    )
    _step_done(request.plan, Step.FEELINGS)  # asking is the closure you control
    return request


@transaction.atomic
def feedback_request_mark_received(
    *, request: FeedbackRequest, on: dt.date, feedback: str
) -> FeedbackRequest:
    validate_past_date(on, owner=request.plan.owner, what=_("The day it arrived"))
    validate_feedback_received(sent_on=request.sent_on, received_on=on)
    request.status, request.received_on, request.feedback = (
        FeedbackRequest.Status.RECEIVED,
        on,
        feedback,
    )
    request.sent_on = request.sent_on or on
    request.save(update_fields=["status", "received_on", "feedback", "sent_on", "updated_at"])
    with in_language_of(request.plan.owner):
        reason = _("Their feedback has arrived.")
    reminders_cancel(subject=request.plan, kinds=[FEEDBACK_CHASE], reason=reason)
    return request


def net_goal_set(*, plan: CopingPlan, target: int, weeks: int) -> NetGoal:
    goal, _created = NetGoal.objects.update_or_create(
        plan=plan,
        defaults={"target": target, "weeks": weeks, "starts_on": plan.opened_on},
    )
    return goal


def net_goal_progress_query(goal: NetGoal) -> QuerySet[Application]:
    """The applications that count toward a goal: applied within its window, after the plan
    opened. By the date applied (the timeline's move into Applied), so backfilled ones count
    where they belong, and ones applied earlier the same day, before the rejection, don't."""
    plan = goal.plan
    applied_after = StatusChange.objects.filter(
        application_id=OuterRef("pk"),
        to_status=Status.APPLIED,
        changed_on__gte=goal.starts_on,
        changed_on__lt=goal.ends_on,
    ).exclude(changed_on=plan.opened_on, created_at__lt=plan.created_at)
    return (
        Application.objects.filter(owner_id=plan.owner_id)
        .filter(Exists(applied_after))
        .exclude(pk=plan.application_id)
    )


def outreach_log(
    *,
    owner: User,
    contact: Contact,
    on: dt.date,
    outcome: str,
    notes: str = "",
    plan: CopingPlan | None = None,
) -> Outreach:
    if contact.owner_id != owner.pk:
        raise ValidationError(_("Unknown contact."))
    outreach = Outreach(
        owner=owner, plan=plan, contact=contact, on=on, outcome=outcome, notes=notes
    )
    outreach.full_clean()
    outreach.save()
    return outreach


def outreach_delete(*, outreach: Outreach) -> None:
    outreach.delete()


@transaction.atomic
def follow_up_schedule(
    *,
    follow_up: FollowUp,
    interested: bool,
    check_in_on: dt.date | None = None,
    contact: Contact | None = None,
    note: str = "",
    requirements: str = "",
    experience_now: str = "",
) -> FollowUp:
    """Keep in touch (or not): the check-in's date, person and note, and its reminder."""
    plan = follow_up.plan
    follow_up.interested = interested
    follow_up.contact = contact
    follow_up.note = note
    follow_up.requirements = requirements
    follow_up.experience_now = experience_now
    if interested:
        owner = plan.owner
        follow_up.check_in_on = check_in_on or add_months(
            plan.opened_on, owner.keep_in_touch_months
        )
        if follow_up.check_in_on <= local_today(owner):
            raise ValidationError(_("Pick a check-in date in the future."))
        reminder_schedule(
            owner=owner,
            kind=KEEP_IN_TOUCH,
            subject=plan,
            local_date=follow_up.check_in_on,
            scope=scope_of(plan.application),
        )
    else:
        with in_language_of(plan.owner):
            reason = _("You chose not to check in with them.")
        reminders_cancel(subject=plan, kinds=[KEEP_IN_TOUCH], reason=reason)
    follow_up.save()
    return follow_up


def incident_record(
    *,
    plan: CopingPlan,
    kind: str,
    happened_on: dt.date,
    jurisdiction: str,
    facts: str,
    received_on: dt.date | None = None,
    learned_on: dt.date | None = None,
    land: str = "",
    claimed_on: dt.date | None = None,
) -> Incident:
    """The facts, dated. Germany's deadlines also need the day the rejection reached the user
    (or the later day they learned of the discrimination), their Land, and any written claim."""
    incident = Incident(
        plan=plan,
        kind=kind,
        happened_on=happened_on,
        jurisdiction=jurisdiction,
        facts=facts,
        received_on=received_on,
        learned_on=learned_on,
        land=land,
        claimed_on=claimed_on,
    )
    incident.full_clean()
    incident.save()
    _step_done(plan, Step.LEGAL)  # the facts are written down, with their date
    return incident


def incident_delete(*, incident: Incident) -> None:
    incident.delete()
