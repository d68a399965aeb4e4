"""The lists pages and the API read, one selector each; and the board's cards, a read the ORM
can't express cheaply enough for a page a heavy user opens all day."""

import datetime as dt
import json
import unicodedata
from collections.abc import Mapping
from dataclasses import dataclass
from typing import Any

from django.contrib.postgres.expressions import ArraySubquery
from django.contrib.postgres.fields import ArrayField
from django.db import connection
from django.db.models import (
    BooleanField,
    CharField,
    Count,
    F,
    Func,
    OuterRef,
    QuerySet,
    Subquery,
    TextField,
    Window,
)
from django.db.models.expressions import RawSQL
from django.db.models.functions import RowNumber

from rebound.lib import batch
from rebound.lib.urlcache import object_url
from rebound.models import User
from reminders.kinds import scope_of
from reminders.models import Reminder
from reminders.selectors import in_scope_statement, upcoming_in_scope

from .filters import OPEN_FILTER, ApplicationFilter
from .models import Application, Attachment, Company, Contact, Posting, StatusChange, Tag
from .pipeline import EXITS, Status


def application_list(
    *, owner: User, filters: Mapping[str, Any] | None = None
) -> QuerySet[Application]:
    """The owner's applications that `filters` choose (cleaned values, keyed as in
    filters.ApplicationFilter), in their order: the table's rows and the API's list."""
    chosen = ApplicationFilter(
        filters or {}, queryset=Application.objects.filter(owner=owner), owner=owner
    )
    # Each caller has checked its input in its own words already: a value the FilterSet
    # refuses is a caller's mistake, not a filter to drop silently.
    if not chosen.is_valid():
        raise ValueError(f"Filters the applications list doesn't take: {chosen.errors}")
    return chosen.qs


def open_applications(owner: User) -> QuerySet[Application]:
    """The owner's applications still in play: not closed, not archived. The table's "still
    open" filter itself, so a plan's "Keep these moving" and the table agree on the number."""
    return application_list(owner=owner, filters={"status": OPEN_FILTER})


# Per column, its first cards (the most wanted, then the most recent) read straight off
# application_board_idx with a LIMIT: a LATERAL join runs one index scan per status. A window
# function over all of a heavy user's applications cost 9 ms, and a UNION of nine ORM
# querysets as much again to compile. Each card's tag names come in the same row (an ARRAY
# subquery per shown card, off the tags table's application_id index): the tags of a board
# of 500 cost what a board of 5 costs, one query.
_BOARD_CARDS = """
SELECT a.id, a.role, a.status, c.name, a.status_changed_on, a.excitement,
    ARRAY(
        SELECT t.name FROM applications_application_tags AS at
        JOIN applications_tag AS t ON t.id = at.tag_id
        WHERE at.application_id = a.id
    ) AS tag_names
FROM unnest(%(statuses)s::varchar[], %(limits)s::int[]) AS col(status, lim)
CROSS JOIN LATERAL (
    SELECT id, role, status, excitement, updated_at, company_id, status_changed_on
    FROM applications_application
    WHERE owner_id = %(owner)s AND archived_at IS NULL AND status = col.status
      {tag_filter}
    ORDER BY excitement DESC, updated_at DESC, id DESC
    LIMIT col.lim
) AS a
JOIN applications_company AS c ON c.id = a.company_id
ORDER BY a.status, a.excitement DESC, a.updated_at DESC, a.id DESC
"""
_TAG_FILTER = """AND EXISTS (
        SELECT 1 FROM applications_application_tags AS t
        WHERE t.application_id = applications_application.id AND t.tag_id = %(tag)s)"""


def _sort_key(name: str) -> tuple[str, str]:
    """A tag name as a reader alphabetises it: case and accents aside ("Äpfel" among the a's),
    then as written, so equal-looking names still keep one order."""
    folded = unicodedata.normalize("NFKD", name.casefold())
    return "".join(c for c in folded if not unicodedata.combining(c)), name


