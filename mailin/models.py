"""What Rebound keeps of a message it read: the facts, the question it raises, and the raw
message only for as long as its owner chose (30 days unless they chose otherwise); after
that, the facts are all that is left (services.inbound_messages_forget_raw, daily).
"""

from django.conf import settings
from django.db import models
from django.db.models import Q
from django.utils.translation import gettext_lazy as _
from django.utils.translation import pgettext_lazy

from applications.models import Application
from rebound.crypto import EncryptedTextField

from .classify.labels import LABEL_NAMES


class InboundMessage(models.Model):
    class Source(models.TextChoices):
        COMMAND = "command", _("Command line")
        PASTE = "paste", _("Pasted or uploaded")
        FORWARD = "forward", _("Forwarding address")
        IMAP = "imap", _("IMAP folder")

    owner = models.ForeignKey(settings.AUTH_USER_MODEL, on_delete=models.CASCADE)
    source = models.CharField(max_length=10, choices=Source.choices)
    # The original's Message-ID (a forward's, when the client kept it) and what it answers:
    # the thread a later reply is matched through.
    message_id = models.CharField(max_length=255, blank=True)
    # Which email this is, for keeping it once: its Message-ID, or for pasted text without one
    # a hash of its sender, date, subject and text.
    fingerprint = models.CharField(max_length=64)
    in_reply_to = models.CharField(max_length=255, blank=True)
    sender = models.CharField(max_length=320, blank=True)
    sender_name = models.CharField(max_length=200, blank=True)
    subject = models.CharField(max_length=500, blank=True)
    sent_at = models.DateTimeField(null=True, blank=True)
    label = models.CharField(max_length=30, choices=list(LABEL_NAMES.items()))
    confidence = models.FloatField()
    company = models.CharField(max_length=200, blank=True)
    role = models.CharField(max_length=200, blank=True)
    application = models.ForeignKey(
        Application, on_delete=models.SET_NULL, null=True, blank=True, related_name="messages"
    )
    # Dates and flags the suggestion is pre-filled with (ISO strings).
    facts = models.JSONField(default=dict, blank=True)
    # The message as it came, kept only until `raw_until` (the owner's choice, 30 days unless
    # they chose otherwise); then emptied by the daily purge, leaving only the facts above.
    raw = models.TextField(blank=True)
    raw_until = models.DateTimeField(null=True, blank=True)
    created_at = models.DateTimeField(auto_now_add=True)

    class Meta:
        ordering = ["-created_at", "-id"]
        constraints = [
            # The same email sent twice (forwarded again, pasted again, a re-run) is one.
            models.UniqueConstraint(
                "owner", "fingerprint", name="inboundmessage_owner_fingerprint_unique"
            ),
            models.CheckConstraint(
                condition=Q(confidence__gte=0) & Q(confidence__lte=1),
                name="inboundmessage_confidence_0_to_1",
            ),
        ]

        indexes = [
            # The thread lookup: a reply's In-Reply-To among the owner's stored messages.
            models.Index(fields=["owner", "message_id"], name="inboundmessage_thread_idx"),
            # The daily purge: raw text whose time is up.
            models.Index(
                fields=["raw_until"],
                condition=Q(raw_until__isnull=False),
                name="inboundmessage_raw_until_idx",
            ),
        ]

    def __str__(self) -> str:
        return f"{self.get_label_display()} ({self.created_at:%Y-%m-%d})"


class Suggestion(models.Model):
    class State(models.TextChoices):
        PENDING = "pending", _("Waiting for you")
        APPLIED = "applied", pgettext_lazy("suggestion state", "Applied")
        DISMISSED = "dismissed", _("Dismissed")

    class Action(models.TextChoices):
        MARK_REJECTED = "mark_rejected", _("Mark rejected")
        MARK_APPLIED = "mark_applied", _("Mark applied")
        NEW_APPLICATION = "new_application", _("New application")
        ADD_INTERVIEW = "add_interview", _("Add the interview")
        MARK_OFFER_REVIEW = "mark_offer_review", _("Review the offer")
        NOTE_ONLY = "note_only", _("Keep as a note")
        IGNORE = "ignore", _("Nothing to do")

    owner = models.ForeignKey(settings.AUTH_USER_MODEL, on_delete=models.CASCADE)
    message = models.OneToOneField(
        InboundMessage, on_delete=models.CASCADE, related_name="suggestion"
    )
    action = models.CharField(max_length=20, choices=Action.choices)
    text = models.CharField(max_length=500)
    application = models.ForeignKey(
        Application, on_delete=models.SET_NULL, null=True, blank=True, related_name="+"
    )
    auto_applicable = models.BooleanField(default=False)
    # The day the change is dated by: the email's, in the user's zone.
    on = models.DateField(null=True, blank=True)
    state = models.CharField(max_length=10, choices=State.choices, default=State.PENDING)
    # Applied by Rebound because the owner chose automatic confirmations and rejections: the
    # Inbox shows these with their undo.
    auto_applied = models.BooleanField(default=False)
    applied_at = models.DateTimeField(null=True, blank=True)
    # What applying did, so Undo can reverse exactly that: the status change recorded and the
    # status before it, the application created, the plan opened, the keep-in-touch set.
    undo = models.JSONField(default=dict, blank=True)
    created_at = models.DateTimeField(auto_now_add=True)

    class Meta:
        ordering = ["-created_at", "-id"]
        constraints = [
            # An offer is never applied without the person.
            models.CheckConstraint(
                condition=~(Q(action="mark_offer_review") & Q(auto_applicable=True)),
                name="suggestion_offer_never_automatic",
            ),
            models.CheckConstraint(
                condition=~(Q(action="mark_offer_review") & Q(auto_applied=True)),
                name="suggestion_offer_never_auto_applied",
            ),
        ]
        indexes = [
            # The Inbox: the owner's pending suggestions, newest first.
            models.Index(fields=["owner", "state", "-created_at"], name="suggestion_inbox_idx"),
        ]

    def __str__(self) -> str:
        return f"{self.get_action_display()} ({self.get_state_display().lower()})"


