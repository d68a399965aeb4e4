"""Each timeline's rollup row also holds its application's owner, date applied, source and
company (insights.models.TimelineRollup), so Insights reads a period's cohort from the rollup
alone. The refresh function writes them, and the applications' update trigger now fires for a
new source, company or owner as well as a new date applied. As in 0001, the SQL is written
out as it stood: tests/insights/test_timeline_rollup.py checks the rows against the tables."""

import importlib

import django.db.models.deletion
from django.conf import settings
from django.db import migrations, models

_REFRESH = """
CREATE OR REPLACE FUNCTION insights_rollup_refresh(ids bigint[]) RETURNS void
LANGUAGE plpgsql AS $$
BEGIN
    IF ids IS NULL OR cardinality(ids) = 0 THEN
        RETURN;
    END IF;
    -- As in 0001: wait for any other transaction changing these applications first.
    PERFORM 1 FROM applications_application WHERE id = ANY(ids) ORDER BY id
        FOR NO KEY UPDATE;
    DELETE FROM insights_timelinerollup r WHERE r.application_id = ANY(ids)
        AND NOT EXISTS (SELECT 1 FROM applications_application a WHERE a.id = r.application_id);
    INSERT INTO insights_timelinerollup (application_id, top_rank, first_answer_on, ghosted,
        exits, owner_id, date_applied, source, company_id)
    SELECT a.id,
        COALESCE(MAX(CASE s.to_status
            WHEN 'applied' THEN 1 WHEN 'screening' THEN 2 WHEN 'interviewing' THEN 3
            WHEN 'offer' THEN 4 WHEN 'accepted' THEN 5 ELSE 0 END), 0),
        MIN(s.changed_on) FILTER (
            WHERE s.to_status IN ('screening', 'interviewing', 'offer', 'accepted', 'rejected')
            AND s.changed_on >= a.date_applied),
        COALESCE(bool_or(s.to_status = 'ghosted'), false),
        COALESCE(string_agg(DISTINCT s.from_status || '>' || s.to_status, ' ')
            FILTER (WHERE s.to_status IN ('rejected', 'withdrawn', 'ghosted')), ''),
        a.owner_id, a.date_applied, a.source, a.company_id
    FROM applications_application a
    LEFT JOIN applications_statuschange s ON s.application_id = a.id
    WHERE a.id = ANY(ids)
    GROUP BY a.id
    ON CONFLICT (application_id) DO UPDATE SET
        top_rank = EXCLUDED.top_rank, first_answer_on = EXCLUDED.first_answer_on,
        ghosted = EXCLUDED.ghosted, exits = EXCLUDED.exits, owner_id = EXCLUDED.owner_id,
        date_applied = EXCLUDED.date_applied, source = EXCLUDED.source,
        company_id = EXCLUDED.company_id;
END $$
"""

# A new date applied changes which answers count; a new source, company or owner, what the row
# copies. Anything else (a status, a note) changes no row.
_APP_UPDATE = (
    "CREATE OR REPLACE FUNCTION insights_rollup_app_update() RETURNS trigger LANGUAGE plpgsql"
    " AS $$ BEGIN PERFORM insights_rollup_refresh(ARRAY("
    "SELECT changed.id FROM changed JOIN before USING (id)"
    " WHERE (changed.date_applied, changed.source, changed.company_id, changed.owner_id)"
    " IS DISTINCT FROM (before.date_applied, before.source, before.company_id, before.owner_id)"
    ")); RETURN NULL; END $$"
)


def _create(apps, schema_editor):
    if schema_editor.connection.vendor != "postgresql":
        return
    schema_editor.execute(_REFRESH)
    schema_editor.execute(_APP_UPDATE)
    # Every row again, in one statement: the new columns filled.
    schema_editor.execute(
        "SELECT insights_rollup_refresh(ARRAY(SELECT id FROM applications_application))"
    )
    schema_editor.execute("ANALYZE insights_timelinerollup")


def _restore(apps, schema_editor):
    """0001's function and trigger, as they were."""
    if schema_editor.connection.vendor != "postgresql":
        return
    before = importlib.import_module("insights.migrations.0001_timeline_rollup")
    schema_editor.execute(before._REFRESH)
    name, _table, _event, _referencing, ids = next(
        t for t in before._TRIGGERS if t[0] == "insights_rollup_app_update"
    )
    schema_editor.execute(
        f"CREATE OR REPLACE FUNCTION {name}() RETURNS trigger LANGUAGE plpgsql AS $$ "
        f"BEGIN PERFORM insights_rollup_refresh(ARRAY({ids})); RETURN NULL; END $$"
    )


class Migration(migrations.Migration):
    dependencies = [
        ("applications", "0015_savedview"),
        ("insights", "0002_assessment_rollup"),
        migrations.swappable_dependency(settings.AUTH_USER_MODEL),
    ]

    operations = [
        migrations.AddField(
            model_name="timelinerollup",
            name="company",
            field=models.ForeignKey(
                db_constraint=False,
                db_index=False,
                null=True,
                on_delete=django.db.models.deletion.DO_NOTHING,
                related_name="+",
                to="applications.company",
            ),
        ),
        migrations.AddField(
            model_name="timelinerollup",
            name="date_applied",
            field=models.DateField(null=True),
        ),
        migrations.AddField(
            model_name="timelinerollup",
            name="owner",
            field=models.ForeignKey(
                db_constraint=False,
                db_index=False,
                null=True,
                on_delete=django.db.models.deletion.DO_NOTHING,
                related_name="+",
                to=settings.AUTH_USER_MODEL,
            ),
        ),
        migrations.AddField(
            model_name="timelinerollup",
            name="source",
            field=models.CharField(
                blank=True,
                choices=[
                    ("job_board", "Job board"),
                    ("company_site", "Company website"),
                    ("referral", "Referral / network"),
                    ("staffing_agency", "Staffing agency"),
                    ("recruiter", "Recruiter reached out"),
                    ("other", "Other"),
                ],
                default="",
                max_length=20,
            ),
        ),
        migrations.AddIndex(
            model_name="timelinerollup",
            index=models.Index(fields=["owner", "date_applied"], name="insights_rollup_by_applied"),
        ),
        migrations.RunPython(_create, _restore),
    ]
