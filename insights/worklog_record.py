"""The work-search log's second layout, the record of applications: what the German offices
(the Agentur für Arbeit, the Jobcenter) ask for as the "Nachweis der Eigenbemühungen". Its
rows come from the same source as the activities' (insights.worklog), in a constant number of
queries per page or CSV.
"""

import datetime as dt
from collections.abc import Iterable, Iterator
from dataclasses import dataclass
from typing import Any

from django.db import connection
from django.db.models import BooleanField, Exists, ExpressionWrapper, F, OuterRef, QuerySet
from django.utils import formats
from django.utils.translation import get_language, pgettext, pgettext_lazy

from applications.models import Application, AppliedVia, Company, Source, StatusChange
from applications.pipeline import Status
from interviews.models import Interview
from rebound.models import User

from . import worklog
from .worklog import _sources, _text
from .worklog_words import METHOD_BY_VIA, NOT_RECORDED

# The record of applications ("Nachweis der Eigenbemühungen", as the Agentur für Arbeit and the
# Jobcenter ask for it): one row per application sent in the range, on its date applied, with
# the employer's name and address, the position, how the user applied and the result. A German
# user's log takes this form; anyone can choose it (`LAYOUTS`).
#
# The result (Ergebnis) is one of the form's words, from the status today and what came before:
# - offer or accepted: an offer (Zusage);
# - rejected: a rejection (Absage), even after interviews: the office asks for the outcome;
# - withdrawn: withdrawn (zurückgezogen), the user's own decision, not the employer's answer;
# - ghosted: "Invitation, then no reply" when it was ever invited (an interview logged, or the
#   timeline moved to interviewing or further), else "Open (no reply)": nothing was decided;
# - interviewing, or any other status with an interview logged (scheduled or held): an
#   invitation (Einladung);
# - otherwise (applied, screening, wishlist): open (offen).
ACTIVITIES, APPLICATIONS = "activities", "applications"
LAYOUTS = {
    ACTIVITIES: pgettext_lazy("work-search log: layout", "Every activity"),
    APPLICATIONS: pgettext_lazy(
        "work-search log: layout", "Applications only, for a benefit office"
    ),
}


def default_layout() -> str:
    """German readers get the record of applications their office asks for."""
    return APPLICATIONS if (get_language() or "").startswith("de") else ACTIVITIES


_VERDICT = {
    "offer": pgettext_lazy("work-search log: result", "Offer received"),
    "rejection": pgettext_lazy("work-search log: result", "Rejection"),
    "withdrawn": pgettext_lazy("work-search log: result", "Withdrawn"),
    "invited_silent": pgettext_lazy("work-search log: result", "Invitation, then no reply"),
    "silent": pgettext_lazy("work-search log: result", "Open (no reply)"),
    "invitation": pgettext_lazy("work-search log: result", "Invitation to interview"),
    "open": pgettext_lazy("work-search log: result", "Open"),
}


def verdict(status: str, invited: bool) -> str:
    """The result's key in `_VERDICT`: `invited` is whether the application ever had an
    interview logged or reached interviewing (see the rules above)."""
    if status in (Status.OFFER, Status.ACCEPTED):
        return "offer"
    if status == Status.REJECTED:
        return "rejection"
    if status == Status.WITHDRAWN:
        return "withdrawn"
    if status == Status.GHOSTED:
        return "invited_silent" if invited else "silent"
    if status == Status.INTERVIEWING or invited:
        return "invitation"
    return "open"


@dataclass(frozen=True)
class Sent:
    """One application as the record lists it."""

    day: dt.date
    employer: str
    address: str  # as the user wrote it, lines and all
    position: str
    method: str
    result: str

    @property
    def address_lines(self) -> list[str]:
        return [line.strip() for line in self.address.splitlines() if line.strip()]

    @property
    def employer_and_address(self) -> str:
        """The name and the address on one line, as a spreadsheet cell holds them."""
        return ", ".join([self.employer, *self.address_lines])

    def as_row(self) -> list[Any]:
        return [
            # ISO in English (as the activities' file); the office's 16.11.2026 in German.
            formats.date_format(self.day, pgettext("work-search log: date", "Y-m-d")),
            self.employer_and_address,
            self.position,
            self.method,
            self.result,
        ]


def sent_header() -> list[str]:
    """The record's columns, in the active language (the German form's own words)."""
    return [
        pgettext("work-search log: column", "Date"),
        pgettext("work-search log: column", "Employer (name and address)"),
        pgettext("work-search log: column", "Position"),
        pgettext("work-search log: column", "How you applied"),
        pgettext("work-search log: column", "Result"),
    ]


# The statuses an application reaches only by being invited (see `verdict`).
_INVITED = [Status.INTERVIEWING, Status.OFFER, Status.ACCEPTED]


