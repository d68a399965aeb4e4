"""Every number the Insights page shows, each defined here once, each in a constant number of
queries whatever the data size. Read-only: this module writes nothing.

Conventions:
- A *period* is a range of the user's local dates, both ends included (`Period`).
- The *cohort* of a period is the user's applications whose date applied is in it, archived
  ones included: funnel and responsiveness follow what was sent in the period, wherever it
  went afterwards.
- Stages follow the pipeline: applied < screening < interviewing < offer < accepted.
"""

import datetime as dt
import statistics
from collections import Counter, defaultdict
from dataclasses import dataclass, field
from typing import Any

from django.db import connection
from django.db.models import (
    Avg,
    Case,
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
from django.db.models.functions import TruncWeek

from applications.models import Application, Source, Status, StatusChange
from coping.models import CopingPlan, JournalEntry, NetGoal
from interviews.models import RATING_FIELDS, Interview, SelfAssessment

STAGES = (Status.SCREENING, Status.INTERVIEWING, Status.OFFER, Status.ACCEPTED)
EXITS = (Status.REJECTED, Status.WITHDRAWN, Status.GHOSTED)
# A move to one of these after applying is an answer from the employer.
ANSWERS = (*STAGES, Status.REJECTED)
_RANK = {
    Status.APPLIED: 1,
    Status.SCREENING: 2,
    Status.INTERVIEWING: 3,
    Status.OFFER: 4,
    Status.ACCEPTED: 5,
}


@dataclass(frozen=True)
class Period:
    start: dt.date | None  # None: since the beginning
    end: dt.date
    label: str

    def contains(self, day: dt.date) -> bool:
        return (self.start is None or day >= self.start) and day <= self.end

    def applied_filter(self) -> Q:
        q = Q(date_applied__lte=self.end)
        return (
            q & Q(date_applied__gte=self.start) if self.start else q & Q(date_applied__isnull=False)
        )


def cohort(user: Any, period: Period) -> QuerySet[Application]:
    return Application.objects.filter(period.applied_filter(), owner=user)


# --- funnel -------------------------------------------------------------------------------


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


def funnel(user: Any, period: Period) -> Funnel:
    """Two queries: the count of cohort applications by the furthest stage their timelines
    reached (one pass over the timeline, grouped per application), then their exits."""
    counts = (
        cohort(user, period)
        .annotate(top=Max(_rank("status_changes__to_status")))
        .aggregate(
            applied=Count("pk"),
            **{stage.value: Count("pk", filter=Q(top__gte=_RANK[stage])) for stage in STAGES},
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
        reached={stage.value: counts[stage.value] for stage in STAGES},
        exits={e: dict(v) for e, v in exits.items()},
    )


# --- responsiveness ------------------------------------------------------------------------


@dataclass
class Responsiveness:
    applied: int
    heard_back: int  # got an answer: a move past applied, or a rejection
    ghosted: int  # marked ghosted, and never answered
    days: list[int] = field(default_factory=list)  # applied → first answer, per answer

    @property
    def heard_back_rate(self) -> float:
        return self.heard_back / self.applied if self.applied else 0.0

    @property
    def ghosted_share(self) -> float:
        return self.ghosted / self.applied if self.applied else 0.0

    @property
    def median_days(self) -> float | None:
        return statistics.median(self.days) if self.days else None

    @property
    def quartiles(self) -> tuple[float, float] | None:
        """The middle half of the days to an answer (first and third quartile)."""
        if len(self.days) < 2:
            return None
        q = statistics.quantiles(self.days, n=4, method="inclusive")
        return q[0], q[2]


@dataclass
class ResponsivenessReport:
    overall: Responsiveness
    by_source: list[tuple[str, Responsiveness]]
    # Companies with at least COMPANY_MINIMUM applications in the cohort, most first.
    by_company: list[tuple[str, Responsiveness]]


COMPANY_MINIMUM = 3


def responsiveness(user: Any, period: Period) -> ResponsivenessReport:
    """One query: each cohort application with the date of its first answer (on or after the
    day it was applied) and whether it was marked ghosted, in one pass over the timeline;
    grouped here (medians need every value)."""
    answered = Q(
        status_changes__to_status__in=[s.value for s in ANSWERS],
        status_changes__changed_on__gte=F("date_applied"),
    )
    rows = (
        cohort(user, period)
        .annotate(
            first_answer=Min("status_changes__changed_on", filter=answered),
            ghosted=Count("status_changes", filter=Q(status_changes__to_status=Status.GHOSTED)),
        )
        .values("source", "company__name", "date_applied", "first_answer", "ghosted")
        .order_by()
    )
    overall = Responsiveness(0, 0, 0)
    sources: dict[str, Responsiveness] = {}
    companies: dict[str, Responsiveness] = {}
    for row in rows:
        groups = (
            overall,
            sources.setdefault(row["source"] or "", Responsiveness(0, 0, 0)),
            companies.setdefault(row["company__name"], Responsiveness(0, 0, 0)),
        )
        for group in groups:
            group.applied += 1
            if row["first_answer"] is not None:
                group.heard_back += 1
                group.days.append((row["first_answer"] - row["date_applied"]).days)
            elif row["ghosted"]:
                group.ghosted += 1
    labels = dict(Source.choices)
    return ResponsivenessReport(
        overall=overall,
        by_source=sorted(
            ((labels.get(s, "Not recorded"), r) for s, r in sources.items()),
            key=lambda item: (-item[1].applied, item[0]),
        ),
        by_company=sorted(
            ((c, r) for c, r in companies.items() if r.applied >= COMPANY_MINIMUM),
            key=lambda item: (-item[1].applied, item[0]),
        )[:10],
    )


# The home page's summary in one statement, written out: it runs on every visit to home, and
# the ORM's compilation of the two EXISTS cost more than the query itself (bench/pages.py).
_GLANCE = """
SELECT COUNT(*),
       COALESCE(SUM(CASE WHEN answered THEN 1 ELSE 0 END), 0),
       COALESCE(SUM(CASE WHEN ghosted AND NOT answered THEN 1 ELSE 0 END), 0)
FROM (
    SELECT EXISTS (
               SELECT 1 FROM applications_statuschange c
               WHERE c.application_id = a.id AND c.to_status IN ({answers})
                 AND c.changed_on >= a.date_applied
           ) AS answered,
           EXISTS (
               SELECT 1 FROM applications_statuschange c
               WHERE c.application_id = a.id AND c.to_status = %s
           ) AS ghosted
    FROM applications_application a
    WHERE a.owner_id = %s AND a.date_applied >= %s AND a.date_applied <= %s
) AS cohort
""".format(answers=", ".join(["%s"] * len(ANSWERS)))


def at_a_glance(user: Any, period: Period) -> Responsiveness:
    """The home page's summary of a dated period: applied, heard back and ghosted, counted as
    `responsiveness` counts them, without the days. One aggregate query (an index probe per
    application of the period, no rows to Python)."""
    assert period.start is not None, "a summary of a dated period"
    params = [*(s.value for s in ANSWERS), Status.GHOSTED.value, user.pk, period.start, period.end]
    with connection.cursor() as cursor:
        cursor.execute(_GLANCE, params)
        applied, heard_back, ghosted = cursor.fetchone()
    return Responsiveness(applied, heard_back, ghosted)


# --- activity -----------------------------------------------------------------------------


@dataclass
class Week:
    monday: dt.date
    applications: int
    interviews: int
    goal: float | None  # applications a week the open goals ask for (summed), if any


def _mondays(start: dt.date, end: dt.date) -> list[dt.date]:
    first = start - dt.timedelta(days=start.weekday())
    return [first + dt.timedelta(weeks=i) for i in range((end - first).days // 7 + 1)]


MAX_WEEKS = 104


def activity(user: Any, period: Period) -> list[Week]:
    """Per Monday-based week of the period (at most the last MAX_WEEKS): applications by date
    applied, interviews by their local start date, and the weekly pace of the widen-the-net
    goals running that week. Three queries."""
    start = period.start
    if start is None:
        first = cohort(user, period).aggregate(first=Min("date_applied"))["first"]
        start = first or period.end
    start = max(start, period.end - dt.timedelta(weeks=MAX_WEEKS - 1))
    mondays = _mondays(start, period.end)
    applied = dict(
        Application.objects.filter(
            owner=user, date_applied__gte=mondays[0], date_applied__lte=period.end
        )
        .annotate(week=TruncWeek("date_applied"))
        .values_list("week")
        .annotate(n=Count("pk"))
        .values_list("week", "n")
        .order_by()
    )
    interviews = dict(
        Interview.objects.filter(
            owner=user,
            starts_at__date__gte=mondays[0],
            starts_at__date__lte=period.end,
        )
        .annotate(week=TruncWeek("starts_at", tzinfo=user.tzinfo))
        .values_list("week")
        .annotate(n=Count("pk"))
        .values_list("week", "n")
        .order_by()
    )
    interviews = {(k.date() if isinstance(k, dt.datetime) else k): v for k, v in interviews.items()}
    goals = list(
        NetGoal.objects.filter(plan__owner=user, plan__closed_at__isnull=True).values(
            "target", "weeks", "starts_on"
        )
    )
    weeks = []
    for monday in mondays:
        pace = [
            g["target"] / g["weeks"]
            for g in goals
            if g["starts_on"] <= monday + dt.timedelta(days=6)
            and monday < g["starts_on"] + dt.timedelta(weeks=g["weeks"])
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


# --- interviewing better? ------------------------------------------------------------------


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


def _assessed(user: Any, period: Period) -> QuerySet[SelfAssessment]:
    """The self-assessments of interviews that started in the period (local dates)."""
    return SelfAssessment.objects.filter(
        Q(interview__starts_at__date__gte=period.start) if period.start else Q(),
        interview__owner=user,
        interview__starts_at__date__lte=period.end,
    )


def assessment_points(user: Any, period: Period, latest: int | None = None) -> list[Assessment]:
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


def assessments(user: Any, period: Period) -> AssessmentReport:
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
        skills.update(
            " ".join(line.strip("-• ").split()).lower()
            for line in to_build.splitlines()
            if line.strip("-• ").strip()
        )
    return AssessmentReport(
        count=count,
        points=assessment_points(user, period, POINTS) if count else [],
        by_round=by_round,
        trend=trend,
        tripped_latest=tripped_latest,
        tripped_again=[
            (tripped_as_written[key], n) for key, n in tripped_lines.most_common(10) if n > 1
        ],
        skills=skills.most_common(10),
    )


# --- wellbeing ----------------------------------------------------------------------------


@dataclass
class MoodDay:
    day: dt.date
    mood: float  # the average of that day's journal entries, 1 (low) to 5


@dataclass
class Wellbeing:
    moods: list[MoodDay]  # the latest MOOD_DAYS days with entries, oldest first
    # (date, what), the latest EVENTS: rejections, offers and completed plans, on the same
    # axis as the moods.
    events: list[tuple[dt.date, str]]
    # The last LOW_MOOD_DAYS of the period: the average mood, when there were at least
    # LOW_MOOD_ENTRIES entries and it is LOW_MOOD or below (a gentle note, no diagnosis).
    low_mood: float | None


LOW_MOOD_DAYS = 14
LOW_MOOD_ENTRIES = 3
LOW_MOOD = 2.0
# What the page shows; the CSV has every day's mood.
MOOD_DAYS = 90
EVENTS = 60


def mood_days(user: Any, period: Period, latest: int | None = None) -> list[MoodDay]:
    """The average mood of each day of the period with journal entries, oldest first: every
    day, or the latest `latest`. One query."""
    rows = (
        JournalEntry.objects.filter(
            Q(written_on__gte=period.start) if period.start else Q(),
            owner=user,
            written_on__lte=period.end,
        )
        .values("written_on")
        .annotate(mood=Avg("mood"))
        .order_by("-written_on")
    )
    if latest is not None:
        rows = rows[:latest]
    return [MoodDay(row["written_on"], round(row["mood"], 2)) for row in reversed(rows)]


def wellbeing(user: Any, period: Period) -> Wellbeing:
    """Four queries: the latest days' moods, the timeline's latest rejections and offers, the
    latest closed plans, the last two weeks' mood."""
    changes = StatusChange.objects.filter(
        Q(changed_on__gte=period.start) if period.start else Q(),
        application__owner=user,
        changed_on__lte=period.end,
        to_status__in=[Status.REJECTED, Status.OFFER],
    ).order_by("-changed_on", "-pk")
    events = [
        (day, f"{'Rejection' if status == Status.REJECTED else 'Offer'}: {company}")
        for day, status, company in changes.values_list(
            "changed_on", "to_status", "application__company__name"
        )[:EVENTS]
    ]
    closed = CopingPlan.objects.filter(
        Q(closed_at__date__gte=period.start) if period.start else Q(),
        owner=user,
        closed_at__date__lte=period.end,  # the active time zone's date: report() sets the user's
    ).order_by("-closed_at")
    for closed_at, company in closed.values_list("closed_at", "application__company__name")[
        :EVENTS
    ]:
        day = closed_at.astimezone(user.tzinfo).date()  # type: ignore[union-attr]
        events.append((day, f"Plan completed: {company}"))
    events = sorted(events)[-EVENTS:]
    since = period.end - dt.timedelta(days=LOW_MOOD_DAYS - 1)
    recent = JournalEntry.objects.filter(
        owner=user, written_on__gte=since, written_on__lte=period.end
    ).aggregate(n=Count("pk"), mood=Avg("mood"))
    low = (
        round(recent["mood"], 1)
        if recent["n"] >= LOW_MOOD_ENTRIES and recent["mood"] <= LOW_MOOD
        else None
    )
    return Wellbeing(moods=mood_days(user, period, MOOD_DAYS), events=events, low_mood=low)
