import os
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
