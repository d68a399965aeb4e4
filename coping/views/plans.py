"""The plans: the list, a plan's page, and closing, reopening or ticking off its steps."""

from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.core.exceptions import ValidationError
from django.core.paginator import Paginator
from django.http import Http404, HttpResponse
from django.shortcuts import redirect, render
from django.utils.translation import gettext as _
from django.views.decorators.http import require_POST

from rebound.lib.types import AuthedRequest

from .. import selectors, services
from ..models import CopingPlan, NetGoal, PlanStep, Step
from .steps import STEP_INTROS, owned_plan

PAGE_SIZE = 20


def _steps(plan: CopingPlan) -> list[PlanStep]:
    order = {value: i for i, value in enumerate(Step.values)}
    return sorted(plan.steps.all(), key=lambda s: order[s.step])


@login_required
def plan_list(request: AuthedRequest) -> HttpResponse:
    page = Paginator(selectors.plans_listed(request.user), PAGE_SIZE).get_page(
        request.GET.get("page")
    )
    plans = list(page)
    rows = list(zip(plans, selectors.listed_plan_counts(plans), strict=True))
    return render(request, "coping/plan_list.html", {"page": page, "rows": rows})


@login_required
def plan_detail(request: AuthedRequest, plan_id: int) -> HttpResponse:
    plan = owned_plan(request, plan_id)
    steps = _steps(plan)
    goal = NetGoal.objects.filter(plan=plan).first()
    goal_progress = selectors.net_goal_progress(goal)
    count = selectors.plan_count(plan, steps)
    return render(
        request,
        "coping/plan_detail.html",
        {
            "plan": plan,
            "steps": [(s, STEP_INTROS[Step(s.step)]) for s in steps],
            "count": count,
            "goal": goal,
            "goal_progress": goal_progress,
            "reminders": selectors.plan_reminders(plan).order_by("due_at", "pk"),
        },
    )


@login_required
@require_POST
def plan_step_state(request: AuthedRequest, plan_id: int, step: str) -> HttpResponse:
    plan = owned_plan(request, plan_id)
    if step not in Step.values or not plan.steps.filter(step=step).exists():
        raise Http404
    state = request.POST.get("state", "")
    try:
        services.plan_step_set(plan=plan, step=step, state=state)
    except ValidationError as exc:
        messages.error(request, " ".join(exc.messages))
    else:
        said = {
            "done": _("“%(step)s” is done."),
            "skipped": _("“%(step)s” is skipped."),
            "todo": _("“%(step)s” is back on your list."),
        }[state]
        messages.success(request, said % {"step": Step(step).label})
    return redirect(plan)


@login_required
@require_POST
def plan_close(request: AuthedRequest, plan_id: int) -> HttpResponse:
    plan = owned_plan(request, plan_id)
    if request.POST.get("reopen"):
        try:
            services.plan_reopen(plan=plan)
        except ValidationError as exc:
            messages.error(request, " ".join(exc.messages))
        else:
            messages.success(request, _("The plan is open again."))
    else:
        services.plan_close(plan=plan)
        messages.success(request, _("Plan closed. Well done for looking after yourself."))
    return redirect(plan)
