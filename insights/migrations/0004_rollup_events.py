"""Each timeline's rollup row also holds the first and last day of its rejections and offers
(insights.models.TimelineRollup), indexed by owner and last day, so Insights' wellbeing chart
finds the applications whose latest rejections and offers it shows without joining every
status change to every application of the user (the status changes have no owner). The
refresh function writes them; its triggers already fire for every change to a timeline. As in
0001 and 0003, the SQL is written out as it stood: tests/insights/test_timeline_rollup.py
checks the rows against the tables.

And an index by owner, company and date applied: the answers by company count only the
busiest companies' rows off it, where they read every row of the cohort a second time."""

import importlib

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
        exits, owner_id, date_applied, source, company_id, first_event_on, last_event_on)
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
        a.owner_id, a.date_applied, a.source, a.company_id,
        MIN(s.changed_on) FILTER (WHERE s.to_status IN ('rejected', 'offer')),
        MAX(s.changed_on) FILTER (WHERE s.to_status IN ('rejected', 'offer'))
    FROM applications_application a
    LEFT JOIN applications_statuschange s ON s.application_id = a.id
    WHERE a.id = ANY(ids)
    GROUP BY a.id
    ON CONFLICT (application_id) DO UPDATE SET
        top_rank = EXCLUDED.top_rank, first_answer_on = EXCLUDED.first_answer_on,
        ghosted = EXCLUDED.ghosted, exits = EXCLUDED.exits, owner_id = EXCLUDED.owner_id,
        date_applied = EXCLUDED.date_applied, source = EXCLUDED.source,
        company_id = EXCLUDED.company_id, first_event_on = EXCLUDED.first_event_on,
        last_event_on = EXCLUDED.last_event_on;
END $$
"""


def _create(apps, schema_editor):
    if schema_editor.connection.vendor != "postgresql":
        return
    schema_editor.execute(_REFRESH)
    # Every row again, in one statement: the new columns filled.
    schema_editor.execute(
        "SELECT insights_rollup_refresh(ARRAY(SELECT id FROM applications_application))"
    )
    schema_editor.execute("ANALYZE insights_timelinerollup")


def _restore(apps, schema_editor):
    """0003's function, as it was."""
    if schema_editor.connection.vendor != "postgresql":
        return
    before = importlib.import_module("insights.migrations.0003_rollup_cohort")
    schema_editor.execute(before._REFRESH)


class Migration(migrations.Migration):
    dependencies = [
        ("insights", "0003_rollup_cohort"),
    ]

    operations = [
        migrations.AddField(
            model_name="timelinerollup",
            name="first_event_on",
            field=models.DateField(null=True),
        ),
        migrations.AddField(
            model_name="timelinerollup",
            name="last_event_on",
            field=models.DateField(null=True),
        ),
        migrations.AddIndex(
            model_name="timelinerollup",
            index=models.Index(fields=["owner", "last_event_on"], name="insights_rollup_by_event"),
        ),
        migrations.AddIndex(
            model_name="timelinerollup",
            index=models.Index(
                fields=["owner", "company", "date_applied"], name="insights_rollup_by_company"
            ),
        ),
        migrations.RunPython(_create, _restore),
    ]
