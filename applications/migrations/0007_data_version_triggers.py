"""Every change to what the applications table and the board show bumps its owner's data
version (rebound.models.DataVersion), in the same transaction: the cached fragments of those
pages (rebound.fragments) are keyed by it."""

from django.db import migrations

from rebound.triggers import watching

# Each table, and how to find the owners of its changed rows.
WATCHED = {
    "applications_application": "SELECT owner_id AS owner FROM {changed}",
    "applications_company": "SELECT owner_id AS owner FROM {changed}",
    "applications_tag": "SELECT owner_id AS owner FROM {changed}",
    "applications_application_tags": (
        "SELECT a.owner_id AS owner FROM {changed} AS c "
        "JOIN applications_application AS a ON a.id = c.application_id"
    ),
}


class Migration(migrations.Migration):
    dependencies = [
        ("applications", "0006_weekly_index"),
        ("rebound", "0003_data_version"),
    ]
    operations = [watching(WATCHED)]
