"""A plan's step pages: each step's form and what it shows beside it, one function a step."""

from collections.abc import Callable
from typing import Any
from urllib.parse import quote

from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.core.exceptions import ValidationError
from django.http import Http404, HttpResponse
from django.shortcuts import get_object_or_404, redirect, render
from django.urls import reverse
from django.utils import dateformat
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy, ngettext, pgettext
from django.views.decorators.http import require_http_methods

from applications.filters import OPEN_FILTER
from applications.selectors import open_applications
from rebound.lib.localtime import local_today
from rebound.lib.types import AuthedRequest

from .. import drafts, legal, selectors, services
from ..forms import (
    FeedbackDraftForm,
    FeedbackReceivedForm,
    FollowUpForm,
    IncidentForm,
    JournalEntryForm,
    NetGoalForm,
    OutreachForm,
    ReflectionForm,
)
from ..models import CopingPlan, FeedbackRequest, NetGoal, PlanStep, Step
from ..reminder_kinds import KEEP_IN_TOUCH

ACTIVE_SHOWN = 10  # "Keep these moving": the most recently touched open applications
STEP_INTROS = {
    Step.REFLECT: gettext_lazy(
        "A calm look back, while it is fresh. Not to judge yourself — to learn what to carry "
        "into the next interview."
    ),
    Step.FEELINGS: gettext_lazy(
        "Disappointment is normal. Give it a little space, write it down, and if you want "
        "closure, ask them what you could do differently."
    ),
    Step.WIDEN: gettext_lazy(
        "This was one chance, not the only one. Set a small, kind goal for new applications."
    ),
    Step.NEVER_SETTLE: gettext_lazy(
        "Keep your other applications moving and let people know you are looking: friends, "
        "former colleagues, recruiters and staffing agencies."
    ),
    Step.KEEP_IN_TOUCH: gettext_lazy(
        "If you liked them, a near miss can become the next opening. Plan a friendly check-in "
        "a few months from now."
    ),
    Step.LEGAL: gettext_lazy(
        "If something in the process may have been unlawful, write down the facts while they "
        "are fresh. Deadlines to act exist and they are short."
    ),
}


def owned_plan(request: AuthedRequest, plan_id: int) -> CopingPlan:
    return get_object_or_404(
        CopingPlan.objects.select_related("application__company", "owner"),
        pk=plan_id,
        owner=request.user,
    )


@login_required
@require_http_methods(["GET", "POST"])
def plan_step(request: AuthedRequest, plan_id: int, step: str) -> HttpResponse:
    plan = owned_plan(request, plan_id)
    if step == Step.LEGAL:
        # Open even before the step is on the plan: its page offers to add it.
        return _legal(request, plan)
    if step not in STEP_VIEWS or not plan.steps.filter(step=step).exists():
        raise Http404
    return STEP_VIEWS[step](request, plan)


def _render_step(
    request: AuthedRequest, plan: CopingPlan, step: str, **context: Any
) -> HttpResponse:
    return render(
        request,
        f"coping/step_{step}.html",
        {"plan": plan, "step": Step(step), "intro": STEP_INTROS[Step(step)], **context},
    )


def _done(request: AuthedRequest, plan: CopingPlan, step: str, message: str) -> HttpResponse:
    services.plan_step_set(plan=plan, step=step, state=PlanStep.State.DONE)
    messages.success(request, message)
    return redirect(plan)


def _reflect(request: AuthedRequest, plan: CopingPlan) -> HttpResponse:
    form = ReflectionForm(request.POST or None, instance=plan.reflection)
    if request.method == "POST" and form.is_valid():
        services.reflection_save(reflection=form.instance)
        messages.success(request, _("Reflection saved. That took courage."))
        return redirect(plan)
    assessments_exist = plan.application.interviews.filter(assessment__isnull=False).exists()
    return _render_step(request, plan, Step.REFLECT, form=form, prefilled=assessments_exist)