def _by_name(names: Any) -> tuple[str, ...]:
    """Tag names in the order a card shows them (_sort_key). Sorted here, not in SQL:
    PostgreSQL's collation and SQLite's ASCII-only lower() would each order "Äpfel" their own
    way, and both paths must give the same card."""
    return tuple(sorted(names, key=_sort_key))


@dataclass(frozen=True, slots=True)
class BoardCard:
    """What a card shows: plain values, not a model instance (a heavy board has 100+)."""

    pk: int
    role: str
    status: str
    company_name: str
    # The day it reached its status: the card says how long it has been there.
    status_changed_on: dt.date
    excitement: int
    # Its tags' names, by name (_by_name).
    tag_names: tuple[str, ...] = ()

    @property
    def url(self) -> str:
        return object_url("applications:application_detail", self.pk)


def board_cards(*, owner: User, limits: dict[str, int], tag: Tag | None) -> list[BoardCard]:
    """The owner's unarchived applications for the board, up to limits[status] per status,
    in each column's order."""
    statuses = [status for status, limit in limits.items() if limit > 0]
    if not statuses:
        return []
    if connection.vendor != "postgresql":
        return _board_cards_portable(owner=owner, limits=limits, tag=tag)
    sql = _BOARD_CARDS.format(tag_filter=_TAG_FILTER if tag is not None else "")
    params: dict[str, Any] = {
        "statuses": statuses,
        "limits": [limits[s] for s in statuses],
        "owner": owner.pk,
        "tag": tag.pk if tag is not None else None,
    }
    with connection.cursor() as cursor:
        cursor.execute(sql, params)
        return [
            BoardCard(pk, role, status, company, changed, excitement, _by_name(names))
            for pk, role, status, company, changed, excitement, names in cursor.fetchall()
        ]


def _tag_names_subquery() -> Func | Subquery:
    """Per application, its tags' names in one column of the row: an array on PostgreSQL,
    a JSON array from json_group_array on SQLite (a separator for group_concat could be in a
    tag's name). A plain function to Django, so it adds no GROUP BY: the subquery is one
    group."""
    names = Tag.objects.filter(applications=OuterRef("pk")).order_by()
    if connection.vendor == "postgresql":
        return ArraySubquery(names.values("name"))
    as_json = Func(F("name"), function="json_group_array", output_field=TextField())
    return Subquery(names.annotate(names=as_json).values("names"))


def _board_cards_portable(
    *, owner: User, limits: dict[str, int], tag: Tag | None
) -> list[BoardCard]:
    """The same cards for SQLite (`make run`), which has no LATERAL: a window function ranks
    the cards of each column, fine at a demo account's size. The tag names come in the same
    rows (_tag_names_subquery): one query too, whatever the number of cards."""
    applications = Application.objects.filter(owner=owner, archived_at__isnull=True)
    if tag is not None:
        applications = applications.filter(tags=tag)
    ranked = applications.annotate(
        rank=Window(
            RowNumber(),
            partition_by=F("status"),
            order_by=[F("excitement").desc(), F("updated_at").desc(), F("pk").desc()],
        ),
        tag_names=_tag_names_subquery(),
    ).order_by("status", "rank")
    rows = ranked.values_list(
        "pk",
        "role",
        "status",
        "company__name",
        "status_changed_on",
        "excitement",
        "tag_names",
        "rank",
    )
    return [
        BoardCard(
            pk,
            role,
            status,
            company,
            changed,
            excitement,
            _by_name(json.loads(names) if isinstance(names, str) else names),
        )
        for pk, role, status, company, changed, excitement, names, rank in rows
        if rank <= limits.get(status, 0)
    ]


# Cards a board column shows at first, and at most when the user asks for all of it.
BOARD_COLUMN_CARDS = 12
BOARD_COLUMN_MAX = 500
# A column: its status, its first cards, and how many it holds in all.
BoardColumn = tuple[Status, list[BoardCard], int]


