"""To-dos bump their owner's data version (rebound.models.DataVersion) in the same transaction
as any change: the calendar feed shows them and is cached by that version (feeds.views)."""

from django.db import migrations

from rebound.triggers import watching

WATCHED = {"todos_todo": "SELECT owner_id AS owner FROM {changed}"}


class Migration(migrations.Migration):
    dependencies = [
        ("todos", "0001_todo"),
        ("rebound", "0003_data_version"),
    ]
    operations = [watching(WATCHED)]
