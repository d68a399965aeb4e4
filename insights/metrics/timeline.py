"""The cohort's timelines read once: per application, the furthest stage it reached (the
funnel), its first answer and whether it was ever marked ghosted (responsiveness), and its
exits, counted per group in the database so Python gets a few hundred numbers, not thousands
of rows. On PostgreSQL they are read from each application's rollup row (insights.models),
not from the timeline."""

import datetime as dt
from collections import Counter
from typing import Any, NamedTuple

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
    Value,
    When,
)

from applications.models import StatusChange
from applications.pipeline import EXITS, STAGES, Status
from rebound.lib import batch
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
    ever marked ghosted; and, when the furthest rank is asked for, the exits their timelines
    made: each distinct one as "from>to" (from may be empty), space-separated ("" for none).
    An application counts once per distinct exit, however often its timeline made it."""

    key: str
    top: int
    days: int | None
    ghosted: bool
    n: int
    exits: str = ""
    # The earliest date applied among all the groups counted with it (the same on each).
    first_applied: dt.date | None = None

    def exits_made(self) -> list[tuple[str, str]]:
        """The exits as (from status, to status)."""
        return [tuple(exit.split(">", 1)) for exit in self.exits.split()]  # type: ignore[misc]


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
    by: str = "",
    top: bool = False,
    busiest: tuple[int, int] | None = None,
) -> list[Group]:
    """The cohort (when `busiest` is (minimum, most): of the `most` companies with the most
    applications in it, at least `minimum` each, ties by name, only) counted per
    Group, by `by` ("", "source" or "company__name"): on PostgreSQL one query over the
    rollup rows (insights.models.TimelineRollup) alone; elsewhere one pass over the timeline
    grouped per application (and one more for the exits), counted here: fine at a demo's
    size. The furthest rank and the exits only when `top` is asked for."""
    if connection.vendor == "postgresql":
        return _from_rollup(user, period, by, top, busiest)
    rows = cohort(user, period)
    if busiest is not None:
        minimum, most = busiest
        rows = rows.filter(
            company_id__in=cohort(user, period)
            .values("company_id")
            .annotate(n=Count("pk"))
            .filter(n__gte=minimum)
            .order_by("-n", "company__name")
            .values("company_id")[:most]
        )
    answered = Q(
        status_changes__to_status__in=[s.value for s in ANSWERS],
        status_changes__changed_on__gte=F("date_applied"),
    )
    # One annotate(): the aggregates share one LEFT JOIN of the timeline.
    per_application = (
        rows.annotate(
            key=F(by) if by else Value("", output_field=CharField()),
            top=Max(_rank("status_changes__to_status")) if top else Value(0),
            first_answer=Min("status_changes__changed_on", filter=answered),
            ghosted=Count("status_changes", filter=Q(status_changes__to_status=Status.GHOSTED)),
        )
        .values("pk", "key", "top", "date_applied", "first_answer", "ghosted")
        .order_by()
    )
    made: dict[int, set[str]] = {}
    if top:
        for application_id, from_status, to_status in StatusChange.objects.filter(
            application__in=rows, to_status__in=[e.value for e in EXITS]
        ).values_list("application_id", "from_status", "to_status"):
            made.setdefault(application_id, set()).add(f"{from_status}>{to_status}")
    counted: Counter[tuple[str, int, int | None, bool, str]] = Counter()
    first: dt.date | None = None
    for row in per_application:
        group = (
            row["key"],
            row["top"] or 0,
            (row["first_answer"] - row["date_applied"]).days if row["first_answer"] else None,
            row["ghosted"] > 0,
            " ".join(sorted(made.get(row["pk"], ()))),
        )
        counted[group] += 1
        if row["date_applied"] and (first is None or row["date_applied"] < first):
            first = row["date_applied"]
    return [Group(*group[:4], n, group[4], first) for group, n in counted.items()]


def _in_cohort(user: User, period: Period) -> tuple[str, list[Any]]:
    """The period's cohort (`period.cohort`) as a condition on rollup rows `r`, and its values."""
    if period.start is None:
        return "r.owner_id = %s AND r.date_applied <= %s", [user.pk, period.end]
    return (
        "r.owner_id = %s AND r.date_applied <= %s AND r.date_applied >= %s",
        [user.pk, period.end, period.start],
    )


# What `groups` counts by, read off the rollup row (r) or its company (c).
_KEYS = {"": "''", "source": "r.source", "company__name": "c.name"}


def _from_rollup(
    user: User,
    period: Period,
    by: str,
    top: bool,
    busiest: tuple[int, int] | None,
) -> list[Group]:
    """`groups` on PostgreSQL: one query (`statement`)."""
    return [Group(*row) for row in batch.fetch(*statement(user, period, by, top, busiest))]


