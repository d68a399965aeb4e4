# The posting's text kept with an application (applications.Posting): its table with its
# bounds, the trigram index the table's search reads it through (PostgreSQL only; SQLite, for
# `make run`, scans), and the data-version triggers, since a search's cached page shows it.

import django.db.models.deletion
import django.db.models.functions.text
import django.db.models.lookups
from django.db import migrations, models

from rebound.triggers import watching

# Must stay the expression of `text__icontains` (applications.search).
INDEX = (
    "CREATE INDEX IF NOT EXISTS posting_text_trgm_idx ON applications_posting "
    'USING gin ((UPPER("applications_posting"."text")) gin_trgm_ops)'
)


def forwards(apps, schema_editor):
    if schema_editor.connection.vendor != "postgresql":
        return
    schema_editor.execute("CREATE EXTENSION IF NOT EXISTS pg_trgm")
    schema_editor.execute(INDEX)


def backwards(apps, schema_editor):
    if schema_editor.connection.vendor == "postgresql":
        schema_editor.execute("DROP INDEX IF EXISTS posting_text_trgm_idx")


class Migration(migrations.Migration):
    dependencies = [
        ("applications", "0013_company_address_application_applied_via"),
        ("rebound", "0003_data_version"),
    ]

    operations = [
        migrations.CreateModel(
            name="Posting",
            fields=[
                (
                    "application",
                    models.OneToOneField(
                        on_delete=django.db.models.deletion.CASCADE,
                        primary_key=True,
                        related_name="posting",
                        serialize=False,
                        to="applications.application",
                        verbose_name="application",
                    ),
                ),
                ("text", models.TextField(verbose_name="the posting")),
                (
                    "origin",
                    models.CharField(
                        choices=[
                            ("bookmarklet", "Read from the posting’s page"),
                            ("pasted", "Pasted"),
                            ("imported", "Imported"),
                        ],
                        max_length=20,
                        verbose_name="from",
                    ),
                ),
                ("updated_at", models.DateTimeField(auto_now=True, verbose_name="updated")),
            ],
            options={
                "verbose_name": "posting",
                "verbose_name_plural": "postings",
                "constraints": [
                    models.CheckConstraint(
                        condition=models.Q(
                            django.db.models.lookups.GreaterThan(
                                django.db.models.functions.text.Length("text"), 0
                            ),
                            django.db.models.lookups.LessThanOrEqual(
                                django.db.models.functions.text.Length("text"), 100000
                            ),
                        ),
                        name="posting_text_bounded",
                    ),
                    models.CheckConstraint(
                        condition=models.Q(("origin__in", ["bookmarklet", "pasted", "imported"])),
                        name="posting_origin_known",
                    ),
                ],
            },
        ),
        migrations.RunPython(forwards, backwards),
        watching(
            {
                "applications_posting": (
                    "SELECT a.owner_id AS owner FROM {changed} AS c "
                    "JOIN applications_application AS a ON a.id = c.application_id"
                )
            }
        ),
    ]
