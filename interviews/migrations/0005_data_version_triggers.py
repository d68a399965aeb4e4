"""Interviews and self-assessments bump their owner's data version (rebound.models.DataVersion)
in the same transaction as any change: Insights' numbers are cached by it
(rebound.fragments)."""

from django.db import migrations

from rebound.triggers import watching

WATCHED = {
    "interviews_interview": "SELECT owner_id AS owner FROM {changed}",
    "interviews_selfassessment": (
        "SELECT i.owner_id AS owner FROM {changed} AS c "
        "JOIN interviews_interview AS i ON i.id = c.interview_id"
    ),
}


class Migration(migrations.Migration):
    dependencies = [
        ("interviews", "0004_updated_at"),
        ("rebound", "0003_data_version"),
    ]
    operations = [watching(WATCHED)]
