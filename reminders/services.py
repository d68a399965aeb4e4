"""The engine's verbs: schedule, move, cancel, finish. Apps that own kinds call these.

The database is the only source of truth (docs/reminders.md). Each verb is one short
transaction; `_finish` waits for a sender holding the row, so a reminder being sent ends up
sent or cancelled, never both.
"""

import datetime as dt
import logging
from collections.abc import Iterable, Sequence
from dataclasses import dataclass

from django.core.exceptions import ValidationError
from django.db import IntegrityError, transaction
from django.db.models import F, Model, Q
from django.utils import timezone
from django.utils.functional import Promise
from django.utils.translation import gettext as _

from rebound.lib.formfields import long_day, schedule_limit
from rebound.lib.language import in_language_of
from rebound.lib.localtime import local_to_utc, local_today
from rebound.models import User

from . import kinds
from .kinds import registered as registered_kinds
from .models import Reminder
from .tasks import dispatch_reminders

log = logging.getLogger(__name__)
Status = Reminder.Status
# A snooze (the email's one-click link and the reminders page): "Snooze two weeks".
SNOOZE_DAYS = 14


def check_date(local_date: dt.date, user: User) -> None:
    # Dates before 1970 or past five years ahead are typos, and would overflow in time zone
    # arithmetic near the ends of the calendar: refuse them with a sentence, not a 500.
    if not dt.date(1970, 1, 1) <= local_date <= schedule_limit(user):
        raise ValidationError(
            _("A reminder’s date must be no later than %(day)s.")
            % {"day": long_day(schedule_limit(user))},
            code="date_out_of_range",
        )


@transaction.atomic
def reminder_schedule(
    *,
    owner: User,
    kind: str,
    subject: Model,
    local_date: dt.date,
    local_time: dt.time | None = None,
    scope: str = "",
) -> Reminder:
    """Schedule a reminder, or move the open one about the same thing (never two)."""
    declared = kinds.get(kind)
    if subject._meta.label != declared.subject_model:
        raise TypeError(f"A {kind} reminder is about a {declared.subject_model}, not {subject}.")
    at = local_time or declared.time_of_day(owner)
    check_date(local_date, owner)
    open_one = (
        Reminder.objects.select_for_update()
        .filter(kind=kind, subject_id=subject.pk, status__in=Reminder.OPEN)
        .first()
    )
    if open_one is not None:
        return reminder_reschedule(reminder=open_one, local_date=local_date, local_time=at)
    due = local_to_utc(local_date, at, owner.timezone)
    try:
        with transaction.atomic():
            return Reminder.objects.create(
                owner=owner,
                kind=kind,
                subject_id=subject.pk,
                scope=scope,
                local_date=local_date,
                local_time=at,
                timezone=owner.timezone,
                due_at=due,
                run_at=due,
            )
    except IntegrityError:
        # A concurrent request scheduled the same reminder first: move that one instead.
        existing = Reminder.objects.get(kind=kind, subject_id=subject.pk, status__in=Reminder.OPEN)
        return reminder_reschedule(reminder=existing, local_date=local_date, local_time=at)


@dataclass(frozen=True)
class ScheduleItem:
    """One reminder for `reminders_schedule_many`: what `reminder_schedule` takes."""

    kind: str
    subject: Model
    local_date: dt.date
    local_time: dt.time | None = None
    scope: str = ""


