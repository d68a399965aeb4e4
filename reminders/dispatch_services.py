"""Claiming due reminders with a lease, and sending them in batches, exactly once.

The database is the only source of truth (docs/reminders.md). Celery only carries short
messages ("send reminders 41-60 under lease X"); if one is lost, the lease expires and the
next dispatch claims those reminders again.
"""

import contextlib
import datetime as dt
import itertools
import logging
import smtplib
import uuid
from collections import Counter
from collections.abc import Callable, Iterator
from typing import Any

from django.conf import settings
from django.db import connection, transaction
from django.db.models import F
from django.utils import timezone
from django.utils.translation import gettext as _

from rebound.lib.language import in_language_of, user_language
from rebound.models import User

from . import emails
from .kinds import ReminderKind, load_subjects, registered
from .models import Reminder
from .smtp import Smtp, describe_error, is_permanent

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


def _end_claim(reminder: Reminder, token: uuid.UUID, **fields: Any) -> bool:
    """Finish a claimed row, only while this lease still holds it."""
    fields.setdefault("updated_at", timezone.now())
    return bool(
        Reminder.objects.filter(pk=reminder.pk, status=Status.SENDING, lease_token=token).update(
            lease_token=None, **fields
        )
    )


# Columns of a reminder that sending never reads (its UPDATEs write them): left out of the
# batch's read, where making them, four datetimes among them, was a quarter of its time. An
# email reads the reminder's id, date, version and attempts; a template that came to read
# one of these would cost a query per email (tests/reminders/test_send_queries.py).
_BOOKKEEPING = (
    "scope",
    "run_at",
    "sent_at",
    "last_error",
    "ended_reason",
    "created_at",
    "updated_at",
)


def reminders_send_batch(*, reminder_ids: list[int], lease_token: uuid.UUID | str) -> dict:
    """Send claimed reminders over one SMTP connection; returns a count per outcome.

    Reminders and their subjects are loaded up front (one query, plus a few per kind), and
    every email is checked, rendered and built before the first one goes out; then each
    costs one database round trip (its sent mark, with the previous email's COMMIT) and the
    SMTP exchange.
    """
    token = uuid.UUID(str(lease_token))
    rows = list(
        Reminder.objects.filter(pk__in=reminder_ids, status=Status.SENDING, lease_token=token)
        .defer(*_BOOKKEEPING)
        .order_by("due_at", "pk")
    )
    # Each owner read once, for their rows and subjects: per row, a third of the reading.
    owners = User.objects.in_bulk({row.owner_id for row in rows})
    rows = [row for row in rows if row.owner_id in owners]  # not an account deleted since
    for row in rows:
        Reminder.owner.field.set_cached_value(row, owners[row.owner_id])
    declared = registered()
    subjects = load_subjects([(row.kind, row.subject_id) for row in rows], users=owners)
    outcomes: Counter[str] = Counter({"skipped": len(set(reminder_ids)) - len(rows)})
    smtp = Smtp()
    ready = []
    # In the owner's language, whatever the process's: the email, and any reason written on
    # the reminder instead of sending it (kind.obsolete), are theirs to read. Switched once
    # per run of owners who read the same language, not for each email.
    for _language, same in itertools.groupby(rows, key=lambda row: user_language(row.owner)):
        group = list(same)
        with in_language_of(group[0].owner):
            for row in group:
                kind = declared.get(row.kind)
                subject = subjects.get((row.kind, row.subject_id))
                prepared = _prepare(row, kind, subject, token, smtp)
                if isinstance(prepared, str):
                    outcomes[prepared] += 1
                else:
                    assert kind is not None
                    ready.append((row, kind, subject, prepared))
    try:
        with _relaxed_commits(), _marks() as marks:
            for row, kind, subject, email in ready:
                outcomes[_send_one(row, kind, subject, email, token, smtp, marks)] += 1
    finally:
        smtp.reset()
    return {outcome: n for outcome, n in outcomes.items() if n}


