"""The reminder engine: scheduling, claiming with a lease, sending exactly once.

The database is the only source of truth (see docs/reminders.md). Celery only carries short
messages ("send reminder 42 under lease X"); if one is lost, the lease expires and the next
dispatch claims the reminder again.
"""

import datetime as dt
import logging
import smtplib
import uuid
from typing import Any

from django.conf import settings
from django.core.exceptions import ValidationError
from django.db import IntegrityError, transaction
from django.db.models import F, Q
from django.utils import timezone

from applications.models import Application, Interview
from applications.services import local_today

from .models import CopingPlan, Reminder
from .timing import local_to_utc

log = logging.getLogger(__name__)

Kind = Reminder.Kind
Status = Reminder.Status


def _setting(name: str, default: float) -> float:
    return float(getattr(settings, name, default))


def lease_length() -> dt.timedelta:
    return dt.timedelta(seconds=_setting("REMINDER_LEASE_SECONDS", 300))


def retry_delay(attempts: int) -> dt.timedelta:
    base = _setting("REMINDER_RETRY_BASE_SECONDS", 60)
    return dt.timedelta(seconds=min(base * 2 ** max(attempts - 1, 0), 6 * 3600))


MAX_ATTEMPTS = 8


def subject_key(
    kind: str,
    *,
    application: Application | None = None,
    interview: Interview | None = None,
    plan: CopingPlan | None = None,
) -> str:
    if plan is not None:
        return f"{kind}:plan:{plan.pk}"
    if interview is not None:
        return f"{kind}:interview:{interview.pk}"
    if application is not None:
        return f"{kind}:application:{application.pk}"
    raise ValueError("A reminder needs something it is about.")


# --- scheduling ---------------------------------------------------------------------------


@transaction.atomic
def reminder_schedule(
    *,
    owner: Any,
    kind: str,
    local_date: dt.date,
    local_time: dt.time | None = None,
    application: Application | None = None,
    interview: Interview | None = None,
    plan: CopingPlan | None = None,
) -> Reminder:
    """Schedule a reminder, or move the open one about the same thing (never two)."""
    key = subject_key(kind, application=application, interview=interview, plan=plan)
    at = local_time or owner.reminder_time
    due = local_to_utc(local_date, at, owner.timezone)
    open_one = (
        Reminder.objects.select_for_update()
        .filter(subject_key=key, status__in=Reminder.OPEN)
        .first()
    )
    if open_one is not None:
        return reminder_reschedule(reminder=open_one, local_date=local_date, local_time=at)
    try:
        with transaction.atomic():
            return Reminder.objects.create(
                owner=owner,
                kind=kind,
                application=application
                or (interview.application if interview else None)
                or (plan.application if plan else None),
                interview=interview,
                plan=plan,
                subject_key=key,
                local_date=local_date,
                local_time=at,
                timezone=owner.timezone,
                due_at=due,
                run_at=due,
            )
    except IntegrityError:
        # A concurrent request scheduled the same reminder first: move that one instead.
        existing = Reminder.objects.get(subject_key=key, status__in=Reminder.OPEN)
        return reminder_reschedule(reminder=existing, local_date=local_date, local_time=at)


def reminder_reschedule(
    *, reminder: Reminder, local_date: dt.date, local_time: dt.time | None = None
) -> Reminder:
    at = local_time or reminder.local_time
    due = local_to_utc(local_date, at, reminder.timezone)
    updated = Reminder.objects.filter(pk=reminder.pk, status=Status.SCHEDULED).update(
        local_date=local_date,
        local_time=at,
        due_at=due,
        run_at=due,
        attempts=0,
        last_error="",
        version=F("version") + 1,
        updated_at=timezone.now(),
    )
    reminder.refresh_from_db()
    if not updated and reminder.status not in Reminder.OPEN:
        # A finished reminder comes back as a new one (e.g. snoozed after it was sent).
        return _reopen(reminder=reminder, local_date=local_date, local_time=at)
    return reminder


