"""Interviewing better? Self-assessments over time: the ratings per round type and their
trend, and what tripped the user, again and again."""

import datetime as dt
from collections import Counter
from dataclasses import dataclass
from typing import Any

from django.db.models import Avg, Count, Q, QuerySet

from interviews.models import RATING_FIELDS, Interview, SelfAssessment
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


def _averages(rows: QuerySet[SelfAssessment], **filters: Q) -> dict[str, Any]:
    return rows.aggregate(
        **{
            f"{prefix}{name}": Avg(name, filter=q)
            for prefix, q in filters.items()
            for name in RATING_FIELDS
        }
    )


def assessments(user: User, period: Period) -> AssessmentReport:
    """Five queries, aggregated in the database: the averages per round type (and so the
    count), the latest points, the last assessment of the earlier half, both halves'
    averages, and the latest texts for the themes."""
    rows = _assessed(user, period).order_by()
    rounds = dict(Interview.Round.choices)
    averages: dict[str, Any] = {name: Avg(name) for name in RATING_FIELDS}
    per_round: list[dict[str, Any]] = [
        dict(r) for r in rows.values("interview__round_type").annotate(n=Count("pk"), **averages)
    ]
    count = sum(r["n"] for r in per_round)
    by_round = dict(
        sorted(
            (
                rounds.get(r["interview__round_type"], r["interview__round_type"]),
                {name: round(r[name], 2) for name in RATING_FIELDS},
            )
            for r in per_round
        )
    )
    trend = None
    if count >= 2:
        # The earlier half is the first count // 2 in time order (starts, then pk, as listed).
        last = rows.order_by("interview__starts_at", "pk").values("interview__starts_at", "pk")[
            count // 2 - 1
        ]
        earlier = Q(interview__starts_at__lt=last["interview__starts_at"]) | Q(
            interview__starts_at=last["interview__starts_at"], pk__lte=last["pk"]
        )
        halves = _averages(rows, e_=earlier, l_=~earlier)
        trend = {
            name: (round(halves[f"e_{name}"], 2), round(halves[f"l_{name}"], 2))
            for name in RATING_FIELDS
        }
    skills: Counter[str] = Counter()
    skills_as_written: dict[str, str] = {}  # the newest wording of each skill
    tripped_lines: Counter[str] = Counter()
    tripped_as_written: dict[str, str] = {}  # the newest wording of each repeated line
    tripped_latest: list[Tripped] = []
    texts = rows.order_by("-interview__starts_at", "-pk").values_list(
        "tripped_questions",
        "skills_to_build",
        "interview__starts_at",
        "interview__round_type",
        "interview__application__company__name",
        "interview__application__role",
        "interview_id",
    )[:THEMES]
    for tripped, to_build, starts_at, round_type, company, role, interview_id in texts:
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
        points=assessment_points(user, period, POINTS) if count else [],
        by_round=by_round,
        trend=trend,
        tripped_latest=tripped_latest,
        tripped_again=[
            (tripped_as_written[key], n) for key, n in tripped_lines.most_common(10) if n > 1
        ],
        skills=[(skills_as_written[key], n) for key, n in skills.most_common(10)],
    )