def board_columns(*, owner: User, tag: Tag | None, shown: str) -> dict[str, list[BoardColumn]]:
    """The board: all the open stages side by side ("open"), the exits (rejected, withdrawn,
    ghosted) in a lane below that opens on demand ("exits").

    A heavy user's board stays light: each column shows its first cards (the most wanted,
    then the most recent), with the column's full count and a way to see all of it (`shown`,
    up to BOARD_COLUMN_MAX). One query for the counts, one for the cards (board_cards)."""
    applications = Application.objects.filter(owner=owner, archived_at__isnull=True)
    if tag is not None:
        applications = applications.filter(tags=tag)
    counts = dict(
        applications.order_by()
        .values_list("status")
        .annotate(n=Count("pk"))
        .values_list("status", "n")
    )
    limits = {
        s: min(counts.get(s, 0), BOARD_COLUMN_MAX if s == shown else BOARD_COLUMN_CARDS)
        for s in Status.values
    }
    cards: dict[str, list[BoardCard]] = {value: [] for value in Status.values}
    for card in board_cards(owner=owner, limits=limits, tag=tag):
        cards[card.status].append(card)

    def column(status: Status) -> BoardColumn:
        return status, cards[status.value], counts.get(status.value, 0)

    return {
        "open": [column(s) for s in Status if s not in EXITS],
        "exits": [column(s) for s in Status if s in EXITS],
    }


# At most this many of a company's people and other applications on an application's page.
SIDE_LIST = 10


# The side lists and the timeline in plain SQL: through the ORM each of these four small reads
# cost three times its round trip to build and compile (0.6 ms against 0.2 in issue 24's
# profile, a tenth of a heavy user's page). Portable SQL: SQLite runs it too. The order is
# the ORM's (the contacts by name, then the newest applications), with the id breaking ties.
_EARLIER = """
    SELECT id, role, status, status_changed_on FROM applications_application
    WHERE owner_id = %s AND company_id = %s AND id <> %s
    ORDER BY created_at DESC, id DESC LIMIT %s"""
_PEOPLE = """
    SELECT c.id, c.name, c.kind, c.email, c.company_id, co.name
    FROM applications_contact c
    JOIN applications_application_contacts ac ON ac.contact_id = c.id
    LEFT JOIN applications_company co ON co.id = c.company_id
    WHERE ac.application_id = %s
    ORDER BY c.name, c.id"""
_CONTACTS = """
    SELECT c.id, c.name, c.kind, c.email, c.company_id, c.title FROM applications_contact c
    WHERE c.company_id = %s AND NOT EXISTS (
        SELECT 1 FROM applications_application_contacts ac
        WHERE ac.contact_id = c.id AND ac.application_id = %s)
    ORDER BY c.name, c.id LIMIT %s"""
_TIMELINE = """
    SELECT id, from_status, to_status, changed_on, note FROM applications_statuschange
    WHERE application_id = %s ORDER BY changed_on, created_at, id"""


def _earlier(a: Application) -> tuple[str, list[Any]]:
    return _EARLIER, [a.owner_id, a.company_id, a.pk, SIDE_LIST + 1]


def _people(a: Application) -> tuple[str, list[Any]]:
    return _PEOPLE, [a.pk]


def _contacts(a: Application) -> tuple[str, list[Any]]:
    return _CONTACTS, [a.company_id, a.pk, SIDE_LIST + 1]


def _timeline(a: Application) -> tuple[str, list[Any]]:
    return _TIMELINE, [a.pk]


def page_statements(application: Application) -> list[tuple[str, list[Any]]]:
    """What `application_neighbours`, `timeline` and the reminders of the application's scope
    (reminders.selectors.upcoming_in_scope, by its owner) read, for
    rebound.lib.batch.together: its page sends them in one round trip (0.55 ms less than one
    each). Portable SQL: elsewhere (SQLite) each is read on its own."""
    scope = in_scope_statement(owner=application.owner, scope=scope_of(application))
    return [*(f(application) for f in (_earlier, _people, _contacts, _timeline)), scope]


def reminders_of(application: Application) -> list[Reminder]:
    """The application's upcoming reminders: its scope's, its owner's (`page_statements`)."""
    return upcoming_in_scope(owner=application.owner, scope=scope_of(application))


