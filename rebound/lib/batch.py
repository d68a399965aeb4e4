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

`raw(model, sql, params)` is `model.objects.raw(sql, params)` read the same way: each row
built into an instance as raw() builds it (its columns' names from the result), without
raw()'s setting up, which cost more than building nine rows (issue 24's tenth pass).
"""

from collections.abc import Iterable, Iterator, Mapping, Sequence
from contextlib import contextmanager
from contextvars import ContextVar
from typing import Any, TypeVar

from django.db import DEFAULT_DB_ALIAS, connection
from django.db.models import Model

Params = Sequence[Any] | Mapping[str, Any]
Rows = list[tuple[Any, ...]]
M = TypeVar("M", bound=Model)

# Each statement's key (`_key`) → its columns' names and its rows, while a `together` block
# runs.
_fetched: ContextVar[dict[str, tuple[list[str], Rows]] | None] = ContextVar(
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
    fetched: dict[str, tuple[list[str], Rows]] = {}
    with connection.cursor() as cursor:
        cursor.execute(";\n".join(cursor.cursor.mogrify(sql, params) for sql, params in statements))
        for sql, params in statements:
            fetched[_key(sql, params)] = (_names(cursor), cursor.fetchall())
            cursor.nextset()
    token = _fetched.set(fetched)
    try:
        yield
    finally:
        _fetched.reset(token)


def fetch(sql: str, params: Params) -> Rows:
    """The rows of one statement: from the `together` block that sent it, else read now."""
    return _described(sql, params)[1]


def raw(model: type[M], sql: str, params: Params) -> list[M]:
    """`list(model.objects.raw(sql, params))`, from the `together` block that sent it on
    PostgreSQL: a column of one of the model's fields (by its column's name) goes to the instance
    through the field's from_db_value, if it has one (psycopg gives the rest as the model
    holds them), and any other column is set on it by name. Elsewhere raw() itself (SQLite
    gives dates and instants as text, which raw() converts)."""
    if connection.vendor != "postgresql":
        return list(model._default_manager.raw(sql, params))
    names, rows = _described(sql, params)
    # A field's column by its name, as raw() finds them.
    fields = {field.column: (i, field) for i, field in enumerate(model._meta.concrete_fields)}
    # The model's columns in the model's order, as Model.from_db takes them.
    own = sorted((fields[name][0], at) for at, name in enumerate(names) if name in fields)
    attnames = [fields[names[at]][1].attname for _, at in own]
    converters = [
        (n, convert)
        for n, (_, at) in enumerate(own)
        if (convert := getattr(fields[names[at]][1], "from_db_value", None)) is not None
    ]
    extra = [(at, name) for at, name in enumerate(names) if name not in fields]
    built = []
    for row in rows:
        values = [row[at] for _, at in own]
        for n, convert in converters:
            values[n] = convert(values[n], None, connection)
        instance = model.from_db(DEFAULT_DB_ALIAS, attnames, values)
        for at, name in extra:
            setattr(instance, name, row[at])
        built.append(instance)
    return built


def _described(sql: str, params: Params) -> tuple[list[str], Rows]:
    fetched = _fetched.get()
    if fetched is not None and (key := _key(sql, params)) in fetched:
        return fetched.pop(key)
    with connection.cursor() as cursor:
        cursor.execute(sql, params)
        return _names(cursor), cursor.fetchall()


def _names(cursor: Any) -> list[str]:
    # A column's name comes first in its description (DB-API), psycopg's and sqlite3's alike.
    return [column[0] for column in cursor.description or ()]
