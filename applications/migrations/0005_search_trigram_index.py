"""A trigram index for the applications table's search (applications/search.py), on PostgreSQL
only: SQLite, used by `make run`, has no pg_trgm and doesn't need it at its size."""

from django.db import migrations

INDEX = (
    "CREATE INDEX IF NOT EXISTS application_search_trgm_idx ON applications_application "
    'USING gin ((UPPER("applications_application"."role" || \' \' || '
    '"applications_application"."location" || \' \' || '
    '"applications_application"."notes")) gin_trgm_ops)'
)


def forwards(apps, schema_editor):
    if schema_editor.connection.vendor != "postgresql":
        return
    # pg_trgm is a trusted extension (PostgreSQL 13+): the database's owner may create it.
    schema_editor.execute("CREATE EXTENSION IF NOT EXISTS pg_trgm")
    schema_editor.execute(INDEX)


def backwards(apps, schema_editor):
    if schema_editor.connection.vendor == "postgresql":
        schema_editor.execute("DROP INDEX IF EXISTS application_search_trgm_idx")


class Migration(migrations.Migration):
    dependencies = [("applications", "0004_board_index")]
    operations = [migrations.RunPython(forwards, backwards)]
