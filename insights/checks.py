"""A system check for the timeline rollup's triggers (insights.models.TimelineRollup): without
them Insights would count from rows that no longer follow their timelines, silently."""

from typing import Any

from django.core.checks import Error, Tags, register
from django.db import DatabaseError, connections

# The triggers insights.0001_timeline_rollup makes (PostgreSQL only).
TRIGGERS = (
    "insights_rollup_sc_insert",
    "insights_rollup_sc_update",
    "insights_rollup_sc_delete",
    "insights_rollup_app_insert",
    "insights_rollup_app_update",
    "insights_rollup_app_delete",
)


@register(Tags.database)
def check_rollup_triggers(databases: Any = None, **kwargs: Any) -> list[Error]:
    """Runs with `migrate` and `check --database default`, as rebound.E002 does for the data
    version's triggers."""
    errors: list[Error] = []
    for alias in databases or []:
        connection = connections[alias]
        if connection.vendor != "postgresql":
            continue
        try:
            with connection.cursor() as cursor:
                cursor.execute(
                    "SELECT 1 FROM django_migrations WHERE app = 'insights' "
                    "AND name = '0001_timeline_rollup'"
                )
                if cursor.fetchone() is None:
                    continue  # not made yet: nothing to miss
                cursor.execute(
                    "SELECT tgname FROM pg_trigger WHERE tgname = ANY(%s)", [list(TRIGGERS)]
                )
                present = {row[0] for row in cursor.fetchall()}
        except DatabaseError:
            continue  # not migrated at all yet
        lacking = [name for name in TRIGGERS if name not in present]
        if lacking:
            errors.append(
                Error(
                    f"Database triggers missing: {', '.join(lacking)}; Insights would count "
                    "from timelines' rollups that no longer follow them.",
                    hint="Make them again: `manage.py migrate --skip-checks insights zero`, "
                    "then `manage.py migrate` (the rollup is rebuilt from the timelines).",
                    id="insights.E001",
                )
            )
    return errors
