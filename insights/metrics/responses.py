"""Who heard back, who was left without an answer, and how long answers took: by source, by
company and overall. Home's summary (`at_a_glance`) is the overall line of the same count."""

from collections import Counter
from dataclasses import dataclass, field

from django.db import connection
from django.db.models import CharField, Count, F, Min, Q, QuerySet, Value
from django.utils.translation import pgettext

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


def _answers(
    user: User, period: Period, cohort_rows: QuerySet[Application] | None = None, by: str = ""
) -> list[tuple[str, int | None, bool, int]]:
    """The cohort (or `cohort_rows` of it) counted per (the field `by`, the days from applied
    to the first answer on or after the day it was applied (None without one), whether it
    was ever marked ghosted): one pass over the timeline, grouped per application, then
    counted per group in the database (Postgres; elsewhere here, fine at a demo's size)."""
    answered = Q(
        status_changes__to_status__in=[s.value for s in ANSWERS],
        status_changes__changed_on__gte=F("date_applied"),
    )
    per_application = (
        (cohort(user, period) if cohort_rows is None else cohort_rows)
        .annotate(
            key=F(by) if by else Value("", output_field=CharField()),
            first_answer=Min("status_changes__changed_on", filter=answered),
            ghosted=Count("status_changes", filter=Q(status_changes__to_status=Status.GHOSTED)),
        )
        .values("key", "date_applied", "first_answer", "ghosted")
        .order_by()
    )
    if connection.vendor == "postgresql":
        # The ORM does not group an aggregate's rows again; the outer query does, over the
        # ORM's own SQL (date - date is a number of days in Postgres).
        sql, params = per_application.query.sql_with_params()
        with connection.cursor() as cursor:
            cursor.execute(
                'SELECT "key", first_answer - date_applied, ghosted > 0, COUNT(*)'
                f" FROM ({sql}) AS per_application GROUP BY 1, 2, 3",
                params,
            )
            return cursor.fetchall()
    groups: Counter[tuple[str, int | None, bool]] = Counter(
        (
            row["key"],
            (row["first_answer"] - row["date_applied"]).days if row["first_answer"] else None,
            row["ghosted"] > 0,
        )
        for row in per_application
    )
    return [(*group, n) for group, n in groups.items()]


def responsiveness(user: User, period: Period) -> ResponsivenessReport:
    """Two queries, counted in the database: per source (and so overall), then per company
    for the COMPANY_MINIMUM-or-more companies shown (the ten with most applications)."""
    overall = Responsiveness()
    sources: dict[str, Responsiveness] = {}
    for source, days, ghosted, n in _answers(user, period, by="source"):
        overall.count(days, ghosted, n)
        sources.setdefault(source or "", Responsiveness()).count(days, ghosted, n)
    shown = (
        cohort(user, period)
        .values("company_id")
        .annotate(n=Count("pk"))
        .filter(n__gte=COMPANY_MINIMUM)
        .order_by("-n", "company__name")
        .values("company_id")[:10]
    )
    companies: dict[str, Responsiveness] = {}
    in_shown = cohort(user, period).filter(company_id__in=shown)
    for company, days, ghosted, n in _answers(user, period, in_shown, "company__name"):
        companies.setdefault(company, Responsiveness()).count(days, ghosted, n)
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
        )[:10],
    )


def at_a_glance(user: User, period: Period) -> Responsiveness:
    """The home page's summary: `responsiveness(user, period).overall`, counted the same way
    by the same query (`_answers`) without the sources and companies. One query."""
    overall = Responsiveness()
    for _, days, ghosted, n in _answers(user, period):
        overall.count(days, ghosted, n)
    return overall
