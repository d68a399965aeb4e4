"""Real processes against real Postgres, Redis and SMTP: the guarantees of docs/reminders.md.

Celery workers and dispatchers run as separate processes on the test database; the SMTP sink
counts what arrives. Leases and backoff are shortened through the environment so the suite
stays quick; the code paths are the production ones.
"""

import datetime as dt
import os
import signal
import subprocess
import sys
import time
from collections import Counter
from pathlib import Path

import pytest
import redis
from aiosmtpd.controller import Controller
from django.conf import settings
from django.db import connection, connections
from django.utils import timezone

from demo.bulk import due_check_ins
from reminders.models import Reminder
from reminders.tasks import dispatch_reminders
from tests.conftest import SmtpSink, _free_port
from tests.factories import UserFactory

pytestmark = [pytest.mark.django_db(transaction=True), pytest.mark.slow]

ROOT = Path(__file__).resolve().parents[2]
LEASE_SECONDS = 4


def _env(smtp_port: int) -> dict[str, str]:
    db = connection.settings_dict
    user = db["USER"] or "postgres"
    return {
        **{k: v for k, v in os.environ.items() if not k.startswith("DJANGO_ALLOW")},
        "DJANGO_SETTINGS_MODULE": "rebound.settings",
        "SECRET_KEY": "delivery-tests",
        "DEBUG": "1",
        "DATABASE_URL": f"postgres://{user}@{db['HOST'] or '127.0.0.1'}:{db['PORT'] or 5432}/"
        f"{db['NAME']}",
        "CELERY_BROKER_URL": settings.CELERY_BROKER_URL,
        "EMAIL_URL": f"smtp://127.0.0.1:{smtp_port}",
        "EMAIL_TIMEOUT": "5",
        "REMINDER_LEASE_SECONDS": str(LEASE_SECONDS),
        "REMINDER_RETRY_BASE_SECONDS": "1",
        "PYTHONUNBUFFERED": "1",
    }


class Fleet:
    """Workers and dispatchers as real processes, stopped at the end of the test."""

    def __init__(self, smtp_port: int, tmp: Path) -> None:
        self.env = _env(smtp_port)
        self.tmp = tmp
        self.procs: list[subprocess.Popen] = []

    def worker(self, name: str) -> subprocess.Popen:
        log = open(self.tmp / f"{name}.log", "w")  # noqa: SIM115 - closed with the process
        proc = subprocess.Popen(
            [
                sys.executable,
                "-m",
                "celery",
                "-A",
                "rebound",
                "worker",
                "-n",
                f"{name}@%h",
                "--concurrency=2",
                "--loglevel=INFO",
                "--without-mingle",
                "--without-gossip",
            ],
            cwd=ROOT,
            env=self.env,
            stdout=log,
            stderr=subprocess.STDOUT,
            start_new_session=True,
        )
        self.procs.append(proc)
        return proc

    def dispatcher(self, seconds: float) -> subprocess.Popen:
        """A beat stand-in: dispatch (and reclaim expired leases) every half second."""
        code = (
            "import django, time; django.setup()\n"
            "from reminders.tasks import dispatch_reminders\n"
            f"end = time.time() + {seconds}\n"
            "while time.time() < end:\n"
            "    dispatch_reminders()\n"
            "    time.sleep(0.5)\n"
        )
        log = open(self.tmp / f"dispatcher-{len(self.procs)}.log", "w")  # noqa: SIM115
        proc = subprocess.Popen(
            [sys.executable, "-c", code],
            cwd=ROOT,
            env=self.env,
            start_new_session=True,
            stdout=log,
            stderr=subprocess.STDOUT,
        )
        self.procs.append(proc)
        return proc

    def kill(self, proc: subprocess.Popen) -> None:
        os.killpg(proc.pid, signal.SIGKILL)
        proc.wait(timeout=10)

    def stop(self) -> None:
        for proc in self.procs:
            if proc.poll() is None:
                os.killpg(proc.pid, signal.SIGTERM)
        for proc in self.procs:
            try:
                proc.wait(timeout=15)
            except subprocess.TimeoutExpired:
                os.killpg(proc.pid, signal.SIGKILL)


@pytest.fixture
def broker():
    client = redis.Redis.from_url(settings.CELERY_BROKER_URL)
    client.ping()  # Redis must be up: this fails loudly rather than skipping
    client.flushdb()
    yield client
    client.flushdb()


