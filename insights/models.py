"""What Insights reads from each application's timeline, rolled up per application.

The funnel and the answers count, per application of a period's cohort, the furthest stage its
timeline reached, its first answer and whether it was ever marked ghosted; the funnel's exits
count where it left. Read from the timeline itself that is a join of every status change of
the cohort (for a search of 5,000 applications, ~12,000 rows on every first render after a
change). The rollup is one row per application, kept by database triggers in the same
transaction as any change to a timeline or to an application's date applied, so it can't go
stale; Insights joins it instead (`insights.metrics.timeline`).

PostgreSQL only, like the data version (rebound.triggers): statement-level triggers with
transition tables, so an import of 5,000 applications refreshes their rows in one statement.
On SQLite (`make run`, one demo user) the table stays empty and Insights reads the timeline.
Nothing in Python writes it.
"""

from typing import Any

from django.conf import settings
from django.db import models

from applications.models import Application, Company, Source
from interviews.models import Interview, SelfAssessment


def _kept_by_triggers(to: Any, *, null: bool = False) -> Any:
    """A reference that only the triggers write: no constraint (they add and remove the row
    with what it refers to), no index of its own (the model's composite index or unique
    constraint, led by it, serves it), and
    nothing for Django's delete collector to do."""
    return models.ForeignKey(
        to,
        null=null,
        db_constraint=False,
        db_index=False,
        on_delete=models.DO_NOTHING,
        related_name="+",
    )


def _emptied(name: str) -> models.Index:
    """A tally's rows a change emptied (n = 0), which its triggers remove at once: found by
    this index without reading the owner's other rows."""
    return models.Index(fields=["owner"], condition=models.Q(n=0), name=name)


class TimelineRollup(models.Model):
    # No foreign key constraint and DO_NOTHING: the triggers add and remove the row with its
    # application, and Django's delete collector must not try to do it as well (it would race
    # the status-change trigger that writes the row back while the timeline goes).
    application = models.OneToOneField(
        Application,
        primary_key=True,
        db_constraint=False,
        on_delete=models.DO_NOTHING,
        related_name="timeline_rollup",
    )
    # The furthest pipeline rank the timeline reached: applied 1 … accepted 5, 0 for none
    # (insights.metrics.timeline.RANK).
    top_rank = models.PositiveSmallIntegerField(default=0)
    # The first answer (a move past applied, or a rejection) on or after the date applied.
    first_answer_on = models.DateField(null=True)
    ghosted = models.BooleanField(default=False)  # ever marked ghosted
    # Each distinct exit the timeline made, as "from>to" (from may be empty), space-separated.
    exits = models.TextField(default="", blank=True)
    # The application's own, copied by the same triggers when they change
    # (insights.0003_rollup_cohort): a period's cohort is then read from these rows alone, by
    # the (owner, date_applied) index, without joining the applications. Empty only on a row
    # the migration that added them has not filled yet (it fills every row).
    owner = _kept_by_triggers(settings.AUTH_USER_MODEL, null=True)
    date_applied = models.DateField(null=True)
    source = models.CharField(max_length=20, choices=Source.choices, blank=True, default="")
    company = _kept_by_triggers(Company, null=True)
    # The first and last day of the timeline's rejections and offers (insights.0004), None
    # without any: the wellbeing chart's latest events are found by the (owner, last day)
    # index (insights.metrics.wellbeing), as the status changes have no owner of their own.
    first_event_on = models.DateField(null=True)
    last_event_on = models.DateField(null=True)

    class Meta:
        db_table = "insights_timelinerollup"
        indexes = [
            models.Index(fields=["owner", "date_applied"], name="insights_rollup_by_applied"),
            models.Index(fields=["owner", "last_event_on"], name="insights_rollup_by_event"),
            # The answers by company count the busiest companies' rows off this, not every row
            # of the cohort again (insights.metrics.timeline, `busiest`).
            models.Index(
                fields=["owner", "company", "date_applied"], name="insights_rollup_by_company"
            ),
        ]

    def __str__(self) -> str:
        return f"rollup of application {self.application_id}"


