"""A system check for the rollups' and the tallies' triggers (insights.models):
without them Insights would count from rows that no longer follow their timelines or
self-assessments, silently."""

from typing import Any

from django.core.checks import Error, Tags, register
from django.db import DatabaseError, connections

# The triggers each migration makes (PostgreSQL only).
TRIGGERS = {
    "0001_timeline_rollup": (
        "insights_rollup_sc_insert",
        "insights_rollup_sc_update",
        "insights_rollup_sc_delete",
        "insights_rollup_app_insert",
        "insights_rollup_app_update",
        "insights_rollup_app_delete",
    ),
    "0002_assessment_rollup": (
        "insights_assessed_sa_insert",
        "insights_assessed_sa_update",
        "insights_assessed_sa_delete",
        "insights_assessed_iv_update",
    ),
    "0006_tally_triggers": tuple(
        f"{prefix}_{event}"
        for prefix in ("insights_tally", "insights_assessed_tally")
        for event in ("insert", "update", "delete")
    ),
}


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
                    "SELECT name FROM django_migrations WHERE app = 'insights' AND name = ANY(%s)",
                    [list(TRIGGERS)],
                )
                # Only the migrations made so far: nothing to miss from the others.
                expected = [name for (made,) in cursor.fetchall() for name in TRIGGERS[made]]
                cursor.execute("SELECT tgname FROM pg_trigger WHERE tgname = ANY(%s)", [expected])
                present = {row[0] for row in cursor.fetchall()}
        except DatabaseError:
            continue  # not migrated at all yet
        lacking = [name for name in expected if name not in present]
        if lacking:
            errors.append(
                Error(
                    f"Database triggers missing: {', '.join(lacking)}; Insights would count "
                    "from rollups that no longer follow the timelines or self-assessments.",
                    hint="Make them again: `manage.py migrate --skip-checks insights zero`, "
                    "then `manage.py migrate` (the rollups are rebuilt from what they roll up).",
                    id="insights.E001",
                )
            )
    return errors
