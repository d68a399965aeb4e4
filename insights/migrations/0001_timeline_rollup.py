"""The timeline rollup (insights.models.TimelineRollup) and the triggers that keep it.

The statuses are written out here, as they stood when this migration was written: a migration
must not change with the code. tests/insights/test_timeline_rollup.py checks the triggers'
answers against the timeline read the long way (and so against the pipeline as it is now)."""

import django.db.models.deletion
from django.db import migrations, models

_REFRESH = """
CREATE OR REPLACE FUNCTION insights_rollup_refresh(ids bigint[]) RETURNS void
LANGUAGE plpgsql AS $$
BEGIN
    IF ids IS NULL OR cardinality(ids) = 0 THEN
        RETURN;
    END IF;
    -- Wait for any other transaction changing these applications, so that the next
    -- statement, with a snapshot of its own, reads what that one committed (NO KEY UPDATE:
    -- the lock an UPDATE of the row takes; foreign key checks' KEY SHARE pass it).
    PERFORM 1 FROM applications_application WHERE id = ANY(ids) ORDER BY id
        FOR NO KEY UPDATE;
    DELETE FROM insights_timelinerollup r WHERE r.application_id = ANY(ids)
        AND NOT EXISTS (SELECT 1 FROM applications_application a WHERE a.id = r.application_id);
    INSERT INTO insights_timelinerollup (application_id, top_rank, first_answer_on, ghosted, exits)
    SELECT a.id,
        COALESCE(MAX(CASE s.to_status
            WHEN 'applied' THEN 1 WHEN 'screening' THEN 2 WHEN 'interviewing' THEN 3
            WHEN 'offer' THEN 4 WHEN 'accepted' THEN 5 ELSE 0 END), 0),
        MIN(s.changed_on) FILTER (
            WHERE s.to_status IN ('screening', 'interviewing', 'offer', 'accepted', 'rejected')
            AND s.changed_on >= a.date_applied),
        COALESCE(bool_or(s.to_status = 'ghosted'), false),
        COALESCE(string_agg(DISTINCT s.from_status || '>' || s.to_status, ' ')
            FILTER (WHERE s.to_status IN ('rejected', 'withdrawn', 'ghosted')), '')
    FROM applications_application a
    LEFT JOIN applications_statuschange s ON s.application_id = a.id
    WHERE a.id = ANY(ids)
    GROUP BY a.id
    ON CONFLICT (application_id) DO UPDATE SET
        top_rank = EXCLUDED.top_rank, first_answer_on = EXCLUDED.first_answer_on,
        ghosted = EXCLUDED.ghosted, exits = EXCLUDED.exits;
END $$
"""

# (trigger, table, event, REFERENCING, the ids whose rows to refresh)
_TRIGGERS = [
    (
        "insights_rollup_sc_insert",
        "applications_statuschange",
        "INSERT",
        "NEW TABLE AS changed",
        "SELECT DISTINCT application_id FROM changed",
    ),
    (
        "insights_rollup_sc_update",
        "applications_statuschange",
        "UPDATE",
        "OLD TABLE AS before NEW TABLE AS changed",
        "SELECT application_id FROM changed UNION SELECT application_id FROM before",
    ),
    (
        "insights_rollup_sc_delete",
        "applications_statuschange",
        "DELETE",
        "OLD TABLE AS changed",
        "SELECT DISTINCT application_id FROM changed",
    ),
    (
        "insights_rollup_app_insert",
        "applications_application",
        "INSERT",
        "NEW TABLE AS changed",
        "SELECT id FROM changed",
    ),
    # The first answer counts from the date applied: only a new date changes a row.
    (
        "insights_rollup_app_update",
        "applications_application",
        "UPDATE",
        "OLD TABLE AS before NEW TABLE AS changed",
        "SELECT changed.id FROM changed JOIN before USING (id)"
        " WHERE changed.date_applied IS DISTINCT FROM before.date_applied",
    ),
]


def _create(apps, schema_editor):
    if schema_editor.connection.vendor != "postgresql":
        return
    schema_editor.execute(_REFRESH)
    for name, table, event, referencing, ids in _TRIGGERS:
        schema_editor.execute(
            f"CREATE OR REPLACE FUNCTION {name}() RETURNS trigger LANGUAGE plpgsql AS $$ "
            f"BEGIN PERFORM insights_rollup_refresh(ARRAY({ids})); RETURN NULL; END $$"
        )
        schema_editor.execute(
            f"CREATE TRIGGER {name} AFTER {event} ON {table} REFERENCING {referencing} "
            f"FOR EACH STATEMENT EXECUTE FUNCTION {name}()"
        )
    schema_editor.execute(
        "CREATE OR REPLACE FUNCTION insights_rollup_app_delete() RETURNS trigger "
        "LANGUAGE plpgsql AS $$ BEGIN DELETE FROM insights_timelinerollup "
        "WHERE application_id IN (SELECT id FROM gone); RETURN NULL; END $$"
    )
    schema_editor.execute(
        "CREATE TRIGGER insights_rollup_app_delete AFTER DELETE ON applications_application "
        "REFERENCING OLD TABLE AS gone FOR EACH STATEMENT "
        "EXECUTE FUNCTION insights_rollup_app_delete()"
    )
    # The applications already there, in one statement.
    schema_editor.execute(
        "SELECT insights_rollup_refresh(ARRAY(SELECT id FROM applications_application))"
    )


def _drop(apps, schema_editor):
    if schema_editor.connection.vendor != "postgresql":
        return
    for name, table, *_ in [*_TRIGGERS, ("insights_rollup_app_delete", "applications_application")]:
        schema_editor.execute(f"DROP TRIGGER IF EXISTS {name} ON {table}")
        schema_editor.execute(f"DROP FUNCTION IF EXISTS {name}()")
    schema_editor.execute("DROP FUNCTION IF EXISTS insights_rollup_refresh(bigint[])")


class Migration(migrations.Migration):
    initial = True

    dependencies = [
        ("applications", "0015_savedview"),
    ]

    operations = [
        migrations.CreateModel(
            name="TimelineRollup",
            fields=[
                (
                    "application",
                    models.OneToOneField(
                        db_constraint=False,
                        on_delete=django.db.models.deletion.DO_NOTHING,
                        primary_key=True,
                        related_name="timeline_rollup",
                        serialize=False,
                        to="applications.application",
                    ),
                ),
                ("top_rank", models.PositiveSmallIntegerField(default=0)),
                ("first_answer_on", models.DateField(null=True)),
                ("ghosted", models.BooleanField(default=False)),
                ("exits", models.TextField(blank=True, default="")),
            ],
            options={
                "db_table": "insights_timelinerollup",
            },
        ),
        migrations.RunPython(_create, _drop),
    ]