def _sent(user: User, start: dt.date, end: dt.date) -> QuerySet[Any]:
    """The range's applications in the log's order (as `_keys` orders them), each with what its
    row says, as plain values: one query, to slice or iterate."""
    invited = Exists(Interview.objects.filter(application_id=OuterRef("pk"))) | Exists(
        StatusChange.objects.filter(
            application_id=OuterRef("pk"),
            to_status__in=_INVITED,
        )
    )
    return (
        _sources(user, start, end)["application"]
        .annotate(
            employer=_text(F("company__name")),
            position=_text(F("role")),
            invited=ExpressionWrapper(invited, output_field=BooleanField()),
        )
        .order_by("date_applied", "employer", "position", F("updated_at").desc(), "pk")
        .values_list(
            "date_applied",
            "employer",
            "company__address",
            "position",
            "applied_via",
            "source",
            "status",
            "invited",
        )
    )


def _sent_rows(found: Iterable[tuple[Any, ...]]) -> Iterator[Sent]:
    # A row's words depend on a few codes alone: each is looked up in the catalogue once per
    # page or CSV, not once per row (as the activities' rows do).
    methods: dict[tuple[str, str], str] = {}
    results: dict[tuple[str, bool], str] = {}
    for day, employer, address, position, via, source, status, invited in found:
        if (via, source) not in methods:
            methods[via, source] = _way_applied(via, source)
        if (status, invited) not in results:
            results[status, invited] = str(_VERDICT[verdict(status, invited)])
        yield Sent(
            day=day,
            employer=employer,
            address=address,
            position=position,
            method=methods[via, source],
            result=results[status, invited],
        )


def _way_applied(via: str, source: str) -> str:
    """How the user applied, in the form's words only: as they said, else online for a job
    board's or a company site's posting, else not recorded ("through a contact" is how they
    found it, not how they applied)."""
    if via:
        return str(METHOD_BY_VIA[AppliedVia(via)])
    if source in (Source.JOB_BOARD, Source.COMPANY_SITE):
        return str(METHOD_BY_VIA[AppliedVia.ONLINE])
    return str(NOT_RECORDED)


def sent_count(user: User, start: dt.date, end: dt.date) -> int:
    return _sources(user, start, end)["application"].count()


# `_sent` on PostgreSQL, written out for a page: the same rows in the same order (the tests
# hold the two equal). Whether each was invited is asked of the page's rows alone, after the
# slice: the ORM's query hashed every interview and status change in the database, everyone's,
# to answer it for a year of rows, and cost more to build and plan than to run.
_SENT_PAGE_SQL = (
    "SELECT p.date_applied, p.employer, p.address, p.position, p.applied_via, p.source,"
    " p.status,"
    # Subqueries of one value each, so each is looked up by the row's index entries (an
    # EXISTS was hashed whole), the second only when the first found nothing.
    f' COALESCE((SELECT true FROM "{Interview._meta.db_table}" i'
    " WHERE i.application_id = p.id LIMIT 1),"
    f' (SELECT true FROM "{StatusChange._meta.db_table}" s'
    " WHERE s.application_id = p.id AND s.to_status = ANY(%(invited)s) LIMIT 1), false)"
    ' FROM (SELECT a.id, a.date_applied, c.name::varchar COLLATE "C" AS employer,'
    ' c.address, a.role::varchar COLLATE "C" AS position, a.applied_via, a.source,'
    " a.status, a.updated_at"
    f' FROM "{Application._meta.db_table}" a'
    f' JOIN "{Company._meta.db_table}" c ON c.id = a.company_id'
    " WHERE a.owner_id = %(owner)s AND a.date_applied >= %(start)s"
    " AND a.date_applied <= %(end)s"
    " ORDER BY 2, 3, 5, a.updated_at DESC, a.id LIMIT %(limit)s OFFSET %(offset)s) p"
    " ORDER BY p.date_applied, p.employer, p.position, p.updated_at DESC, p.id"
)


def _sent_page(
    user: User, start: dt.date, end: dt.date, offset: int, limit: int
) -> list[tuple[Any, ...]]:
    """`list(_sent(user, start, end)[offset : offset + limit])`, read in one query."""
    if connection.vendor != "postgresql":
        return list(_sent(user, start, end)[offset : offset + limit])
    with connection.cursor() as cursor:
        cursor.execute(
            _SENT_PAGE_SQL,
            {
                "owner": user.pk,
                "start": start,
                "end": end,
                "invited": [str(status) for status in _INVITED],
                "limit": limit,
                "offset": offset,
            },
        )
        return cursor.fetchall()


def sent_page(user: User, start: dt.date, end: dt.date, number: int = 1) -> list[Sent]:
    """The applications of one page (numbered from 1), worklog.PAGE_ROWS at most: one query."""
    offset = (number - 1) * worklog.PAGE_ROWS
    return list(_sent_rows(_sent_page(user, start, end, offset, worklog.PAGE_ROWS)))


def sent_rows(user: User, start: dt.date, end: dt.date) -> Iterator[Sent]:
    """Every application of the range, in order, read a chunk at a time (for the CSV)."""
    return _sent_rows(_sent(user, start, end).iterator(chunk_size=worklog.CSV_CHUNK))
