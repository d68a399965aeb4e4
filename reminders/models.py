import datetime as dt
import zoneinfo

from django.conf import settings
from django.db import models
from django.db.models import Q
from django.utils import timezone

from .kinds import label_of

OPEN_STATUSES = ["scheduled", "sending"]


class Status(models.TextChoices):
    SCHEDULED = "scheduled", "Scheduled"
    SENDING = "sending", "Sending"
    SENT = "sent", "Sent"
    FAILED = "failed", "Failed"
    CANCELLED = "cancelled", "Cancelled"
    DONE = "done", "Done"


class Reminder(models.Model):
    """One email due at one moment, about one thing ("subject") that an app above owns.

    The engine knows a subject only by its kind (which names the model, see reminders.kinds)
    and its id, so no app's table is referenced here and deleting a subject leaves the row as
    history; the sender cancels a reminder whose subject is gone instead of sending it.
    """

    Status = Status

    OPEN = (Status.SCHEDULED, Status.SENDING)

    owner = models.ForeignKey(settings.AUTH_USER_MODEL, on_delete=models.CASCADE)
    # A registered kind's name (reminders.kinds); a system check finds unregistered ones.
    kind = models.CharField(max_length=40)
    subject_id = models.BigIntegerField()
    # A group of reminders their owner cancels together, e.g. everything about one
    # application ("applications.application:12"), whatever app scheduled them.
    scope = models.CharField(max_length=80, blank=True)
    # The user's intent; due_at is derived from it and re-derived when preferences change.
    local_date = models.DateField()
    local_time = models.TimeField()
    timezone = models.CharField(max_length=64)
    due_at = models.DateTimeField()
    status = models.CharField(max_length=10, choices=Status.choices, default=Status.SCHEDULED)
    # When the dispatcher should next look: the due time, a retry's backoff, or a lease's end.
    run_at = models.DateTimeField()
    attempts = models.PositiveSmallIntegerField(default=0)
    lease_token = models.UUIDField(null=True, blank=True)
    # Bumped on every change a link could act on, so each emailed link works once.
    version = models.PositiveIntegerField(default=1)
    sent_at = models.DateTimeField(null=True, blank=True)
    # The class and code of the last delivery error: never the server's text (it quotes the
    # address) and nothing else personal.
    last_error = models.CharField(max_length=200, blank=True)
    # Why it ended without being sent, in words the user sees ("the interview was deleted").
    ended_reason = models.CharField(max_length=200, blank=True)
    created_at = models.DateTimeField(auto_now_add=True)
    updated_at = models.DateTimeField(auto_now=True)

    class Meta:
        ordering = ["due_at", "pk"]
        constraints = [
            models.UniqueConstraint(
                fields=["kind", "subject_id"],
                condition=Q(status__in=OPEN_STATUSES),
                name="reminder_one_open_per_kind_and_subject",
            ),
            models.CheckConstraint(
                condition=~Q(status="sending") | Q(lease_token__isnull=False),
                name="reminder_sending_holds_a_lease",
            ),
            models.CheckConstraint(
                condition=~Q(status="sent") | Q(sent_at__isnull=False),
                name="reminder_sent_has_time",
            ),
            models.CheckConstraint(
                condition=Q(status__in=Status.values),
                name="reminder_status_known",
            ),
        ]
        indexes = [
            # The dispatcher: open reminders whose run_at has come (reminders_claim_due).
            models.Index(
                fields=["run_at"],
                condition=Q(status__in=OPEN_STATUSES),
                name="reminder_dispatch_idx",
            ),
            # The reminders page: one user's reminders by due time.
            models.Index(fields=["owner", "due_at"], name="reminder_owner_due_idx"),
            # reminders_cancel(scope=…) and an application page's upcoming reminders.
            models.Index(
                fields=["scope"],
                condition=Q(status__in=[*OPEN_STATUSES, "failed"]),
                name="reminder_open_scope_idx",
            ),
        ]

    def __str__(self) -> str:
        return f"{self.kind} reminder #{self.pk}"

    @property
    def message_id(self) -> str:
        # Deterministic: a retry of the same email carries the same Message-ID, so a rare
        # repeat (crash between SMTP accept and our update) is recognisable as a duplicate.
        domain = settings.SITE_URL.split("://", 1)[-1].split("/")[0].split(":")[0] or "localhost"
        return f"<reminder-{self.pk}-{self.due_at:%Y%m%d%H%M}@{domain}>"

    @property
    def is_open(self) -> bool:
        return self.status in self.OPEN

    # What "Stop this reminder" leaves on a reminder that had already gone out: it stays
    # sent (it was), and this reason says it is over for good (its snooze can't revive it).
    STOPPED_FROM_EMAIL = "You stopped it from its email."

    @property
    def is_stopped(self) -> bool:
        return self.ended_reason == self.STOPPED_FROM_EMAIL

    @property
    def is_finished(self) -> bool:
        """Done, cancelled or stopped: nothing will come of it any more."""
        return self.status in (Status.DONE, Status.CANCELLED) or (
            self.status == Status.SENT and self.is_stopped
        )

    def state_sentence(self) -> str:
        """Where it stands, in one sentence for a page ("It was sent on 1 November 2026, then
        stopped from its email."), dated in the owner's time zone."""
        zone = zoneinfo.ZoneInfo(self.timezone) if self.timezone else None

        def day(moment: dt.datetime) -> str:
            return f"{timezone.localtime(moment, zone):%-d %B %Y}"

        reason = self.ended_reason.rstrip(".")
        if self.status == Status.SCHEDULED:
            return f"It is scheduled for {day(self.due_at)}."
        if self.status == Status.SENDING:
            return "It is being sent right now."
        if self.status == Status.FAILED:
            return "It could not be sent; you can send it again from your reminders page."
        if self.status == Status.DONE:
            return "It is marked done."
        if self.status == Status.SENT:
            sent = f"It was sent on {day(self.sent_at)}" if self.sent_at else "It was sent"
            return f"{sent}, then stopped from its email." if self.is_stopped else f"{sent}."
        if self.is_stopped:
            return "It was stopped from its email before it went out."
        if reason:
            return f"It was cancelled: {reason[0].lower()}{reason[1:]}."
        return "It was cancelled."

    def get_kind_display(self) -> str:
        return label_of(self.kind)
