"""The encryption key at start-up: required in production, made for development, not needed
by the offline commands (rebound.settings, manage.py)."""

import os
import subprocess
import sys
from pathlib import Path

import pytest
from cryptography.fernet import Fernet

ROOT = Path(__file__).resolve().parents[2]
SECRET = "x" * 64 + "production-like-secret-key-for-the-check"


def _run(env: dict[str, str], *args: str) -> subprocess.CompletedProcess[str]:
    # tests/settings.py sets a test key (and relaxes security) through the environment.
    dropped = ("SECRET_KEY", "DEBUG", "FIELD_ENCRYPTION_KEYS", "DJANGO_ALLOW_ASYNC")
    base = {k: v for k, v in os.environ.items() if not k.startswith(dropped)}
    return subprocess.run(
        [sys.executable, "manage.py", *args],
        cwd=ROOT,
        env={**base, "DJANGO_SETTINGS_MODULE": "rebound.settings", "ENV_FILE": "/dev/null", **env},
        capture_output=True,
        text=True,
        timeout=120,
    )


def test_production_refuses_to_start_without_a_key_and_says_how_to_make_one():
    r = _run({"DEBUG": "0", "SECRET_KEY": SECRET}, "check")
    assert r.returncode != 0
    assert "FIELD_ENCRYPTION_KEYS must be set when DEBUG is off" in r.stderr
    assert "urlsafe_b64encode" in r.stderr  # how to make one


def test_a_key_that_is_not_a_fernet_key_is_refused_at_start_up():
    r = _run({"DEBUG": "0", "SECRET_KEY": SECRET, "FIELD_ENCRYPTION_KEYS": "hunter2"}, "check")
    assert r.returncode != 0
    assert "FIELD_ENCRYPTION_KEYS holds something that is not a Fernet key" in r.stderr


def test_production_starts_with_a_key_and_an_old_one_behind_it():
    keys = f"{Fernet.generate_key().decode()},{Fernet.generate_key().decode()}"
    r = _run({"DEBUG": "0", "SECRET_KEY": SECRET, "FIELD_ENCRYPTION_KEYS": keys}, "check")
    assert r.returncode == 0, r.stderr[-2000:]


@pytest.mark.slow
def test_a_fresh_checkout_migrates_and_collects_static_files_without_a_key(tmp_path):
    env = {
        "DEBUG": "0",
        "DATABASE_URL": f"sqlite:///{tmp_path / 'db.sqlite3'}",
        "REBOUND_VAR_DIR": str(tmp_path / "var"),
    }
    r = _run(env, "migrate", "--noinput")
    assert r.returncode == 0, r.stderr[-2000:]
    r = _run(env, "collectstatic", "--noinput", "--dry-run")
    assert r.returncode == 0, r.stderr[-2000:]
    # No key was made up on the way: words must never be locked under a key nobody kept.
    assert not (tmp_path / "var" / "field_encryption_key").exists()


def test_make_run_makes_a_development_key_once_and_keeps_it(tmp_path):
    env = {"DEBUG": "1", "REBOUND_VAR_DIR": str(tmp_path)}
    script = "from django.conf import settings; print(settings.FIELD_ENCRYPTION_KEYS[0])"
    first = _run(env, "shell", "--no-imports", "-c", script)
    again = _run(env, "shell", "--no-imports", "-c", script)
    assert first.returncode == 0, first.stderr[-2000:]
    key = (tmp_path / "field_encryption_key").read_text().strip()
    assert first.stdout.strip() == again.stdout.strip() == key
    Fernet(key.encode())  # a real key
    assert (tmp_path / "field_encryption_key").stat().st_mode & 0o077 == 0
