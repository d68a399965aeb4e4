"""The timeline (status changes) bumps its owner's data version too: Insights counts stages
from it, and its numbers are cached by that version (rebound.fragments)."""

from django.db import migrations

from rebound.triggers import watching

WATCHED = {
    "applications_statuschange": (
        "SELECT a.owner_id AS owner FROM {changed} AS c "
        "JOIN applications_application AS a ON a.id = c.application_id"
    ),
}


class Migration(migrations.Migration):
    dependencies = [("applications", "0007_data_version_triggers")]
    operations = [watching(WATCHED)]