def reminders_schedule_many(*, owner: User, items: Sequence[ScheduleItem]) -> tuple[int, int]:
    """Schedule many reminders as `reminder_schedule` would one by one, in a constant number of
    queries (a restore schedules thousands: one by one cost six queries each).

    Returns (scheduled, refused): an item whose date `check_date` refuses is left out and
    counted. Of items about the same (kind, subject) the last one's date and time win, as the
    later call would have moved the earlier one (which keeps its scope, and a version per
    move); one already open in the database is moved (one by one: rare).
    """
    wanted: dict[tuple[str, int], _Pending] = {}
    accepted: list[tuple[ScheduleItem, dt.time]] = []
    refused = 0
    for item in items:
        declared = kinds.get(item.kind)
        if item.subject._meta.label != declared.subject_model:
            raise TypeError(
                f"A {item.kind} reminder is about a {declared.subject_model}, not {item.subject}."
            )
        try:
            check_date(item.local_date, owner)
        except ValidationError:
            refused += 1
            continue
        at = item.local_time or declared.time_of_day(owner)
        accepted.append((item, at))
        key = (item.kind, item.subject.pk)
        earlier = wanted.get(key)
        if earlier is None:
            wanted[key] = _Pending(item, item.scope, at, 1)
        else:  # in the first one's place (id order, as one by one), moved
            wanted[key] = _Pending(item, earlier.scope, at, earlier.version + 1)
    if not wanted:
        return 0, refused
    with transaction.atomic():
        subject_ids = sorted({subject_id for _, subject_id in wanted})
        open_pairs = set(
            Reminder.objects.filter(subject_id__in=subject_ids, status__in=Reminder.OPEN)
            .filter(kind__in=sorted({kind for kind, _ in wanted}))
            .values_list("kind", "subject_id")
        )
        fresh = [pending for key, pending in wanted.items() if key not in open_pairs]
        try:
            with transaction.atomic():
                Reminder.objects.bulk_create(_new_reminder(owner, pending) for pending in fresh)
        except IntegrityError:
            # A concurrent request scheduled one of them first: one by one, moving those.
            open_pairs = set(wanted)
        # Those already open, one by one as before: each item moves the open one.
        for item, at in accepted:
            if (item.kind, item.subject.pk) in open_pairs:
                reminder_schedule(
                    owner=owner,
                    kind=item.kind,
                    subject=item.subject,
                    local_date=item.local_date,
                    local_time=at,
                    scope=item.scope,
                )
    return len(items) - refused, refused


@dataclass(frozen=True)
class _Pending:
    item: ScheduleItem  # the last one about its (kind, subject): its date and time
    scope: str  # the first one's
    at: dt.time
    version: int  # 1, and one more for each move a later item made


def _new_reminder(owner: User, pending: _Pending) -> Reminder:
    item = pending.item
    due = local_to_utc(item.local_date, pending.at, owner.timezone)
    return Reminder(
        owner=owner,
        kind=item.kind,
        subject_id=item.subject.pk,
        scope=pending.scope,
        local_date=item.local_date,
        local_time=pending.at,
        timezone=owner.timezone,
        due_at=due,
        run_at=due,
        version=pending.version,
    )


def reminder_reschedule(
    *, reminder: Reminder, local_date: dt.date, local_time: dt.time | None = None
) -> Reminder:
    at = local_time or reminder.local_time
    check_date(local_date, reminder.owner)
    due = local_to_utc(local_date, at, reminder.timezone)
    # Only when something changes: a new version moves the reminder's SEQUENCE in every
    # calendar that shows it, and saving an interview reschedules its reminders unchanged.
    unchanged = Q(local_date=local_date, local_time=at, due_at=due, attempts=0, last_error="")
    updated = Reminder.objects.filter(~unchanged, pk=reminder.pk, status=Status.SCHEDULED).update(
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
                ended_reason="",
                version=F("version") + 1,
                updated_at=timezone.now(),
            )
    except IntegrityError:
        raise ValidationError(
            _("Another reminder about the same thing is already scheduled; change that one.")
        ) from None
    reminder.refresh_from_db()
    return reminder


def _finish(
    reminder: Reminder, status: str, from_statuses: tuple[str, ...], reason: str | Promise = ""
) -> bool:
    if isinstance(reason, Promise):
        # A lazy reason (gettext_lazy) is written in the words of the owner, who reads it on
        # their reminders page, whoever or whatever ended the reminder.
        with in_language_of(reminder.owner):
            reason = str(reason)
    # Waits for a sender holding the row: a reminder being sent ends up sent, never both.
    with transaction.atomic():
        row = Reminder.objects.select_for_update().get(pk=reminder.pk)
        if row.status not in from_statuses:
            reminder.status = row.status
            return False
        Reminder.objects.filter(pk=row.pk).update(
            status=status,
            lease_token=None,
            ended_reason=reason[:200],
            version=F("version") + 1,
            updated_at=timezone.now(),
        )
    reminder.refresh_from_db()
    return True