def _reopen(*, reminder: Reminder, local_date: dt.date, local_time: dt.time) -> Reminder:
    due = local_to_utc(local_date, local_time, reminder.timezone)
    try:
        with transaction.atomic():
            Reminder.objects.filter(pk=reminder.pk).update(
                status=Status.SCHEDULED,
                local_date=local_date,
                local_time=local_time,
                due_at=due,
                run_at=due,
                attempts=0,
                lease_token=None,
                last_error="",
                version=F("version") + 1,
                updated_at=timezone.now(),
            )
    except IntegrityError:
        raise ValidationError(
            "Another reminder about the same thing is already scheduled; change that one."
        ) from None
    reminder.refresh_from_db()
    return reminder


def _finish(reminder: Reminder, status: str, from_statuses: tuple[str, ...]) -> bool:
    # Waits for a sender holding the row: a reminder being sent ends up sent, never both.
    with transaction.atomic():
        row = Reminder.objects.select_for_update().get(pk=reminder.pk)
        if row.status not in from_statuses:
            reminder.status = row.status
            return False
        Reminder.objects.filter(pk=row.pk).update(
            status=status,
            lease_token=None,
            version=F("version") + 1,
            updated_at=timezone.now(),
        )
    reminder.refresh_from_db()
    return True


def reminder_cancel(*, reminder: Reminder) -> bool:
    """Cancel unless it has already gone out; returns whether it was cancelled."""
    return _finish(reminder, Status.CANCELLED, (Status.SCHEDULED, Status.SENDING, Status.FAILED))


def reminder_mark_done(*, reminder: Reminder) -> bool:
    return _finish(
        reminder, Status.DONE, (Status.SCHEDULED, Status.SENDING, Status.SENT, Status.FAILED)
    )


def reminder_snooze(*, reminder: Reminder, days: int = 14) -> Reminder:
    today = local_today(reminder.owner)
    with transaction.atomic():
        row = Reminder.objects.select_for_update().get(pk=reminder.pk)
        return reminder_reschedule(reminder=row, local_date=today + dt.timedelta(days=days))


def reminder_send_now(*, reminder: Reminder) -> Reminder:
    """Due now, for the next dispatch; a failed one gets a fresh set of attempts."""
    now = timezone.now()
    Reminder.objects.filter(pk=reminder.pk, status__in=[Status.SCHEDULED, Status.FAILED]).update(
        status=Status.SCHEDULED, run_at=now, attempts=0, last_error="", updated_at=now
    )
    reminder.refresh_from_db()
    transaction.on_commit(_enqueue_dispatch)
    return reminder


def _enqueue_dispatch() -> None:
    from .tasks import dispatch_reminders

    try:
        dispatch_reminders.delay()
    except Exception:  # the broker being down only delays it to beat's next minute
        log.warning("could not enqueue a dispatch; beat will run it", exc_info=True)


def reminders_cancel(
    *,
    kinds: tuple[str, ...] | None = None,
    application: Application | None = None,
    interview: Interview | None = None,
    plan: CopingPlan | None = None,
) -> int:
    """Cancel the open reminders about a subject (and, for an application, everything in it)."""
    q = Q()
    if application is not None:
        q |= Q(application=application)
    if interview is not None:
        q |= Q(interview=interview)
    if plan is not None:
        q |= Q(plan=plan)
    reminders = Reminder.objects.filter(q, status__in=[*Reminder.OPEN, Status.FAILED])
    if kinds:
        reminders = reminders.filter(kind__in=kinds)
    count = 0
    for reminder in reminders.order_by("pk"):
        count += reminder_cancel(reminder=reminder)
    return count


@transaction.atomic
def reminders_rederive_for_user(*, user: Any) -> int:
    """After a change of time zone or hour: same local dates, the new hour, the new zone."""
    count = 0
    for reminder in Reminder.objects.select_for_update().filter(
        owner=user, status=Status.SCHEDULED
    ):
        due = local_to_utc(reminder.local_date, user.reminder_time, user.timezone)
        # Keep a pending retry's backoff, but never let it fall before the new due time.
        run_at = due if reminder.attempts == 0 else max(reminder.run_at, due)
        count += Reminder.objects.filter(pk=reminder.pk, status=Status.SCHEDULED).update(
            local_time=user.reminder_time,
            timezone=user.timezone,
            due_at=due,
            run_at=run_at,
            version=F("version") + 1,
        )
    return count


