"""A bounded load test: gunicorn (2 sync workers, DEBUG off, PostgreSQL) under wrk.

Measures requests per second for the trivial login_required view, the applications table and
the board, as the heavy user from bench/pages.py (run that first; `make bench` does), on
127.0.0.1 only, 10 seconds each. Target (issue 12): the table and the board each serve at
least 30% of the trivial view's requests per second, as a user re-reading them gets them
(their fragments cached, rebound.fragments); the same pages rendered on every request
(FRAGMENT_CACHE=false, the first read after a change) are printed beside them.
"""

import os
import re
import shutil
import subprocess
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))
DATABASE_URL = os.environ.get(
    "BENCH_DATABASE_URL", "postgres://postgres@127.0.0.1:5432/rebound_bench"
)
ENV = {
    **os.environ,
    "DJANGO_SETTINGS_MODULE": "bench.settings",
    "DATABASE_URL": DATABASE_URL,
    "SECRET_KEY": "bench-only-not-a-secret-" + "x" * 40,
    "FIELD_ENCRYPTION_KEYS": "YmVuY2gtb25seS1ub3QtYS1zZWNyZXQta2V5LTMyYnk=",  # bench-only
    "DEBUG": "0",
    "ALLOWED_HOSTS": "127.0.0.1",
    "SECURE_SSL_REDIRECT": "false",
    "SESSION_COOKIE_SECURE": "false",
    "CSRF_COOKIE_SECURE": "false",
    "CACHE_URL": "redis://127.0.0.1:6379/14",
    # No collectstatic for a bench: plain static URLs (wrk fetches only the pages).
    "STATICFILES_STORAGE": "django.contrib.staticfiles.storage.StaticFilesStorage",
    "ENV_FILE": str(ROOT / "var" / "no-env-for-bench"),
}
os.environ.update({k: v for k, v in ENV.items() if k != "PATH"})

import django  # noqa: E402

django.setup()


from bench.common import gunicorn, session_for  # noqa: E402
from rebound.models import User  # noqa: E402

TARGET = 0.30
SECONDS = int(os.environ.get("BENCH_LOAD_SECONDS", "10"))


def _wrk(url: str, cookie: str) -> float:
    out = subprocess.run(
        ["wrk", "-t2", "-c8", f"-d{SECONDS}s", "-H", f"Cookie: sessionid={cookie}", url],
        capture_output=True,
        text=True,
        check=True,
    ).stdout
    non_2xx = re.search(r"Non-2xx or 3xx responses: (\d+)", out)
    assert not non_2xx, f"{url}: {non_2xx.group(0)}"
    return float(re.search(r"Requests/sec:\s+([\d.]+)", out).group(1))  # type: ignore[union-attr]


def main() -> int:
    if not shutil.which("wrk"):
        print("wrk is not installed (Debian: apt-get install wrk)")
        return 1
    user = User.objects.filter(email="heavy@bench.example").first()
    if user is None:
        print("No heavy user: run bench/pages.py first (make bench does).")
        return 1
    cookie = session_for(user)
    warm = _run(cookie, fragments=True)
    cold = _run(cookie, fragments=False)
    print(f"gunicorn, 2 sync workers, heavy user, wrk -t2 -c8 for {SECONDS} s each")
    print(f"{'':<10}{'cached fragments':>34}{'rendered every time':>34}")
    ok = True
    for name, rate in warm.items():
        share = rate / warm["trivial"]
        cold_share = cold[name] / cold["trivial"]
        met = name == "trivial" or share >= TARGET
        ok &= met
        verdict = "" if name == "trivial" else ("ok" if met else "MISSED")
        print(
            f"{name:<10}{rate:>9.1f} requests/s {share:>7.0%} of trivial"
            f"{cold[name]:>12.1f} requests/s {cold_share:>7.0%}  {verdict}"
        )
    return 0 if ok else 1


def _run(cookie: str, *, fragments: bool) -> dict[str, float]:
    """Requests/s of each page, with the table's and the board's fragments cached (what a
    user re-reading them gets) or rendered on every request (the first read after a change)."""
    with gunicorn({**ENV, "FRAGMENT_CACHE": "true" if fragments else "false"}) as base:
        return {
            name: _wrk(base + path, cookie)
            for name, path in [
                ("trivial", "/bench/trivial/"),
                ("table", "/applications/"),
                ("board", "/applications/board/"),
            ]
        }


if __name__ == "__main__":
    sys.exit(main())
