"""A database made by an older layout of Rebound must say what to do, not crash later."""

from typing import Any

from django.apps import apps
from django.conf import settings
from django.core.checks import Error, Tags, Warning, register
from django.db import DatabaseError, connections
from django.db.migrations.loader import MigrationLoader

PROJECT_APPS = ("rebound", "reminders", "applications", "interviews", "coping", "home")
# Tables only the layout before interviews/ and reminders/ became apps had.
OLD_LAYOUT_TABLES = {"coping_reminder", "applications_interview", "applications_selfassessment"}


@register(Tags.database)
def check_database_layout(databases: Any = None, **kwargs: Any) -> list[Error]:
    """Runs with `migrate`: migrations recorded as applied that no longer exist mean the
    database predates the current layout (Rebound rewrote its migrations before its first
    deployment), and migrating it would leave tables missing."""
    errors: list[Error] = []
    for alias in databases or []:
        connection = connections[alias]
        try:
            tables = set(connection.introspection.table_names())
            if "django_migrations" not in tables:
                continue
            loader = MigrationLoader(connection, ignore_no_migrations=True)
            stale = sorted(
                f"{app}.{name}"
                for app, name in loader.applied_migrations
                if app in PROJECT_APPS
                and apps.is_installed(app)
                and (app, name) not in loader.disk_migrations
            )
        except DatabaseError:
            continue
        old_tables = sorted(tables & OLD_LAYOUT_TABLES)
        if stale or old_tables:
            found = ", ".join(stale + old_tables)
            errors.append(
                Error(
                    f"This database was made by an older version of Rebound ({found}) and "
                    "cannot be upgraded.",
                    hint="With `make run`, delete the var/ folder (it holds only local demo "
                    "data) and run `make run` again; elsewhere, drop and recreate the "
                    "database, then migrate.",
                    id="rebound.E001",
                )
            )
    return errors


@register(Tags.security, deploy=True)
def check_shared_cache(app_configs: Any = None, **kwargs: Any) -> list[Warning]:
    """Rate limits and lock-outs count in the cache: per process unless it is shared."""
    backend = settings.CACHES["default"]["BACKEND"]
    if backend.endswith(("LocMemCache", "DummyCache")):
        return [
            Warning(
                "No shared cache: sign-up and password-reset limits count per web process.",
                hint="Set CACHE_URL to a Redis URL (e.g. redis://redis:6379/1).",
                id="rebound.W001",
            )
        ]
    return []
