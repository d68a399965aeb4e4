"""A user's whole account as one JSON document (the format: portability/document.py), written
piece by piece as it is read.

One query per model, whatever the account holds: the rows are read in chunks (`iterator`) in
id order, each with its many-to-many links as an array subquery (PostgreSQL; elsewhere each
field's links come from its through table in one more query, in the same order, and are merged
in as the rows go by). Nothing holds the whole
account at once, so a backup of 5,000 applications costs the queries and the memory of one of
50. The text is exactly what `json.dumps(document, indent=1, ensure_ascii=False)` writes for
the whole document (tests/portability/test_export_streams.py compares the two).
"""

import json
from collections.abc import Iterable, Iterator
from typing import Any

from django.apps import apps
from django.contrib.postgres.expressions import ArraySubquery
from django.core.serializers.json import DjangoJSONEncoder
from django.db import connection, models, transaction
from django.db.models import OuterRef
from django.utils import timezone

from feeds.models import CalendarFeed
from rebound.lib.streams import joined
from rebound.models import User
from reminders.models import Reminder

from .document import FORMAT, FRESH, MODELS, PREFERENCES, VERSION, fields, is_user

# Rows fetched per round trip: enough to make the fetches cheap, few enough that memory stays
# small (a row is under 1 KB of Python objects).
CHUNK = 1000
# Pieces are joined into writes of about this many characters: one per row would be a
# system call per row for the server.
WRITE = 64 * 1024
# A row's text as json.dumps writes it; dates and times as DjangoJSONEncoder writes them
# (ISO 8601, moments in UTC with a Z and milliseconds).
_ENCODER = DjangoJSONEncoder(indent=1, ensure_ascii=False)


def backup_stream(user: User) -> Iterator[str]:
    """The backup document's text, in pieces of about WRITE characters, for a streamed
    download. Its queries run as the pieces are asked for."""
    document = {
        "format": FORMAT,
        "version": VERSION,
        "exported_at": timezone.now(),
        "preferences": {name: getattr(user, name) for name in PREFERENCES},
        "calendar_feed": CalendarFeed.objects.filter(user=user, enabled=True).exists(),
        "data": {label: _rows(user, label, owner) for label, owner in MODELS},
        # Their intent (what, about which row, on which local day and time), not their
        # delivery state: a restored account schedules them afresh.
        "reminders": _reminders(user),
    }
    return _joined(_one_snapshot(_pieces(document, 0)))


def backup_export(user: User) -> dict[str, Any]:
    """The backup document, parsed: what restoring reads (tests, `make run`'s round trip)."""
    result: dict[str, Any] = json.loads("".join(backup_stream(user)))
    return result


def _rows(user: User, label: str, owner: str) -> Iterator[dict[str, Any]]:
    model = apps.get_model(label)
    columns = [f.attname for f in fields(model) if not is_user(f) and f.name not in FRESH]
    many = model._meta.many_to_many
    rows = model._default_manager.filter(**{owner: user}).order_by("pk")
    if connection.vendor == "postgresql":
        # Each row's links as an array in the row itself (an index lookup per row on the
        # through table's unique pair): no query of their own, so the backup's count stays
        # within its bound as models are added.
        arrays = {f"_links_{m2m.name}": _link_array(m2m) for m2m in many}
        found = rows.annotate(**arrays).values_list("pk", *columns, *arrays)
        for pk, *values in found.iterator(chunk_size=CHUNK):
            row: dict[str, Any] = {"id": pk, **dict(zip(columns, values, strict=False))}
            for m2m, targets in zip(many, values[len(columns) :], strict=True):
                row[m2m.name] = list(targets)
            yield row
        return
    links = [_links(m2m, owner, user) for m2m in many]
    for pk, *values in rows.values_list("pk", *columns).iterator(chunk_size=CHUNK):
        row = {"id": pk, **dict(zip(columns, values, strict=True))}
        for m2m, of_row in zip(many, links, strict=True):
            row[m2m.name] = of_row.take(pk)
        yield row


