"""How far the cohort got along the pipeline, and where it left it."""

from collections import defaultdict
from dataclasses import dataclass

from applications.pipeline import EXITS, Status
from rebound.models import User

from .period import Period
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
    """The cohort counted by the furthest stage their timelines reached, and by their exits:
    `timeline.groups` with `top` (one query), or its `counted` groups when the caller has
    them."""
    if counted is None:
        counted = groups(user, period, top=True)
    applied = sum(g.n for g in counted)
    reached = {
        stage.value: sum(g.n for g in counted if g.top >= RANK[stage]) for stage in FUNNEL_STAGES
    }
    made: dict[str, dict[str, int]] = {e.value: defaultdict(int) for e in EXITS}
    for group in counted:
        for from_status, to_status in group.exits_made():
            stage = from_status if from_status in RANK else Status.APPLIED.value
            made[to_status][stage] += group.n
    return Funnel(
        applied=applied,
        reached=reached,
        exits={e: dict(v) for e, v in made.items()},
    )
