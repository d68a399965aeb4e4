"""Read-only queries other parts of the project show (the home page's wellbeing card)."""

from collections.abc import Callable, Iterable
from dataclasses import dataclass
from typing import Any

from django.db.models import Exists, OuterRef, QuerySet

from applications.models import Application, Company, StatusChange
from applications.pipeline import Status
from rebound.models import User
from reminders.models import Reminder

from . import services
from .models import CopingPlan, NetGoal, PlanStep, Step
from .reminder_kinds import KINDS


def plan_reminders(plan: CopingPlan) -> QuerySet[Reminder]:
    """Every reminder about a plan (keep in touch, check-in, feedback chase), any state."""
    return Reminder.objects.filter(
        owner_id=plan.owner_id, kind__in=[k.name for k in KINDS], subject_id=plan.pk
    )


@dataclass(frozen=True)
class PlanCount:
    """A plan's progress as every page tells it (plan, plans list, application, home)."""

    finished: int
    total: int
    legal_on_plan: bool

    @property
    def complete(self) -> bool:
        return self.finished == self.total

    @property
    def percent(self) -> int:
        return round(100 * self.finished / self.total) if self.total else 0

    def __str__(self) -> str:
        return services.plan_count_text(
            finished=self.finished, total=self.total, legal_on_plan=self.legal_on_plan
        )


def net_goal_progress(goal: NetGoal | None) -> int:
    """New applications toward a "widen the net" goal (0 without one)."""
    return services.net_goal_progress_query(goal).count() if goal is not None else 0


def goals_reached(plans: list[CopingPlan]) -> set[int]:
    """The ids of the plans (their `net_goal` selected) whose goal is reached, in one query
    for any number of plans: the lists would otherwise count each goal separately. It
    counts as `services.net_goal_progress_query` does (tests/coping/test_counting.py checks
    the two agree): an application counts when it moved into Applied within the goal's
    weeks, not earlier on the day the plan opened, and is not the plan's own."""
    goals = [goal for plan in plans if (goal := _goal(plan)) is not None]
    if not goals:
        return set()
    applied = StatusChange.objects.filter(
        application__owner_id=goals[0].plan.owner_id,
        to_status=Status.APPLIED,
        changed_on__gte=min(g.starts_on for g in goals),
        changed_on__lt=max(g.ends_on for g in goals),
    ).values_list("application_id", "changed_on", "created_at")
    changes = list(applied)
    reached = set()
    for goal in goals:
        plan = goal.plan
        counted = {
            application_id
            for application_id, on, created_at in changes
            if goal.starts_on <= on < goal.ends_on
            and application_id != plan.application_id
            and not (on == plan.opened_on and created_at < plan.created_at)
        }
        if len(counted) >= goal.target:
            reached.add(plan.pk)
    return reached


def _goal(plan: CopingPlan) -> NetGoal | None:
    try:
        return plan.net_goal
    except NetGoal.DoesNotExist:
        return None


def _widen_todo(steps: list[PlanStep]) -> bool:
    return any(s.step == Step.WIDEN and s.state == PlanStep.State.TODO for s in steps)


def plan_count(plan: CopingPlan, steps: list[PlanStep] | None = None) -> PlanCount:
    """One plan's count, from its steps (loaded unless given)."""
    return plan_counts([plan], {plan.pk: steps} if steps is not None else None)[0]


def plan_counts(
    plans: list[CopingPlan], steps: dict[int, list[PlanStep]] | None = None
) -> list[PlanCount]:
    """Each plan's count, from its steps (given, or prefetched or loaded); the goals are
    looked at only while "Widen the net" is still to do, the one time they change the count."""
    steps = steps or {plan.pk: list(plan.steps.all()) for plan in plans}
    reached = goals_reached([p for p in plans if _widen_todo(steps[p.pk])])
    counts = []
    for plan in plans:
        finished, total = services.plan_progress(steps[plan.pk], goal_reached=plan.pk in reached)
        legal = any(s.step == Step.LEGAL for s in steps[plan.pk])
        counts.append(PlanCount(finished, total, legal))
    return counts


def plans_listed(owner: User) -> QuerySet[CopingPlan]:
    """The plans page's rows: counted in SQL (`with_progress`), plus whether "Widen the net"
    is still to do, so that only those plans' goals are looked at."""
    widen_todo = PlanStep.objects.filter(
        plan=OuterRef("pk"), step=Step.WIDEN, state=PlanStep.State.TODO
    )
    return (
        CopingPlan.objects.filter(owner=owner)
        .select_related("application__company", "net_goal")
        .with_progress()
        .annotate(widen_todo=Exists(widen_todo))
        .order_by("closed_at", "-opened_on", "-pk")
    )


def listed_plan_counts(plans: list[CopingPlan]) -> list[PlanCount]:
    """The counts of rows from `plans_listed`, in one more query at most."""
    reached = goals_reached([p for p in plans if p.widen_todo])  # type: ignore[attr-defined]
    return [
        PlanCount(
            plan.steps_finished + int(plan.pk in reached),  # type: ignore[attr-defined]
            plan.steps_total,  # type: ignore[attr-defined]
            plan.legal_flagged,
        )
        for plan in plans
    ]


