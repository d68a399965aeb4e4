"""The rest of what the calendar feed's reminder lines name bumps its owner's data version too:
a keep-warm nudge says its contact's name, and an offer's deadline, a keep-warm nudge and a
weekly letter are each found by their own row (reminders.selectors.line_sources). The feed's
copy is cached by that version (feeds.views): without these, a contact renamed on the contacts
page stayed under its old name in calendars until the next day. tests/feeds/
test_feed_watched.py holds every table the feed reads watched."""

from django.db import migrations

from rebound.triggers import watching

WATCHED = {
    "applications_contact": "SELECT owner_id AS owner FROM {changed}",
    "offers_offer": "SELECT owner_id AS owner FROM {changed}",
    "people_keepwarm": "SELECT owner_id AS owner FROM {changed}",
    "weekly_weeklyletter": "SELECT user_id AS owner FROM {changed}",
}


class Migration(migrations.Migration):
    dependencies = [
        ("feeds", "0002_watch_reminders"),
        ("applications", "0015_savedview"),
        ("offers", "0001_initial"),
        ("people", "0001_initial"),
        ("weekly", "0001_initial"),
        ("rebound", "0003_data_version"),
    ]
    operations = [watching(WATCHED)]
