"""How far the cohort got along the pipeline, and where it left it."""

from collections import defaultdict
from dataclasses import dataclass

from django.db.models import Count

from applications.models import StatusChange
from applications.pipeline import EXITS, Status
from rebound.models import User

from .period import Period, cohort
from .timeline import FUNNEL_STAGES, RANK, Group, groups

__all__ = ["FUNNEL_STAGES", "Funnel", "funnel"]


@dataclass
class Funnel:
    applied: int
    # Of the cohort, how many reached each stage or a later one, whatever the order the
    # timeline took (a move from applied straight to interviewing reached screening too).
    reached: dict[str, int]
    # exits[exit][stage]: applications whose timeline moved to `exit` from `stage` (the stage
    # they were at when it ended; a move from wishlist counts as from applied).
    exits: dict[str, dict[str, int]]

    def reached_share(self, stage: str) -> float:
        return self.reached[stage] / self.applied if self.applied else 0.0


def funnel(user: User, period: Period, counted: list[Group] | None = None) -> Funnel:
    """Two queries: the cohort counted by the furthest stage their timelines reached (one
    pass over the timeline, grouped per application: `timeline.groups`, or its `counted`
    groups when the caller has them, asked for with `top`), then their exits."""
    if counted is None:
        counted = groups(user, period, top=True)
    applied = sum(g.n for g in counted)
    reached = {
        stage.value: sum(g.n for g in counted if g.top >= RANK[stage]) for stage in FUNNEL_STAGES
    }
    exits: dict[str, dict[str, int]] = {e.value: defaultdict(int) for e in EXITS}
    rows = (
        StatusChange.objects.filter(
            application__in=cohort(user, period), to_status__in=[e.value for e in EXITS]
        )
        .values("from_status", "to_status")
        .annotate(n=Count("application", distinct=True))
    )
    for row in rows:
        stage = row["from_status"] if row["from_status"] in RANK else Status.APPLIED.value
        exits[row["to_status"]][stage] += row["n"]
    return Funnel(
        applied=applied,
        reached=reached,
        exits={e: dict(v) for e, v in exits.items()},
    )
