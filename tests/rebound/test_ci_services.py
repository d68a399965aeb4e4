import os
import subprocess
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parents[2]


@pytest.fixture
def broken_starters(tmp_path: Path) -> dict[str, str]:
    # Service starters that fail, so an unreachable service stays unreachable.
    for name in ("pg_ctlcluster", "redis-server"):
        stub = tmp_path / name
        stub.write_text("#!/bin/sh\nexit 1\n")
        stub.chmod(0o755)
    return {**os.environ, "PATH": f"{tmp_path}:{os.environ['PATH']}", "REBOUND_SERVICE_WAIT": "1"}


def _ensure(env: dict[str, str]) -> subprocess.CompletedProcess[str]:
    return subprocess.run(
        ["bash", "scripts/ensure-services"],
        cwd=ROOT,
        env=env,
        capture_output=True,
        text=True,
        timeout=60,
    )


def test_it_fails_loudly_when_postgres_cannot_be_reached(broken_starters):
    r = _ensure({**broken_starters, "REBOUND_PG_PORT": "1"})
    assert r.returncode != 0
    assert "PostgreSQL at 127.0.0.1:1 cannot be reached" in r.stderr


def test_it_fails_loudly_when_redis_cannot_be_reached(broken_starters):
    r = _ensure({**broken_starters, "REBOUND_REDIS_PORT": "1"})
    assert r.returncode != 0
    assert "Redis at 127.0.0.1:1 cannot be reached" in r.stderr


def test_it_passes_when_both_services_are_up():
    r = _ensure(dict(os.environ))
    assert r.returncode == 0, r.stderr
