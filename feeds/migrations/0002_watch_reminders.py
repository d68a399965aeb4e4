"""Reminders bump their owner's data version (rebound.models.DataVersion) in the same
transaction as any change: the calendar feed shows them and is cached by that version
(feeds.views). Everything else it shows (interviews, applications, companies, plans) is
watched already."""

from django.db import migrations

from rebound.triggers import watching

WATCHED = {"reminders_reminder": "SELECT owner_id AS owner FROM {changed}"}


class Migration(migrations.Migration):
    dependencies = [
        ("feeds", "0001_calendar_feed"),
        ("reminders", "0001_initial"),
        ("rebound", "0003_data_version"),
    ]
    operations = [watching(WATCHED)]
