"""Test settings: the real services of the machine (Postgres, Redis), fast hashing."""

import os

os.environ.setdefault("SECRET_KEY", "tests-only-not-a-secret")
# A fixed key (rebound.crypto) so the subprocesses some tests start read what this one wrote.
os.environ.setdefault("FIELD_ENCRYPTION_KEYS", "dGVzdHMtb25seS1ub3QtYS1zZWNyZXQta2V5LTMyYnk=")
os.environ.setdefault("DATABASE_URL", "postgres://postgres@127.0.0.1:5432/rebound")
os.environ.setdefault("CELERY_BROKER_URL", "redis://127.0.0.1:6379/15")
os.environ.setdefault("CACHE_URL", "redis://127.0.0.1:6379/13")


def _worker_redis(urls: list[str], worker: int) -> list[str]:
    """A parallel run's worker N (pytest-xdist's gwN) takes the Nth pair of Redis databases the
    given URLs leave free, counting down from 15: every test empties its cache's database, so
    two workers must never share one. Worker 0 keeps the URLs as they are."""
    numbered = [url.rsplit("/", 1) for url in urls]
    free = sorted(set(range(16)) - {int(db) for _, db in numbered}, reverse=True)
    return [f"{base}/{free[2 * (worker - 1) + i]}" for i, (base, _) in enumerate(numbered)]


# pytest-django gives each worker a test database of its own (test_rebound_gw1, …); Redis
# databases are shared, so each worker gets its own here (and its subprocesses inherit them).
# Once: the subprocesses some tests start read these settings again with the URLs moved.
_worker = os.environ.get("PYTEST_XDIST_WORKER", "gw0").removeprefix("gw")
_names = [n for n in ("CACHE_URL", "CELERY_BROKER_URL") if os.environ[n].startswith("redis://")]
if int(_worker) and _names and os.environ.get("REBOUND_TEST_REDIS_WORKER") != _worker:
    _urls = _worker_redis([os.environ[n] for n in _names], int(_worker))
    os.environ.update(zip(_names, _urls, strict=True), REBOUND_TEST_REDIS_WORKER=_worker)
# Live-server threads must not keep connections open past a test (the test database is
# dropped at the end); production keeps them (CONN_MAX_AGE, rebound/settings.py).
os.environ.setdefault("CONN_MAX_AGE", "0")
os.environ.setdefault("SECURE_SSL_REDIRECT", "false")
os.environ.setdefault("SESSION_COOKIE_SECURE", "false")
os.environ.setdefault("CSRF_COOKIE_SECURE", "false")
os.environ.setdefault("SECURE_HSTS_SECONDS", "0")
os.environ.setdefault(
    "STATICFILES_STORAGE", "django.contrib.staticfiles.storage.StaticFilesStorage"
)

# The environment above must be in place before the project settings read it.
from rebound.settings import *  # noqa: E402, F403

# Fast hashing for the suite; tests/rebound/test_security.py checks the real list.
PASSWORD_HASHERS = ["django.contrib.auth.hashers.MD5PasswordHasher"]

EMAIL_BACKEND = "django.core.mail.backends.locmem.EmailBackend"
ALLOWED_HOSTS = ["*"]
# Serve static files straight from static/ in live-server tests (no collectstatic needed).
WHITENOISE_USE_FINDERS = True
WHITENOISE_AUTOREFRESH = True