def _link_array(m2m: models.ManyToManyField) -> ArraySubquery:
    """A row's targets of this many-to-many field, in id order (PostgreSQL)."""
    through = m2m.remote_field.through
    assert through is not None  # set up by the time the models are ready
    target = m2m.m2m_reverse_name()
    return ArraySubquery(
        through._default_manager.filter(**{m2m.m2m_field_name(): OuterRef("pk")})
        .order_by(target)
        .values(target)
    )


class _Links:
    """A many-to-many field's links for one owner's rows, read in the rows' order: `take(pk)`
    answers each row's targets, in id order, as the rows go by (each pk asked once, rising)."""

    def __init__(self, pairs: Iterator[tuple[int, int]]) -> None:
        self._pairs = pairs
        self._next = next(self._pairs, None)

    def take(self, pk: int) -> list[int]:
        targets = []
        # Both queries read the same owner's rows: every link's source is a row, so none is
        # skipped over here.
        while self._next is not None and self._next[0] <= pk:
            if self._next[0] == pk:
                targets.append(self._next[1])
            self._next = next(self._pairs, None)
        return targets


def _links(m2m: models.ManyToManyField, owner: str, user: User) -> _Links:
    """The field's links for the owner's rows: one query on its through table."""
    through = m2m.remote_field.through
    assert through is not None  # set up by the time the models are ready
    source, target = m2m.m2m_column_name(), m2m.m2m_reverse_name()
    pairs = (
        through._default_manager.filter(**{f"{m2m.m2m_field_name()}__{owner}": user})
        .order_by(source, target)
        .values_list(source, target)
        .iterator(chunk_size=CHUNK)
    )
    return _Links(pairs)


def _reminders(user: User) -> Iterator[dict[str, Any]]:
    rows = (
        Reminder.objects.filter(owner=user, status__in=Reminder.OPEN)
        .order_by("pk")
        .values_list("kind", "subject_id", "scope", "local_date", "local_time")
        .iterator(chunk_size=CHUNK)
    )
    for kind, subject, scope, local_date, local_time in rows:
        yield {
            "kind": kind,
            "subject": subject,
            "scope": scope,
            "local_date": local_date,
            "local_time": local_time,
        }


def _pieces(value: Any, level: int) -> Iterator[str]:
    """`value` as json.dumps(…, indent=1) writes it at this depth. A dict holding iterators
    is written key by key, an iterator as a list item by item; anything else at once (a row,
    the preferences)."""
    pad = "\n" + " " * (level + 1)
    if isinstance(value, dict) and any(isinstance(v, Iterator | dict) for v in value.values()):
        yield "{"
        for n, (key, item) in enumerate(value.items()):
            yield ("," if n else "") + pad + _ENCODER.encode(key) + ": "
            yield from _pieces(item, level + 1)
        yield "\n" + " " * level + "}"
    elif isinstance(value, Iterator):
        empty = True
        for item in value:
            yield ("[" if empty else ",") + pad
            yield from _pieces(item, level + 1)
            empty = False
        yield "[]" if empty else "\n" + " " * level + "]"
    else:
        # JSON escapes every newline inside a string: each one here starts a line to indent.
        yield _ENCODER.encode(value).replace("\n", "\n" + " " * level)


def _one_snapshot(pieces: Iterator[str]) -> Iterator[str]:
    """On PostgreSQL, every query of the stream reads the same snapshot (REPEATABLE READ):
    a download that takes minutes on a slow line still holds no status change whose
    application came after the applications were read. Not on SQLite, where a transaction
    would take the write lock (`transaction_mode`) from the worker for as long."""
    if connection.vendor != "postgresql" or connection.in_atomic_block:
        yield from pieces
        return
    with transaction.atomic():
        with connection.cursor() as cursor:
            cursor.execute("SET TRANSACTION ISOLATION LEVEL REPEATABLE READ")
        yield from pieces


def _joined(pieces: Iterable[str]) -> Iterator[str]:
    return joined(pieces, WRITE)
