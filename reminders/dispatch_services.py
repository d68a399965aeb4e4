"""Claiming due reminders with a lease, and sending them in batches, exactly once.

The database is the only source of truth (docs/reminders.md). Celery only carries short
messages ("send reminders 41-60 under lease X"); if one is lost, the lease expires and the
next dispatch claims those reminders again.
"""

import contextlib
import datetime as dt
import functools
import logging
import smtplib
import uuid
from collections import Counter
from collections.abc import Callable, Iterator
from typing import Any

from django.conf import settings
from django.core.mail import get_connection
from django.core.mail.backends.smtp import EmailBackend as SmtpBackend
from django.core.mail.message import sanitize_address
from django.db import connection, transaction
from django.db.models import F
from django.utils import timezone
from django.utils.translation import gettext as _

from rebound.lib.language import in_language_of

from . import emails
from .kinds import ReminderKind, load_subjects, registered
from .models import Reminder

log = logging.getLogger(__name__)
Status = Reminder.Status
MAX_ATTEMPTS = 8
# Hands a chunk of claimed ids and their lease to a worker.
Enqueue = Callable[[list[int], str], object]


def _setting(name: str, default: float) -> float:
    return float(getattr(settings, name, default))


def lease_length() -> dt.timedelta:
    return dt.timedelta(seconds=_setting("REMINDER_LEASE_SECONDS", 300))


def retry_delay(attempts: int) -> dt.timedelta:
    base = _setting("REMINDER_RETRY_BASE_SECONDS", 60)
    return dt.timedelta(seconds=min(base * 2 ** max(attempts - 1, 0), 6 * 3600))


def reminders_claim_due(
    *, now: dt.datetime | None = None, batch: int = 100
) -> tuple[list[int], uuid.UUID]:
    """Claim due reminders and reclaim expired leases, atomically; returns (ids, lease)."""
    now = now or timezone.now()
    token = uuid.uuid4()
    with transaction.atomic():
        # Uses reminder_dispatch_idx. skip_locked: rows a sender is working on, or another
        # dispatcher is claiming, are passed over rather than waited for or claimed twice.
        # Owners whose address isn't confirmed yet are passed over: their reminders stay
        # due and go out at the first dispatch after confirmation (nothing is emailed to an
        # address nobody has confirmed; rebound.models.User.email_verified).
        ids = list(
            Reminder.objects.select_for_update(skip_locked=True, of=("self",))
            .filter(status__in=Reminder.OPEN, run_at__lte=now, owner__email_verified=True)
            .order_by("run_at")
            .values_list("pk", flat=True)[:batch]
        )
        # One lease per claimed batch: a single UPDATE, and a stale message from an older
        # claim still cannot match the new token.
        Reminder.objects.filter(pk__in=ids).update(
            status=Status.SENDING,
            lease_token=token,
            run_at=now + lease_length(),
            attempts=F("attempts") + 1,
            updated_at=now,
        )
    return ids, token


def reminders_dispatch(*, enqueue: Enqueue | None = None, batch: int = 100) -> int:
    """Claim what is due and send it here in chunks (for cron users and tests), or hand each
    chunk to `enqueue` (the `send_reminders` task's delay: reminders.tasks passes it, so this
    module needn't import the tasks that import it)."""
    chunk = max(1, int(getattr(settings, "REMINDER_SEND_CHUNK", 50)))
    total = 0
    while True:
        ids, token = reminders_claim_due(batch=batch)
        total += len(ids)
        for start in range(0, len(ids), chunk):
            part = ids[start : start + chunk]
            if enqueue is None:
                reminders_send_batch(reminder_ids=part, lease_token=token)
                continue
            try:
                enqueue(part, str(token))
            except Exception:
                # The lease expires and the next dispatch claims them again.
                log.warning("could not enqueue reminders %s", part, exc_info=True)
        if len(ids) < batch:
            return total


@functools.lru_cache(maxsize=4096)
def _envelope_address(address: str, encoding: str) -> str:
    return sanitize_address(address, encoding)


