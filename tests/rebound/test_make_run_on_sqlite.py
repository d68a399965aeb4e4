"""`make run` uses SQLite: the pages and the reminder path must work there too, though the
suite's database is PostgreSQL (the board's query and the sent mark have a path for each)."""

import os
import subprocess
import sys
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parents[2]

SCRIPT = r"""
import datetime as dt
import django
django.setup()
from django.conf import settings
settings.ALLOWED_HOSTS = ["*"]
settings.EMAIL_BACKEND = "django.core.mail.backends.locmem.EmailBackend"
from django.core import mail
from django.core.management import call_command
from django.test import Client
from django.utils import timezone

call_command("migrate", verbosity=0)
call_command("seed_demo", verbosity=0)
from applications.models import Application
from rebound.models import User
from reminders.dispatch_services import reminders_dispatch
from reminders.models import Reminder

user = User.objects.get(email="demo@rebound.example")
client = Client()
client.force_login(user)
application = Application.objects.filter(owner=user, status="applied").first()
for url in ["/home/", "/applications/", "/applications/?q=engineer", "/applications/board/",
            "/applications/board/?show=applied", application.get_absolute_url(),
            "/interviews/", "/reminders/", "/coping/plans/", "/coping/journal/"]:
    assert client.get(url).status_code == 200, url
moved = client.post(f"/applications/{application.pk}/status/", {"to_status": "screening"},
                    headers={"HX-Request": "true"})
assert moved.status_code == 200 and b'data-moved="%d"' % application.pk in moved.content
Reminder.objects.filter(owner=user, status="scheduled").update(
    run_at=timezone.now() - dt.timedelta(minutes=1))
due = Reminder.objects.filter(owner=user, status="scheduled").count()
assert due and reminders_dispatch() == due
assert Reminder.objects.filter(owner=user, status="sent").count() == due == len(mail.outbox)
for url in ["/home/glance/", "/insights/?period=all", "/insights/work-search-log/",
            "/accounts/backup/", "/accounts/backup.json", "/applications/import/"]:
    assert client.get(url).status_code == 200, url
# An import and a restore write in bulk: SQLite's path too.
from applications.imports.services import steps, work
from applications.models import ImportJob
raw = b"Company,Role,Status,Date Applied\nNewCo,Analyst,Rejected,2025-01-02\n"
job = steps.import_start(owner=user, filename="x.csv", raw=raw)
ImportJob.objects.filter(pk=job.pk).update(state="queued")
work.import_run(job_id=job.pk)
job.refresh_from_db()
assert (job.state, job.created) == ("done", 1), job.error
from portability.export import backup_export
from portability.services import backup_restore
other = User.objects.create_user(email="moved@example.com", password="x" * 12)
backup_restore(user=other, document=backup_export(user))
mine = Application.objects.filter(owner=user).count()
assert Application.objects.filter(owner=other).count() == mine
print("ok")
"""


@pytest.mark.slow
def test_pages_and_reminders_work_on_sqlite(tmp_path):
    env = {
        **os.environ,
        "DJANGO_SETTINGS_MODULE": "rebound.settings",
        "DATABASE_URL": f"sqlite:///{tmp_path / 'db.sqlite3'}",
        "DEBUG": "1",
        "SECRET_KEY": "test-only-" + "x" * 40,
        "CACHE_URL": "",
        "CELERY_BROKER_URL": "memory://",
    }
    done = subprocess.run(
        [sys.executable, "-c", SCRIPT], cwd=ROOT, env=env, capture_output=True, text=True
    )
    assert done.returncode == 0, done.stderr[-3000:]
    assert done.stdout.strip().endswith("ok")