@pytest.fixture
def sink():
    sink = SmtpSink(host="127.0.0.1", port=_free_port())
    controller = Controller(sink, hostname=sink.host, port=sink.port)
    controller.start()
    sink.controller = controller
    yield sink
    if sink.controller.server:  # the outage test stops and restarts it
        sink.controller.stop()


@pytest.fixture
def fleet(sink, broker, tmp_path, settings):
    # The same short lease and backoff for dispatches made from this test process.
    settings.REMINDER_LEASE_SECONDS = LEASE_SECONDS
    settings.REMINDER_RETRY_BASE_SECONDS = 1
    fleet = Fleet(sink.port, tmp_path)
    yield fleet
    fleet.stop()
    connections.close_all()


def _due(n: int) -> list[int]:
    """n coping check-ins due five minutes ago, each about a real plan."""
    users = [UserFactory() for _ in range(5)]
    return due_check_ins(users, n, timezone.now() - dt.timedelta(minutes=5))


def _wait_until(predicate, timeout: float) -> bool:
    end = time.monotonic() + timeout
    while time.monotonic() < end:
        if predicate():
            return True
        time.sleep(0.25)
    return predicate()


def _expected_ids(ids: list[int]) -> set[str]:
    return {r.message_id for r in Reminder.objects.filter(pk__in=ids)}


def _all_sent(ids: list[int]) -> bool:
    return Reminder.objects.filter(pk__in=ids).exclude(status="sent").count() == 0


def test_two_dispatchers_and_two_workers_send_500_reminders_exactly_once(sink, fleet):
    ids = _due(500)
    fleet.worker("w1")
    fleet.worker("w2")
    fleet.dispatcher(90)
    fleet.dispatcher(90)
    assert _wait_until(lambda: _all_sent(ids), 120), "not every reminder was sent in time"
    time.sleep(2)  # anything sent twice would arrive by now
    message_ids = [m["Message-ID"] for m in sink.messages]
    assert len(message_ids) == 500
    assert set(message_ids) == _expected_ids(ids)


def test_killed_worker_flushed_redis_and_smtp_outage_lose_nothing(sink, fleet, broker):
    ids = _due(300)
    expected = _expected_ids(ids)
    port = sink.port
    # 1. SMTP is down when the first worker starts: sends fail and back off in the database.
    sink.controller.stop()
    first = fleet.worker("w1")
    dispatch_reminders()
    assert _wait_until(
        lambda: Reminder.objects.filter(pk__in=ids).exclude(last_error="").exists(), 30
    ), "no SMTP failure was recorded"
    # 2. Redis is flushed while messages are queued: every queued message is lost.
    fleet.kill(first)
    # Claims what is due again (once a failed send's retry time has come; on a fast machine
    # the first worker may have tried them all before any was due again) and queues it...
    assert _wait_until(lambda: dispatch_reminders() > 0, 60), "nothing came due again"
    assert broker.llen("celery") > 0
    broker.flushall()  # ...and it is gone
    # 3. SMTP comes back; a worker starts; it is SIGKILLed mid-batch; another takes over.
    sink.delay = 0.05  # a busy server, so the kill lands mid-batch
    sink.controller = Controller(sink, hostname=sink.host, port=port)
    sink.controller.start()
    victim = fleet.worker("w2")
    fleet.dispatcher(150)
    assert _wait_until(lambda: len(sink.messages) >= 40, 60), "the worker never started sending"
    fleet.kill(victim)
    assert len(sink.messages) < len(ids), "the kill came after the batch was done"
    assert Reminder.objects.filter(pk__in=ids, status="sending").exists()
    fleet.worker("w3")
    assert _wait_until(lambda: _all_sent(ids), 150), Counter(
        Reminder.objects.filter(pk__in=ids).values_list("status", flat=True)
    )
    time.sleep(2)
    arrived = Counter(m["Message-ID"] for m in sink.messages)
    assert set(arrived) == expected  # every reminder delivered
    repeats = {mid: n for mid, n in arrived.items() if n > 1}
    # A worker killed between SMTP's "250 OK" and its database commit may repeat an email —
    # with the same Message-ID — at most once per process killed mid-send (2 per worker).
    assert sum(n - 1 for n in repeats.values()) <= 2, repeats


def test_settings_point_the_tests_at_real_services():
    assert settings.DATABASES["default"]["ENGINE"] == "django.db.backends.postgresql"
    assert settings.CELERY_BROKER_URL.startswith("redis://")
