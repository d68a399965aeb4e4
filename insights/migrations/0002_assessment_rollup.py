"""The self-assessments' rollup (insights.models.AssessmentRollup) and the triggers that keep
it, as insights.0001 keeps the timelines' (see there). tests/insights/test_assessment_rollup.py
checks the triggers' rows against the assessments and their interviews read the long way."""

import django.db.models.deletion
from django.conf import settings
from django.db import migrations, models

_REFRESH = """
CREATE OR REPLACE FUNCTION insights_assessed_refresh(interview_ids bigint[], gone_ids bigint[])
RETURNS void LANGUAGE plpgsql AS $$
BEGIN
    IF cardinality(interview_ids) = 0 THEN
        RETURN;
    END IF;
    -- Wait for any other transaction changing these interviews or their assessments, so
    -- that the next statements, each with a snapshot of its own, read what it committed (as
    -- insights_rollup_refresh does for applications).
    PERFORM 1 FROM interviews_interview WHERE id = ANY(interview_ids) ORDER BY id
        FOR NO KEY UPDATE;
    DELETE FROM insights_assessmentrollup r WHERE r.assessment_id = ANY(gone_ids)
        AND NOT EXISTS (SELECT 1 FROM interviews_selfassessment s WHERE s.id = r.assessment_id);
    INSERT INTO insights_assessmentrollup (assessment_id, owner_id, starts_at, round_type,
        qualification_fit, preparation, communication, technical_answers, rapport, confidence)
    SELECT s.id, i.owner_id, i.starts_at, i.round_type, s.qualification_fit, s.preparation,
        s.communication, s.technical_answers, s.rapport, s.confidence
    FROM interviews_selfassessment s JOIN interviews_interview i ON i.id = s.interview_id
    WHERE s.interview_id = ANY(interview_ids)
    ON CONFLICT (assessment_id) DO UPDATE SET
        owner_id = EXCLUDED.owner_id, starts_at = EXCLUDED.starts_at,
        round_type = EXCLUDED.round_type, qualification_fit = EXCLUDED.qualification_fit,
        preparation = EXCLUDED.preparation, communication = EXCLUDED.communication,
        technical_answers = EXCLUDED.technical_answers, rapport = EXCLUDED.rapport,
        confidence = EXCLUDED.confidence;
END $$
"""

# (trigger, table, event, REFERENCING, the interviews whose rows to refresh, the assessments
# that may be gone)
TRIGGERS = [
    (
        "insights_assessed_sa_insert",
        "interviews_selfassessment",
        "INSERT",
        "NEW TABLE AS changed",
        "SELECT interview_id FROM changed",
        "SELECT NULL::bigint WHERE false",
    ),
    (
        "insights_assessed_sa_update",
        "interviews_selfassessment",
        "UPDATE",
        "OLD TABLE AS before NEW TABLE AS changed",
        "SELECT interview_id FROM changed UNION SELECT interview_id FROM before",
        "SELECT id FROM before",
    ),
    (
        "insights_assessed_sa_delete",
        "interviews_selfassessment",
        "DELETE",
        "OLD TABLE AS before",
        "SELECT interview_id FROM before",
        "SELECT id FROM before",
    ),
    # Only what the rollup copies: a new note or place changes no row.
    (
        "insights_assessed_iv_update",
        "interviews_interview",
        "UPDATE",
        "OLD TABLE AS before NEW TABLE AS changed",
        "SELECT changed.id FROM changed JOIN before USING (id)"
        " WHERE (changed.starts_at, changed.round_type, changed.owner_id)"
        " IS DISTINCT FROM (before.starts_at, before.round_type, before.owner_id)",
        "SELECT NULL::bigint WHERE false",
    ),
]


def _create(apps, schema_editor):
    if schema_editor.connection.vendor != "postgresql":
        return
    schema_editor.execute(_REFRESH)
    for name, table, event, referencing, interviews, gone in TRIGGERS:
        schema_editor.execute(
            f"CREATE OR REPLACE FUNCTION {name}() RETURNS trigger LANGUAGE plpgsql AS $$ "
            f"BEGIN PERFORM insights_assessed_refresh(ARRAY({interviews}), ARRAY({gone})); "
            "RETURN NULL; END $$"
        )
        schema_editor.execute(
            f"CREATE TRIGGER {name} AFTER {event} ON {table} REFERENCING {referencing} "
            f"FOR EACH STATEMENT EXECUTE FUNCTION {name}()"
        )
    # The assessments already there, in one statement.
    schema_editor.execute(
        "SELECT insights_assessed_refresh("
        "ARRAY(SELECT interview_id FROM interviews_selfassessment), '{}')"
    )
    # Planned from its statistics at once, not after autovacuum's first look.
    schema_editor.execute("ANALYZE insights_assessmentrollup")


def _drop(apps, schema_editor):
    if schema_editor.connection.vendor != "postgresql":
        return
    for name, table, *_ in TRIGGERS:
        schema_editor.execute(f"DROP TRIGGER IF EXISTS {name} ON {table}")
        schema_editor.execute(f"DROP FUNCTION IF EXISTS {name}()")
    schema_editor.execute("DROP FUNCTION IF EXISTS insights_assessed_refresh(bigint[], bigint[])")


class Migration(migrations.Migration):
    dependencies = [
        ("insights", "0001_timeline_rollup"),
        ("interviews", "0007_labels"),
        migrations.swappable_dependency(settings.AUTH_USER_MODEL),
    ]

    operations = [
        migrations.CreateModel(
            name="AssessmentRollup",
            fields=[
                (
                    "assessment",
                    models.OneToOneField(
                        db_constraint=False,
                        on_delete=django.db.models.deletion.DO_NOTHING,
                        primary_key=True,
                        related_name="rollup",
                        serialize=False,
                        to="interviews.selfassessment",
                    ),
                ),
                ("starts_at", models.DateTimeField()),
                (
                    "round_type",
                    models.CharField(
                        choices=[
                            ("phone_screen", "Phone screen"),
                            ("recruiter", "Recruiter call"),
                            ("technical", "Technical"),
                            ("take_home", "Take-home"),
                            ("panel", "Panel"),
                            ("onsite", "On-site"),
                            ("final", "Final"),
                            ("other", "Other"),
                        ],
                        max_length=20,
                    ),
                ),
                ("qualification_fit", models.PositiveSmallIntegerField()),
                ("preparation", models.PositiveSmallIntegerField()),
                ("communication", models.PositiveSmallIntegerField()),
                ("technical_answers", models.PositiveSmallIntegerField()),
                ("rapport", models.PositiveSmallIntegerField()),
                ("confidence", models.PositiveSmallIntegerField()),
                (
                    "owner",
                    models.ForeignKey(
                        db_constraint=False,
                        db_index=False,
                        on_delete=django.db.models.deletion.DO_NOTHING,
                        related_name="+",
                        to=settings.AUTH_USER_MODEL,
                    ),
                ),
            ],
            options={
                "db_table": "insights_assessmentrollup",
                "indexes": [
                    models.Index(
                        fields=["owner", "starts_at", "assessment"],
                        name="insights_assessed_by_start",
                    )
                ],
            },
        ),
        migrations.RunPython(_create, _drop),
    ]
