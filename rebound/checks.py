"""The project's system checks: a database made by an older layout of Rebound must say what to
do, not crash later; every table the fragment cache watches must have its triggers."""

from pathlib import Path
from typing import Any

from django.apps import apps
from django.conf import settings
from django.core.checks import Error, Tags, Warning, register
from django.db import DatabaseError, connections
from django.db.migrations.loader import MigrationLoader

from . import triggers

# Tables only the layout before interviews/ and reminders/ became apps had.
OLD_LAYOUT_TABLES = {"coping_reminder", "applications_interview", "applications_selfassessment"}


def project_apps() -> set[str]:
    """The labels of this project's own apps: the installed apps whose package sits at the
    project's top (derived, so an app added later is not forgotten)."""
    base = Path(settings.BASE_DIR).resolve()
    return {
        config.label
        for config in apps.get_app_configs()
        if Path(config.path).resolve().parent == base
    }


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
            ours = project_apps()
            stale = sorted(
                f"{app}.{name}"
                for app, name in loader.applied_migrations
                if app in ours and (app, name) not in loader.disk_migrations
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


@register(Tags.database)
def check_version_triggers(databases: Any = None, **kwargs: Any) -> list[Error]:
    """Runs with `migrate` and `check --database default`: a table the applied migrations
    watch (rebound.triggers.watching) but whose triggers are gone (a table rebuilt by hand, a
    restore without triggers) would let the fragment cache (rebound.fragments) show stale
    pages, silently."""
    errors: list[Error] = []
    for alias in databases or []:
        connection = connections[alias]
        try:
            watched = triggers.watched_tables(triggers.applied_migrations(connection))
            lacking = triggers.missing(connection, list(watched))
        except DatabaseError:
            continue  # not migrated yet: nothing is watched
        if lacking:
            table_of = {name: table for table in watched for name in triggers.trigger_names(table)}
            by = sorted({watched[table_of[name]] for name in lacking})
            errors.append(
                Error(
                    f"Database triggers missing: {', '.join(lacking)}; cached pages would not "
                    "see those tables change.",
                    hint="Run the migrations that make them again ("
                    + ", ".join(by)
                    + "): `manage.py migrate --skip-checks <app> <the migration before>`, "
                    "then `manage.py migrate`.",
                    id="rebound.E002",
                )
            )
    return errors
