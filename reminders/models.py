import datetime as dt
import zoneinfo

from django.conf import settings
from django.db import models
from django.db.models import Q
from django.utils import dateformat, timezone
from django.utils.translation import get_language, gettext, gettext_noop, pgettext, pgettext_lazy
from django.utils.translation import gettext_lazy as _

from .kinds import label_of

OPEN_STATUSES = ["scheduled", "sending"]


class Status(models.TextChoices):
    SCHEDULED = "scheduled", _("Scheduled")
    SENDING = "sending", _("Sending")
    SENT = "sent", _("Sent")
    FAILED = "failed", _("Failed")
    CANCELLED = "cancelled", _("Cancelled")
    DONE = "done", pgettext_lazy("reminder status", "Done")


class Reminder(models.Model):
    """One email due at one moment, about one thing ("subject") that an app above owns.

    The engine knows a subject only by its kind (which names the model, see reminders.kinds)
    and its id, so no app's table is referenced here and deleting a subject leaves the row as
    history; the sender cancels a reminder whose subject is gone instead of sending it.
    """

    Status = Status

    OPEN = (Status.SCHEDULED, Status.SENDING)

    owner = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.CASCADE, verbose_name=_("owner")
    )
    # A registered kind's name (reminders.kinds); a system check finds unregistered ones.
    kind = models.CharField(_("kind"), max_length=40)
    subject_id = models.BigIntegerField(_("subject id"))
    # A group of reminders their owner cancels together, e.g. everything about one
    # application ("applications.application:12"), whatever app scheduled them.
    scope = models.CharField(_("scope"), max_length=80, blank=True)
    # The user's intent; due_at is derived from it and re-derived when preferences change.
    local_date = models.DateField(_("local date"))
    local_time = models.TimeField(_("local time"))
    timezone = models.CharField(_("time zone"), max_length=64)
    due_at = models.DateTimeField(_("due at"))
    status = models.CharField(
        _("status"), max_length=10, choices=Status.choices, default=Status.SCHEDULED
    )
    # When the dispatcher should next look: the due time, a retry's backoff, or a lease's end.
    run_at = models.DateTimeField(_("run at"))
    attempts = models.PositiveSmallIntegerField(_("attempts"), default=0)
    lease_token = models.UUIDField(_("lease token"), null=True, blank=True)
    # Bumped on every change a link could act on, so each emailed link works once.
    version = models.PositiveIntegerField(_("version"), default=1)
    sent_at = models.DateTimeField(_("sent at"), null=True, blank=True)
    # The class and code of the last delivery error: never the server's text (it quotes the
    # address) and nothing else personal.
    last_error = models.CharField(_("last error"), max_length=200, blank=True)
    # Why it ended without being sent, in words the user sees ("the interview was deleted").
    ended_reason = models.CharField(_("why it ended"), max_length=200, blank=True)
    created_at = models.DateTimeField(_("created at"), auto_now_add=True)
    updated_at = models.DateTimeField(_("updated at"), auto_now=True)

    class Meta:
        verbose_name = _("reminder")
        verbose_name_plural = _("reminders")
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
        return gettext("%(kind)s reminder #%(id)s") % {"kind": self.kind, "id": self.pk}

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
    # Stored as it is, in English, as a marker (is_stopped); pages show it translated.
    STOPPED_FROM_EMAIL = gettext_noop("You stopped it from its email.")

    @property
    def is_stopped(self) -> bool:
        return self.ended_reason == self.STOPPED_FROM_EMAIL

    @property
    def shown_reason(self) -> str:
        """Why it ended, in the reader's language. A reason is written in its owner's language
        when the reminder ends (reminders.services._finish); the marker above, and the reasons
        of rows written before Rebound spoke German, are English catalogue entries that
        gettext translates here. Anything else is shown as it was written."""
        return gettext(self.ended_reason) if self.ended_reason else ""

    @property
    def is_finished(self) -> bool:
        """Done, cancelled or stopped: nothing will come of it any more."""
        return self.status in (Status.DONE, Status.CANCELLED) or (
            self.status == Status.SENT and self.is_stopped
        )

    def state_sentence(self) -> str:
        """Where it stands, in one sentence for a page ("It was sent on 1 November 2026, then
        stopped from its email."), dated in the owner's time zone, in the active language."""
        zone = zoneinfo.ZoneInfo(self.timezone) if self.timezone else None

        def day(moment: dt.datetime) -> str:
            # Translators: a date written out, in Django's date format syntax.
            return dateformat.format(
                timezone.localtime(moment, zone), pgettext("date format", "j F Y")
            )

        if self.status == Status.SCHEDULED:
            return gettext("It is scheduled for %(day)s.") % {"day": day(self.due_at)}
        if self.status == Status.SENDING:
            return gettext("It is being sent right now.")
        if self.status == Status.FAILED:
            return gettext("It could not be sent; you can send it again from your reminders page.")
        if self.status == Status.DONE:
            return gettext("It is marked done.")
        if self.status == Status.SENT:
            if self.sent_at and self.is_stopped:
                return gettext("It was sent on %(day)s, then stopped from its email.") % {
                    "day": day(self.sent_at)
                }
            if self.sent_at:
                return gettext("It was sent on %(day)s.") % {"day": day(self.sent_at)}
            if self.is_stopped:
                return gettext("It was sent, then stopped from its email.")
            return gettext("It was sent.")
        if self.is_stopped:
            return gettext("It was stopped from its email before it went out.")
        reason = self.shown_reason.rstrip(".")
        if reason:
            return gettext("It was cancelled: %(reason)s.") % {"reason": in_sentence(reason)}
        return gettext("It was cancelled.")

    def get_kind_display(self) -> str:
        return label_of(self.kind)


def in_sentence(reason: str) -> str:
    """A reason ("The interview was deleted") inside a sentence, after a colon: lower case in
    English; German keeps its capitals (its nouns, and a whole sentence after a colon)."""
    if (get_language() or "en").startswith("en"):
        return reason[:1].lower() + reason[1:]
    return reason