HOME_PLANS = 3
# Home's wellbeing card in one read: the latest mood, and the newest open plans (one more
# than shown says whether to point to the rest, no count needed) with their company's name,
# goal and steps, a row per step. As querysets (select_related, only, prefetch_related, the
# mood's first()) it took three queries and 3 ms of home's time, most of it building and
# compiling them (issue 24); raw() still converts the columns as the ORM does. The mood is
# the one row everything else joins to, so a user without open plans still gets it.
# closed_at first in the plans' order although it is NULL in every row: PostgreSQL then
# reads the rows in copingplan_owner_list_idx's order and stops at four (IS NULL is not an
# equality to it), instead of sorting all of a heavy user's open plans.
_WELLBEING = f"""
    SELECT m.mood AS latest_mood, p.id, p.owner_id, p.application_id, p.opened_on,
           p.created_at, c.id AS company_id, c.name AS company_name,
           g.id AS goal_id, g.target AS goal_target, g.weeks AS goal_weeks,
           g.starts_on AS goal_starts_on, s.id AS step_id, s.step AS step_step,
           s.state AS step_state
    FROM (
        SELECT (
            SELECT j.mood FROM coping_journalentry j WHERE j.owner_id = %s
            ORDER BY j.written_on DESC, j.created_at DESC LIMIT 1
        ) AS mood
    ) m
    LEFT JOIN (
        SELECT id, owner_id, application_id, opened_on, created_at, closed_at
        FROM coping_copingplan
        WHERE owner_id = %s AND closed_at IS NULL
        ORDER BY closed_at, opened_on DESC, id DESC
        LIMIT {HOME_PLANS + 1}
    ) p ON 1 = 1
    LEFT JOIN applications_application a ON a.id = p.application_id
    LEFT JOIN applications_company c ON c.id = a.company_id
    LEFT JOIN coping_netgoal g ON g.plan_id = p.id
    LEFT JOIN coping_planstep s ON s.plan_id = p.id
    ORDER BY p.closed_at, p.opened_on DESC, p.id DESC, s.id"""


def plans_read(
    rows: Iterable[Any], application_of: Callable[[Any], Application]
) -> tuple[list[CopingPlan], dict[int, list[PlanStep]]]:
    """Plans read one row per step (`CopingPlan.objects.raw`: each row a plan, with its goal's
    columns as goal_id, goal_target, goal_weeks, goal_starts_on and one step's as step_id,
    step_step, step_state), in the rows' order: each plan with its application
    (`application_of(row)`) and its goal set as select_related leaves them (the goal, or none
    without a query), and each plan's steps."""
    plans: dict[int, CopingPlan] = {}
    steps: dict[int, list[PlanStep]] = {}
    for row in rows:
        plan = plans.get(row.pk)
        if plan is None:
            plan = plans[row.pk] = row
            plan.application = application_of(row)
            goal = None
            if row.goal_id is not None:
                goal = NetGoal(
                    pk=row.goal_id,
                    plan=plan,
                    target=row.goal_target,
                    weeks=row.goal_weeks,
                    starts_on=row.goal_starts_on,
                )
            CopingPlan.net_goal.related.set_cached_value(plan, goal)
            steps[plan.pk] = []
        if row.step_id is not None:
            steps[plan.pk].append(
                PlanStep(pk=row.step_id, plan=plan, step=row.step_step, state=row.step_state)
            )
    return list(plans.values()), steps


def _open_plans(user: User) -> tuple[int | None, list[CopingPlan], dict[int, list[PlanStep]]]:
    """The latest mood, and the newest open plans (their application, company's name and
    goal set as select_related leaves them, the goal none without a query) with their steps."""
    # Each row a plan, with the mood's, company's, goal's and one step's columns as its own;
    # with no open plan, the mood's row alone (its plan's columns all empty).
    rows: list[Any] = list(CopingPlan.objects.raw(_WELLBEING, [user.pk, user.pk]))
    mood: int | None = rows[0].latest_mood if rows else None

    def application_of(row: Any) -> Application:
        company = Company(pk=row.company_id, owner_id=user.pk, name=row.company_name)
        return Application(pk=row.application_id, owner_id=user.pk, company=company)

    plans, steps = plans_read([row for row in rows if row.pk is not None], application_of)
    return mood, plans, steps


def wellbeing(user: User) -> dict[str, Any]:
    """The home page's small wellbeing signal."""
    latest_mood, open_plans, steps = _open_plans(user)
    more_plans = len(open_plans) > HOME_PLANS
    open_plans = open_plans[:HOME_PLANS]
    goal = next((p.net_goal for p in open_plans if hasattr(p, "net_goal")), None)
    return {
        "open_plans": list(zip(open_plans, plan_counts(open_plans, steps), strict=True)),
        "more_open_plans": more_plans,
        "latest_mood": latest_mood,
        "net_goal": goal,
        "net_goal_progress": services.net_goal_progress_query(goal).count() if goal else 0,
    }
