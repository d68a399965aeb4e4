"""How far the cohort got along the pipeline, and where it left it."""

from collections import defaultdict
from dataclasses import dataclass

from django.db.models import Case, Count, IntegerField, Max, Q, Value, When

from applications.models import StatusChange
from applications.pipeline import EXITS, STAGES, Status
from rebound.models import User

from .period import Period, cohort

_FROM_APPLIED = STAGES[STAGES.index(Status.APPLIED) :]
# The funnel's columns after "applied": the rest of the way forward, in order.
FUNNEL_STAGES = _FROM_APPLIED[1:]
# A status's rank on the way forward, applied 1 to accepted 5; 0 off it (wishlist, the exits).
_RANK = {status: rank for rank, status in enumerate(_FROM_APPLIED, start=1)}


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


def _rank(field: str) -> Case:
    """The pipeline rank of a status field (0 for statuses off the pipeline)."""
    return Case(
        *(When(**{field: status}, then=Value(r)) for status, r in _RANK.items()),
        default=Value(0),
        output_field=IntegerField(),
    )


def funnel(user: User, period: Period) -> Funnel:
    """Two queries: the count of cohort applications by the furthest stage their timelines
    reached (one pass over the timeline, grouped per application), then their exits."""
    counts = (
        cohort(user, period)
        .annotate(top=Max(_rank("status_changes__to_status")))
        .aggregate(
            applied=Count("pk"),
            **{
                stage.value: Count("pk", filter=Q(top__gte=_RANK[stage])) for stage in FUNNEL_STAGES
            },
        )
    )
    exits: dict[str, dict[str, int]] = {e.value: defaultdict(int) for e in EXITS}
    rows = (
        StatusChange.objects.filter(
            application__in=cohort(user, period), to_status__in=[e.value for e in EXITS]
        )
        .values("from_status", "to_status")
        .annotate(n=Count("application", distinct=True))
    )
    for row in rows:
        stage = row["from_status"] if row["from_status"] in _RANK else Status.APPLIED.value
        exits[row["to_status"]][stage] += row["n"]
    return Funnel(
        applied=counts["applied"],
        reached={stage.value: counts[stage.value] for stage in FUNNEL_STAGES},
        exits={e: dict(v) for e, v in exits.items()},
    )
