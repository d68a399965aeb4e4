"""The weekly pace: applications and interviews per week, against the goals that ask for a
pace. Home's weekly chart counts applications with `applications_per_week` too."""

import datetime as dt
from dataclasses import dataclass
from typing import Any, NamedTuple

from django.db import connection
from django.db.models import Count, Min
from django.db.models.functions import TruncWeek

from applications.models import Application
from coping.models import NetGoal
from interviews.models import Interview
from rebound.lib import batch
from rebound.lib.localtime import midnights_utc, utc_bounds
from rebound.models import User

from .period import Period, cohort
from .timeline import Group


@dataclass
class Week:
    monday: dt.date
    applications: int
    interviews: int
    goal: float | None  # applications a week the open goals ask for (summed), if any


def mondays(start: dt.date, end: dt.date) -> list[dt.date]:
    """The Monday of each week from `start`'s to `end`'s (Monday-based weeks)."""
    first = start - dt.timedelta(days=start.weekday())
    return [first + dt.timedelta(weeks=i) for i in range((end - first).days // 7 + 1)]


def applications_per_week(user: User, first_monday: dt.date, end: dt.date) -> dict[dt.date, int]:
    """The user's applications per Monday-based week by the date applied, from the week of
    `first_monday` to `end` (both included), archived ones included; weeks without any are
    absent. A backfilled application counts in the week it was sent, not the week it was
    typed in. One query.

    Counted per day in the database and per week here: a day's count reads only the (owner,
    date_applied) index, where the week's (`date_trunc`) cast every date to a timestamp and
    read the table (a heavy search's two years: 1.35 → 0.5 ms, docs/performance.md)."""
    weeks: dict[dt.date, int] = {}
    for day, n in _per_day(user, first_monday, end):
        if day is None:  # never: the range asks for a date (for the type checker)
            continue
        monday = day - dt.timedelta(days=day.weekday())
        weeks[monday] = weeks.get(monday, 0) + n
    return weeks


def _per_day(user: User, first: dt.date, end: dt.date) -> list[tuple[dt.date | None, int]]:
    """The user's applications per date applied from `first` to `end`. On PostgreSQL written
    out: the ORM took longer to build the query than PostgreSQL to answer it (held equal to
    the ORM's by tests/insights/test_plain_reads.py)."""
    if connection.vendor == "postgresql":
        return batch.fetch(*_per_day_statement(user, first, end))
    return _per_day_orm(user, first, end)


def _per_day_statement(user: User, first: dt.date, end: dt.date) -> tuple[str, list[Any]]:
    return (
        "SELECT date_applied, COUNT(*) FROM applications_application"
        " WHERE date_applied >= %s AND date_applied <= %s AND owner_id = %s GROUP BY 1",
        [first, end, user.pk],
    )


def _per_day_orm(user: User, first: dt.date, end: dt.date) -> list[tuple[dt.date | None, int]]:
    return list(
        Application.objects.filter(owner=user, date_applied__gte=first, date_applied__lte=end)
        .values_list("date_applied")
        .annotate(n=Count("*"))
        .values_list("date_applied", "n")
        .order_by()
    )


MAX_WEEKS = 104


def interviews_per_week(
    user: User,
    weeks_of: list[dt.date],
    end: dt.date,
    statement: tuple[str, dict[str, Any]] | None = None,
) -> dict[dt.date, int]:
    """The user's interviews per local Monday-based week, from the week of `weeks_of[0]` to
    `end` (both included); weeks without any are absent. One query, selected by the (owner,
    starts_at) index between UTC bounds.

    On PostgreSQL each week is told by the UTC instants it starts and ends at (its Monday's
    and the next's, computed here once per week in the user's zone), and counted by its own
    range of the index: comparing instants, not converting each row to local time
    (`date_trunc('week', starts_at AT TIME ZONE …)` read every row, and cost 1.7 to 10 times
    as much for a heavy search's year), nor finding each row's week among them
    (`width_bucket`, twice as long: docs/performance.md). The Mondays' instants go as text:
    psycopg took ~5 µs to write each datetime of an array (0.5 ms for a year's two arrays).
    `statement`: this one's, when the caller built it already (`statements`)."""
    if connection.vendor != "postgresql":
        return _interviews_per_week_orm(user, weeks_of, end)
    counted = batch.fetch(*(statement or _interviews_statement(user, weeks_of, end)))
    return {weeks_of[n - 1]: count for n, count in counted if count}


def _interviews_statement(
    user: User, weeks_of: list[dt.date], end: dt.date
) -> tuple[str, dict[str, Any]]:
    _, upper = utc_bounds(weeks_of[0], end, user)
    since = [moment.isoformat() for moment in midnights_utc(weeks_of, user.timezone)]
    return (
        "SELECT week.n, (SELECT COUNT(*) FROM interviews_interview WHERE owner_id = %(owner)s"
        " AND starts_at >= week.since AND starts_at < week.until)"
        " FROM (SELECT w.n, w.since, COALESCE(lead(w.since) OVER (ORDER BY w.n), %(upper)s)"
        " AS until FROM unnest(%(since)s::timestamptz[]) WITH ORDINALITY AS w(since, n))"
        " AS week",
        {"owner": user.pk, "since": since, "upper": upper},
    )


def _interviews_per_week_orm(
    user: User, weeks_of: list[dt.date], end: dt.date
) -> dict[dt.date, int]:
    """`interviews_per_week` off the interviews alone, truncated to weeks by the database (the
    path SQLite takes; tests/insights/test_plain_reads.py holds the written-out count equal
    to it)."""
    lower, upper = utc_bounds(weeks_of[0], end, user)
    rows = Interview.objects.filter(owner=user, starts_at__gte=lower, starts_at__lt=upper)
    found = dict(
        rows.annotate(week=TruncWeek("starts_at", tzinfo=user.tzinfo))
        .values_list("week")
        .annotate(n=Count("pk"))
        .values_list("week", "n")
        .order_by()
    )
    return {(k.date() if isinstance(k, dt.datetime) else k): v for k, v in found.items()}


def _weeks_of(user: User, period: Period, counted: list[Group] | None) -> list[dt.date]:
    """The Mondays of the period's weeks, at most the last MAX_WEEKS; for all time from the
    first date applied: `counted` (`timeline.groups`) knows it, else one query finds it."""
    start = period.start
    if start is None:
        if counted is None:
            first = cohort(user, period).aggregate(first=Min("date_applied"))["first"]
        else:
            first = min((g.first_applied for g in counted if g.first_applied), default=None)
        start = first or period.end
    start = max(start, period.end - dt.timedelta(weeks=MAX_WEEKS - 1))
    return mondays(start, period.end)


class Reads(NamedTuple):
    """What `activity` reads on PostgreSQL, each by name (a tuple of statements, for
    rebound.lib.batch.together)."""

    per_day: tuple[str, list[Any]]
    interviews: tuple[str, dict[str, Any]]
    goals: tuple[str, list[Any]]


def statements(user: User, period: Period, counted: list[Group]) -> Reads:
    """What `activity` reads on PostgreSQL, given the cohort's `counted` groups (for
    rebound.lib.batch.together)."""
    weeks_of = _weeks_of(user, period, counted)
    return Reads(
        per_day=_per_day_statement(user, weeks_of[0], period.end),
        interviews=_interviews_statement(user, weeks_of, period.end),
        goals=_goals_statement(user),
    )


def activity(
    user: User,
    period: Period,
    counted: list[Group] | None = None,
    sent: Reads | None = None,
) -> list[Week]:
    """Per Monday-based week of the period (at most the last MAX_WEEKS): applications by date
    applied (`applications_per_week`), interviews by their local start date, and the weekly
    pace of the widen-the-net goals running that week. Three queries; for all time a fourth,
    the first date applied, unless the caller has the cohort's `counted` groups
    (`timeline.groups`), which know it. `sent`: `statements(user, period, counted)`, when the
    caller sent them (rebound.lib.batch.together): the weeks' instants aren't worked out again."""
    weeks_of = _weeks_of(user, period, counted)
    applied = applications_per_week(user, weeks_of[0], period.end)
    interviews = interviews_per_week(user, weeks_of, period.end, sent.interviews if sent else None)
    goals = open_goals(user)
    weeks = []
    for monday in weeks_of:
        pace = [
            target / n_weeks
            for target, n_weeks, starts_on in goals
            if starts_on <= monday + dt.timedelta(days=6)
            and monday < starts_on + dt.timedelta(weeks=n_weeks)
        ]
        weeks.append(
            Week(
                monday=monday,
                applications=applied.get(monday, 0),
                interviews=interviews.get(monday, 0),
                goal=round(sum(pace), 1) if pace else None,
            )
        )
    return weeks


def open_goals(user: User) -> list[tuple[int, int, dt.date]]:
    """(target, weeks, starts on) of the widen-the-net goals of the user's open plans, in the
    database's order. On PostgreSQL written out, as `_per_day`."""
    if connection.vendor == "postgresql":
        return batch.fetch(*_goals_statement(user))
    return open_goals_orm(user)


def _goals_statement(user: User) -> tuple[str, list[Any]]:
    return (
        "SELECT g.target, g.weeks, g.starts_on FROM coping_netgoal g"
        " JOIN coping_copingplan p ON p.id = g.plan_id"
        " WHERE p.closed_at IS NULL AND p.owner_id = %s",
        [user.pk],
    )


def open_goals_orm(user: User) -> list[tuple[int, int, dt.date]]:
    return list(
        NetGoal.objects.filter(plan__owner=user, plan__closed_at__isnull=True).values_list(
            "target", "weeks", "starts_on"
        )
    )
