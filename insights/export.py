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
from django.utils.translation import gettext as _
from django.utils.translation import pgettext, pgettext_lazy

from coping.models import JournalEntry
from interviews.models import RATING_FIELDS, Interview, SelfAssessment
from rebound.models import User

from .metrics.activity import activity
from .metrics.assessments import _assessed
from .metrics.funnel import funnel
from .metrics.period import Period
from .metrics.responses import responsiveness
from .metrics.timeline import groups

# The English file's header, word for word; `header()` gives it in the active language. Every
# word of the rows is the active language's too (English: as it always was).
HEADER = ["section", "measure", "value"]
# Rows fetched per round trip of a cursor.
CHUNK = 2000
# The pipeline's statuses as the file names them: the stored value in English ("screening"),
# the status's name in German ("Vorauswahl").
_STATUS_WORDS = {
    "applied": pgettext_lazy("insights file: status", "applied"),
    "screening": pgettext_lazy("insights file: status", "screening"),
    "interviewing": pgettext_lazy("insights file: status", "interviewing"),
    "offer": pgettext_lazy("insights file: status", "offer"),
    "accepted": pgettext_lazy("insights file: status", "accepted"),
    "rejected": pgettext_lazy("insights file: status", "rejected"),
    "withdrawn": pgettext_lazy("insights file: status", "withdrawn"),
    "ghosted": pgettext_lazy("insights file: status", "ghosted"),
}


def _status(value: str) -> str:
    return str(_STATUS_WORDS.get(value, value))


def header() -> list[str]:
    """HEADER in the active language."""
    return [
        pgettext("insights file: column", "section"),
        pgettext("insights file: column", "measure"),
        pgettext("insights file: column", "value"),
    ]


def insights_rows(user: User, period: Period) -> Iterator[list[Any]]:
    """Every row of the file. The aggregates are computed now, in the user's time zone as the
    page computes them (report()); the per-row parts are read as the rows are written."""
    with timezone.override(user.tzinfo):
        summary = list(_aggregate_rows(user, period))
    return chain(summary, _assessment_rows(user, period), _mood_rows(user, period))


def _aggregate_rows(user: User, period: Period) -> Iterator[list[Any]]:
    counted = groups(user, period, by="source", top=True)  # one pass for both, as report()
    totals, responses = funnel(user, period, counted), responsiveness(user, period, counted)
    section = pgettext("insights file: section", "funnel")
    yield [pgettext("insights file: section", "period"), "", str(period.label)]
    yield [section, _status("applied"), totals.applied]
    for stage, n in totals.reached.items():
        yield [section, _("reached %(stage)s") % {"stage": _status(stage)}, n]
    for exit_, stages in totals.exits.items():
        for stage, n in stages.items():
            words = {"exit": _status(exit_), "stage": _status(stage)}
            yield [section, _("%(exit)s from %(stage)s") % words, n]
    for section, items in (
        (
            pgettext("insights file: section", "responses by overall"),
            [(pgettext("insights file: responses", "all"), responses.overall)],
        ),
        (pgettext("insights file: section", "responses by source"), responses.by_source),
        (pgettext("insights file: section", "responses by company"), responses.by_company),
    ):
        for name, r in items:
            name = str(name)
            yield [section, _("%(name)s: applied") % {"name": name}, r.applied]
            yield [section, _("%(name)s: heard back") % {"name": name}, r.heard_back]
            yield [section, _("%(name)s: ghosted") % {"name": name}, r.ghosted]
            median = _("%(name)s: median days to an answer") % {"name": name}
            yield [section, median, r.median_days]
    weeks = activity(user, period, counted)
    section = pgettext("insights file: section", "week")
    for w in weeks:
        yield [
            section,
            _("%(monday)s: applications") % {"monday": w.monday.isoformat()},
            w.applications,
        ]
    for w in weeks:
        yield [
            section,
            _("%(monday)s: interviews") % {"monday": w.monday.isoformat()},
            w.interviews,
        ]


def _assessment_rows(user: User, period: Period) -> Iterator[list[Any]]:
    """One row per rating of each self-assessment, oldest first (assessment_points' order)."""
    rounds = dict(Interview.Round.choices)
    rating_labels = SelfAssessment.rating_labels()
    section = pgettext("insights file: section", "self-assessment")
    rows = (
        _assessed(user, period)
        .order_by("interview__starts_at", "pk")
        .values_list("interview__starts_at", "interview__round_type", *RATING_FIELDS)
    )
    for starts_at, round_type, *ratings in rows.iterator(chunk_size=CHUNK):
        day = starts_at.astimezone(user.tzinfo).date().isoformat()
        label = rounds.get(round_type, round_type)
        for name, value in zip(RATING_FIELDS, ratings, strict=True):
            yield [section, f"{day} {label}: {rating_labels[name]}", value]


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
    section = pgettext("insights file: section", "mood")
    for day, mood in days.iterator(chunk_size=CHUNK):
        yield [section, day.isoformat(), round(mood, 2)]
