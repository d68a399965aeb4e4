import os
import re
import subprocess
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parents[2]


def _run(env: dict[str, str], *args: str) -> subprocess.CompletedProcess[str]:
    # tests/settings.py relaxes the security settings through the environment: start clean.
    dropped = (
        "SECRET_KEY",
        "DEBUG",
        "SECURE_",
        "SESSION_",
        "CSRF_",
        "STATICFILES_",
        "DJANGO_ALLOW_ASYNC",
    )
    base = {k: v for k, v in os.environ.items() if not k.startswith(dropped)}
    return subprocess.run(
        [sys.executable, "manage.py", *args],
        cwd=ROOT,
        # ENV_FILE: a developer's .env (say, for docker compose) must not leak into the check.
        env={**base, "DJANGO_SETTINGS_MODULE": "rebound.settings", "ENV_FILE": "/dev/null", **env},
        capture_output=True,
        text=True,
        timeout=120,
    )


def test_it_requires_a_secret_key_when_debug_is_off():
    r = _run({"DEBUG": "0"}, "check")
    assert r.returncode != 0
    assert "SECRET_KEY must be set" in r.stderr


def test_a_fresh_checkout_checks_its_migrations_without_a_secret_key(tmp_path):
    # Migrations and collectstatic neither serve nor sign: the checkout's own key will do.
    r = _run(
        {"DEBUG": "0", "DATABASE_URL": f"sqlite:///{tmp_path / 'db.sqlite3'}"},
        "makemigrations",
        "--check",
        "--dry-run",
    )
    assert r.returncode == 0, r.stderr[-2000:]
    assert "No changes detected" in r.stdout


def test_it_passes_the_deploy_checks_in_a_production_like_environment():
    r = _run(
        {
            "DEBUG": "0",
            "SECRET_KEY": "x" * 64 + "production-like-secret-key-for-the-check",
            "ALLOWED_HOSTS": "rebound.example.com",
        },
        "check",
        "--deploy",
        "--fail-level",
        "WARNING",
    )
    assert r.returncode == 0, r.stdout + r.stderr


def _python(env: dict[str, str], script: str) -> subprocess.CompletedProcess[str]:
    base = {k: v for k, v in os.environ.items() if not k.startswith(("DATABASE_URL", "CELERY_"))}
    return subprocess.run(
        [sys.executable, "-c", script],
        cwd=ROOT,
        env={**base, "ENV_FILE": "/dev/null", **env},
        capture_output=True,
        text=True,
        timeout=120,
    )


def test_importing_the_settings_creates_nothing(tmp_path):
    # `make run`'s environment (DEBUG, SQLite and the filesystem queue under var/), keys given.
    env = {
        "DEBUG": "1",
        "SECRET_KEY": "x" * 50,
        "FIELD_ENCRYPTION_KEYS": "dGVzdHMtb25seS1ub3QtYS1zZWNyZXQta2V5LTMyYnk=",
        "REBOUND_VAR_DIR": str(tmp_path / "var"),
    }
    r = _python(env, "import rebound.settings as s; print(s.CELERY_BROKER_URL, s.DATABASES)")
    assert r.returncode == 0, r.stderr[-2000:]
    assert "filesystem://" in r.stdout and str(tmp_path / "var" / "rebound.sqlite3") in r.stdout
    assert list(tmp_path.iterdir()) == []


def test_make_run_makes_the_folders_its_queue_needs_and_the_queue_works(tmp_path):
    var = tmp_path / "var"
    made = subprocess.run(
        ["make", "--no-print-directory", "var-dirs", f"REBOUND_VAR_DIR={var}"],
        cwd=ROOT,
        capture_output=True,
        text=True,
        timeout=60,
    )
    assert made.returncode == 0, made.stderr
    # A message through Celery's filesystem transport, with the settings' own options.
    script = (
        "import rebound.settings as s; from kombu import Connection\n"
        "with Connection(s.CELERY_BROKER_URL, "
        "transport_options=s.CELERY_BROKER_TRANSPORT_OPTIONS) as c:\n"
        "    q = c.SimpleQueue('probe'); q.put({'n': 1}); m = q.get(timeout=5); m.ack()\n"
        "    print(m.payload)"
    )
    env = {"DEBUG": "1", "SECRET_KEY": "x" * 50, "REBOUND_VAR_DIR": str(var)}
    env["FIELD_ENCRYPTION_KEYS"] = "dGVzdHMtb25seS1ub3QtYS1zZWNyZXQta2V5LTMyYnk="
    r = _python(env, script)
    assert r.returncode == 0, r.stderr[-2000:]
    assert r.stdout.strip() == "{'n': 1}"


def test_every_section_the_settings_point_to_is_in_the_docs():
    named = set(
        re.findall(r'docs/settings\.md, "([^"]+)"', (ROOT / "rebound/settings.py").read_text())
    )
    headings = set(re.findall(r"^## (.+)$", (ROOT / "docs/settings.md").read_text(), re.M))
    assert named and named <= headings, named - headings
