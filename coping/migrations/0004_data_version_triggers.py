"""Plans, their widen-the-net goals and the journal bump their owner's data version
(rebound.models.DataVersion) in the same transaction as any change: Insights' numbers are
cached by it (rebound.fragments)."""

from django.db import migrations

from rebound.triggers import watching

WATCHED = {
    "coping_copingplan": "SELECT owner_id AS owner FROM {changed}",
    "coping_journalentry": "SELECT owner_id AS owner FROM {changed}",
    "coping_netgoal": (
        "SELECT p.owner_id AS owner FROM {changed} AS c "
        "JOIN coping_copingplan AS p ON p.id = c.plan_id"
    ),
}


class Migration(migrations.Migration):
    dependencies = [
        ("coping", "0003_plan_list_index"),
        ("rebound", "0003_data_version"),
    ]
    operations = [watching(WATCHED)]
