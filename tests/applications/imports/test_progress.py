"""An import's progress is seen by every process while it runs (issue 22: under `make run`
the bar stayed at "0 of about 5000" until it jumped to done, its progress in a per-process
cache). Here the page is asked by another process, with a per-process cache of its own as
under `make run`, half way through a real import: on PostgreSQL (the suite's database) and
on SQLite (`make run`'s)."""

import os
import subprocess
import sys
from pathlib import Path

import pytest
from django.db import connection

from applications.imports.services import steps, work
from applications.models import Application, ImportJob, StatusChange

ROOT = Path(__file__).resolve().parents[3]
ROWS = 1200  # three batches of writing.IMPORT_BATCH (500)

# Another process asks for the progress fragment the import page polls, as its owner.
PEEK = r"""
import sys
import django
django.setup()
from django.test import RequestFactory
from django_htmx.middleware import HtmxDetails
from applications.imports.views import import_progress
from rebound.models import User
request = RequestFactory().get("/")
request.user = User.objects.get(pk=int(sys.argv[1]))
request.htmx = HtmxDetails(request)
print(" ".join(import_progress(request, int(sys.argv[2])).content.decode().split()))
"""


def _csv(rows: int) -> bytes:
    return b"Company,Role\n" + b"".join(b"Company %d,Analyst\n" % n for n in range(rows))


def _peek(env: dict[str, str], user_id: int, job_id: int) -> str:
    done = subprocess.run(
        [sys.executable, "-c", PEEK, str(user_id), str(job_id)],
        cwd=ROOT,
        env=env,
        capture_output=True,
        text=True,
        timeout=60,
    )
    assert done.returncode == 0, done.stderr[-3000:]
    return done.stdout


@pytest.mark.django_db(transaction=True)
def test_half_way_another_process_sees_how_far_the_import_is(alice, monkeypatch):
    db = connection.settings_dict
    env = {
        **os.environ,
        "DJANGO_SETTINGS_MODULE": "rebound.settings",
        "DATABASE_URL": f"postgres://{db['USER']}@{db['HOST']}:{db['PORT']}/{db['NAME']}",
        "CACHE_URL": "",  # a cache of its own, in memory, as under `make run`
        "DEBUG": "1",
    }
    job = steps.import_start(owner=alice, filename="big.csv", raw=_csv(ROWS))
    ImportJob.objects.filter(pk=job.pk).update(state="queued")
    seen: list[str] = []
    bulk_create = StatusChange.objects.bulk_create

    def look_half_way(changes, *args, **kwargs):
        # The second batch: the first 500 are in (uncommitted), their progress said.
        if len(seen) == 0 and Application.objects.filter(owner=alice).count() > 500:
            seen.append(_peek(env, alice.pk, job.pk))
        return bulk_create(changes, *args, **kwargs)

    monkeypatch.setattr(StatusChange.objects, "bulk_create", look_half_way)
    work.import_run(job_id=job.pk)
    assert seen and f"Importing: 500 of about {ROWS} rows" in seen[0]
    assert 'value="500"' in seen[0]
    job.refresh_from_db()
    assert (job.state, job.created, job.done) == ("done", ROWS, ROWS)


SQLITE = r"""
import os, subprocess, sys
import django
django.setup()
from django.core.management import call_command
call_command("migrate", verbosity=0)
from applications.imports.services import steps, work
from applications.models import Application, ImportJob, StatusChange
from rebound.models import User

alice = User.objects.create_user(email="alice@example.com", password="x" * 12)
rows = int(sys.argv[1])
raw = b"Company,Role\n" + b"".join(b"Company %d,Analyst\n" % n for n in range(rows))
job = steps.import_start(owner=alice, filename="big.csv", raw=raw)
ImportJob.objects.filter(pk=job.pk).update(state="queued")
seen = []
bulk_create = StatusChange.objects.bulk_create

def look_half_way(changes, *args, **kwargs):
    if not seen and Application.objects.filter(owner=alice).count() > 500:
        peek = subprocess.run([sys.executable, "-c", sys.argv[2], str(alice.pk), str(job.pk)],
                              capture_output=True, text=True, timeout=60)
        assert peek.returncode == 0, peek.stderr[-3000:]
        seen.append(peek.stdout)
    return bulk_create(changes, *args, **kwargs)

StatusChange.objects.bulk_create = look_half_way
work.import_run(job_id=job.pk)
job.refresh_from_db()
print(seen[0].strip() if seen else "never looked")
print(job.state, job.created)
"""


@pytest.mark.slow
def test_half_way_another_process_sees_how_far_it_is_on_sqlite(tmp_path, sqlite_env):
    done = subprocess.run(
        [sys.executable, "-c", SQLITE, str(ROWS), PEEK],
        cwd=ROOT,
        env=sqlite_env,
        capture_output=True,
        text=True,
        timeout=300,
    )
    assert done.returncode == 0, done.stderr[-3000:]
    peeked, outcome = done.stdout.strip().splitlines()[-2:]
    assert f"Importing: 500 of about {ROWS} rows" in peeked
    assert outcome == f"done {ROWS}"
    assert not list((tmp_path / "var" / "import-progress").glob("*"))  # cleaned up