def _feelings(request: AuthedRequest, plan: CopingPlan) -> HttpResponse:
    action = request.POST.get("action") if request.method == "POST" else None
    feedback = FeedbackRequest.objects.filter(plan=plan).select_related("contact").first()
    journal_form = JournalEntryForm(
        request.POST if action == "journal" else None,
        owner=request.user,
        initial={"written_on": local_today(request.user)},
    )
    initial_contact = plan.follow_up.contact if hasattr(plan, "follow_up") else None
    if feedback is None:
        subject, body = drafts.feedback_request(plan, initial_contact)
        draft_initial = {"contact": initial_contact, "subject": subject, "body": body}
    else:
        draft_initial = {}
    draft_form = FeedbackDraftForm(
        request.POST if action == "draft" else None,
        instance=feedback,
        initial=draft_initial,
        owner=request.user,
    )
    received_form = FeedbackReceivedForm(
        request.POST if action == "received" else None,
        owner=request.user,
        sent_on=feedback.sent_on if feedback is not None else None,
        initial={"received_on": local_today(request.user)},
    )
    if action == "journal" and journal_form.is_valid():
        data = journal_form.cleaned_data
        services.journal_entry_create(
            owner=request.user,
            plan=plan,
            mood=data["mood"],
            text=data["text"],
            written_on=data["written_on"],
        )
        messages.success(request, _("Journal entry saved. Only you can see it."))
        return redirect(request.path)
    if action == "draft" and draft_form.is_valid():
        data = draft_form.cleaned_data
        services.feedback_request_draft(
            plan=plan, contact=data["contact"], subject=data["subject"], body=data["body"]
        )
        messages.success(request, _("Feedback request saved as a draft."))
        return redirect(request.path)
    if action == "sent" and feedback is not None:
        services.feedback_request_mark_sent(request=feedback, on=local_today(request.user))
        messages.success(
            request, _("Marked as sent. We’ll nudge you in ten days if nothing comes.")
        )
        return redirect(request.path)
    if action == "received" and feedback is not None and received_form.is_valid():
        services.feedback_request_mark_received(
            request=feedback,
            on=received_form.cleaned_data["received_on"],
            feedback=received_form.cleaned_data["feedback"],
        )
        return _done(request, plan, Step.FEELINGS, _("Feedback saved. Closure counts."))
    return _render_step(
        request,
        plan,
        Step.FEELINGS,
        journal_form=journal_form,
        draft_form=draft_form,
        received_form=received_form,
        # What the page re-greets with when another person is chosen (static/js/feedback.js).
        greetings=draft_form.greetings(),
        # The page's title starts with "Error:" when one of its three forms has errors.
        form_has_errors=any(f.errors for f in (journal_form, draft_form, received_form)),
        feedback=feedback,
        entries=plan.journal.order_by("-written_on", "-created_at")[:10],
        mailto=_mailto(feedback),
    )


def _mailto(feedback: FeedbackRequest | None) -> str:
    if feedback is None:
        return ""
    to = feedback.contact.email if feedback.contact and feedback.contact.email else ""
    return f"mailto:{quote(to)}?subject={quote(feedback.subject)}&body={quote(feedback.body)}"


def _widen(request: AuthedRequest, plan: CopingPlan) -> HttpResponse:
    goal = NetGoal.objects.filter(plan=plan).first()
    # A copy for the form: a failed submission must not change the goal shown beside it.
    form = NetGoalForm(
        request.POST or None,
        instance=NetGoal(target=goal.target, weeks=goal.weeks) if goal else None,
    )
    if request.method == "POST" and form.is_valid():
        goal = services.net_goal_set(
            plan=plan, target=form.cleaned_data["target"], weeks=form.cleaned_data["weeks"]
        )
        # Setting the goal starts the step; reaching it (or the user saying so) finishes it.
        progress = selectors.net_goal_progress(goal)
        if progress >= goal.target:
            messages.success(request, _("Goal set, and you have reached it already. Well done."))
        else:
            messages.success(
                request,
                ngettext(
                    "Goal set: %(progress)s of %(target)s so far. One application at a time.",
                    "Goal set: %(progress)s of %(target)s so far. One application at a time.",
                    goal.target,
                )
                % {"progress": progress, "target": goal.target},
            )
        return redirect(plan)
    progress = selectors.net_goal_progress(goal)
    step_state = plan.steps.get(step=Step.WIDEN).state
    return _render_step(
        request,
        plan,
        Step.WIDEN,
        form=form,
        goal=goal,
        progress=progress,
        percent=min(100, round(100 * progress / goal.target)) if goal else 0,
        step_state=step_state,
    )