# --- dispatching --------------------------------------------------------------------------


def reminders_claim_due(
    *, now: dt.datetime | None = None, batch: int = 100
) -> list[tuple[int, uuid.UUID]]:
    """Claim due reminders and reclaim expired leases, atomically; returns (id, lease)."""
    now = now or timezone.now()
    with transaction.atomic():
        # Uses reminder_dispatch_idx. skip_locked: rows a sender is working on, or another
        # dispatcher is claiming, are passed over rather than waited for or claimed twice.
        ids = list(
            Reminder.objects.select_for_update(skip_locked=True)
            .filter(status__in=Reminder.OPEN, run_at__lte=now)
            .order_by("run_at")
            .values_list("pk", flat=True)[:batch]
        )
        # One lease per batch: a single UPDATE, and a stale message from an older claim
        # still cannot match the new token.
        token = uuid.uuid4()
        Reminder.objects.filter(pk__in=ids).update(
            status=Status.SENDING,
            lease_token=token,
            run_at=now + lease_length(),
            attempts=F("attempts") + 1,
            updated_at=now,
        )
        claimed = [(pk, token) for pk in ids]
    return claimed


def reminders_dispatch(*, inline: bool = False, batch: int = 100) -> int:
    """Claim what is due and hand each to a send task (or send here, for cron users)."""
    total = 0
    while True:
        claimed = reminders_claim_due(batch=batch)
        total += len(claimed)
        if inline:
            for pk, token in claimed:
                reminder_send(reminder_id=pk, lease_token=token)
        else:
            from .tasks import send_reminder

            for pk, token in claimed:
                try:
                    send_reminder.delay(pk, str(token))
                except Exception:
                    # The lease expires and the next dispatch claims it again.
                    log.warning("could not enqueue reminder %s", pk, exc_info=True)
        if len(claimed) < batch:
            return total


class PermanentFailure(Exception):
    pass


def _classify(exc: BaseException) -> bool:
    """True when an SMTP error is permanent (5xx): retrying cannot help."""
    if isinstance(exc, smtplib.SMTPRecipientsRefused):
        codes = [code for code, _ in exc.recipients.values()]
        return bool(codes) and all(500 <= code < 600 for code in codes)
    if isinstance(exc, smtplib.SMTPResponseException):
        return 500 <= exc.smtp_code < 600
    return isinstance(exc, PermanentFailure)


def reminder_send(*, reminder_id: int, lease_token: uuid.UUID | str) -> str:
    """Send one claimed reminder; returns what happened (sent, retry, failed, skipped)."""
    from .emails import send_reminder_email

    token = uuid.UUID(str(lease_token))
    with transaction.atomic():
        # Holding the row while talking to SMTP: a cancel waits for us, and a dispatcher's
        # skip_locked claim passes over it, so the email goes out at most once per lease.
        reminder = (
            Reminder.objects.select_for_update(of=("self",))
            .select_related("owner", "application__company", "interview", "plan")
            .filter(pk=reminder_id)
            .first()
        )
        if reminder is None or reminder.status != Status.SENDING:
            return "skipped"
        if reminder.lease_token != token:
            return "skipped"
        now = timezone.now()
        try:
            send_reminder_email(reminder)
        except Exception as exc:
            permanent = _classify(exc) or reminder.attempts >= MAX_ATTEMPTS
            Reminder.objects.filter(pk=reminder.pk).update(
                status=Status.FAILED if permanent else Status.SCHEDULED,
                lease_token=None,
                run_at=now + retry_delay(reminder.attempts),
                last_error=f"{type(exc).__name__}: {exc}"[:2000],
                updated_at=now,
            )
            log.warning("reminder %s: %s", reminder.pk, exc)
            return "failed" if permanent else "retry"
        Reminder.objects.filter(pk=reminder.pk, lease_token=token).update(
            status=Status.SENT, sent_at=now, lease_token=None, last_error="", updated_at=now
        )
        return "sent"
