"""Interviewing better? Self-assessments over time: the ratings per round type and their
trend, and what tripped the user, again and again."""

import datetime as dt
from collections import Counter
from dataclasses import dataclass
from typing import Any

from django.db import connection
from django.db.models import Count, F, Q, QuerySet, Window
from django.db.models.functions import RowNumber

from interviews.models import RATING_FIELDS, Interview, SelfAssessment
from rebound.lib import batch
from rebound.lib.localtime import utc_bounds
from rebound.models import User

from .period import Period


@dataclass
class Assessment:
    day: dt.date
    round_label: str
    ratings: dict[str, int]


@dataclass
class AssessmentReport:
    count: int  # every self-assessment of the period
    points: list[Assessment]  # the latest POINTS of them, oldest first
    # Per round type, the average of each rating: {round label: {rating: average}}.
    by_round: dict[str, dict[str, float]]
    # The average of each rating over the earlier and the later half of the assessments.
    trend: dict[str, tuple[float, float]] | None
    # The latest TRIPPED_SHOWN notes of "what tripped you", whole, newest first: single
    # words out of context ("day × 1") told the user nothing they could prepare for.
    tripped_latest: list["Tripped"]
    # In the latest THEMES assessments, a line of "what tripped you" written in two or more
    # of them (case and spacing aside), most frequent first; and the skills to build, one per
    # line, most frequent first.
    tripped_again: list[tuple[str, int]]
    skills: list[tuple[str, int]]


@dataclass
class Tripped:
    """One self-assessment's "what tripped you", with where and when it happened."""

    day: dt.date
    round_label: str
    company: str
    role: str
    text: str
    interview_id: int


# The page draws and lists the latest POINTS self-assessments (the CSV has them all), and reads
# its themes from the latest THEMES: recent stumbles are what the next interview needs.
POINTS = 40
THEMES = 100
TRIPPED_SHOWN = 5


def _assessed(user: User, period: Period) -> QuerySet[SelfAssessment]:
    """The self-assessments of interviews that started in the period (local dates), bounded
    in UTC so the interviews are read through their (owner, starts_at) index."""
    lower, upper = utc_bounds(period.start, period.end, user)
    return SelfAssessment.objects.filter(
        Q(interview__starts_at__gte=lower) if lower else Q(),
        interview__owner=user,
        interview__starts_at__lt=upper,
    )


def assessment_points(user: User, period: Period, latest: int | None = None) -> list[Assessment]:
    """The period's self-assessments, oldest first: all of them, or the latest `latest`. One
    query."""
    rows = _assessed(user, period).order_by("-interview__starts_at", "-pk")
    if latest is not None:
        rows = rows[:latest]
    rounds = dict(Interview.Round.choices)
    return [
        Assessment(
            day=row["interview__starts_at"].astimezone(user.tzinfo).date(),
            round_label=rounds.get(row["interview__round_type"], row["interview__round_type"]),
            ratings={name: row[name] for name in RATING_FIELDS},
        )
        for row in reversed(
            rows.values("interview__starts_at", "interview__round_type", *RATING_FIELDS)
        )
    ]


def _summary(user: User, period: Period) -> list[tuple[Any, ...]]:
    """The period's self-assessments counted in one pass: per (round type, in the earlier
    half), how many and the sum of each rating. The earlier half is the first count // 2 in
    time order (starts, then pk). Ratings are never empty, so an average is a sum over a
    count. On PostgreSQL from the assessments' rollup rows (insights.models), which the
    (owner, starts_at) index gives in time order: no join of the interviews, no sort."""
    if connection.vendor == "postgresql":
        return _summary_from_rollup(user, period)
    numbered = (
        _assessed(user, period)
        .order_by()
        .annotate(
            _n=Window(RowNumber(), order_by=[F("interview__starts_at").asc(), F("pk").asc()]),
            _total=Window(Count("pk")),
        )
        .values("interview__round_type", "_n", "_total", *RATING_FIELDS)
    )
    sql, params = numbered.query.sql_with_params()
    with connection.cursor() as cursor:
        cursor.execute(
            f'SELECT "interview__round_type", 2 * "_n" <= "_total", COUNT(*), {_SUMS}'
            f" FROM ({sql}) AS numbered GROUP BY 1, 2",
            params,
        )
        return cursor.fetchall()


