"""The feed's own version (feeds.stamps): a number on its row that database triggers bump when
a row the feed reads changes in a column it reads. The columns are the ones the feed's digests
read (feeds.digests), held equal to them by tests/feeds/test_feed_stamps.py."""

from django.db import migrations, models

from feeds.stamps import stamping

STAMPED = {
    "interviews_interview": (
        "owner_id",
        [
            "application_id",
            "round_type",
            "starts_at",
            "ends_at",
            "location",
            "promised_reply_by",
            "created_at",
            "updated_at",
        ],
    ),
    "todos_todo": (
        "owner_id",
        ["application_id", "title", "due_on", "done_at", "created_at", "updated_at"],
    ),
    "reminders_reminder": (
        "owner_id",
        ["kind", "subject_id", "status", "local_date", "due_at", "version", "updated_at"],
    ),
    "applications_application": ("owner_id", ["company_id", "role"]),
    "applications_company": ("owner_id", ["name"]),
    "applications_contact": ("owner_id", ["name"]),
    "coping_copingplan": ("owner_id", ["application_id"]),
    "offers_offer": ("owner_id", ["application_id"]),
    "people_keepwarm": ("owner_id", ["contact_id"]),
    "weekly_weeklyletter": ("user_id", []),
}


class Migration(migrations.Migration):
    dependencies = [
        ("feeds", "0003_watch_line_subjects"),
        ("interviews", "0007_labels"),
        ("todos", "0002_watch_todos"),
        ("reminders", "0002_labels"),
        ("coping", "0006_incident_germany_and_labels"),
    ]
    operations = [
        migrations.AddField(
            model_name="calendarfeed",
            name="content_version",
            field=models.BigIntegerField(default=0, editable=False),
        ),
        stamping(STAMPED),
    ]
