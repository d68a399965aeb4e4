"""The project's system checks: they see what they are for, and nothing else."""

import pytest
from django.core.management import call_command
from django.core.management.base import SystemCheckError
from django.db import connection

from rebound import checks, triggers


@pytest.mark.django_db
def test_it_passes_when_every_watched_table_has_its_triggers():
    assert checks.check_version_triggers(databases=["default"]) == []


@pytest.mark.django_db
def test_it_names_a_trigger_that_was_dropped():
    # The test's transaction rolls the DROP back (PostgreSQL's DDL is transactional).
    with connection.cursor() as cursor:
        cursor.execute(
            "DROP TRIGGER coping_journalentry_insert_bumps_version ON coping_journalentry"
        )
    errors = checks.check_version_triggers(databases=["default"])
    assert [error.id for error in errors] == ["rebound.E002"]
    assert "coping_journalentry_insert_bumps_version" in errors[0].msg
    assert "coping.0004_data_version_triggers" in errors[0].hint
    with pytest.raises(SystemCheckError, match="coping_journalentry_insert_bumps_version"):
        call_command("check", databases=["default"])


@pytest.mark.django_db
def test_it_knows_every_table_the_migrations_watch():
    from django.db.migrations.loader import MigrationLoader

    loader = MigrationLoader(connection)
    watched = triggers.watched_tables(loader.disk_migrations.values())
    # The table, the board, Insights and the plan pages are cached by these tables' changes.
    assert {
        "applications_application",
        "applications_statuschange",
        "interviews_interview",
        "coping_journalentry",
    } <= set(watched)


def test_the_project_apps_are_derived_from_the_installed_apps():
    # Every project app with migrations, the ones added after the list was first written too.
    assert {
        "rebound",
        "reminders",
        "applications",
        "interviews",
        "coping",
        "mailin",
        "feeds",
        "api",
    } <= checks.project_apps()
    assert "auth" not in checks.project_apps() and "allauth" not in checks.project_apps()


def _beat_tasks_unknown(monkeypatch) -> list[str]:
    """The beat entries whose task no installed app defines. The schedule lives in
    rebound/celery.py, below the apps it runs, so it names their tasks rather than importing
    them (docs/architecture.md): this is what makes a misspelt or moved task fail."""
    from rebound.celery import app

    # Import every app's tasks, as a worker does (without its system-check run).
    monkeypatch.setenv("CELERY_SKIP_CHECKS", "1")
    app.loader.import_default_modules()
    return [
        name for name, entry in app.conf.beat_schedule.items() if entry["task"] not in app.tasks
    ]


def test_every_beat_entry_runs_a_task_an_app_defines(monkeypatch):
    assert _beat_tasks_unknown(monkeypatch) == []


def test_a_beat_entry_naming_no_task_is_found(monkeypatch):
    from rebound.celery import app

    schedule = app.conf.beat_schedule
    app.conf.beat_schedule = {**schedule, "gone": {"task": "reminders.tasks.nothing"}}
    try:
        assert _beat_tasks_unknown(monkeypatch) == ["gone"]
    finally:
        app.conf.beat_schedule = schedule
