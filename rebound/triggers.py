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

from typing import Any

from django.db import migrations

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
    if schema_editor.connection.vendor != "postgresql":
        return
    for name in trigger_names(table):
        schema_editor.execute(f"DROP TRIGGER IF EXISTS {name} ON {table}")
    schema_editor.execute(f"DROP FUNCTION IF EXISTS rebound_bump_{table}()")


class Watching(migrations.RunPython):
    """The migration operation that watches tables. It keeps their names (`tables`), so the
    system check in rebound.checks can list what the applied migrations watch and find a
    trigger the database lost."""

    def __init__(self, tables: dict[str, str]) -> None:
        self.tables = dict(tables)

        def forwards(apps: Any, schema_editor: Any) -> None:
            for table, owners in self.tables.items():
                watch(schema_editor, table, owners)

        def backwards(apps: Any, schema_editor: Any) -> None:
            for table in self.tables:
                unwatch(schema_editor, table)

        super().__init__(forwards, backwards)

    def deconstruct(self) -> tuple[str, list[Any], dict[str, Any]]:
        # Rebuilt from its tables (squashmigrations writes it so), not from the closures.
        return self.__class__.__qualname__, [self.tables], {}


def watching(tables: dict[str, str]) -> Watching:
    """A migration operation that watches each table ({table: owner_sql}), reversibly."""
    return Watching(tables)


def watched_tables(migrations_applied: Any) -> dict[str, str]:
    """{table: "app.migration" that watches it} for these migrations (Migration objects)."""
    tables: dict[str, str] = {}
    for migration in migrations_applied:
        for operation in migration.operations:
            if isinstance(operation, Watching):
                tables.update(
                    dict.fromkeys(operation.tables, f"{migration.app_label}.{migration.name}")
                )
    return tables


def trigger_names(table: str) -> list[str]:
    return [f"{table}_{event.lower()}_bumps_version" for event, _ in _EVENTS]


def missing(connection: Any, tables: list[str]) -> list[str]:
    """The version triggers of these tables that the database lacks (a table rebuilt by hand
    would have lost them), for the system check rebound.E002."""
    if connection.vendor != "postgresql":
        return []
    with connection.cursor() as cursor:
        cursor.execute("SELECT tgname FROM pg_trigger WHERE tgname LIKE %s", ["%_bumps_version"])
        present = {row[0] for row in cursor.fetchall()}
    return [name for table in tables for name in trigger_names(table) if name not in present]
