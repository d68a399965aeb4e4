"""Who heard back, who was left without an answer, and how long answers took: by source, by
company and overall. Home's summary (`at_a_glance`) is the overall line of the same count."""

from collections import Counter
from dataclasses import dataclass, field
from typing import Any

from django.utils.translation import pgettext

from applications.models import Source
from rebound.models import User

from .period import Period
from .timeline import ANSWERS, Group, groups, statement

__all__ = [
    "ANSWERS",
    "Responsiveness",
    "ResponsivenessReport",
    "at_a_glance",
    "responsiveness",
    "statements",
]


@dataclass
class Responsiveness:
    applied: int = 0
    heard_back: int = 0  # got an answer: a move past applied, or a rejection
    ghosted: int = 0  # marked ghosted, and never answered
    # Days from applied to the first answer → how many answers took that long: the database
    # counts them, so a search of thousands is a few dozen numbers here.
    answer_days: Counter[int] = field(default_factory=Counter)

    def count(self, days: int | None, ghosted: bool, n: int = 1) -> None:
        """Count `n` applications of the cohort in: heard back when they got an answer
        `days` after applying, else ghosted when they were marked ghosted."""
        self.applied += n
        if days is not None:
            self.heard_back += n
            self.answer_days[days] += n
        elif ghosted:
            self.ghosted += n

    @property
    def days(self) -> list[int]:
        """Every answer's days, one per answer."""
        return list(self.answer_days.elements())

    def _nth(self, index: int) -> int:
        """The `index`th (from 0) of the answers' days in increasing order."""
        for days in sorted(self.answer_days):
            index -= self.answer_days[days]
            if index < 0:
                return days
        raise IndexError(index)

    @property
    def heard_back_rate(self) -> float:
        return self.heard_back / self.applied if self.applied else 0.0

    @property
    def ghosted_share(self) -> float:
        return self.ghosted / self.applied if self.applied else 0.0

    @property
    def median_days(self) -> float | None:
        """As `statistics.median` of `days`: the middle one, or the mean of the middle two."""
        n = self.heard_back
        if not n:
            return None
        if n % 2:
            return self._nth(n // 2)
        return (self._nth(n // 2 - 1) + self._nth(n // 2)) / 2

    @property
    def quartiles(self) -> tuple[float, float] | None:
        """The middle half of the days to an answer (first and third quartile), as
        `statistics.quantiles(days, n=4, method="inclusive")` interpolates them."""
        if self.heard_back < 2:
            return None
        m = self.heard_back - 1
        q = []
        for i in (1, 3):
            j, delta = divmod(i * m, 4)
            q.append((self._nth(j) * (4 - delta) + self._nth(j + 1) * delta) / 4)
        return q[0], q[1]


@dataclass
class ResponsivenessReport:
    overall: Responsiveness
    by_source: list[tuple[str, Responsiveness]]
    # Companies with at least COMPANY_MINIMUM applications in the cohort, most first.
    by_company: list[tuple[str, Responsiveness]]


COMPANY_MINIMUM = 3
COMPANIES_SHOWN = 10


def responsiveness(
    user: User, period: Period, by_source: list[Group] | None = None
) -> ResponsivenessReport:
    """Two queries, counted in the database: per source (and so overall: `timeline.groups`
    by source, or `by_source` when the caller has them), then per company for the
    COMPANY_MINIMUM-or-more companies shown (the ten with most applications)."""
    overall = Responsiveness()
    sources: dict[str, Responsiveness] = {}
    if by_source is None:
        by_source = groups(user, period, by="source")
    for group in by_source:
        overall.count(group.days, group.ghosted, group.n)
        sources.setdefault(group.key or "", Responsiveness()).count(
            group.days, group.ghosted, group.n
        )
    companies: dict[str, Responsiveness] = {}
    for group in groups(
        user, period, by="company__name", busiest=(COMPANY_MINIMUM, COMPANIES_SHOWN)
    ):
        companies.setdefault(group.key, Responsiveness()).count(group.days, group.ghosted, group.n)
    labels = dict(Source.choices)
    not_recorded = pgettext("source", "Not recorded")
    return ResponsivenessReport(
        overall=overall,
        by_source=sorted(
            ((str(labels.get(s, not_recorded)), r) for s, r in sources.items()),
            key=lambda item: (-item[1].applied, item[0]),
        ),
        by_company=sorted(
            ((c, r) for c, r in companies.items() if r.applied >= COMPANY_MINIMUM),
            key=lambda item: (-item[1].applied, item[0]),
        )[:COMPANIES_SHOWN],
    )


def statements(user: User, period: Period) -> list[tuple[str, list[Any]]]:
    """What `responsiveness` reads on PostgreSQL when given the sources' groups: the busiest
    companies' (for rebound.lib.batch.together)."""
    return [statement(user, period, by="company__name", busiest=(COMPANY_MINIMUM, COMPANIES_SHOWN))]


def at_a_glance(user: User, period: Period) -> Responsiveness:
    """The home page's summary: `responsiveness(user, period).overall`, counted the same way
    by the same query (`timeline.groups`) without the sources and companies. One query."""
    overall = Responsiveness()
    for group in groups(user, period):
        overall.count(group.days, group.ghosted, group.n)
    return overall