def application_neighbours(*, application: Application) -> dict[str, Any]:
    """Beside an application: its people ("people", each with its company's name), the
    company's other people ("contacts") and the owner's other applications there ("earlier").
    The last two are capped (the company's page lists them all): one more than shown says
    whether to link there ("more_contacts", "more_earlier"). Those already among its people
    are not listed a second time. Only the columns the page shows (application_detail.html)."""
    a = application
    earlier = [
        Application(pk=pk, role=role, status=status, status_changed_on=on)
        for pk, role, status, on in batch.fetch(*_earlier(a))
    ]
    people = []
    for pk, name, kind, email, company_id, company_name in batch.fetch(*_people(a)):
        person = Contact(pk=pk, name=name, kind=kind, email=email, company_id=company_id)
        # As select_related("company") leaves it: the company (its name), or None.
        person.company = Company(pk=company_id, name=company_name) if company_id else None
        people.append(person)
    contacts = [
        Contact(pk=pk, name=name, kind=kind, email=email, company_id=company_id, title=title)
        for pk, name, kind, email, company_id, title in batch.fetch(*_contacts(a))
    ]
    return {
        "people": people,
        "contacts": contacts[:SIDE_LIST],
        "more_contacts": len(contacts) > SIDE_LIST,
        "earlier": earlier[:SIDE_LIST],
        "more_earlier": len(earlier) > SIDE_LIST,
    }


def timeline(application: Application) -> list[StatusChange]:
    """The application's status changes, oldest first (what its page's timeline shows)."""
    return [
        StatusChange(
            pk=pk,
            application=application,
            from_status=before,
            to_status=after,
            changed_on=on,
            note=note,
        )
        for pk, before, after, on, note in batch.fetch(*_timeline(application))
    ]


def application_page(*, owner: User) -> QuerySet[Application]:
    """The owner's applications as their page reads one: with its company, whether anything
    was sent with it (`has_attachments`: most have nothing, and reading nothing was a query)
    and, on PostgreSQL, its tags' names in the same query (`tag_names`, a subquery): the tags
    were a query of their own. SQLite (`make run`) has no arrays: `tag_names` reads them
    there. Not its owner: the page has it (the request's user)."""
    table = Application._meta.db_table
    # Both subqueries written out: as Exists() and ArraySubquery() of querysets they cost
    # about 0.9 ms a page to build and compile, a third of the whole read (issue 24).
    applications = (
        Application.objects.filter(owner=owner)
        # The posting's text in the same query (a LEFT JOIN: most pages show it).
        .select_related("company", "posting")
        .annotate(
            has_attachments=RawSQL(
                f"EXISTS (SELECT 1 FROM {Attachment._meta.db_table} a"
                f" WHERE a.application_id = {table}.id)",
                (),
                output_field=BooleanField(),
            )
        )
    )
    if connection.vendor != "postgresql":
        return applications
    tagged = Application.tags.through._meta.db_table
    names = RawSQL(
        f"ARRAY(SELECT t.name FROM {Tag._meta.db_table} t JOIN {tagged} x ON x.tag_id = t.id"
        f" WHERE x.application_id = {table}.id ORDER BY t.name)",
        (),
        output_field=ArrayField(CharField()),
    )
    return applications.annotate(tag_names=names)


def tag_names(application: Application) -> list[str]:
    """The names of an application's tags, by name: folded into `application_page`'s query
    where it could be, read here otherwise."""
    folded: list[str] | None = getattr(application, "tag_names", None)
    if folded is not None:
        return folded
    return list(application.tags.order_by("name").values_list("name", flat=True))


def attachments(application: Application) -> QuerySet[Attachment] | list[Attachment]:
    """What was sent with an application read from `application_page`: no query when
    `has_attachments` says there is none."""
    if getattr(application, "has_attachments", True):
        return application.attachments.all()
    return []


def posting_of(application: Application) -> Posting | None:
    """The application's posting: read with it when `application_page` joined it (no query),
    else one query; None when none is kept."""
    try:
        return application.posting
    except Posting.DoesNotExist:
        return None
