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

from django.conf import settings
from django.db import models

from applications.models import Application, Company, Source
from interviews.models import Interview, SelfAssessment


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
    owner = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        null=True,
        db_constraint=False,
        db_index=False,  # the index below serves it
        on_delete=models.DO_NOTHING,
        related_name="+",
    )
    date_applied = models.DateField(null=True)
    source = models.CharField(max_length=20, choices=Source.choices, blank=True, default="")
    company = models.ForeignKey(
        Company,
        null=True,
        db_constraint=False,
        db_index=False,
        on_delete=models.DO_NOTHING,
        related_name="+",
    )
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
    owner = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        db_constraint=False,
        db_index=False,  # the (owner, starts_at) index below serves it
        on_delete=models.DO_NOTHING,
        related_name="+",
    )
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
