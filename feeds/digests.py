"""Digests of reads, computed by PostgreSQL without sending their rows: what the calendar
feed's parts are cached by (feeds.sections), chunk by chunk."""

from collections.abc import Callable, Sequence
from dataclasses import dataclass
from typing import Any

from django.db import connection
from django.db.models import QuerySet

# Rows in a chunk: an edit rebuilds one of them, not its whole part (a heavy feed's 500
# interviews are 8).
CHUNK = 64


@dataclass(frozen=True)
class Source:
    """The rows that decide one part of the feed: `read`'s (ordered, limited), cut into chunks
    of CHUNK rows in the order `order` (SQL over the read's columns, as "r.name"; it must be
    the read's own order, the one its rows are cut by when a chunk is built; None: one
    chunk), and `others`, reads that decide every chunk of it too."""

    read: QuerySet | None  # None: the others alone, as one chunk
    order: str | None = None
    others: Sequence[QuerySet] = ()


# Each row hashed whole by PostgreSQL's own hash of its columns' values (the values, not their
# text: a timestamp is hashed as the number it is stored as), seeded with the row's place in the
# read's order, and a chunk's hashes combined with XOR: one 64-bit number a chunk, which any
# changed value, any row added, removed or moved changes (but for a chance of 2^-64). The place
# in the seed keeps the combination ordered: no sort, no text and no md5 per row, where writing
# the rows' hashes out, joining them in order and hashing that took half of a heavy feed's
# digests. Each chunk's number is then hashed with the others' digest. An empty read has no
# chunks (NULL).
_NUMBERED = "SELECT row_number() OVER ({over}) AS i, r FROM ({read}) r"
_CHUNKS = (
    "(SELECT array_agg(md5(h::text || '|' || {others}) ORDER BY n) FROM ("
    " SELECT (i - 1) / {chunk} AS n, bit_xor(hash_record_extended(r, i)) AS h"
    " FROM (" + _NUMBERED + ") numbered GROUP BY 1) chunks)"
)
# Every row of another read, in its order, hashed the same way ("-" for none).
_WHOLE = (
    "coalesce((SELECT bit_xor(hash_record_extended(r, i))::text"
    " FROM (" + _NUMBERED.format(over="", read="{read}") + ") numbered), '-')"
)


def statement(sources: Sequence[Source | None]) -> tuple[str, list[Any]]:
    """One query answering, per source that isn't None, its chunks' digests in order."""
    columns: list[str] = []
    params: list[Any] = []
    for source in sources:
        if source is None:
            continue
        others = []
        for queryset in source.others:
            sql, other_params = queryset.query.sql_with_params()
            others.append(_WHOLE.format(read=sql))
            params.extend(other_params)
        joined = " || '|' || ".join(others) or "''"
        if source.read is None:
            columns.append(f"ARRAY[md5({joined})]")
            continue
        sql, read_params = source.read.query.sql_with_params()
        params.extend(read_params)
        columns.append(
            _CHUNKS.format(
                others=joined,
                chunk=CHUNK if source.order else 2**31 - 1,
                over=f"ORDER BY {source.order}" if source.order else "",
                read=sql,
            )
        )
    return "SELECT " + ", ".join(columns), params


class Digests:
    """The chunks' digests of the sources `make(*values)` reads, with the reads built and
    compiled to one statement once per process, for stand-in values, and run with each call's
    own values in their places: building and compiling a dozen querysets cost a small feed more
    than PostgreSQL's answer to them. Each stand-in must be a value no read holds of its own
    (an id no row has, a moment in 1901): where the compiled statement's parameters hold one,
    the call's value goes."""

    def __init__(self, make: Callable[..., Sequence[Source | None]], *stand_ins: Any) -> None:
        self._make = make
        self._stand_ins = stand_ins
        self._compiled: tuple[str, list[Any], list[int | None], list[bool]] | None = None

    def _compile(self) -> tuple[str, list[Any], list[int | None], list[bool]]:
        sources = self._make(*self._stand_ins)
        sql, params = statement(sources)
        slots = [self._slot(param) for param in params]
        assert any(slot is not None for slot in slots), "the reads ignore every value"
        return sql, params, slots, [source is not None for source in sources]

    def _slot(self, param: Any) -> int | None:
        for index, stand_in in enumerate(self._stand_ins):
            if type(param) is type(stand_in) and param == stand_in:
                return index
        return None

    def __call__(self, *values: Any) -> list[list[str] | None]:
        if self._compiled is None:
            self._compiled = self._compile()
        sql, constants, slots, present = self._compiled
        params = [
            constant if slot is None else values[slot]
            for constant, slot in zip(constants, slots, strict=True)
        ]
        found: list[list[str] | None] = []
        if any(present):
            with connection.cursor() as cursor:
                cursor.execute(sql, params)
                found = list(cursor.fetchone())
        answers = iter(found)
        return [(next(answers) or []) if there else None for there in present]