class _Smtp:
    """One SMTP session for a batch, opened on first use and reopened after a failure."""

    def __init__(self) -> None:
        self.backend = get_connection(fail_silently=False)
        self.opened = False

    def send(self, email: Any) -> None:
        if not self.opened:
            self.backend.open()
            self.opened = True
        if type(self.backend) is SmtpBackend:
            # What SmtpBackend._send does, with the envelope's addresses cleaned once per
            # process rather than parsed again for every email (the sender is always the
            # same one, a recipient gets a batch's worth).
            encoding = email.encoding or settings.DEFAULT_CHARSET
            assert self.backend.connection is not None  # opened just above
            self.backend.connection.sendmail(
                _envelope_address(email.from_email, encoding),
                [_envelope_address(to, encoding) for to in email.recipients()],
                email.message().as_bytes(linesep="\r\n"),
            )
            return
        email.connection = self.backend
        email.send(fail_silently=False)

    def reset(self) -> None:
        with contextlib.suppress(Exception):  # a dead connection is closed either way
            self.backend.close()
        self.opened = False


def _is_permanent(exc: BaseException) -> bool:
    """True when an SMTP error is permanent (5xx): retrying cannot help."""
    if isinstance(exc, smtplib.SMTPRecipientsRefused):
        codes = [code for code, _ in exc.recipients.values()]
        return bool(codes) and all(500 <= code < 600 for code in codes)
    if isinstance(exc, smtplib.SMTPResponseException):
        return 500 <= exc.smtp_code < 600
    return False


def describe_error(exc: BaseException) -> str:
    """The error's class and SMTP code: never the server's text, which quotes the address."""
    codes: list[int] = []
    if isinstance(exc, smtplib.SMTPRecipientsRefused):
        codes = sorted({code for code, _ in exc.recipients.values()})
    elif isinstance(exc, smtplib.SMTPResponseException):
        codes = [exc.smtp_code]
    return " ".join([type(exc).__name__, *map(str, codes)])


def _end_claim(reminder: Reminder, token: uuid.UUID, **fields: Any) -> bool:
    """Finish a claimed row, only while this lease still holds it."""
    fields.setdefault("updated_at", timezone.now())
    return bool(
        Reminder.objects.filter(pk=reminder.pk, status=Status.SENDING, lease_token=token).update(
            lease_token=None, **fields
        )
    )


def reminders_send_batch(*, reminder_ids: list[int], lease_token: uuid.UUID | str) -> dict:
    """Send claimed reminders over one SMTP connection; returns a count per outcome.

    Reminders and their subjects are loaded up front (one query, plus a few per kind), so the
    cost per email is rendering, one row lock, the SMTP exchange and one UPDATE.
    """
    token = uuid.UUID(str(lease_token))
    rows = list(
        Reminder.objects.filter(pk__in=reminder_ids, status=Status.SENDING, lease_token=token)
        .select_related("owner")
        .order_by("due_at", "pk")
    )
    declared = registered()
    subjects = load_subjects([(row.kind, row.subject_id) for row in rows])
    outcomes: Counter[str] = Counter({"skipped": len(set(reminder_ids)) - len(rows)})
    smtp = _Smtp()
    try:
        with _relaxed_commits():
            for row in rows:
                kind = declared.get(row.kind)
                subject = subjects.get((row.kind, row.subject_id))
                outcomes[_send_one(row, kind, subject, token, smtp)] += 1
    finally:
        smtp.reset()
    return {outcome: n for outcome, n in outcomes.items() if n}


def _send_one(
    reminder: Reminder, kind: ReminderKind | None, subject: Any, token: uuid.UUID, smtp: _Smtp
) -> str:
    # In the owner's language, whatever the process's: the email, and any reason written on
    # the reminder instead of sending it (kind.obsolete), are theirs to read.
    with in_language_of(reminder.owner):
        return _send_one_as_owner(reminder, kind, subject, token, smtp)


def _send_one_as_owner(
    reminder: Reminder, kind: ReminderKind | None, subject: Any, token: uuid.UUID, smtp: _Smtp
) -> str:
    if not reminder.owner.email_verified:
        # Claimed just as the address stopped being confirmed: back in the queue, due now,
        # for the first dispatch after confirmation.
        _end_claim(
            reminder,
            token,
            status=Status.SCHEDULED,
            run_at=timezone.now(),
            attempts=F("attempts") - 1,
        )
        return "waiting"
    if kind is None:
        _end_claim(reminder, token, status=Status.FAILED, last_error="UnknownKind")
        return "failed"
    if subject is None:
        _end_claim(
            reminder,
            token,
            status=Status.CANCELLED,
            ended_reason=_("What it was about has been deleted."),
            version=F("version") + 1,
        )
        return "cancelled"
    reason = str(kind.obsolete(subject))
    if reason:
        _end_claim(
            reminder,
            token,
            status=Status.CANCELLED,
            ended_reason=reason[:200],
            version=F("version") + 1,
        )
        return "cancelled"
    try:
        rendered = emails.render(reminder, kind, subject)
    except Exception as exc:  # a broken template or context would fail every retry alike
        log.exception("reminder %s could not be rendered", reminder.pk)
        _end_claim(reminder, token, status=Status.FAILED, last_error=describe_error(exc))
        return "failed"
    for _attempt in range(2):  # a second pass only when an edit changed the links meanwhile
        outcome = _deliver(reminder, rendered, token, smtp)
        if outcome != "stale":
            return outcome
        rendered = emails.render(reminder, kind, subject)
    return "skipped"


