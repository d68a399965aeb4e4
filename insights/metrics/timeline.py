"""The cohort's timelines read once: per application, the furthest stage it reached (the
funnel), its first answer and whether it was ever marked ghosted (responsiveness), counted
per group in the database so Python gets a few hundred numbers, not thousands of rows."""

from collections import Counter
from typing import NamedTuple

from django.db import connection
from django.db.models import (
    Case,
    CharField,
    Count,
    F,
    IntegerField,
    Max,
    Min,
    Q,
    QuerySet,
    Value,
    When,
)

from applications.models import Application
from applications.pipeline import STAGES, Status
from rebound.models import User

from .period import Period, cohort

_FROM_APPLIED = STAGES[STAGES.index(Status.APPLIED) :]
# The funnel's columns after "applied": the rest of the way forward, in order.
FUNNEL_STAGES = _FROM_APPLIED[1:]
# A status's rank on the way forward, applied 1 to accepted 5; 0 off it (wishlist, the exits).
RANK = {status: rank for rank, status in enumerate(_FROM_APPLIED, start=1)}
# A move to one of these after applying is an answer from the employer: any stage further
# along, or a rejection (a withdrawal is the user's doing, ghosted is the lack of an answer).
ANSWERS = (*FUNNEL_STAGES, Status.REJECTED)


class Group(NamedTuple):
    """`n` applications of the cohort alike in: the field asked for (`key`), the furthest
    rank their timelines reached (0 for none, or when not asked for), the days from applied
    to the first answer on or after the day applied (None without one), whether they were
    ever marked ghosted."""

    key: str
    top: int
    days: int | None
    ghosted: bool
    n: int


def _rank(field: str) -> Case:
    """The pipeline rank of a status field (0 for statuses off the pipeline)."""
    return Case(
        *(When(**{field: status}, then=Value(r)) for status, r in RANK.items()),
        default=Value(0),
        output_field=IntegerField(),
    )


def groups(
    user: User,
    period: Period,
    cohort_rows: QuerySet[Application] | None = None,
    by: str = "",
    top: bool = False,
) -> list[Group]:
    """The cohort (or `cohort_rows` of it) counted per Group: one pass over the timeline,
    grouped per application, then counted per group in the database (Postgres; elsewhere
    here, fine at a demo's size). The furthest rank only when `top` is asked for."""
    answered = Q(
        status_changes__to_status__in=[s.value for s in ANSWERS],
        status_changes__changed_on__gte=F("date_applied"),
    )
    # One annotate(): the aggregates share one LEFT JOIN of the timeline.
    per_application = (
        (cohort(user, period) if cohort_rows is None else cohort_rows)
        .annotate(
            key=F(by) if by else Value("", output_field=CharField()),
            top=Max(_rank("status_changes__to_status")) if top else Value(0),
            first_answer=Min("status_changes__changed_on", filter=answered),
            ghosted=Count("status_changes", filter=Q(status_changes__to_status=Status.GHOSTED)),
        )
        .values("key", "top", "date_applied", "first_answer", "ghosted")
        .order_by()
    )
    if connection.vendor == "postgresql":
        # The ORM does not group an aggregate's rows again; the outer query does, over the
        # ORM's own SQL (date - date is a number of days in Postgres).
        sql, params = per_application.query.sql_with_params()
        with connection.cursor() as cursor:
            cursor.execute(
                'SELECT "key", COALESCE("top", 0), first_answer - date_applied, ghosted > 0,'
                f" COUNT(*) FROM ({sql}) AS per_application GROUP BY 1, 2, 3, 4",
                params,
            )
            return [Group(*row) for row in cursor.fetchall()]
    counted: Counter[tuple[str, int, int | None, bool]] = Counter(
        (
            row["key"],
            row["top"] or 0,
            (row["first_answer"] - row["date_applied"]).days if row["first_answer"] else None,
            row["ghosted"] > 0,
        )
        for row in per_application
    )
    return [Group(*group, n) for group, n in counted.items()]
