"""The work-search log: what a benefit office asks a job seeker to show for a date range (a
US state's weekly work-search log, Germany's Bewerbungsnachweis for the Agentur für Arbeit).

One row per activity in the range, oldest first:
- an **application** on its date applied;
- an **interview** on its local start date;
- an **outreach** to a contact (networking) on the day it was made.

Each row says when, the employer, the position, how the contact was made, with whom and
where (address or link) when known, and the result as it stands today (for one that went
silent, the furthest reply it had first: "Screening, then no reply"). Read-only, in a
constant number of queries, whatever the range holds.

Paged in SQL: one UNION of the three sources, sorted and sliced by the database, gives each
activity's sort key (day, kind, employer, position, then each model's own order for ties) and
what its row says, as plain values; two queries more add the page's people and one the
furthest replies. A heavy user's year is ~18,000 activities (~78,000 model instances when
they were built in Python to show the first 1,000). A page reads only the days its rows are
on (`Tally.window`). On PostgreSQL a page's reads are written out in SQL (`_page_keys`,
`_links`, `_replies`): building the ORM's queries cost more than running them (the tests hold
the two equal). The CSV reads the same UNION through `.iterator()` and builds its rows a
chunk at a time: its memory doesn't grow with the range.

A second layout, the record of applications (insights.worklog_record), is the German
offices' "Nachweis der Eigenbemühungen": one row per application with the employer's address,
how the user applied and the result in the form's words (Absage, Einladung, Zusage, offen). A
German reader gets it by default (`default_layout`); both layouts speak the active language,
and each page or CSV is read in a constant number of queries too.
"""

import datetime as dt
import functools
from collections.abc import Iterator
from dataclasses import dataclass
from itertools import islice
from typing import Any

from django.db import connection
from django.db.models import (
    Case,
    CharField,
    DateTimeField,
    Expression,
    F,
    IntegerField,
    QuerySet,
    Value,
    When,
)
from django.db.models.functions import Cast, Coalesce, Collate, Concat, TruncDate
from django.utils import formats
from django.utils.translation import get_language, pgettext

from applications.models import (
    Application,
    AppliedVia,
    Source,
    StatusChange,
)
from applications.pipeline import STAGES, Status
from coping.models import Outreach
from interviews.models import Interview
from rebound.models import User

from . import worklog_sql
from .worklog_days import Tally, _sources, tally
from .worklog_words import (
    KINDS,
    METHOD_BY_FORMAT,
    METHOD_BY_SOURCE,
    METHOD_BY_VIA,
    NOT_RECORDED,
    REPLIED,
    RESULT_BY_STATUS,
)

# The longest range one log covers, and the rows on one page (the CSV has them all). A page
# holds a month of most searches; 1,000 rows took ~45 ms of template alone, so a heavy
# user's first page cost 3× a small user's (docs/performance.md, issue 24).
MAX_DAYS = 366
PAGE_ROWS = 200
# Keys read by the CSV before it loads their rows: ~6 queries per chunk, memory bounded by it.
CSV_CHUNK = 2000


@dataclass(frozen=True)
class Activity:
    day: dt.date
    kind: str  # a key of KINDS
    employer: str
    position: str
    method: str
    contact: str  # the person, with an email or phone when known
    where: str  # an address, a place or a link, when known
    result: str

    @property
    def kind_label(self) -> str:
        return str(KINDS[self.kind])

    def as_row(self) -> list[Any]:
        language = get_language() or ""
        return [
            _day_text(self.day, language),
            _kind_text(self.kind, language),
            self.employer,
            self.position,
            self.method,
            self.contact,
            self.where,
            self.result,
        ]


# A year's log has ~17,000 rows on ~365 days, of a handful of kinds: each date and label is
# written once per language, not once per row (a fifth of the CSV's time was spent here).
@functools.lru_cache(maxsize=4096)
def _day_text(day: dt.date, language: str) -> str:
    return formats.date_format(day, pgettext("work-search log: date", "Y-m-d"))


@functools.lru_cache(maxsize=64)
def _kind_text(kind: str, language: str) -> str:
    return str(KINDS[kind])


# The English file's header, word for word (what spreadsheets built on it expect); `header()`
# gives it in the active language.
HEADER = ["Date", "Activity", "Employer", "Position", "How", "Contact", "Address or link", "Result"]


def header() -> list[str]:
    """HEADER in the active language."""
    return [
        pgettext("work-search log: column", "Date"),
        pgettext("work-search log: column", "Activity"),
        pgettext("work-search log: column", "Employer"),
        pgettext("work-search log: column", "Position"),
        pgettext("work-search log: column", "How"),
        pgettext("work-search log: column", "Contact"),
        pgettext("work-search log: column", "Address or link"),
        pgettext("work-search log: column", "Result"),
    ]


def _person_of(name: str, email: str, phone: str) -> str:
    reach = email or phone
    return f"{name} ({reach})" if reach else name