class _NotOurs(Exception):
    pass


@contextlib.contextmanager
def _relaxed_commits() -> Iterator[None]:
    """While a batch is sent, don't wait for the WAL flush at each commit (PostgreSQL only).

    What it risks is the case docs/reminders.md already names: if PostgreSQL itself crashes
    within a fraction of a second of a send, that "sent" mark is lost and the email goes out
    again after the lease, with the same Message-ID. What it buys is the fsync wait of every
    email, about a millisecond each. Set once for the batch (not per email, which costs a
    round trip) and reset after it. The row lock and the lease work as before.
    """
    if connection.vendor != "postgresql":
        yield
        return
    with connection.cursor() as cursor:
        cursor.execute("SET synchronous_commit TO OFF")
    try:
        yield
    finally:
        with connection.cursor() as cursor:
            cursor.execute("RESET synchronous_commit")


_MARK_SENT = (
    "UPDATE reminders_reminder SET status = %s, sent_at = %s, lease_token = NULL, "
    "last_error = '', updated_at = %s "
    "WHERE id = %s AND status = %s AND lease_token = %s AND version = %s"
)


def _mark_sent(reminder: Reminder, token: uuid.UUID, now: dt.datetime) -> bool:
    """The UPDATE that marks one email sent and locks its row, in the caller's transaction.

    Written out once rather than built by the ORM per email, and on PostgreSQL sent in one
    round trip with the BEGIN that opens the transaction (psycopg's pipeline mode) instead of
    two: both were a worker's cost per email that the SMTP server's speed doesn't set
    (bench/delivery.py).
    """
    when = connection.ops.adapt_datetimefield_value(now)
    params: list[Any] = [
        Status.SENT.value,
        when,
        when,
        reminder.pk,
        Status.SENDING.value,
        # As each backend stores a UUID (PostgreSQL natively, SQLite as hex text).
        token if connection.features.has_native_uuid_field else token.hex,
        reminder.version,
    ]
    with connection.cursor() as cursor:
        if connection.vendor == "postgresql":
            with connection.connection.pipeline():
                cursor.execute(_MARK_SENT, params)
        else:
            cursor.execute(_MARK_SENT, params)
        return cursor.rowcount == 1


def _deliver(reminder: Reminder, rendered: dict[str, str], token: uuid.UUID, smtp: _Smtp) -> str:
    now = timezone.now()
    try:
        with transaction.atomic():
            # Marked sent first, in the transaction that then talks to SMTP: the UPDATE
            # holds the row, so a cancel waits for us and a dispatcher's skip_locked claim
            # passes over it; the mark commits only once the server has taken the email,
            # and a failure rolls it back. One statement a message, not a read and a write.
            if not _mark_sent(reminder, token, now):
                raise _NotOurs
            smtp.send(emails.message(reminder, rendered))
    except _NotOurs:
        current = (
            Reminder.objects.filter(pk=reminder.pk).values_list("status", "lease_token", "version")
        ).first()
        if current and current[0] == Status.SENDING and current[1] == token:
            reminder.version = current[2]  # links carry the version: render them anew
            return "stale"
        return "skipped"
    except Exception as exc:
        permanent = _is_permanent(exc) or reminder.attempts >= MAX_ATTEMPTS
        if not isinstance(exc, smtplib.SMTPRecipientsRefused | smtplib.SMTPDataError):
            smtp.reset()  # the session may be broken: the next email opens a new one
        _end_claim(
            reminder,
            token,
            status=Status.FAILED if permanent else Status.SCHEDULED,
            run_at=now + retry_delay(reminder.attempts),
            last_error=describe_error(exc),
            updated_at=now,
        )
        log.warning("reminder %s: %s", reminder.pk, describe_error(exc))
        return "failed" if permanent else "retry"
    return "sent"
