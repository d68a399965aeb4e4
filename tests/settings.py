"""Test settings: the real services of the machine (Postgres, Redis), fast hashing."""

import os

os.environ.setdefault("SECRET_KEY", "tests-only-not-a-secret")
# A fixed key (rebound.crypto) so the subprocesses some tests start read what this one wrote.
os.environ.setdefault("FIELD_ENCRYPTION_KEYS", "dGVzdHMtb25seS1ub3QtYS1zZWNyZXQta2V5LTMyYnk=")
os.environ.setdefault("DATABASE_URL", "postgres://postgres@127.0.0.1:5432/rebound")
os.environ.setdefault("CELERY_BROKER_URL", "redis://127.0.0.1:6379/15")
os.environ.setdefault("CACHE_URL", "redis://127.0.0.1:6379/13")
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

from rebound.settings import *  # noqa: F403

# Fast hashing for the suite; tests/rebound/test_security.py checks the real list.
PASSWORD_HASHERS = ["django.contrib.auth.hashers.MD5PasswordHasher"]

EMAIL_BACKEND = "django.core.mail.backends.locmem.EmailBackend"
ALLOWED_HOSTS = ["*"]
# Serve static files straight from static/ in live-server tests (no collectstatic needed).
WHITENOISE_USE_FINDERS = True
WHITENOISE_AUTOREFRESH = True
