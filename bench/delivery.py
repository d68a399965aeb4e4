"""Reminder delivery against the SMTP server's own speed, measured in one run.

1. A real SMTP server (aiosmtpd, its own process) on 127.0.0.1.
2. "raw": a plain smtplib loop over one connection sends N already-rendered reminder emails:
   what the server accepts when the client does nothing else.
3. "celery": N due reminders in PostgreSQL; a dispatch enqueues them on Redis; two Celery
   worker processes claim, render and send them in batches, marking each sent. Timed from the
   dispatch to the moment every row is marked sent.

It prints both rates and their ratio; the target is celery/raw >= 0.5 (issue 24,
docs/performance.md). It uses its own database (rebound_bench, emptied first) and Redis
database 14 (BENCH_DATABASE_URL and BENCH_BROKER_URL choose others). The ratio compares two
paths in one run: on a shared machine, run it a few times and read the spread.
"""

import os
import smtplib
import subprocess
import sys
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))
DATABASE_URL = os.environ.get(
    "BENCH_DATABASE_URL", "postgres://postgres@127.0.0.1:5432/rebound_bench"
)
BROKER_URL = os.environ.get("BENCH_BROKER_URL", "redis://127.0.0.1:6379/14")
os.environ.update(
    DATABASE_URL=DATABASE_URL,
    CELERY_BROKER_URL=BROKER_URL,
    DJANGO_SETTINGS_MODULE="rebound.settings",
    SECRET_KEY=os.environ.get("SECRET_KEY", "bench-only-not-a-secret"),
    FIELD_ENCRYPTION_KEYS=os.environ.get(
        "FIELD_ENCRYPTION_KEYS", "YmVuY2gtb25seS1ub3QtYS1zZWNyZXQta2V5LTMyYnk="
    ),
    DEBUG="0",
    ENV_FILE=str(ROOT / "var" / "no-env-for-bench"),
)

import django  # noqa: E402

django.setup()

import datetime as dt  # noqa: E402

import redis  # noqa: E402
from django.core.management import call_command  # noqa: E402
from django.db.models import Max  # noqa: E402
from django.utils import timezone  # noqa: E402

from bench.common import free_port, wait_for_port  # noqa: E402
from demo.bulk import due_check_ins  # noqa: E402
from rebound.accounts.services import user_email_mark_verified  # noqa: E402
from rebound.models import User  # noqa: E402
from reminders import emails, kinds, selectors  # noqa: E402
from reminders.models import Reminder  # noqa: E402
from reminders.tasks import dispatch_reminders  # noqa: E402

N = int(os.environ.get("BENCH_REMINDERS", "1000"))
TARGET = 0.5
WORKERS = int(os.environ.get("BENCH_WORKERS", "2"))


def _reset() -> list[int]:
    call_command("migrate", verbosity=0)
    call_command("flush", interactive=False, verbosity=0)
    users = [
        User.objects.create_user(email=f"bench{i}@example.com", password="x", timezone="UTC")
        for i in range(5)
    ]
    for user in users:  # reminders go only to a confirmed address
        user_email_mark_verified(user=user)
    return due_check_ins(users, N, timezone.now() - dt.timedelta(minutes=1))


def _rendered(ids: list[int]) -> list[tuple[str, list[str], bytes]]:
    """The same emails the workers will send, rendered here for the raw loop."""
    out = []
    for reminder in Reminder.objects.filter(pk__in=ids).select_related("owner"):
        kind = kinds.get(reminder.kind)
        subject = selectors.subject_of(reminder)
        message = emails.message(reminder, emails.render(reminder, kind, subject))
        out.append(
            (message.from_email, message.recipients(), message.message().as_bytes(linesep="\r\n"))
        )
    return out


def bench_raw(port: int, messages: list[tuple[str, list[str], bytes]]) -> float:
    smtp = smtplib.SMTP("127.0.0.1", port)
    start = time.perf_counter()
    for sender, recipients, body in messages:
        smtp.sendmail(sender, recipients, body)
    elapsed = time.perf_counter() - start
    smtp.quit()
    return len(messages) / elapsed