def _never_settle(request: AuthedRequest, plan: CopingPlan) -> HttpResponse:
    form = OutreachForm(
        request.POST or None, owner=request.user, initial={"on": local_today(request.user)}
    )
    if request.method == "POST" and form.is_valid():
        data = form.cleaned_data
        services.outreach_log(
            owner=request.user,
            plan=plan,
            contact=data["contact"],
            on=data["on"],
            outcome=data["outcome"],
            notes=data["notes"],
        )
        return _done(request, plan, Step.NEVER_SETTLE, _("Outreach logged. Keep going."))
    still_open = open_applications(request.user)
    active = list(
        still_open.select_related("company").order_by("-updated_at", "-pk")[:ACTIVE_SHOWN]
    )
    # Counted only when the list is cut short, to say how many more there are.
    active_total = still_open.count() if len(active) == ACTIVE_SHOWN else len(active)
    return _render_step(
        request,
        plan,
        Step.NEVER_SETTLE,
        form=form,
        active=active,
        active_total=active_total,
        open_url=f"{reverse('applications:application_list')}?status={OPEN_FILTER}",
        outreach=plan.outreach.select_related("contact__company").order_by("-on", "-pk"),
    )


def _keep_in_touch(request: AuthedRequest, plan: CopingPlan) -> HttpResponse:
    follow_up = plan.follow_up
    initial = {
        "interested": "yes" if follow_up.interested is not False else "no",
        "check_in_on": follow_up.check_in_on,
        "contact": follow_up.contact,
        "note": follow_up.note or drafts.keep_in_touch_note(plan),
        "requirements": follow_up.requirements,
        "experience_now": follow_up.experience_now,
    }
    form = FollowUpForm(request.POST or None, owner=request.user, initial=initial)
    if request.method == "POST" and form.is_valid():
        try:
            services.follow_up_schedule(follow_up=follow_up, **form.cleaned_data)
        except ValidationError as exc:
            form.add_error("check_in_on", exc)
        else:
            if form.cleaned_data["interested"]:
                day = follow_up.check_in_on
                assert day is not None  # follow_up_schedule sets it for a check-in
                when = dateformat.format(day, pgettext("date format", "j F Y"))
                return _done(
                    request,
                    plan,
                    Step.KEEP_IN_TOUCH,
                    _("Check-in scheduled for %(day)s. We’ll email you that morning.")
                    % {"day": when},
                )
            return _done(request, plan, Step.KEEP_IN_TOUCH, _("Noted: no check-in for this one."))
    reminder = selectors.plan_reminders(plan).filter(kind=KEEP_IN_TOUCH).order_by("-pk").first()
    return _render_step(
        request,
        plan,
        Step.KEEP_IN_TOUCH,
        form=form,
        reminder=reminder,
        skills=drafts.skills_from_assessments(plan.application),
    )


def _legal(request: AuthedRequest, plan: CopingPlan) -> HttpResponse:
    if request.method == "POST" and request.POST.get("action") == "flag":
        services.plan_flag_legal(plan=plan)
        messages.info(request, _("The legal step is now part of your plan."))
        return redirect(reverse("coping:plan_step", args=[plan.pk, Step.LEGAL]))
    if not plan.legal_flagged:
        return _render_step(request, plan, Step.LEGAL, flagged=False)
    form = IncidentForm(
        request.POST or None,
        owner=request.user,
        applied_on=plan.application.date_applied,
        # Most likely the rejection arrived the day it was recorded: where the form starts.
        initial={"received_on": plan.opened_on},
    )
    if request.method == "POST" and form.is_valid():
        services.incident_record(plan=plan, **form.cleaned_data)
        messages.success(request, _("Written down, with its date. Keep a copy somewhere safe."))
        return redirect(request.path)
    incidents = [(i, legal.deadlines(i)) for i in plan.incidents.all()]
    return _render_step(
        request,
        plan,
        Step.LEGAL,
        flagged=True,
        form=form,
        incidents=incidents,
        eeoc_source=legal.EEOC_SOURCE,
        acas_source=legal.ACAS_SOURCE,
        checked_on=legal.CHECKED_ON,
        germany=legal.GERMANY,
        # Where to get help in Germany: for a German note, or a German reader before any.
        show_germany=request.user.language == "de"
        or any(i.jurisdiction == legal.GERMANY.jurisdiction for i, _d in incidents),
    )


STEP_VIEWS: dict[str, Callable[[AuthedRequest, CopingPlan], HttpResponse]] = {
    Step.REFLECT: _reflect,
    Step.FEELINGS: _feelings,
    Step.WIDEN: _widen,
    Step.NEVER_SETTLE: _never_settle,
    Step.KEEP_IN_TOUCH: _keep_in_touch,
}
