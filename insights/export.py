"""The Insights page's numbers as CSV rows (section, measure, value), for a spreadsheet.

The aggregates (funnel, responses, weeks) are the page's own, from insights.metrics. The rows
that grow with the search, one per self-assessment rating and one per day with a mood, are
read through server-side cursors (`.iterator()`) as the response goes out: a fixed number of
queries and a chunk of rows in memory, whatever the account holds. They are the rows of
`assessments.assessment_points` and `wellbeing.mood_days` (tests/insights/test_insights_csv.py
keeps them equal), read without building the lists those return.
"""

from collections.abc import Iterator
from itertools import chain
from typing import Any

from django.db.models import Avg, Q
from django.utils import timezone

from coping.models import JournalEntry
from interviews.models import RATING_FIELDS, Interview, SelfAssessment
from rebound.models import User

from .metrics.activity import activity
from .metrics.assessments import _assessed
from .metrics.funnel import funnel
from .metrics.period import Period
from .metrics.responses import responsiveness

HEADER = ["section", "measure", "value"]
# Rows fetched per round trip of a cursor.
CHUNK = 2000
RATING_LABELS = SelfAssessment.rating_labels()


def insights_rows(user: User, period: Period) -> Iterator[list[Any]]:
    """Every row of the file. The aggregates are computed now, in the user's time zone as the
    page computes them (report()); the per-row parts are read as the rows are written."""
    with timezone.override(user.tzinfo):
        summary = list(_aggregate_rows(user, period))
    return chain(summary, _assessment_rows(user, period), _mood_rows(user, period))


def _aggregate_rows(user: User, period: Period) -> Iterator[list[Any]]:
    totals, responses = funnel(user, period), responsiveness(user, period)
    yield ["period", "", period.label]
    yield ["funnel", "applied", totals.applied]
    for stage, n in totals.reached.items():
        yield ["funnel", f"reached {stage}", n]
    for exit_, stages in totals.exits.items():
        for stage, n in stages.items():
            yield ["funnel", f"{exit_} from {stage}", n]
    for group, items in (
        ("overall", [("all", responses.overall)]),
        ("source", responses.by_source),
        ("company", responses.by_company),
    ):
        for name, r in items:
            yield [f"responses by {group}", f"{name}: applied", r.applied]
            yield [f"responses by {group}", f"{name}: heard back", r.heard_back]
            yield [f"responses by {group}", f"{name}: ghosted", r.ghosted]
            yield [f"responses by {group}", f"{name}: median days to an answer", r.median_days]
    weeks = activity(user, period)
    for w in weeks:
        yield ["week", f"{w.monday.isoformat()}: applications", w.applications]
    for w in weeks:
        yield ["week", f"{w.monday.isoformat()}: interviews", w.interviews]


def _assessment_rows(user: User, period: Period) -> Iterator[list[Any]]:
    """One row per rating of each self-assessment, oldest first (assessment_points' order)."""
    rounds = dict(Interview.Round.choices)
    rows = (
        _assessed(user, period)
        .order_by("interview__starts_at", "pk")
        .values_list("interview__starts_at", "interview__round_type", *RATING_FIELDS)
    )
    for starts_at, round_type, *ratings in rows.iterator(chunk_size=CHUNK):
        day = starts_at.astimezone(user.tzinfo).date().isoformat()
        label = rounds.get(round_type, round_type)
        for name, value in zip(RATING_FIELDS, ratings, strict=True):
            yield ["self-assessment", f"{day} {label}: {RATING_LABELS[name]}", value]


def _mood_rows(user: User, period: Period) -> Iterator[list[Any]]:
    """The average mood of each day with journal entries, oldest first (mood_days' rows)."""
    days = (
        JournalEntry.objects.filter(
            Q(written_on__gte=period.start) if period.start else Q(),
            owner=user,
            written_on__lte=period.end,
        )
        .values("written_on")
        .annotate(mood=Avg("mood"))
        .order_by("written_on")
        .values_list("written_on", "mood")
    )
    for day, mood in days.iterator(chunk_size=CHUNK):
        yield ["mood", day.isoformat(), round(mood, 2)]