def _workers(port: int, tmp: Path) -> list[subprocess.Popen]:
    env = {**os.environ, "EMAIL_URL": f"smtp://127.0.0.1:{port}", "PYTHONUNBUFFERED": "1"}
    procs = []
    for i in range(WORKERS):
        log = open(tmp / f"worker{i}.log", "w")  # noqa: SIM115 - closed with the process
        procs.append(
            subprocess.Popen(
                [
                    sys.executable,
                    "-m",
                    "celery",
                    "-A",
                    "rebound",
                    "worker",
                    "-n",
                    f"bench{i}@%h",
                    "--concurrency=1",
                    "--pool=solo",
                    "--without-mingle",
                    "--without-gossip",
                    "--loglevel=WARNING",
                ],
                cwd=ROOT,
                env=env,
                stdout=log,
                stderr=subprocess.STDOUT,
            )
        )
    return procs


def _ready(timeout: float = 60) -> None:
    from rebound.celery import app

    end = time.monotonic() + timeout
    while time.monotonic() < end:
        replies = app.control.ping(timeout=1.0) or []
        if len(replies) >= WORKERS:
            return
    raise RuntimeError("the workers did not start")


def bench_celery(ids: list[int]) -> float:
    start = timezone.now()
    dispatch_reminders()
    # Poll rarely (polling costs CPU the workers need) and time the run by the last row's
    # sent_at, which the workers write as they go.
    while Reminder.objects.filter(pk__in=ids).exclude(status="sent").exists():
        time.sleep(0.5)
        if (timezone.now() - start).total_seconds() > 300:
            raise RuntimeError("not every reminder was sent within 5 minutes")
    last = Reminder.objects.filter(pk__in=ids).aggregate(last=Max("sent_at"))["last"]
    return len(ids) / (last - start).total_seconds()


def main() -> int:
    tmp = ROOT / "var" / "bench"
    tmp.mkdir(parents=True, exist_ok=True)
    redis.Redis.from_url(BROKER_URL).flushdb()
    port = free_port()
    sink = subprocess.Popen(
        [
            sys.executable,
            "-m",
            "aiosmtpd",
            "-n",
            "-c",
            "aiosmtpd.handlers.Sink",
            "-l",
            f"127.0.0.1:{port}",
        ],
        stdout=subprocess.DEVNULL,
        stderr=subprocess.DEVNULL,
    )
    workers: list[subprocess.Popen] = []
    try:
        wait_for_port(port)
        ids = _reset()
        messages = _rendered(ids)
        workers = _workers(port, tmp)
        _ready()
        # Best of three each, the server's speed varying from run to run: the ratio is
        # measured against the most it showed it can take. The raw loop and the workers take
        # turns (the idle workers wait on Redis meanwhile), so a drift of the machine's speed
        # during the run falls on both alike, as bench/pages.py interleaves its pages. Each
        # workers' run sends the same reminders made due again (the first also pays for the
        # workers' warm-up: templates, connections).
        raws, celeries = [], []
        for run in range(3):
            raws.append(bench_raw(port, messages))
            if run:
                ids = _reset()
            celeries.append(bench_celery(ids))
        raw, celery = max(raws), max(celeries)
    finally:
        for proc in [*workers, sink]:
            proc.terminate()
        for proc in [*workers, sink]:
            proc.wait(timeout=30)
        redis.Redis.from_url(BROKER_URL).flushdb()
    ratio = celery / raw
    print(f"reminder delivery, {N} emails to a real SMTP server (aiosmtpd), {WORKERS} workers")
    print(
        f"{'raw smtplib loop, one connection':<40} {raw:>8.0f} messages/s   "
        f"(best of {', '.join(f'{r:.0f}' for r in raws)})"
    )
    print(
        f"{'Celery path (Redis, batches)':<40} {celery:>8.0f} messages/s   "
        f"(best of {', '.join(f'{c:.0f}' for c in celeries)})"
    )
    print(f"{'ratio celery/raw':<40} {ratio:>8.2f}   target >= {TARGET}")
    return 0 if ratio >= TARGET else 1


if __name__ == "__main__":
    sys.exit(main())
