"""Benchmarks for Rebound's hot paths; results go in docs/performance.md.

Run with `make bench`. It uses its own PostgreSQL database (rebound_bench), which it migrates
and empties, and Django's in-memory email backend, so it measures our code and the database,
not an SMTP server.

Targets:
- the table, board and detail pages answer in under 150 ms (median) with 500 applications;
- the dispatcher claims and sends at least 200 reminders a second in one process.
"""

import os
import statistics
import sys
import time
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent.parent))
os.environ.setdefault("DATABASE_URL", "postgres://postgres@127.0.0.1:5432/rebound_bench")
os.environ.setdefault("DJANGO_SETTINGS_MODULE", "tests.settings")

import django

django.setup()

import datetime as dt  # noqa: E402

from django.conf import settings  # noqa: E402
from django.core.management import call_command  # noqa: E402
from django.test import Client  # noqa: E402
from django.test.utils import setup_test_environment  # noqa: E402
from django.urls import reverse  # noqa: E402
from django.utils import timezone  # noqa: E402

from applications.models import Application, Company  # noqa: E402
from demo.bulk import due_check_ins  # noqa: E402
from rebound.accounts.services import user_email_mark_verified  # noqa: E402
from rebound.models import User  # noqa: E402
from reminders.dispatch_services import reminders_dispatch  # noqa: E402
from reminders.models import Reminder  # noqa: E402

PAGE_TARGET_MS = 150
DISPATCH_TARGET_PER_S = 200


def _reset() -> User:
    call_command("migrate", verbosity=0)
    call_command("flush", interactive=False, verbosity=0)
    user = User.objects.create_user(email="bench@example.com", password="x", timezone="UTC")
    # Reminders go only to a confirmed address.
    user_email_mark_verified(user=user)
    return user


def _median_ms(client: Client, url: str, runs: int = 30) -> float:
    client.get(url)  # warm up
    samples = []
    for _ in range(runs):
        start = time.perf_counter()
        assert client.get(url).status_code == 200
        samples.append((time.perf_counter() - start) * 1000)
    return statistics.median(samples)


def bench_pages(user: User) -> list[tuple[str, float]]:
    companies = Company.objects.bulk_create(
        Company(owner=user, name=f"Company {i}") for i in range(50)
    )
    statuses = ["wishlist", "applied", "screening", "interviewing", "offer", "rejected"]
    Application.objects.bulk_create(
        Application(
            owner=user,
            company=companies[i % 50],
            role=f"Role {i}",
            status=statuses[i % len(statuses)],
        )
        for i in range(500)
    )
    client = Client()
    client.force_login(user)
    first = Application.objects.filter(owner=user).first()
    return [
        ("application table", _median_ms(client, reverse("applications:application_list"))),
        ("board", _median_ms(client, reverse("applications:board"))),
        ("application detail", _median_ms(client, first.get_absolute_url())),
        ("home", _median_ms(client, reverse("home"))),
    ]


def bench_dispatch(user: User, n: int = 2000) -> float:
    due_check_ins([user], n, timezone.now() - dt.timedelta(minutes=1))
    start = time.perf_counter()
    claimed = reminders_dispatch()
    elapsed = time.perf_counter() - start
    assert claimed == n == Reminder.objects.filter(status="sent").count()
    return n / elapsed


def main() -> int:
    setup_test_environment()
    # Full renders, as bench/pages.py times them (not the cached table and board fragments).
    settings.FRAGMENT_CACHE = False
    user = _reset()
    ok = True
    print(f"{'page (500 applications)':<28} median ms   target < {PAGE_TARGET_MS}")
    for name, ms in bench_pages(user):
        ok &= ms < PAGE_TARGET_MS
        print(f"{name:<28} {ms:>9.1f}")
    rate = bench_dispatch(user)
    ok &= rate >= DISPATCH_TARGET_PER_S
    print(
        f"{'dispatch + send, inline':<28} {rate:>9.0f} reminders/s   target >= "
        f"{DISPATCH_TARGET_PER_S}"
    )
    print("all targets met" if ok else "SOME TARGETS MISSED")
    return 0 if ok else 1


if __name__ == "__main__":
    sys.exit(main())
