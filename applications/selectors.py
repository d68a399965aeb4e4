"""The lists pages and the API read, one selector each; and the board's cards, a read the ORM
can't express cheaply enough for a page a heavy user opens all day."""

from collections.abc import Mapping
from dataclasses import dataclass
from typing import Any

from django.contrib.postgres.expressions import ArraySubquery
from django.db import connection
from django.db.models import Count, Exists, F, OuterRef, QuerySet, Window
from django.db.models.functions import RowNumber

from rebound.lib.urlcache import object_url
from rebound.models import User

from .filters import OPEN_FILTER, ApplicationFilter
from .models import Application, Attachment, Posting, Tag
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
# querysets as much again to compile.
_BOARD_CARDS = """
SELECT a.id, a.role, a.status, c.name
FROM unnest(%(statuses)s::varchar[], %(limits)s::int[]) AS col(status, lim)
CROSS JOIN LATERAL (
    SELECT id, role, status, excitement, updated_at, company_id
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


@dataclass(frozen=True, slots=True)
class BoardCard:
    """What a card shows: plain values, not a model instance (a heavy board has 100+)."""

    pk: int
    role: str
    status: str
    company_name: str

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
        return [BoardCard(*row) for row in cursor.fetchall()]


def _board_cards_portable(
    *, owner: User, limits: dict[str, int], tag: Tag | None
) -> list[BoardCard]:
    """The same cards for SQLite (`make run`), which has no LATERAL: a window function ranks
    the cards of each column, fine at a demo account's size."""
    applications = Application.objects.filter(owner=owner, archived_at__isnull=True)
    if tag is not None:
        applications = applications.filter(tags=tag)
    ranked = applications.annotate(
        rank=Window(
            RowNumber(),
            partition_by=F("status"),
            order_by=[F("excitement").desc(), F("updated_at").desc(), F("pk").desc()],
        )
    ).order_by("status", "rank")
    rows = ranked.values_list("pk", "role", "status", "company__name", "rank")
    return [
        BoardCard(pk, role, status, company)
        for pk, role, status, company, rank in rows
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
# A contact's columns the side lists read (application_detail.html); one more would be a query
# per contact, which tests/applications/test_query_counts.py would count.
_SIDE_CONTACT = ("pk", "name", "kind", "email", "company_id")


def application_neighbours(*, application: Application) -> dict[str, Any]:
    """Beside an application: its people ("people"), the company's other people
    ("contacts") and the owner's other applications there ("earlier"). The last two are
    capped (the company's page lists them all): one more than shown says whether to link
    there ("more_contacts", "more_earlier"). Those already among its people are not listed
    a second time."""
    earlier = list(
        Application.objects.filter(owner_id=application.owner_id, company_id=application.company_id)
        .exclude(pk=application.pk)
        .order_by("-created_at")
        .only("pk", "role", "status", "status_changed_on")[: SIDE_LIST + 1]
    )
    # Only what the side lists show of a contact: its notes (decrypted on the way), phone and
    # dates were most of what these two queries read and built.
    people = list(
        application.contacts.select_related("company")
        .only(*_SIDE_CONTACT, "company__name")
        .order_by("name")
    )
    contacts = list(
        application.company.contacts.exclude(pk__in=[p.pk for p in people])
        .only(*_SIDE_CONTACT, "title")
        .order_by("name")[: SIDE_LIST + 1]
    )
    return {
        "people": people,
        "contacts": contacts[:SIDE_LIST],
        "more_contacts": len(contacts) > SIDE_LIST,
        "earlier": earlier[:SIDE_LIST],
        "more_earlier": len(earlier) > SIDE_LIST,
    }


def application_page(*, owner: User) -> QuerySet[Application]:
    """The owner's applications as their page reads one: with company and owner, whether
    anything was sent with it (`has_attachments`: most have nothing, and reading nothing was
    a query) and, on PostgreSQL, its tags' names in the same query (`tag_names`, a subquery):
    the tags were a query of their own. SQLite (`make run`) has no arrays: `tag_names` reads
    them there."""
    applications = (
        Application.objects.filter(owner=owner)
        # The posting's text in the same query (a LEFT JOIN: most pages show it).
        .select_related("company", "owner", "posting")
        .annotate(has_attachments=Exists(Attachment.objects.filter(application=OuterRef("pk"))))
    )
    if connection.vendor != "postgresql":
        return applications
    names = Tag.objects.filter(applications=OuterRef("pk")).order_by("name").values("name")
    return applications.annotate(tag_names=ArraySubquery(names))


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