def reminder_cancel(*, reminder: Reminder, reason: str | Promise = "") -> bool:
    """Cancel unless it has already gone out; returns whether it was cancelled.

    `reason` is what the owner reads on their reminders page: pass it lazy (gettext_lazy),
    and it is written in the owner's language whoever cancels."""
    return _finish(
        reminder, Status.CANCELLED, (Status.SCHEDULED, Status.SENDING, Status.FAILED), reason
    )


def reminder_stop(*, reminder: Reminder) -> str:
    """Stop a reminder for good, from its email. Every link of its emails dies either way.

    Returns "cancelled" when it had not gone out (it never will), "stopped" when it had (it
    stays sent, and its snooze link can no longer bring it back), or "" when it had already
    finished (done or cancelled: its links were dead already).
    """
    reason = Reminder.STOPPED_FROM_EMAIL
    if reminder_cancel(reminder=reminder, reason=reason):
        return "cancelled"
    # Already sent: it stays sent, marked stopped, so its snooze link can't bring it back.
    with transaction.atomic():
        row = Reminder.objects.select_for_update().get(pk=reminder.pk)
        stopped = row.status == Status.SENT and not row.is_stopped
        if stopped:
            Reminder.objects.filter(pk=row.pk).update(
                ended_reason=reason, version=F("version") + 1, updated_at=timezone.now()
            )
    reminder.refresh_from_db()
    return "stopped" if stopped else ""


def reminder_mark_done(*, reminder: Reminder) -> bool:
    return _finish(
        reminder, Status.DONE, (Status.SCHEDULED, Status.SENDING, Status.SENT, Status.FAILED)
    )


def reminder_snooze(*, reminder: Reminder, days: int = SNOOZE_DAYS) -> Reminder:
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
    try:
        dispatch_reminders.delay()
    except Exception:  # the broker being down only delays it to beat's next minute
        log.warning("could not enqueue a dispatch; beat will run it", exc_info=True)


def reminders_cancel(
    *,
    kinds: Iterable[str] | None = None,
    subject: Model | None = None,
    scope: str | None = None,
    reason: str | Promise = "",
) -> int:
    """Cancel the unfinished reminders about a subject, or in a scope; returns how many."""
    if subject is None and scope is None:
        raise ValueError("Say which reminders: a subject or a scope.")
    q = Q(status__in=[*Reminder.OPEN, Status.FAILED])
    wanted = set(kinds) if kinds is not None else None
    if subject is not None:
        # Ids are per table: a reminder about interview 7 is not about plan 7.
        about = {
            k.name for k in registered_kinds().values() if k.subject_model == subject._meta.label
        }
        wanted = about if wanted is None else wanted & about
        q &= Q(subject_id=subject.pk)
    if scope is not None:
        q &= Q(scope=scope)
    if wanted is not None:
        q &= Q(kind__in=sorted(wanted))
    count = 0
    # With its owner: a lazy reason is written in the owner's language (_finish).
    for reminder in Reminder.objects.filter(q).select_related("owner").order_by("pk"):
        count += reminder_cancel(reminder=reminder, reason=reason)
    return count


@transaction.atomic
def reminders_rederive_for_user(*, user: User) -> int:
    """After a change of time zone or hours: same local dates, the kind's hour, the new zone."""
    count = 0
    declared = registered_kinds()
    for reminder in Reminder.objects.select_for_update().filter(
        owner=user, status=Status.SCHEDULED
    ):
        kind = declared.get(reminder.kind)
        at = kind.time_of_day(user) if kind else user.reminder_time
        due = local_to_utc(reminder.local_date, at, user.timezone)
        # Keep a pending retry's backoff, but never let it fall before the new due time.
        run_at = due if reminder.attempts == 0 else max(reminder.run_at, due)
        count += Reminder.objects.filter(pk=reminder.pk, status=Status.SCHEDULED).update(
            local_time=at,
            timezone=user.timezone,
            due_at=due,
            run_at=run_at,
            version=F("version") + 1,
        )
    return count


def reminder_open(*, kind: str, subject: Model) -> Reminder | None:
    """The scheduled (or sending) reminder of a kind about a subject, if any."""
    return Reminder.objects.filter(
        kind=kind, subject_id=subject.pk, status__in=Reminder.OPEN
    ).first()