_SUMS = ", ".join(f'SUM("{name}")' for name in RATING_FIELDS)


def _summary_from_rollup(user: User, period: Period) -> list[tuple[Any, ...]]:
    """`_summary` on PostgreSQL: one query (`_summary_statement`)."""
    return batch.fetch(*_summary_statement(user, period))


def _summary_statement(user: User, period: Period) -> tuple[str, Any]:
    """What `_summary` reads on PostgreSQL, as (sql, params). The earlier half is the rows
    before the one at offset floor(n / 2) in time order, which the (owner, starts_at,
    assessment) index finds without reading the table (its count, then its offset); the rows
    are then compared to it, one pass of the index's range. An NTILE(2) over the rows (which
    the tests hold this equal to) kept them all in a window first: twice as long for a heavy
    search's 3,000."""
    lower, upper = utc_bounds(period.start, period.end, user)
    if lower is None:
        return _all_time_statement(user, upper)
    in_period = "owner_id = %s AND starts_at >= %s AND starts_at < %s"
    params: list[Any] = [user.pk, lower, upper]
    return (
        "SELECT round_type, (starts_at, assessment_id) < ("
        f" SELECT starts_at, assessment_id FROM insights_assessmentrollup WHERE {in_period}"
        " ORDER BY starts_at, assessment_id OFFSET ("
        f"  SELECT COUNT(*) / 2 FROM insights_assessmentrollup WHERE {in_period}"
        f" ) LIMIT 1), COUNT(*), {_SUMS} FROM insights_assessmentrollup"
        f" WHERE {in_period} GROUP BY 1, 2",
        params * 3,
    )


_RATINGS = ", ".join(RATING_FIELDS)


def _summary_all_time(user: User, upper: dt.datetime) -> list[tuple[Any, ...]]:
    """`_summary` for all time: one query (`_all_time_statement`)."""
    return batch.fetch(*_all_time_statement(user, upper))


def _all_time_statement(user: User, upper: dt.datetime) -> tuple[str, Any]:
    """What `_summary` reads for all time (every assessment of an interview before `upper`),
    off the months' tallies (insights.models.AssessmentTally): a heavy search's 3,000
    assessments are some thirty month rows, and only the month where the earlier half ends is
    read row by row.

    The earlier half ends before the row at offset k = floor(n / 2) in time order. Its month
    is the last whose earlier months hold at most k rows (their running count, `before`), and
    the row is at offset k - before in it. The months before it count as earlier, those after
    as later, less any assessment of an interview at or after `upper` (in the tallies, not in
    the period: a date typed in the future); the month itself is split row by row."""
    return (
        f"""
        WITH tally AS (
            SELECT round_type, month, n, {_RATINGS} FROM insights_assessmenttally
            WHERE owner_id = %(owner)s
        ), after_end AS (
            SELECT round_type, date_trunc('month', starts_at, 'UTC') AS month, {_RATINGS}
            FROM insights_assessmentrollup
            WHERE owner_id = %(owner)s AND starts_at >= %(upper)s
        ), months AS (
            SELECT month, SUM(SUM(n)) OVER (ORDER BY month) - SUM(n) AS before
            FROM tally GROUP BY month
        ), k AS (
            SELECT ((SELECT COALESCE(SUM(n), 0) FROM tally)
                - (SELECT COUNT(*) FROM after_end)) / 2 AS k
        ), half AS (
            SELECT m.month, (m.month AT TIME ZONE 'UTC' + interval '1 month')
                AT TIME ZONE 'UTC' AS until, r.starts_at, r.assessment_id
            FROM k, (SELECT month, before FROM months, k WHERE before <= k.k
                ORDER BY month DESC LIMIT 1) AS m
            CROSS JOIN LATERAL (
                SELECT starts_at, assessment_id FROM insights_assessmentrollup
                WHERE owner_id = %(owner)s AND starts_at >= m.month
                ORDER BY starts_at, assessment_id OFFSET k.k - m.before LIMIT 1
            ) AS r
        )
        SELECT round_type, earlier, SUM(n), {", ".join(f"SUM({f})" for f in RATING_FIELDS)}
        FROM (
            SELECT t.round_type, t.month < h.month AS earlier, t.n, {_RATINGS}
            FROM tally t, half h WHERE t.month <> h.month
            UNION ALL
            SELECT a.round_type, false, -1, {", ".join(f"-{f}" for f in RATING_FIELDS)}
            FROM after_end a, half h WHERE a.month <> h.month
            UNION ALL
            SELECT r.round_type, (r.starts_at, r.assessment_id)
                < (h.starts_at, h.assessment_id), 1, {_RATINGS}
            FROM half h JOIN insights_assessmentrollup r ON r.owner_id = %(owner)s
                AND r.starts_at >= h.month AND r.starts_at < LEAST(h.until, %(upper)s)
        ) AS parts GROUP BY 1, 2 HAVING SUM(n) > 0
        """,
        {"owner": user.pk, "upper": upper},
    )


