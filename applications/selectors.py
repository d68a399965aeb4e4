"""Reads that the ORM can't express cheaply enough for a page a heavy user opens all day."""

from dataclasses import dataclass
from typing import Any

from django.db import connection
from django.db.models import F, QuerySet, Window
from django.db.models.functions import RowNumber

from rebound.lib.urlcache import object_url
from rebound.models import User

from .models import EXIT_STATUSES, Application, Status, Tag

# Ended one way or the other: what "open" leaves out, on the table's filter and in a plan's
# "Keep these moving", so the two always agree on the number.
ENDED_STATUSES = frozenset({*EXIT_STATUSES, Status.ACCEPTED})
OPEN_FILTER = "open"


def open_applications(owner: Any) -> QuerySet[Application]:
    """The owner's applications still in play: not ended, not archived."""
    return Application.objects.filter(owner=owner, archived_at__isnull=True).exclude(
        status__in=ENDED_STATUSES
    )


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
