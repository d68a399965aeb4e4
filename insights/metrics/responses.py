"""Who heard back, who was left without an answer, and how long answers took: by source, by
company and overall. Home's summary (`at_a_glance`) is the overall line of the same count."""

import datetime as dt
import statistics
from dataclasses import dataclass, field
from typing import Any

from django.db.models import Count, F, Min, Q, QuerySet

from applications.models import Application, Source
from applications.pipeline import Status
from rebound.models import User

from .funnel import FUNNEL_STAGES
from .period import Period, cohort

# A move to one of these after applying is an answer from the employer: any stage further
# along, or a rejection (a withdrawal is the user's doing, ghosted is the lack of an answer).
ANSWERS = (*FUNNEL_STAGES, Status.REJECTED)


@dataclass
class Responsiveness:
    applied: int = 0
    heard_back: int = 0  # got an answer: a move past applied, or a rejection
    ghosted: int = 0  # marked ghosted, and never answered
    days: list[int] = field(default_factory=list)  # applied → first answer, per answer

    def count(self, applied_on: dt.date, first_answer: dt.date | None, ghosted: bool) -> None:
        """Count one application of the cohort in: heard back when it got an answer (and the
        days it took), else ghosted when it was marked ghosted."""
        self.applied += 1
        if first_answer is not None:
            self.heard_back += 1
            self.days.append((first_answer - applied_on).days)
        elif ghosted:
            self.ghosted += 1

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


def _answers(user: User, period: Period, *also: str) -> QuerySet[Application, dict[str, Any]]:
    """Each cohort application's date applied, the date of its first answer (on or after the
    day it was applied, or None) and whether it was ever marked ghosted (`ghosted` > 0), with
    the fields in `also`: one pass over the timeline."""
    answered = Q(
        status_changes__to_status__in=[s.value for s in ANSWERS],
        status_changes__changed_on__gte=F("date_applied"),
    )
    return (
        cohort(user, period)
        .annotate(
            first_answer=Min("status_changes__changed_on", filter=answered),
            ghosted=Count("status_changes", filter=Q(status_changes__to_status=Status.GHOSTED)),
        )
        .values(*also, "date_applied", "first_answer", "ghosted")
        .order_by()
    )


def responsiveness(user: User, period: Period) -> ResponsivenessReport:
    """One query (`_answers`), grouped here: medians need every value."""
    rows = _answers(user, period, "source", "company__name")
    overall = Responsiveness()
    sources: dict[str, Responsiveness] = {}
    companies: dict[str, Responsiveness] = {}
    for row in rows:
        groups = (
            overall,
            sources.setdefault(row["source"] or "", Responsiveness()),
            companies.setdefault(row["company__name"], Responsiveness()),
        )
        for group in groups:
            group.count(row["date_applied"], row["first_answer"], bool(row["ghosted"]))
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


def at_a_glance(user: User, period: Period) -> Responsiveness:
    """The home page's summary: `responsiveness(user, period).overall`, counted the same way
    from the same query (`_answers`) without the sources and companies. One query."""
    overall = Responsiveness()
    for row in _answers(user, period):
        overall.count(row["date_applied"], row["first_answer"], bool(row["ghosted"]))
    return overall