def statement(
    user: User,
    period: Period,
    by: str = "",
    top: bool = False,
    busiest: tuple[int, int] | None = None,
) -> tuple[str, list[Any]]:
    """What `groups` reads on PostgreSQL, as (sql, params): the rollup rows hold each
    application's timeline facts and its owner, date applied, source and company (kept by
    triggers), so the cohort is read from them alone, by their (owner, date_applied) index:
    neither the timeline nor the applications are joined. For all time, by source or not at
    all and of every company, from the tallies instead (`_all_time`). The days to the answer
    are grouped as PostgreSQL counts them (date - date is a number of days), which the ORM
    can't express."""
    params: list[Any]
    if period.start is None and by != "company__name" and busiest is None:
        rows, params = _all_time(user, period)
        days, count, where, having = "r.days", "SUM(r.n)", "", " HAVING SUM(r.n) > 0"
        # The cohort's earliest, off the (owner, date_applied) index.
        first = (
            "(SELECT MIN(date_applied) FROM insights_timelinerollup"
            " WHERE owner_id = %s AND date_applied <= %s)"
        )
        params = [user.pk, period.end, *params]
    else:
        in_cohort, params = _in_cohort(user, period)
        rows = "insights_timelinerollup r"
        if by == "company__name":
            rows += " JOIN applications_company c ON c.id = r.company_id"
        days, count, having = "r.first_answer_on - r.date_applied", "COUNT(*)", ""
        where = f" WHERE {in_cohort}"
        # The cohort's earliest: a window over the groups.
        first = "MIN(MIN(r.date_applied)) OVER ()"
    sql = [
        f"SELECT {_KEYS[by]}, {'r.top_rank' if top else '0'}, {days}, r.ghosted, {count},"
        f" {'r.exits' if top else chr(39) * 2}, {first} FROM {rows}{where}",
    ]
    if busiest is not None:
        # The busiest companies counted (`_per_company`), their names joined to the few
        # hundred counts, not to every row; then only their rows are read, off the (owner,
        # company, date applied) index (insights.0004), not the whole cohort a second time.
        minimum, most = busiest
        counted, counted_params = _per_company(user, period, minimum)
        sql.append(
            f" AND r.company_id IN (SELECT busy.company_id FROM ({counted}) AS busy"
            " JOIN applications_company bc ON bc.id = busy.company_id"
            " ORDER BY busy.n DESC, bc.name LIMIT %s)"
        )
        params.extend([*counted_params, most])
    sql.append(f" GROUP BY 1, 2, 3, 4, 6{having}")
    return "".join(sql), params


def _all_time(user: User, period: Period) -> tuple[str, list[Any]]:
    """The all-time cohort as groups `r` with their counts `n`: the user's tallies
    (insights.models.AnswerTally: every application with a date applied, in a few hundred
    rows whatever the search's size), less the rows applied after the period's end (none,
    unless a date applied was written in the future), read off the (owner, date_applied)
    index."""
    return (
        "(SELECT source, top_rank, days, ghosted, exits, n FROM insights_answertally"
        " WHERE owner_id = %s UNION ALL SELECT source, top_rank, first_answer_on - date_applied,"
        " ghosted, exits, -1 FROM insights_timelinerollup WHERE owner_id = %s"
        " AND date_applied > %s) AS r",
        [user.pk, user.pk, period.end],
    )


def _per_company(user: User, period: Period, minimum: int) -> tuple[str, list[Any]]:
    """The companies with at least `minimum` applications in the cohort, as (company_id, n)
    rows: for all time off the companies' tallies (insights.models.CompanyTally, a row per
    company) less the rows applied after the period's end, as `_all_time`; else counted off
    the cohort's rollup rows."""
    if period.start is None:
        return (
            "SELECT company_id, SUM(n) AS n FROM (SELECT company_id, n FROM"
            " insights_companytally WHERE owner_id = %s UNION ALL SELECT company_id, -1"
            " FROM insights_timelinerollup WHERE owner_id = %s AND date_applied > %s) AS t"
            " GROUP BY 1 HAVING SUM(n) >= %s",
            [user.pk, user.pk, period.end, minimum],
        )
    in_cohort, cohort_params = _in_cohort(user, period)
    return (
        "SELECT company_id, COUNT(*) AS n FROM insights_timelinerollup r"
        f" WHERE {in_cohort} GROUP BY 1 HAVING COUNT(*) >= %s",
        [*cohort_params, minimum],
    )
