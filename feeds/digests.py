"""Digests of reads, computed by PostgreSQL without sending their rows: what the calendar
feed's sections are cached by (feeds.calendar)."""

from collections.abc import Callable, Sequence
from typing import Any

from django.db import connection
from django.db.models import QuerySet

# Each read's rows, each hashed whole by PostgreSQL's own hash of its columns' values (two
# 64-bit hashes with two seeds: 128 bits a row; the columns' values, not their text, so a
# timestamp is hashed as the number it is stored as, where writing each one out as text took
# most of a heavy feed's digests), in the order the read gives them, joined, then hashed. An
# empty read hashes as "-", which no md5 is. PostgreSQL aggregates a sorted subquery's rows in
# that order; were it ever otherwise, the same rows would hash differently: a needless rebuild,
# never a stale one, since the rows themselves decide their order in the feed.
_ROW = "hash_record_extended(r, 0) || ':' || hash_record_extended(r, 1)"
_ONE = "coalesce((SELECT md5(string_agg(" + _ROW + ", ',')) FROM ({}) r), '-')"

Groups = Sequence[Sequence[QuerySet] | None]


def statement(groups: Groups) -> tuple[str, list[Any]]:
    """One query answering one digest per group of reads (of all their rows, in order); a group
    that is None (nothing can stand for it) has none."""
    columns: list[str] = []
    params: list[Any] = []
    for group in groups:
        if group is None:
            continue
        hashed = []
        for queryset in group:
            sql, read_params = queryset.query.sql_with_params()
            hashed.append(_ONE.format(sql))
            params.extend(read_params)
        columns.append("md5(" + (" || '|' || ".join(hashed) or "''") + ")")
    return "SELECT " + ", ".join(columns), params


class Digests:
    """The digests of the groups `make(*values)` reads, with the reads built and compiled to one
    statement once per process, for stand-in values, and run with each call's own values in
    their places: building and compiling a dozen querysets cost a small feed more than
    PostgreSQL's answer to them. Each stand-in must be a value no read holds of its own (an id
    no row has, a moment in 1901): where the compiled statement's parameters hold one, the
    call's value goes."""

    def __init__(self, make: Callable[..., Groups], *stand_ins: Any) -> None:
        self._make = make
        self._stand_ins = stand_ins
        self._compiled: tuple[str, list[Any], list[int | None], list[bool]] | None = None

    def _compile(self) -> tuple[str, list[Any], list[int | None], list[bool]]:
        groups = self._make(*self._stand_ins)
        sql, params = statement(groups)
        slots = [self._slot(param) for param in params]
        assert any(slot is not None for slot in slots), "the reads ignore every value"
        return sql, params, slots, [group is not None for group in groups]

    def _slot(self, param: Any) -> int | None:
        for index, stand_in in enumerate(self._stand_ins):
            if type(param) is type(stand_in) and param == stand_in:
                return index
        return None

    def __call__(self, *values: Any) -> list[str | None]:
        if self._compiled is None:
            self._compiled = self._compile()
        sql, constants, slots, present = self._compiled
        params = [
            constant if slot is None else values[slot]
            for constant, slot in zip(constants, slots, strict=True)
        ]
        found: list[str] = []
        if any(present):
            with connection.cursor() as cursor:
                cursor.execute(sql, params)
                found = list(cursor.fetchone())
        answers = iter(found)
        return [next(answers) if there else None for there in present]
