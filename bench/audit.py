"""Lighthouse on the main pages, as a phone sees them (`make audit`).

Runs the site as in production (gunicorn, DEBUG off, collected and compressed static files,
PostgreSQL, Redis) on 127.0.0.1, logged in as the demo account for private pages, and
Lighthouse 12 (npm, tools/audit) in Debian's chromium with its default mobile settings:
a mid-range phone on a simulated slow 4G. Prints each page's four scores and checks the
targets of issue 16: accessibility 100, best practices 100, SEO at least 90 on public
pages, performance at least 95. Uses its own database (rebound_audit).
"""

import json
import os
import subprocess
import sys
import tempfile
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))
LIGHTHOUSE = ROOT / "tools" / "audit" / "node_modules" / ".bin" / "lighthouse"
CHROME = os.environ.get("CHROME_PATH", "/usr/bin/chromium")
STATIC_ROOT = ROOT / "var" / "audit-static"
ENV = {
    **os.environ,
    "DJANGO_SETTINGS_MODULE": "rebound.settings",
    "DATABASE_URL": os.environ.get(
        "AUDIT_DATABASE_URL", "postgres://postgres@127.0.0.1:5432/rebound_audit"
    ),
    "SECRET_KEY": "audit-only-not-a-secret-" + "x" * 40,
    "FIELD_ENCRYPTION_KEYS": "YmVuY2gtb25seS1ub3QtYS1zZWNyZXQta2V5LTMyYnk=",  # audit-only
    "DEBUG": "0",
    "ALLOWED_HOSTS": "127.0.0.1",
    # Plain HTTP on 127.0.0.1 (browsers treat it as a secure context).
    "SECURE_SSL_REDIRECT": "false",
    "SESSION_COOKIE_SECURE": "false",
    "CSRF_COOKIE_SECURE": "false",
    "CACHE_URL": "redis://127.0.0.1:6379/9",
    "STATIC_ROOT": str(STATIC_ROOT),
    "ENV_FILE": str(ROOT / "var" / "no-env-for-audit"),
}
os.environ.update({k: v for k, v in ENV.items() if k != "PATH"})

import django  # noqa: E402

django.setup()

from django.core.management import call_command  # noqa: E402

from applications.models import Application  # noqa: E402
from bench.common import gunicorn, session_for  # noqa: E402
from coping.models import CopingPlan  # noqa: E402
from demo.sample import DEMO_EMAIL  # noqa: E402
from interviews.models import Interview  # noqa: E402
from rebound.models import User  # noqa: E402

CATEGORIES = ("performance", "accessibility", "best-practices", "seo")


def _pages(user: User) -> list[tuple[str, str, bool]]:
    """(name, path, public)."""
    application = Application.objects.filter(owner=user).order_by("pk").first()
    interview = Interview.objects.filter(owner=user).order_by("pk").first()
    plan = CopingPlan.objects.filter(owner=user).order_by("pk").first()
    assert application and interview and plan, "the demo account has no data"
    return [
        ("landing", "/", True),
        ("log in", "/accounts/login/", True),
        ("sign up", "/accounts/signup/", True),
        ("API docs", "/api/docs/", True),
        ("home", "/home/", False),
        ("applications", "/applications/", False),
        ("board", "/applications/board/", False),
        ("application", application.get_absolute_url(), False),
        ("interview", interview.get_absolute_url(), False),
        ("plan", plan.get_absolute_url(), False),
        ("journal", "/coping/journal/", False),
        ("reminders", "/reminders/", False),
    ]


def _lighthouse(url: str, cookie: str | None, out: Path) -> dict[str, int]:
    command = [
        str(LIGHTHOUSE),
        url,
        "--quiet",
        "--output=json",
        f"--output-path={out}",
        f"--only-categories={','.join(CATEGORIES)}",
        "--chrome-flags=--headless=new --no-sandbox --disable-gpu",
    ]
    if cookie:
        command.append("--extra-headers=" + json.dumps({"Cookie": f"sessionid={cookie}"}))
    for _ in range(3):
        # Lighthouse sometimes loses a trace in headless chromium (NO_NAVSTART): again.
        done = subprocess.run(command, env={**os.environ, "CHROME_PATH": CHROME})
        if done.returncode == 0:
            break
    else:
        raise RuntimeError(f"Lighthouse failed three times on {url}")
    report = json.loads(out.read_text())
    # The page itself, not the log-in page a missing session would have redirected to.
    final = report.get("finalDisplayedUrl") or report["finalUrl"]
    assert final == url, f"Lighthouse measured {final}, not {url}"
    return {c: round(report["categories"][c]["score"] * 100) for c in CATEGORIES}


def main() -> int:
    if not LIGHTHOUSE.exists():
        print("Lighthouse is not installed: make audit installs it (tools/audit).")
        return 1
    call_command("migrate", verbosity=0)
    call_command("flush", interactive=False, verbosity=0)
    call_command("seed_demo", verbosity=0)
    call_command("collectstatic", interactive=False, verbosity=0, clear=True)
    user = User.objects.get(email=DEMO_EMAIL)
    cookie = session_for(user)
    ok = True
    rows = []
    with gunicorn(ENV) as base, tempfile.TemporaryDirectory() as tmp:
        for name, path, public in _pages(user):
            scores = _lighthouse(base + path, None if public else cookie, Path(tmp) / "r.json")
            met = (
                scores["accessibility"] == 100
                and scores["best-practices"] == 100
                and scores["performance"] >= 95
                and (scores["seo"] >= 90 or not public)
            )
            ok &= met
            rows.append((name, public, scores, met))
    print("Lighthouse 12, mobile (simulated slow 4G), Debian chromium, production settings")
    print(f"{'page':<14}{'performance':>12}{'accessibility':>15}{'best practices':>16}{'SEO':>6}")
    for name, public, s, met in rows:
        seo = f"{s['seo']}" if public else f"({s['seo']})"
        print(
            f"{name:<14}{s['performance']:>12}{s['accessibility']:>15}"
            f"{s['best-practices']:>16}{seo:>6}  {'ok' if met else 'MISSED'}"
        )
    print("(SEO in brackets: a private page, marked noindex on purpose.)")
    print("all audit targets met" if ok else "SOME AUDIT TARGETS MISSED")
    return 0 if ok else 1


if __name__ == "__main__":
    sys.exit(main())
