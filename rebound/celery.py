"""The one Celery app; the beat schedule lives here and nowhere else."""

import os

from celery import Celery

os.environ.setdefault("DJANGO_SETTINGS_MODULE", "rebound.settings")

app = Celery("rebound")
app.config_from_object("django.conf:settings", namespace="CELERY")
app.autodiscover_tasks()

# One static entry: reminders are rows in the database, never ETA tasks (see docs/reminders.md).
app.conf.beat_schedule = {
    "dispatch-due-reminders": {
        "task": "reminders.tasks.dispatch_reminders",
        "schedule": 60.0,
        "options": {"expires": 55},
    },
}