def _replies(application_ids: set[int]) -> list[tuple[int, str]]:
    """(application id, status) of each change of these applications into a `REPLIED` stage:
    one query."""
    if connection.vendor != "postgresql":
        return list(
            StatusChange.objects.filter(
                application_id__in=application_ids, to_status__in=list(REPLIED)
            ).values_list("application_id", "to_status")
        )
    return worklog_sql.replies(application_ids, [str(status) for status in REPLIED])


def _furthest_replies(application_ids: set[int]) -> dict[int, str]:
    """For these (ghosted) applications, the furthest stage each reached, as `REPLIED` words,
    in one query."""
    if not application_ids:
        return {}
    order = {status: i for i, status in enumerate(STAGES)}
    furthest: dict[int, str] = {}
    for application_id, status in _replies(application_ids):
        known = furthest.get(application_id)
        if known is None or order[Status(status)] > order[Status(known)]:
            furthest[application_id] = status
    return {pk: str(REPLIED[Status(status)]) for pk, status in furthest.items()}


def _result(status: str, application_id: int | None, replies: dict[int, str]) -> str:
    if status == Status.GHOSTED and application_id in replies:
        return pgettext("work-search log: result", "%(reply)s, then no reply") % {
            "reply": replies[application_id]
        }
    return str(RESULT_BY_STATUS[Status(status)])


def _method_of_application(via: str, source: str) -> str:
    if via:
        return str(METHOD_BY_VIA[AppliedVia(via)])
    return str(METHOD_BY_SOURCE.get(source, NOT_RECORDED))  # type: ignore[call-overload]


def lowered(text: str) -> str:
    """A label inside a sentence or after a word: English lowercases it ("technical"); German
    keeps its nouns' capitals ("Fachgespräch")."""
    return text.lower() if (get_language() or "en").startswith("en") else text


# One activity as the UNION gives it: its sort key (day, kind's index in KINDS, employer,
# position, an ascending and a descending tie-break, pk) and what its row says besides. The
# tie-breaks are each model's own Meta ordering (interviews by start, applications by last
# change, newest first, outreach newest first), which decided ties when the rows were sorted
# in Python. `code` is an application's source, an interview's format or an outreach's
# outcome; `status` the application's; `application` whose people and replies to read.
Found = tuple[
    dt.date, int, str, str, dt.datetime | None, dt.datetime | None, int,
    str, str, str, str, int | None, str, str, str,
]  # fmt: skip
COLUMNS = (
    *("day", "k", "employer", "position", "asc", "desc", "pk"),
    *("code", "via", "place", "status", "application", "person", "email", "phone"),
)


def _text(expression: Expression | F) -> Expression:
    """Text compared as Python compares str (by code point) so SQL sorts as the log always
    did: PostgreSQL's "C" collation compares UTF-8 bytes, which is code point order; SQLite's
    default (BINARY) already does."""
    field = CharField()
    if connection.vendor == "postgresql":
        return Collate(Cast(expression, field), "C")
    return Cast(expression, field)


def _keys(user: User, start: dt.date, end: dt.date) -> QuerySet[Any]:
    """Every activity's sort key, in the log's order: one query, to slice or iterate."""
    sources = _sources(user, start, end)
    no_time = Value(None, output_field=DateTimeField())
    round_label = Case(
        *(
            When(round_type=value, then=Value(lowered(str(label))))
            for value, label in Interview.Round.choices
        ),
        default=F("round_type"),
        output_field=CharField(),
    )
    nothing = Value("", output_field=CharField())

    def keyed(queryset: QuerySet[Any], kind: str, **annotations: Any) -> QuerySet[Any]:
        index = Value(list(KINDS).index(kind), output_field=IntegerField())
        return (
            queryset.order_by()
            .annotate(k=index, **annotations)
            .values_list(*COLUMNS)  # the same columns, in the same order, for the UNION
        )

    applications = keyed(
        sources["application"],
        "application",
        day=F("date_applied"),
        employer=_text(F("company__name")),
        position=_text(F("role")),
        asc=no_time,
        desc=F("updated_at"),
        code=F("source"),
        via=F("applied_via"),
        place=Case(
            When(posting_url="", then=F("location")),
            default=F("posting_url"),
            output_field=CharField(),
        ),
        application=F("pk"),
        person=nothing,
        email=nothing,
        phone=nothing,
    )
    interviews = keyed(
        sources["interview"],
        "interview",
        day=TruncDate("starts_at", tzinfo=user.tzinfo),
        employer=_text(F("application__company__name")),
        position=_text(Concat(F("application__role"), Value(" ("), round_label, Value(")"))),
        asc=F("starts_at"),
        desc=no_time,
        code=F("format"),
        via=nothing,
        place=F("location"),
        status=F("application__status"),
        person=nothing,
        email=nothing,
        phone=nothing,
    )
    outreach = keyed(
        sources["outreach"],
        "outreach",
        day=F("on"),
        employer=_text(Coalesce(F("contact__company__name"), Value(""))),
        position=_text(Value("")),
        asc=no_time,
        desc=F("created_at"),
        code=F("outcome"),
        via=nothing,
        place=F("contact__linkedin_url"),
        status=nothing,
        application=Value(None, output_field=IntegerField()),
        person=F("contact__name"),
        email=F("contact__email"),
        phone=F("contact__phone"),
    )
    return applications.union(interviews, outreach, all=True).order_by(
        "day", "k", "employer", "position", F("asc").asc(), F("desc").desc(), "pk"
    )


