"""The import's tasks keep the names they were registered under (queued messages and the
beat entry name them), and the worker finds them in their package; the package holds the
whole import, in modules of at most 450 lines."""

import os
import subprocess
import sys
from pathlib import Path

from applications.imports import tasks

ROOT = Path(__file__).resolve().parents[3]
NAMES = {
    "applications.tasks.import_run_task",
    "applications.tasks.import_read_task",
    "applications.tasks.imports_forget_stale_task",
}
# As the worker starts: the Celery app alone, its tasks found by autodiscovery.
WORKER = r"""
import django
django.setup()
from rebound.celery import app
app.loader.import_default_modules()
print(" ".join(sorted(app.tasks)))
"""


def test_each_task_keeps_its_registered_name():
    found = [tasks.import_run_task, tasks.import_read_task, tasks.imports_forget_stale_task]
    assert {task.name for task in found} == NAMES


def test_the_worker_registers_them_and_the_beat_entry_names_one():
    from rebound.celery import app

    env = {**os.environ, "DJANGO_SETTINGS_MODULE": "rebound.settings"}
    done = subprocess.run(
        [sys.executable, "-c", WORKER], cwd=ROOT, env=env, capture_output=True, text=True
    )
    assert done.returncode == 0, done.stderr[-3000:]
    assert set(done.stdout.split()) >= NAMES
    assert app.conf.beat_schedule["forget-stale-imports"]["task"] in NAMES


def test_the_import_lives_in_its_package_in_modules_of_at_most_450_lines():
    package = ROOT / "applications" / "imports"
    for path in package.rglob("*.py"):
        assert len(path.read_text().splitlines()) <= 450, path
    for gone in ("importing.py", "import_views.py", "tasks.py"):
        assert not (ROOT / "applications" / gone).exists(), gone
