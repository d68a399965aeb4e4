"""The one Celery app; the beat schedule lives here and nowhere else."""

import gc
import os
from typing import Any

from celery import Celery
from celery.signals import worker_process_init, worker_ready

os.environ.setdefault("DJANGO_SETTINGS_MODULE", "rebound.settings")

app = Celery("rebound")
app.config_from_object("django.conf:settings", namespace="CELERY")
app.autodiscover_tasks()
# The import's tasks live in a package of their own inside applications.
app.autodiscover_tasks(["applications.imports"])

# Static entries only. Reminders are rows in the database, never ETA tasks (docs/reminders.md):
# one entry dispatches those due. Each entry names its task, as the project's URLs name each
# app's urls: the core imports no app. tests/rebound/test_checks.py fails on a name no app's
# task has.
app.conf.beat_schedule = {
    "dispatch-due-reminders": {
        "task": "reminders.tasks.dispatch_reminders",
        "schedule": 60.0,
        "options": {"expires": 55},
    },
    # Uploaded import files left for 30 days are forgotten, and imports whose worker was
    # lost marked failed (applications.imports.services.work; the task kept its registered name).
    "forget-stale-imports": {
        "task": "applications.tasks.imports_forget_stale_task",
        "schedule": 24 * 3600.0,
        "options": {"expires": 3600},
    },
    # Raw emails past the time their owner chose are forgotten; their facts stay (mailin).
    "forget-old-raw-mail": {
        "task": "mailin.tasks.inbound_messages_forget_raw_task",
        "schedule": 24 * 3600.0,
        "options": {"expires": 3600},
    },
    # Connected IMAP folders are read for new mail every few minutes (mailin.services.sources).
    "poll-imap-folders": {
        "task": "mailin.tasks.imap_accounts_poll_task",
        "schedule": 300.0,
        "options": {"expires": 240},
    },
    # A keep-warm nudge left alone after it went out is planned again (people.services).
    "rearm-keep-warm": {
        "task": "people.tasks.keep_warm_rearm_task",
        "schedule": 24 * 3600.0,
        "options": {"expires": 3600},
    },
    # Next week's letter for each weekly letter that is on and has none scheduled
    # (weekly.services.letters_top_up): the engine has no hook after a send.
    "weekly-letters-top-up": {
        "task": "weekly.tasks.weekly_letters_top_up",
        "schedule": 3600.0,
        "options": {"expires": 3300},
    },
}


@worker_process_init.connect  # each process of a prefork pool, once forked
@worker_ready.connect  # the worker's own process (where a solo pool runs its tasks)
def _freeze_startup_heap(**_: Any) -> None:
    # As rebound/wsgi.py does for web workers: what is loaded by now lives as long as the
    # process, so the garbage collector's full passes needn't walk it again and again.
    gc.freeze()