def _prepare(
    reminder: Reminder, kind: ReminderKind | None, subject: Any, token: uuid.UUID, smtp: Smtp
) -> Any:
    """The email to send, built; or the outcome, when the reminder is finished here instead."""
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
        return smtp.build(reminder, emails.render(reminder, kind, subject))
    except Exception as exc:  # a broken template or context would fail every retry alike
        log.exception("reminder %s could not be rendered", reminder.pk)
        _end_claim(reminder, token, status=Status.FAILED, last_error=describe_error(exc))
        return "failed"


def _send_one(
    reminder: Reminder,
    kind: ReminderKind,
    subject: Any,
    email: Any,
    token: uuid.UUID,
    smtp: Smtp,
    marks: "_Marks",
) -> str:
    for _attempt in range(2):  # a second pass only when an edit changed the links meanwhile
        outcome = _deliver(reminder, email, token, smtp, marks)
        if outcome != "stale":
            return outcome
        with in_language_of(reminder.owner):
            email = smtp.build(reminder, emails.render(reminder, kind, subject))
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


def _mark_params(reminder: Reminder, token: uuid.UUID, now: dt.datetime) -> list[Any]:
    when = connection.ops.adapt_datetimefield_value(now)
    # The lease as each backend stores a UUID (PostgreSQL natively, SQLite as hex text).
    lease = token if connection.features.has_native_uuid_field else token.hex
    sent, sending = Status.SENT.value, Status.SENDING.value
    return [sent, when, when, reminder.pk, sending, lease, reminder.version]


class _Marks:
    """Each email's sent mark, in a transaction of its own that commits once the SMTP server
    has taken the email (and rolls back if it didn't).

    The UPDATE matches only while the row is still `sending` under our lease and version,
    and holds the row: a cancel waits for us, a dispatcher's skip_locked claim passes over
    it. Written out once rather than built by the ORM per email. This plain version runs
    each mark in `transaction.atomic()` (inside a test's transaction, or off PostgreSQL).
    """

    def __init__(self) -> None:
        self._atomic: Any = None

    def mark(self, reminder: Reminder, token: uuid.UUID, now: dt.datetime) -> bool:
        self._atomic = transaction.atomic()
        self._atomic.__enter__()
        with connection.cursor() as cursor:
            cursor.execute(_MARK_SENT, _mark_params(reminder, token, now))
            matched = cursor.rowcount == 1
        if not matched:
            self.undo()
        return matched

    def sent(self) -> None:
        self._end()

    def undo(self) -> None:
        if self._atomic is not None:
            transaction.set_rollback(True)
        self._end()

    def close(self) -> None:
        self.undo()  # only a mark whose email did not go out can still be open

    def _end(self) -> None:
        atomic, self._atomic = self._atomic, None
        if atomic is not None:
            atomic.__exit__(None, None, None)


