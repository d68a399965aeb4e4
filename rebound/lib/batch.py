"""Read statements sent to PostgreSQL together, in one round trip.

A page that makes ten small reads spends more on each one's trip (Django's cursor, psycopg,
the socket) than PostgreSQL spends answering it: Insights' ten cost 5.6 ms from Python for a
small search, 3.6 ms sent as one (docs/performance.md, issue 24's ninth pass). So a caller
that knows what it will read names the statements first, `together(...)`, and the code that
reads them stays as it was, asking `fetch(sql, params)` for its rows: a statement sent with
the others is answered from what came back, any other is run then.

Django's PostgreSQL cursor binds parameters on the client (psycopg's ClientCursor), so a
statement is sent as its text with the values written in; several such texts joined by ";"
run in one call, and psycopg returns each result in turn. A `fetch` is matched by its SQL and
its values as Python writes them (`_key`): both sides build them with the same code, and the
lookup needs no cursor. Elsewhere (SQLite) `together` sends nothing ahead.
"""

from collections.abc import Iterable, Iterator, Mapping, Sequence
from contextlib import contextmanager
from contextvars import ContextVar
from typing import Any

from django.db import connection

Params = Sequence[Any] | Mapping[str, Any]

# Each statement's key (`_key`) → its rows, while a `together` block runs.
_fetched: ContextVar[dict[str, list[tuple[Any, ...]]] | None] = ContextVar(
    "batch_fetched", default=None
)


def _key(sql: str, params: Params) -> str:
    return f"{sql}\0{params!r}"


@contextmanager
def together(statements: Iterable[tuple[str, Params]]) -> Iterator[None]:
    """Send `statements` (sql, params) in one round trip; within the block, `fetch` of any of
    them returns its rows from what came back, once."""
    statements = list(statements)
    if connection.vendor != "postgresql" or not statements:
        yield
        return
    fetched: dict[str, list[tuple[Any, ...]]] = {}
    with connection.cursor() as cursor:
        cursor.execute(";\n".join(cursor.cursor.mogrify(sql, params) for sql, params in statements))
        for sql, params in statements:
            fetched[_key(sql, params)] = cursor.fetchall()
            cursor.nextset()
    token = _fetched.set(fetched)
    try:
        yield
    finally:
        _fetched.reset(token)


def fetch(sql: str, params: Params) -> list[tuple[Any, ...]]:
    """The rows of one statement: from the `together` block that sent it, else read now."""
    fetched = _fetched.get()
    if fetched is not None and (key := _key(sql, params)) in fetched:
        return fetched.pop(key)
    with connection.cursor() as cursor:
        cursor.execute(sql, params)
        return cursor.fetchall()
