"""The calendar feed's own version (CalendarFeed.content_version): bumped by database triggers
when a row the feed reads changes in a column it reads, and by nothing else.

Its owner's data version (rebound.models.DataVersion) moves with any change: a status, a note,
a journal entry. The feed shows none of those, yet its cached copy (feeds.views) was keyed by
that version, so the first fetch after each of them read the digests of every row the feed
shows (feeds.digests: ~1,900 rows and their joins for a heavy search) only to find nothing
changed. Keyed by this version instead, a calendar's fetch after such a change finds the copy
it was built from: one query and one cache read, whatever the feed's size.

Migrations add `stamping({table: (owner column, columns)})`. A row inserted or deleted bumps
its owner's feed; a row updated bumps it when one of those columns differs (or its owner's
column: both owners' feeds). The columns are the ones the feed's digests read
(tests/feeds/test_feed_stamps.py reads them off the digests' statement and holds every one
stamped), so a change that would change a digest always bumps, and the digests still decide
which chunks to build again.

Every stamped table is watched by the data version as well (test_feed_watched.py), and these
triggers are named to fire after its trigger ("…_bumps_version" sorts before
"…_bumps_version_of_feed"): every transaction locks a user's data version before their feed,
in that order, so two never wait on each other's. PostgreSQL only, like the data version: on
SQLite nothing is cached.
"""

from typing import Any

from rebound.triggers import TableTriggers, drop, made_by

_EVENTS = ("INSERT", "UPDATE", "DELETE")
_BUMP = (
    "UPDATE feeds_calendarfeed SET content_version = content_version + 1"
    " WHERE user_id IN ({owners})"
)


def trigger_names(table: str) -> list[str]:
    return [f"{table}_{event.lower()}_bumps_version_of_feed" for event in _EVENTS]


def _function(table: str, owner: str, columns: list[str]) -> str:
    old = ", ".join(f"o.{column}" for column in [owner, *columns])
    new = ", ".join(f"n.{column}" for column in [owner, *columns])
    changed = f"old_rows o JOIN new_rows n ON n.id = o.id WHERE ({old}) IS DISTINCT FROM ({new})"
    updated = f"SELECT o.{owner} FROM {changed} UNION SELECT n.{owner} FROM {changed}"
    # Each branch names only its event's transition tables: PL/pgSQL plans a statement when it
    # first runs, so the others' are never looked up.
    return (
        f"CREATE OR REPLACE FUNCTION feeds_stamp_{table}() RETURNS trigger"
        " LANGUAGE plpgsql AS $$ BEGIN"
        f" IF TG_OP = 'UPDATE' THEN {_BUMP.format(owners=updated)};"
        f" ELSIF TG_OP = 'INSERT' THEN {_BUMP.format(owners=f'SELECT {owner} FROM new_rows')};"
        f" ELSE {_BUMP.format(owners=f'SELECT {owner} FROM old_rows')};"
        " END IF; RETURN NULL; END $$"
    )


def stamp(schema_editor: Any, table: str, owner: str, columns: list[str]) -> None:
    if schema_editor.connection.vendor != "postgresql":
        return
    schema_editor.execute(_function(table, owner, columns))
    transitions = {
        "INSERT": "NEW TABLE AS new_rows",
        "UPDATE": "OLD TABLE AS old_rows NEW TABLE AS new_rows",
        "DELETE": "OLD TABLE AS old_rows",
    }
    for event, name in zip(_EVENTS, trigger_names(table), strict=True):
        schema_editor.execute(f"DROP TRIGGER IF EXISTS {name} ON {table}")
        schema_editor.execute(
            f"CREATE TRIGGER {name} AFTER {event} ON {table} REFERENCING {transitions[event]}"
            f" FOR EACH STATEMENT EXECUTE FUNCTION feeds_stamp_{table}()"
        )


def unstamp(schema_editor: Any, table: str) -> None:
    drop(schema_editor, table, trigger_names(table), f"feeds_stamp_{table}")


class Stamping(TableTriggers):
    """The migration operation that stamps tables: {table: (owner column, columns)}. It keeps
    them (`tables`), so a test can hold them against what the feed reads."""

    def install(self, schema_editor: Any, table: str, given: Any) -> None:
        owner, columns = given
        stamp(schema_editor, table, owner, list(columns))

    def remove(self, schema_editor: Any, table: str) -> None:
        unstamp(schema_editor, table)


def stamping(tables: dict[str, tuple[str, list[str]]]) -> Stamping:
    """A migration operation stamping each table ({table: (owner column, columns)})."""
    return Stamping(tables)


def stamped_columns(migrations_applied: Any) -> dict[str, tuple[str, list[str]]]:
    """{table: (owner column, columns)} as these migrations (Migration objects) leave them."""
    tables: dict[str, tuple[str, list[str]]] = {}
    for _migration, operation in made_by(migrations_applied, Stamping):
        tables.update(operation.tables)
    return tables
