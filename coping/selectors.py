"""Read-only queries other parts of the project show (the home page's wellbeing card)."""

from typing import Any

from . import services
from .models import CopingPlan, JournalEntry


def wellbeing(user: Any) -> dict[str, Any]:
    """The home page's small wellbeing signal."""
    open_plans = list(
        CopingPlan.objects.filter(owner=user, closed_at__isnull=True)
        .select_related("application__company", "net_goal", "owner")
        .order_by("-opened_on")[:3]
    )
    latest = JournalEntry.objects.filter(owner=user).order_by("-written_on", "-created_at").first()
    goal = next((p.net_goal for p in open_plans if hasattr(p, "net_goal")), None)
    return {
        "open_plans": open_plans,
        "latest_mood": latest.mood if latest else None,
        "net_goal": goal,
        "net_goal_progress": services.net_goal_progress_query(goal).count() if goal else 0,
    }
