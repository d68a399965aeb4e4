"""Read-only queries other parts of the project show (the home page's wellbeing card)."""

from typing import Any

from django.db.models import QuerySet

from reminders.models import Reminder

from . import services
from .models import CopingPlan, JournalEntry
from .reminder_kinds import KINDS


def plan_reminders(plan: CopingPlan) -> QuerySet[Reminder]:
    """Every reminder about a plan (keep in touch, check-in, feedback chase), any state."""
    return Reminder.objects.filter(
        owner_id=plan.owner_id, kind__in=[k.name for k in KINDS], subject_id=plan.pk
    )


HOME_PLANS = 3


def wellbeing(user: Any) -> dict[str, Any]:
    """The home page's small wellbeing signal."""
    open_plans = list(
        CopingPlan.objects.filter(owner=user, closed_at__isnull=True)
        .select_related("application__company", "net_goal")
        # closed_at first although it is NULL in every row: PostgreSQL then reads the rows in
        # copingplan_owner_list_idx's order and stops at three (IS NULL is not an equality
        # to it), instead of joining and sorting all of a heavy user's open plans.
        # One more than shown says whether to point to the rest (no count needed).
        .order_by("closed_at", "-opened_on", "-pk")[: HOME_PLANS + 1]
    )
    latest_mood = (
        JournalEntry.objects.filter(owner=user)
        .order_by("-written_on", "-created_at")
        .values_list("mood", flat=True)
        .first()
    )
    more_plans = len(open_plans) > HOME_PLANS
    open_plans = open_plans[:HOME_PLANS]
    goal = next((p.net_goal for p in open_plans if hasattr(p, "net_goal")), None)
    return {
        "open_plans": open_plans,
        "more_open_plans": more_plans,
        "latest_mood": latest_mood,
        "net_goal": goal,
        "net_goal_progress": services.net_goal_progress_query(goal).count() if goal else 0,
    }