def _page_keys(user: User, first: dt.date, last: dt.date, offset: int, limit: int) -> list[Found]:
    """`list(_keys(user, first, last)[offset : offset + limit])`, read in one query (on
    PostgreSQL written out: insights.worklog_sql)."""
    if connection.vendor != "postgresql":
        return list(_keys(user, first, last)[offset : offset + limit])
    labels = [(value, lowered(str(label))) for value, label in Interview.Round.choices]
    return worklog_sql.page_keys(user, first, last, offset, limit, labels)


def _links(through: Any, column: str, ids: set[int]) -> list[tuple[int, str, str, str]]:
    """Each person of these applications or interviews (`column` of the `through` table) as
    (their id, name, email, phone), by name: one query."""
    if connection.vendor != "postgresql":
        return list(
            through.objects.filter(**{f"{column}__in": ids})
            .order_by("contact__name", "contact_id")
            .values_list(column, "contact__name", "contact__email", "contact__phone")
        )
    return worklog_sql.links(through._meta.db_table, column, ids)


def _people(through: Any, column: str, ids: set[int]) -> dict[int, str]:
    """The people of these applications or interviews, by name, as each row writes them."""
    if not ids:
        return {}
    people: dict[int, list[str]] = {}
    for owner_id, name, email, phone in _links(through, column, ids):
        people.setdefault(owner_id, []).append(_person_of(name, email, phone))
    return {owner_id: ", ".join(names) for owner_id, names in people.items()}


def _rows(found: list[Found]) -> list[Activity]:
    """The activities of these UNION rows, in their order: at most three more queries (the
    applications' contacts, the interviewers, the furthest replies of ghosted ones), as
    plain values, however many rows."""
    applications = {f[6] for f in found if f[1] == 0}
    interviews = {f[6] for f in found if f[1] == 1}
    contacts = _people(Application.contacts.through, "application_id", applications)
    interviewers = _people(Interview.interviewers.through, "interview_id", interviews)
    replies = _furthest_replies({f[11] for f in found if f[10] == Status.GHOSTED and f[11]})
    kinds = list(KINDS)
    outcomes = dict(Outreach.Outcome.choices)
    # A row's words depend on its codes alone (but a ghosted application's reply): each is
    # looked up in the catalogue once per chunk, not once per row.
    said: dict[tuple[Any, ...], str] = {}

    def words(key: tuple[Any, ...], make: Any, *args: Any) -> str:
        if key not in said:
            said[key] = make(*args)
        return said[key]

    rows = []
    for day, k, employer, position, _, _, pk, code, via, place, status, app, *person in found:
        if k == 0:
            method = words(("a", via, code), _method_of_application, via, code)
            who = contacts.get(pk, "")
        elif k == 1:
            method = words(("i", code), lambda c: str(METHOD_BY_FORMAT[Interview.Format(c)]), code)
            who = interviewers.get(pk, "")
        else:
            method = words(("o",), lambda: str(METHOD_BY_SOURCE[Source.REFERRAL]))
            who = _person_of(*person)
        if k == 2:
            result = words(("r", code), lambda c: str(outcomes[c]), code)
        elif status == Status.GHOSTED and app in replies:
            result = _result(status, app, replies)
        else:
            result = words(("s", status), _result, status, None, replies)
        rows.append(
            Activity(
                day=day,
                kind=kinds[k],
                employer=employer,
                position=position,
                method=method,
                contact=who,
                where=place,
                result=result,
            )
        )
    return rows


def page(
    user: User, start: dt.date, end: dt.date, number: int = 1, counted: Tally | None = None
) -> list[Activity]:
    """The activities of one page (numbered from 1), PAGE_ROWS at most: the UNION reads only
    the days the page's rows are on, so a page costs the same in a busy year or a quiet
    week. `counted` is the range's tally, when the caller has it."""
    counted = counted or tally(user, start, end)
    window = counted.window((number - 1) * PAGE_ROWS, PAGE_ROWS)
    if window is None:
        return []
    first, last, skipped = window
    offset = (number - 1) * PAGE_ROWS - skipped
    return _rows(_page_keys(user, first, last, offset, PAGE_ROWS))


def rows(user: User, start: dt.date, end: dt.date) -> Iterator[Activity]:
    """Every activity of the range, in order, read a chunk at a time (for the CSV)."""
    found: Iterator[Found] = _keys(user, start, end).iterator(chunk_size=CSV_CHUNK)
    while chunk := list(islice(found, CSV_CHUNK)):
        yield from _rows(chunk)


def activities(user: User, start: dt.date, end: dt.date) -> list[Activity]:
    """Every activity of the user from `start` to `end` (local dates, both included)."""
    return list(rows(user, start, end))