class _ChainedMarks(_Marks):
    """The same transactions on PostgreSQL in autocommit mode (a worker), in one round trip
    per email instead of two: the COMMIT of the email just sent travels with the BEGIN and
    UPDATE of the next, and the last one's COMMIT ends the batch.

    The three statements go as one query string, values written in (_statement), in the
    simple query protocol: one message and one reply, run in order, stopping at the first error;
    half the CPU and the wait of psycopg's pipeline mode. Every email is rendered and built
    before the batch's first mark, so between the SMTP server's answer and that COMMIT there
    is only the next mark's round trip: at most one email is sent and not yet committed at
    any time (docs/reminders.md, "The one exception").
    """

    def __init__(self) -> None:
        super().__init__()
        self._open = False  # a mark's transaction is open
        self._pending = False  # ... and its email went out: commit it
        # One cursor for the batch's marks: a new one per email cost more than its UPDATE.
        self._cursor: Any = None
        self._quoted: tuple[uuid.UUID, str] | None = None

    def mark(self, reminder: Reminder, token: uuid.UUID, now: dt.datetime) -> bool:
        if self._cursor is None:
            self._cursor = connection.cursor()
        cursor = self._cursor
        statement = self._statement(reminder, token, now)
        # Whatever fails in it, a transaction may be open: undo() rolls it back.
        self._open, self._pending = True, False
        cursor.execute(statement)
        results = cursor.cursor  # psycopg's: Django's wraps each read; execute() raised
        while results.nextset():  # to the UPDATE's result, the last
            pass
        matched = results.rowcount == 1
        if not matched:
            self.undo()
        return matched

    def _statement(self, reminder: Reminder, token: uuid.UUID, now: dt.datetime) -> str:
        """Its values written in as psycopg's client-side binding writes them, for less CPU
        (test_mark_literals.py): the constants quoted by psycopg once per lease; per email an
        aware moment's `str` (psycopg's text dumper) and two integers. Else psycopg's own."""
        pk, version, mogrify = reminder.pk, reminder.version, self._cursor.cursor.mogrify
        begin = "COMMIT; BEGIN; " if self._pending else "BEGIN; "
        if now.tzinfo is None or type(pk) is not int or min(pk, version) < 0:
            return begin + str(mogrify(_MARK_SENT, _mark_params(reminder, token, now)))
        if self._quoted is None or self._quoted[0] != token:
            status, _s, _u, _pk, sending, lease, _v = _mark_params(reminder, token, now)
            sent, sending, lease = (str(mogrify("%s", [v])) for v in (status, sending, lease))
            self._quoted = (token, _MARK_SENT % (sent, "{0}", "{0}", "{1}", sending, lease, "{2}"))
        return begin + self._quoted[1].format(f"'{now}'::timestamptz", pk, int(version))

    def sent(self) -> None:
        self._pending = True

    def undo(self) -> None:
        self._finish("ROLLBACK")

    def close(self) -> None:
        try:
            self._finish("COMMIT" if self._pending else "ROLLBACK")
        finally:
            cursor, self._cursor = self._cursor, None
            if cursor is not None:
                with contextlib.suppress(Exception):  # a broken connection's: already gone
                    cursor.close()

    def _finish(self, statement: str) -> None:
        if self._open:
            self._open = self._pending = False
            with connection.cursor() as cursor:
                cursor.execute(statement)


def _binds_client_side() -> bool:
    """True when queries go with their values written in (psycopg's ClientCursor, Django's
    default), which one query string of several statements needs; with server-side binding
    a query holds one statement. Django's own test for which cursor it makes."""
    return connection.settings_dict["OPTIONS"].get("server_side_binding") is not True


@contextlib.contextmanager
def _marks() -> Iterator[_Marks]:
    chained = (
        connection.vendor == "postgresql"
        and not connection.in_atomic_block
        and connection.get_autocommit()
        and _binds_client_side()
    )
    marks = _ChainedMarks() if chained else _Marks()
    try:
        yield marks
    finally:
        marks.close()


def _deliver(reminder: Reminder, email: Any, token: uuid.UUID, smtp: Smtp, marks: _Marks) -> str:
    now = timezone.now()
    try:
        # Marked sent first, in the transaction that then talks to SMTP: the mark commits
        # only once the server has taken the email, and a failure rolls it back.
        if not marks.mark(reminder, token, now):
            raise _NotOurs
        smtp.send(email)
    except _NotOurs:
        current = (
            Reminder.objects.filter(pk=reminder.pk).values_list("status", "lease_token", "version")
        ).first()
        if current and current[0] == Status.SENDING and current[1] == token:
            reminder.version = current[2]  # links carry the version: render them anew
            return "stale"
        return "skipped"
    except Exception as exc:
        marks.undo()
        permanent = is_permanent(exc) or reminder.attempts >= MAX_ATTEMPTS
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
    marks.sent()
    return "sent"