def _latest(user: User, period: Period) -> list[tuple[Any, ...]]:
    """The latest max(THEMES, POINTS) self-assessments, newest first: their texts, start,
    round type, company, role, interview and ratings. On PostgreSQL found through the
    rollup's (owner, starts_at) index, so only they are read, in a query written out: the
    ORM took longer to build it than PostgreSQL to answer it (`_latest_orm` builds the same,
    tests/insights/test_plain_reads.py holds them equal)."""
    if connection.vendor != "postgresql":
        return _latest_orm(user, period)
    rows = batch.fetch(*_latest_statement(user, period))
    # The two texts are stored encrypted: read as their fields read them (rebound.crypto).
    tripped = SelfAssessment._meta.get_field("tripped_questions")
    to_build = SelfAssessment._meta.get_field("skills_to_build")
    return [
        (
            tripped.from_db_value(row[0], None, connection),
            to_build.from_db_value(row[1], None, connection),
            *row[2:],
        )
        for row in rows
    ]


def _latest_statement(user: User, period: Period) -> tuple[str, list[Any]]:
    """What `_latest` reads on PostgreSQL, as (sql, params)."""
    lower, upper = utc_bounds(period.start, period.end, user)
    return (
        "SELECT a.tripped_questions, a.skills_to_build, r.starts_at, r.round_type, c.name,"
        f" p.role, a.interview_id, {', '.join(f'a.{name}' for name in RATING_FIELDS)}"
        " FROM insights_assessmentrollup r"
        " JOIN interviews_selfassessment a ON a.id = r.assessment_id"
        " JOIN interviews_interview i ON i.id = a.interview_id"
        " JOIN applications_application p ON p.id = i.application_id"
        " JOIN applications_company c ON c.id = p.company_id"
        " WHERE r.owner_id = %s AND r.starts_at < %s"
        f"{' AND r.starts_at >= %s' if lower else ''}"
        " ORDER BY r.starts_at DESC, r.assessment_id DESC LIMIT %s",
        [user.pk, upper, *([lower] if lower else []), max(THEMES, POINTS)],
    )


def _latest_orm(user: User, period: Period) -> list[tuple[Any, ...]]:
    """`_latest` through the ORM: from the rollup on PostgreSQL, from the interviews
    elsewhere."""
    if connection.vendor == "postgresql":
        lower, upper = utc_bounds(period.start, period.end, user)
        rows = SelfAssessment.objects.filter(
            Q(rollup__starts_at__gte=lower) if lower else Q(),
            rollup__owner=user,
            rollup__starts_at__lt=upper,
        ).order_by("-rollup__starts_at", "-rollup__assessment_id")
        starts, round_type = "rollup__starts_at", "rollup__round_type"
    else:
        rows = _assessed(user, period).order_by("-interview__starts_at", "-pk")
        starts, round_type = "interview__starts_at", "interview__round_type"
    return list(
        rows.values_list(
            "tripped_questions",
            "skills_to_build",
            starts,
            round_type,
            "interview__application__company__name",
            "interview__application__role",
            "interview_id",
            *RATING_FIELDS,
        )[: max(THEMES, POINTS)]
    )