class ForwardingAddress(models.Model):
    """A user's personal address for forwarding job mail to Rebound's own SMTP service.

    The local part is random and unguessable; making a new one revokes the old one (as the
    calendar link does), and a revoked address is refused at RCPT with 550 for good.
    """

    owner = models.ForeignKey(settings.AUTH_USER_MODEL, on_delete=models.CASCADE, related_name="+")
    # `in-<token>`: the part before the @; the domain is MAILIN_DOMAIN, read when shown, so a
    # move to another domain needs no data change.
    local_part = models.CharField(max_length=64, unique=True)
    created_at = models.DateTimeField(auto_now_add=True)
    revoked_at = models.DateTimeField(null=True, blank=True)

    class Meta:
        ordering = ["-created_at", "-id"]
        constraints = [
            # One live address per user: a new one is made by revoking the old in the same
            # transaction.
            models.UniqueConstraint(
                "owner",
                condition=Q(revoked_at__isnull=True),
                name="forwardingaddress_one_live_per_owner",
            ),
        ]

    def __str__(self) -> str:
        state = "revoked" if self.revoked_at else "live"
        return f"Forwarding address of user {self.owner_id} ({state})"

    @property
    def address(self) -> str:
        return f"{self.local_part}@{settings.MAILIN_DOMAIN}"


class ImapAccount(models.Model):
    """An IMAP folder the user connected; polled for new mail only, never changed on the server."""

    class Security(models.TextChoices):
        SSL = "ssl", _("SSL/TLS (usually port 993)")
        STARTTLS = "starttls", _("STARTTLS (usually port 143)")
        # Only for a server on the same machine or a trusted network (and the tests' dovecot).
        PLAIN = "plain", _("None (unencrypted, only on a trusted network)")

    owner = models.OneToOneField(
        settings.AUTH_USER_MODEL, on_delete=models.CASCADE, related_name="+"
    )
    host = models.CharField(max_length=255)
    port = models.PositiveIntegerField()
    security = models.CharField(max_length=10, choices=Security.choices, default=Security.SSL)
    username = models.CharField(max_length=320)
    # Encrypted at rest (rebound.crypto, keys from FIELD_ENCRYPTION_KEYS): the database and
    # its backups hold only ciphertext.
    password = EncryptedTextField()
    folder = models.CharField(max_length=255, default="INBOX")
    # Where reading stopped: only UIDs above last_uid are new, and only while the folder's
    # UIDVALIDITY is the one they were counted under.
    uidvalidity = models.BigIntegerField(null=True, blank=True)
    last_uid = models.BigIntegerField(default=0)
    last_polled_at = models.DateTimeField(null=True, blank=True)
    # The last poll's problem in words, shown on the page; empty when it went well.
    last_error = models.CharField(max_length=500, blank=True)
    created_at = models.DateTimeField(auto_now_add=True)

    class Meta:
        constraints = [
            models.CheckConstraint(
                condition=Q(port__gte=1) & Q(port__lte=65535), name="imapaccount_port_range"
            ),
        ]

    def __str__(self) -> str:
        return f"IMAP folder of user {self.owner_id}"


class InboxPreference(models.Model):
    """How the owner wants their mail handled. No row means the defaults."""

    KEEP_CHOICES = [
        (0, _("Don't keep it: only the facts")),
        (7, _("7 days")),
        (30, _("30 days")),
        (90, _("90 days")),
        (365, _("A year")),
    ]

    owner = models.OneToOneField(
        settings.AUTH_USER_MODEL, on_delete=models.CASCADE, related_name="inbox_preference"
    )
    # Off unless the owner turns it on: a person decides.
    auto_apply = models.BooleanField(default=False)
    keep_raw_days = models.PositiveSmallIntegerField(default=30, choices=KEEP_CHOICES)

    class Meta:
        constraints = [
            models.CheckConstraint(
                condition=Q(keep_raw_days__lte=365), name="inboxpreference_keep_at_most_a_year"
            ),
        ]

    def __str__(self) -> str:
        return f"Inbox preference ({self.keep_raw_days} days)"


class SenderCorrection(models.Model):
    """What the owner said a sender's mail is about, applied to that sender's next messages
    before the rules' guess."""

    owner = models.ForeignKey(settings.AUTH_USER_MODEL, on_delete=models.CASCADE)
    sender = models.CharField(max_length=320)
    label = models.CharField(max_length=30, choices=list(LABEL_NAMES.items()))
    application = models.ForeignKey(
        Application, on_delete=models.CASCADE, null=True, blank=True, related_name="+"
    )
    updated_at = models.DateTimeField(auto_now=True)

    class Meta:
        constraints = [
            # One remembered answer per sender: the latest correction wins.
            models.UniqueConstraint("owner", "sender", name="sendercorrection_owner_sender_unique"),
        ]

    def __str__(self) -> str:
        return f"Correction for a sender ({self.label})"
