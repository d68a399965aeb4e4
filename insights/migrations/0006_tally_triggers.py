"""The tallies' triggers (insights.models: AnswerTally and CompanyTally count the timelines'
rollup rows, AssessmentTally the self-assessments'), statement-level triggers on the rollup
tables themselves, so a tally follows every writer of its rollup (today only the rollups'
refresh functions, run by the triggers of 0001–0004).

Each changed rollup row counts out (-1) as it was and in (+1) as it is. A timeline's row
without an owner or a date applied (a wishlist entry) counts nowhere, as it is in no period's
cohort. A tally's row goes when its count reaches 0.

Lock order. Two transactions changing one user's rows must not reach the same tally rows in
opposite orders. The timelines' rollup is written by triggers on the applications and their
status changes, which fire after the data version's triggers on the same tables (PostgreSQL
orders a table's triggers by name: "applications_…_bumps_version" first), so a second
transaction waits on the user's data version row before it reaches a tally. On the interviews
and their self-assessments the rollup's triggers fire first ("insights_…" before
"interviews_…"), so the assessments' tally takes the owners' data version rows itself, before
its own. The rows are written in key order all the same.

PostgreSQL only, like the rollups: on SQLite the tables stay empty and Insights counts the
rows. tests/insights/test_tallies.py and test_assessment_rollup.py hold each tally equal to
what it counts, worked out in Python from the tables, after random histories."""

from django.db import migrations

# A changed row as it was (-1) and as it is (+1), per event.
_CHANGED = {
    "INSERT": ("NEW TABLE AS after", "SELECT after.*, 1 AS d FROM after"),
    "UPDATE": (
        "OLD TABLE AS before NEW TABLE AS after",
        "SELECT before.*, -1 AS d FROM before UNION ALL SELECT after.*, 1 AS d FROM after",
    ),
    "DELETE": ("OLD TABLE AS before", "SELECT before.*, -1 AS d FROM before"),
}


def _apply(table: str, keys: dict[str, str], sums: dict[str, str], where: str) -> str:
    """The statement that adds the changed rows (`{changed}`, with their sign `d`) to `table`,
    grouped by `keys` (column: expression over a changed row), each of `sums` (column:
    expression) summed times its sign, besides the count `n`. A count that falls is updated in
    place; one that rises or stays is added, or inserted when the group is new: ON CONFLICT
    can't take the falls, as PostgreSQL checks a new row (n >= 0) before it looks for the
    conflict. A key's column that may be NULL (`days`) is matched as not distinct."""
    columns = [*keys, "n", *sums]
    matched = " AND ".join(
        f"t.{k} IS NOT DISTINCT FROM delta.{k}" if k == "days" else f"t.{k} = delta.{k}"
        for k in keys
    )
    grouped = ", ".join(str(i) for i in range(1, len(keys) + 1))
    return f"""
    WITH delta AS (
        SELECT {", ".join(f"{e} AS {k}" for k, e in keys.items())}, SUM(d) AS n
            {"".join(f", SUM(d * {e}) AS {k}" for k, e in sums.items())}
        FROM ({{changed}}) AS c WHERE {where}
        GROUP BY {grouped}
        HAVING SUM(d) <> 0 {"".join(f" OR SUM(d * {e}) <> 0" for e in sums.values())}
    ), fell AS (
        UPDATE {table} t SET {", ".join(f"{c} = t.{c} + delta.{c}" for c in ["n", *sums])}
        FROM delta WHERE delta.n < 0 AND {matched}
    )
    INSERT INTO {table} AS t ({", ".join(columns)})
    SELECT {", ".join(columns)} FROM delta WHERE n >= 0 ORDER BY {grouped}
    ON CONFLICT ({", ".join(keys)})
        DO UPDATE SET {", ".join(f"{c} = t.{c} + EXCLUDED.{c}" for c in ["n", *sums])};
    DELETE FROM {table} WHERE n = 0 AND owner_id IN (SELECT owner_id FROM ({{changed}}) AS c);
"""


_DATED = "owner_id IS NOT NULL AND date_applied IS NOT NULL"
_TIMELINES = "".join(
    [
        _apply(
            "insights_answertally",
            {
                "owner_id": "owner_id",
                "source": "source",
                "top_rank": "top_rank",
                "days": "first_answer_on - date_applied",
                "ghosted": "ghosted",
                "exits": "exits",
            },
            {},
            _DATED,
        ),
        _apply(
            "insights_companytally",
            {"owner_id": "owner_id", "company_id": "company_id"},
            {},
            f"{_DATED} AND company_id IS NOT NULL",
        ),
    ]
)
_RATINGS = (
    "qualification_fit",
    "preparation",
    "communication",
    "technical_answers",
    "rapport",
    "confidence",
)
_ASSESSMENTS = _apply(
    "insights_assessmenttally",
    {
        "owner_id": "owner_id",
        "round_type": "round_type",
        "month": "date_trunc('month', starts_at, 'UTC')",
    },
    {name: name for name in _RATINGS},
    "true",
)

# The owners' data version rows, locked first where a tally's triggers would otherwise come
# before the data version's (see the docstring), in id order.
_VERSIONS_FIRST = (
    "PERFORM 1 FROM rebound_dataversion WHERE user_id IN (SELECT owner_id FROM ({changed}) AS c)"
    " ORDER BY user_id FOR NO KEY UPDATE;"
)

# (trigger prefix, the table it counts, what its triggers do first, what a change does)
TALLIES = [
    ("insights_tally", "insights_timelinerollup", "", _TIMELINES),
    ("insights_assessed_tally", "insights_assessmentrollup", _VERSIONS_FIRST, _ASSESSMENTS),
]


def trigger_names(prefix: str) -> list[str]:
    return [f"{prefix}_{event.lower()}" for event in _CHANGED]


def _create(apps, schema_editor):
    if schema_editor.connection.vendor != "postgresql":
        return
    for prefix, table, first, statements in TALLIES:
        for (event, (referencing, changed)), name in zip(
            _CHANGED.items(), trigger_names(prefix), strict=True
        ):
            schema_editor.execute(
                f"CREATE OR REPLACE FUNCTION {name}() RETURNS trigger LANGUAGE plpgsql AS $$ "
                # A statement that changed no row (the refresh's DELETE and upsert often don't)
                # leaves at once.
                f"BEGIN IF NOT EXISTS ({changed}) THEN RETURN NULL; END IF; "
                f"{(first + statements).format(changed=changed)} RETURN NULL; END $$"
            )
            schema_editor.execute(
                f"CREATE TRIGGER {name} AFTER {event} ON {table} "
                f"REFERENCING {referencing} FOR EACH STATEMENT EXECUTE FUNCTION {name}()"
            )
        # The rows already there, counted in as if each were new, a statement at a time.
        fill = statements.format(changed=f"SELECT r.*, 1 AS d FROM {table} r")
        for statement in filter(str.strip, fill.split(";")):
            schema_editor.execute(statement)
    for name in ("answer", "company", "assessment"):
        schema_editor.execute(f"ANALYZE insights_{name}tally")


def _drop(apps, schema_editor):
    if schema_editor.connection.vendor != "postgresql":
        return
    for prefix, table, *_ in TALLIES:
        for name in trigger_names(prefix):
            schema_editor.execute(f"DROP TRIGGER IF EXISTS {name} ON {table}")
            schema_editor.execute(f"DROP FUNCTION IF EXISTS {name}()")


class Migration(migrations.Migration):
    dependencies = [
        ("insights", "0005_tallies"),
        ("rebound", "0003_data_version"),
    ]

    operations = [
        migrations.RunPython(_create, _drop),
    ]