def _average(groups: list[tuple[Any, ...]], index: int) -> float:
    """The average of the rating at `index` (in RATING_FIELDS) over these summary rows."""
    return sum(g[3 + index] for g in groups) / sum(g[2] for g in groups)


def statements(user: User, period: Period) -> list[tuple[str, Any]]:
    """What `assessments` reads on PostgreSQL (for rebound.lib.batch.together)."""
    return [_summary_statement(user, period), _latest_statement(user, period)]


def assessments(user: User, period: Period) -> AssessmentReport:
    """Two queries, aggregated in the database: per round type and half, the count and the
    sums of the ratings (`_summary`: the averages per round, both halves' averages, the
    count), and the latest assessments for the chart's points and the themes."""
    # Each round's label written once, in the reader's language: a lazy label is looked up
    # again wherever it is shown (forty chart points, five notes, the rounds' table).
    rounds = {value: str(label) for value, label in Interview.Round.choices}
    summary = _summary(user, period)
    count = sum(g[2] for g in summary)
    per_round: dict[Any, list[tuple[Any, ...]]] = {}
    for group in summary:
        per_round.setdefault(group[0], []).append(group)
    by_round = dict(
        sorted(
            (
                rounds.get(round_type, round_type),
                {name: round(_average(groups, i), 2) for i, name in enumerate(RATING_FIELDS)},
            )
            for round_type, groups in per_round.items()
        )
    )
    trend = None
    if count >= 2:
        earlier = [g for g in summary if g[1]]
        later = [g for g in summary if not g[1]]
        trend = {
            name: (round(_average(earlier, i), 2), round(_average(later, i), 2))
            for i, name in enumerate(RATING_FIELDS)
        }
    skills: Counter[str] = Counter()
    skills_as_written: dict[str, str] = {}  # the newest wording of each skill
    tripped_lines: Counter[str] = Counter()
    tripped_as_written: dict[str, str] = {}  # the newest wording of each repeated line
    tripped_latest: list[Tripped] = []
    # The latest THEMES, newest first: their texts for the themes, and the latest POINTS of
    # them for the chart (one query for both).
    latest = _latest(user, period)
    points = [
        Assessment(
            day=row[2].astimezone(user.tzinfo).date(),
            round_label=rounds.get(row[3], row[3]),
            ratings=dict(zip(RATING_FIELDS, row[7:], strict=True)),
        )
        for row in reversed(latest[:POINTS])
    ]
    for tripped, to_build, starts_at, round_type, company, role, interview_id, *_ in latest[
        :THEMES
    ]:
        if tripped.strip() and len(tripped_latest) < TRIPPED_SHOWN:
            tripped_latest.append(
                Tripped(
                    day=starts_at.astimezone(user.tzinfo).date(),
                    round_label=rounds.get(round_type, round_type),
                    company=company,
                    role=role,
                    text=tripped.strip(),
                    interview_id=interview_id,
                )
            )
        lines: dict[str, str] = {}  # casefolded line: as written
        for line in tripped.splitlines():
            written = " ".join(line.strip("-• ").split())
            if written:
                lines.setdefault(written.casefold(), written)
        for key, written in lines.items():
            tripped_as_written.setdefault(key, written)
        tripped_lines.update(lines.keys())  # once per assessment, however often it says it
        # Counted case aside, shown as last written: lowercasing a German noun misspells it.
        written_skills = {
            written.casefold(): written
            for written in (" ".join(line.strip("-• ").split()) for line in to_build.splitlines())
            if written
        }
        for key, written in written_skills.items():
            skills_as_written.setdefault(key, written)
        skills.update(written_skills.keys())
    return AssessmentReport(
        count=count,
        points=points,
        by_round=by_round,
        trend=trend,
        tripped_latest=tripped_latest,
        tripped_again=[
            (tripped_as_written[key], n) for key, n in tripped_lines.most_common(10) if n > 1
        ],
        skills=[(skills_as_written[key], n) for key, n in skills.most_common(10)],
    )
