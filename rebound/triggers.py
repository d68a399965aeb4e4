"""SQL for the triggers that keep rebound_dataversion (see rebound.models.DataVersion).

Migrations add `watching({table: owner_sql, …})`, which calls `watch(schema_editor, table,
owner_sql)` for each table whose rows a user's
cached pages show. `owner_sql` selects the owners' ids, as `owner`, from the changed rows,
written `{changed}`: `SELECT owner_id AS owner FROM {changed}`, or through a join for a table
without an owner column.

PostgreSQL only: statement-level triggers with transition tables, so a bulk insert of 5,000
rows bumps the version once, not 5,000 times. On SQLite (`make run`, one demo user) nothing
is cached (rebound.fragments), so nothing needs a version.
"""

from collections.abc import Iterator
from typing import Any

from django.db import migrations
from django.db.migrations.loader import MigrationLoader

_BUMP = (
    "INSERT INTO rebound_dataversion (user_id, version) "
    "SELECT DISTINCT owner, 1 FROM ({owners}) AS o WHERE owner IS NOT NULL "
    "ON CONFLICT (user_id) DO UPDATE SET version = rebound_dataversion.version + 1"
)
_EVENTS = (("INSERT", "NEW"), ("UPDATE", "NEW"), ("DELETE", "OLD"))


def watch(schema_editor: Any, table: str, owner_sql: str) -> None:
    if schema_editor.connection.vendor == "postgresql":
        function = f"rebound_bump_{table}"
        schema_editor.execute(
            f"CREATE OR REPLACE FUNCTION {function}() RETURNS trigger LANGUAGE plpgsql AS $$ "
            f"BEGIN {_BUMP.format(owners=owner_sql.format(changed='changed'))}; "
            "RETURN NULL; END $$"
        )
        for (event, side), name in zip(_EVENTS, trigger_names(table), strict=True):
            schema_editor.execute(f"DROP TRIGGER IF EXISTS {name} ON {table}")
            schema_editor.execute(
                f"CREATE TRIGGER {name} AFTER {event} ON {table} "
                f"REFERENCING {side} TABLE AS changed "
                f"FOR EACH STATEMENT EXECUTE FUNCTION {function}()"
            )


def unwatch(schema_editor: Any, table: str) -> None:
    drop(schema_editor, table, trigger_names(table), f"rebound_bump_{table}")


def drop(schema_editor: Any, table: str, names: list[str], function: str) -> None:
    """Drop a table's triggers (`names`) and the function they ran (PostgreSQL only)."""
    if schema_editor.connection.vendor != "postgresql":
        return
    for name in names:
        schema_editor.execute(f"DROP TRIGGER IF EXISTS {name} ON {table}")
    schema_editor.execute(f"DROP FUNCTION IF EXISTS {function}()")


class TableTriggers(migrations.RunPython):
    """A migration operation that makes, per table, the triggers `install` makes, and takes
    them away with `remove`. It keeps the tables and what it was given for each (`tables`), so
    a system check can list what the applied migrations made and find a trigger the database
    lost."""

    def __init__(self, tables: dict[str, Any]) -> None:
        self.tables = dict(tables)

        def forwards(apps: Any, schema_editor: Any) -> None:
            for table, given in self.tables.items():
                self.install(schema_editor, table, given)

        def backwards(apps: Any, schema_editor: Any) -> None:
            for table in self.tables:
                self.remove(schema_editor, table)

        super().__init__(forwards, backwards)

    def install(self, schema_editor: Any, table: str, given: Any) -> None:
        raise NotImplementedError

    def remove(self, schema_editor: Any, table: str) -> None:
        raise NotImplementedError

    def deconstruct(self) -> tuple[str, list[Any], dict[str, Any]]:
        # Rebuilt from its tables (squashmigrations writes it so), not from the closures.
        return self.__class__.__qualname__, [self.tables], {}


class Watching(TableTriggers):
    """The operation that watches tables ({table: owner_sql})."""

    def install(self, schema_editor: Any, table: str, given: Any) -> None:
        watch(schema_editor, table, given)

    def remove(self, schema_editor: Any, table: str) -> None:
        unwatch(schema_editor, table)


def watching(tables: dict[str, str]) -> Watching:
    """A migration operation that watches each table ({table: owner_sql}), reversibly."""
    return Watching(tables)


def made_by(migrations_applied: Any, kind: type[TableTriggers]) -> Iterator[tuple[Any, Any]]:
    """(migration, operation) for each operation of this kind in these migrations (Migration
    objects), in their order."""
    for migration in migrations_applied:
        for operation in migration.operations:
            if isinstance(operation, kind):
                yield migration, operation


def watched_tables(migrations_applied: Any) -> dict[str, str]:
    """{table: "app.migration" that watches it} for these migrations (Migration objects)."""
    tables: dict[str, str] = {}
    for migration, operation in made_by(migrations_applied, Watching):
        tables.update(dict.fromkeys(operation.tables, f"{migration.app_label}.{migration.name}"))
    return tables


def trigger_names(table: str) -> list[str]:
    return [f"{table}_{event.lower()}_bumps_version" for event, _ in _EVENTS]


def missing(connection: Any, tables: list[str]) -> list[str]:
    """The version triggers of these tables that the database lacks (a table rebuilt by hand
    would have lost them), for the system check rebound.E002."""
    return lacking(connection, [name for table in tables for name in trigger_names(table)])


def lacking(connection: Any, names: list[str]) -> list[str]:
    """Those of these triggers the database lacks (none off PostgreSQL, which has none)."""
    if connection.vendor != "postgresql":
        return []
    with connection.cursor() as cursor:
        cursor.execute("SELECT tgname FROM pg_trigger WHERE tgname = ANY(%s)", [names])
        present = {row[0] for row in cursor.fetchall()}
    return [name for name in names if name not in present]


def applied_migrations(connection: Any) -> list[Any]:
    """The Migration objects applied to this database (DatabaseError before `migrate`)."""
    loader = MigrationLoader(connection, ignore_no_migrations=True)
    return [
        loader.disk_migrations[key]
        for key in loader.applied_migrations
        if key in loader.disk_migrations
    ]