class AssessmentRollup(models.Model):
    """Each self-assessment's ratings beside its interview's owner, start and round type.

    Insights counts a period's self-assessments by their interview's start: read from the
    assessments themselves that is a join of every interview of the user (15,000 for a heavy
    search) to find the 3,000 assessed, then a sort by start. This row holds what those
    counts need, ordered by the (owner, start) index, so the period's assessments come in
    their time order without the join or the sort. Kept like TimelineRollup: by PostgreSQL
    triggers on the assessments and the interviews (insights.0002_assessment_rollup), in the
    same statement as any change; empty on SQLite; nothing in Python writes it."""

    # As TimelineRollup's: no constraint, DO_NOTHING, the triggers remove the row.
    assessment = models.OneToOneField(
        SelfAssessment,
        primary_key=True,
        db_constraint=False,
        on_delete=models.DO_NOTHING,
        related_name="rollup",
    )
    owner = _kept_by_triggers(settings.AUTH_USER_MODEL)
    starts_at = models.DateTimeField()  # the interview's
    round_type = models.CharField(max_length=20, choices=Interview.Round.choices)  # the interview's
    qualification_fit = models.PositiveSmallIntegerField()
    preparation = models.PositiveSmallIntegerField()
    communication = models.PositiveSmallIntegerField()
    technical_answers = models.PositiveSmallIntegerField()
    rapport = models.PositiveSmallIntegerField()
    confidence = models.PositiveSmallIntegerField()

    class Meta:
        db_table = "insights_assessmentrollup"
        indexes = [
            models.Index(
                fields=["owner", "starts_at", "assessment"], name="insights_assessed_by_start"
            )
        ]

    def __str__(self) -> str:
        return f"rollup of self-assessment {self.assessment_id}"


class AnswerTally(models.Model):
    """How many of a user's applications with a date applied are alike in what Insights'
    funnel and answers count of them: their TimelineRollup rows counted per (source, furthest
    rank, days to the first answer, ghosted, exits).

    Insights for all time counts the whole cohort: read from the rollup rows that is every row
    of the search (4,500 for a heavy one) on every first render after a change. These rows
    are a few hundred, whatever the search's size. Kept by PostgreSQL triggers on the rollup
    rows themselves (insights.0006_tally_triggers): each row changed counts out as it was and
    in as it is, in the same statement, so a count follows whatever wrote the rollup. Empty on
    SQLite; nothing in Python writes it."""

    owner = _kept_by_triggers(settings.AUTH_USER_MODEL)
    source = models.CharField(max_length=20, choices=Source.choices, blank=True, default="")
    top_rank = models.PositiveSmallIntegerField()
    days = models.IntegerField(null=True)  # first_answer_on - date_applied; None: no answer
    ghosted = models.BooleanField()
    exits = models.TextField(blank=True)
    # Never below zero (the field's own check): a row counted out that was never counted in
    # would be a bug in the triggers, and fails the write rather than the page.
    n = models.PositiveIntegerField()

    class Meta:
        db_table = "insights_answertally"
        indexes = [_emptied("insights_answers_emptied")]
        constraints = [
            # Without an answer `days` is NULL: one row for those too, not one per insert.
            models.UniqueConstraint(
                fields=["owner", "source", "top_rank", "days", "ghosted", "exits"],
                nulls_distinct=False,
                name="insights_answertally_one_per_group",
            )
        ]

    def __str__(self) -> str:
        return f"{self.n} alike of user {self.owner_id}"


class CompanyTally(models.Model):
    """How many of a user's applications with a date applied went to each company: the
    answers by company pick the busiest companies off these rows for all time, not off every
    rollup row. Kept with AnswerTally, by the same triggers."""

    owner = _kept_by_triggers(settings.AUTH_USER_MODEL)
    company = _kept_by_triggers(Company)
    n = models.PositiveIntegerField()

    class Meta:
        db_table = "insights_companytally"
        indexes = [_emptied("insights_companies_emptied")]
        constraints = [
            models.UniqueConstraint(
                fields=["owner", "company"], name="insights_companytally_one_per_company"
            )
        ]

    def __str__(self) -> str:
        return f"{self.n} at company {self.company_id}"


class AssessmentTally(models.Model):
    """A user's self-assessments per round type and UTC month of their interview's start:
    how many, and the sum of each rating. For all time Insights reads the months from these
    rows and only the month where its earlier half ends from the AssessmentRollup rows
    (insights.metrics.assessments), where it read all of them three times. UTC months, so no
    row depends on the user's time zone. Kept by PostgreSQL triggers on the AssessmentRollup
    rows (insights.0006_tally_triggers); empty on SQLite; nothing in Python writes it."""

    owner = _kept_by_triggers(settings.AUTH_USER_MODEL)
    round_type = models.CharField(max_length=20, choices=Interview.Round.choices)
    month = models.DateTimeField()  # the first instant of the UTC month
    n = models.PositiveIntegerField()
    # Sums, not averages: a change adds and takes away. Not checked for sign: an edited rating
    # is counted out and in by one change whose sum alone may fall.
    qualification_fit = models.IntegerField()
    preparation = models.IntegerField()
    communication = models.IntegerField()
    technical_answers = models.IntegerField()
    rapport = models.IntegerField()
    confidence = models.IntegerField()

    class Meta:
        db_table = "insights_assessmenttally"
        indexes = [_emptied("insights_assessed_emptied")]
        constraints = [
            models.UniqueConstraint(
                fields=["owner", "round_type", "month"],
                name="insights_assessmenttally_one_per_month",
            )
        ]

    def __str__(self) -> str:
        return f"{self.n} {self.round_type} in {self.month:%Y-%m}"
