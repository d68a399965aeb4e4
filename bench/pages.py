"""Every main page for a heavy user (5,000 applications) and a small one (50), against a
trivial login_required view measured in the same interleaved loop.

For each page: HTML size, median and p95 in ms, "× trivial" (the page's median over
the trivial view's) and "heavy/small" (the heavy user's × trivial over the small user's).
Targets (issue 12): heavy/small ≤ 1.5 and p95 ≤ 10× trivial for every page, the board's HTML
≤ 300 KB. Query counts are guarded by the tests (5 vs 500 objects). Uses its own database
(rebound_bench, emptied first). Run with `make bench`.
"""

import os
import statistics
import sys
import time
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent.parent))
os.environ.setdefault("DATABASE_URL", "postgres://postgres@127.0.0.1:5432/rebound_bench")
os.environ.setdefault("DJANGO_SETTINGS_MODULE", "tests.settings")
os.environ["CONN_MAX_AGE"] = "60"  # as in production

import django

django.setup()

from django.conf import settings  # noqa: E402
from django.core.management import call_command  # noqa: E402
from django.test import Client  # noqa: E402
from django.test.utils import setup_test_environment  # noqa: E402

from applications.models import Application, Company  # noqa: E402
from coping.models import CopingPlan  # noqa: E402
from home.bulk import load_heavy  # noqa: E402

RUNS = int(os.environ.get("BENCH_RUNS", "15"))
RATIO_TARGET = 1.5
P95_TARGET = 10.0
BOARD_KB_TARGET = 300


def _pages(user) -> list[tuple[str, str]]:
    detail = Application.objects.filter(owner=user, status="rejected").first()
    busy = Company.objects.filter(owner=user).order_by("pk").first()
    plan = CopingPlan.objects.filter(owner=user).first()
    return [
        ("home", "/home/"),
        ("table", "/applications/"),
        ("table, search", "/applications/?q=Role+01"),
        ("board", "/applications/board/"),
        ("application", detail.get_absolute_url()),
        ("companies", "/applications/companies/"),
        ("a busy company", busy.get_absolute_url()),
        ("contacts", "/applications/contacts/"),
        ("interviews", "/interviews/"),
        ("plans", "/coping/plans/"),
        ("a plan", plan.get_absolute_url()),
        ("journal", "/coping/journal/"),
        ("reminders", "/reminders/"),
    ]


def _time(client: Client, url: str) -> float:
    start = time.perf_counter()
    response = client.get(url)
    elapsed = (time.perf_counter() - start) * 1000
    assert response.status_code == 200, (url, response.status_code)
    return elapsed


def _measure(user) -> dict[str, dict]:
    client = Client()
    client.force_login(user)
    results = {}
    for name, url in _pages(user):
        body = client.get(url).content  # warm up, and the page's size
        page, trivial = [], []
        for _ in range(RUNS):
            trivial.append(_time(client, "/bench/trivial/"))
            page.append(_time(client, url))
        results[name] = {
            "kb": len(body) / 1024,
            "median": statistics.median(page),
            "p95": sorted(page)[int(0.95 * (len(page) - 1))],
            "trivial": statistics.median(trivial),
        }
    return results


def main() -> int:
    setup_test_environment()
    settings.ROOT_URLCONF = "bench.urls"
    settings.ALLOWED_HOSTS = ["*"]
    call_command("migrate", verbosity=0)
    call_command("flush", interactive=False, verbosity=0)
    start = time.perf_counter()
    heavy = load_heavy(email="heavy@bench.example", password="x")
    seeded = time.perf_counter() - start
    small = load_heavy(email="small@bench.example", password="x", scale=0.01)
    heavy_results, small_results = _measure(heavy), _measure(small)
    ok = True
    print(f"heavy user seeded in {seeded:.0f} s; {RUNS} runs per page, interleaved")
    print(
        f"{'page':<16}{'KB':>8}{'median ms':>11}{'p95 ms':>9}"
        f"{'× trivial':>11}{'p95 ×':>8}{'heavy/small':>13}"
    )
    for name, h in heavy_results.items():
        s = small_results[name]
        times = h["median"] / h["trivial"]
        p95 = h["p95"] / h["trivial"]
        ratio = times / (s["median"] / s["trivial"])
        met = ratio <= RATIO_TARGET and p95 <= P95_TARGET
        if name == "board":
            met &= h["kb"] <= BOARD_KB_TARGET
        ok &= met
        print(
            f"{name:<16}{h['kb']:>8.0f}{h['median']:>11.1f}"
            f"{h['p95']:>9.1f}{times:>11.1f}{p95:>8.1f}{ratio:>13.2f}  {'ok' if met else 'MISSED'}"
        )
    print("all page targets met" if ok else "SOME PAGE TARGETS MISSED")
    return 0 if ok else 1


if __name__ == "__main__":
    sys.exit(main())
