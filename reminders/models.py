from django.conf import settings
from django.db import models
from django.db.models import Q

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

    def get_kind_display(self) -> str:
        from .kinds import label_of

        return label_of(self.kind)
