"""Offers' verbs; views, tests (and later the API) call these."""

import datetime as dt

from django.core.exceptions import ValidationError
from django.db import IntegrityError, transaction
from django.utils import timezone
from django.utils.functional import Promise
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy

from applications.models import Application
from applications.pipeline import Status
from applications.services import application_change_status
from rebound.lib.formfields import EARLIEST, long_day, schedule_limit
from rebound.lib.localtime import local_to_utc, local_today
from rebound.models import User
from reminders.kinds import scope_of
from reminders.services import reminder_schedule, reminders_cancel

from .models import Offer
from .reminder_kinds import OFFER_DEADLINE

# The stages from which recording an offer means the application has reached Offer.
BEFORE_OFFER = frozenset({Status.APPLIED, Status.SCREENING, Status.INTERVIEWING})

# Reasons are lazy: reminders.services writes them in the owner's language.
MOVED_ON = gettext_lazy("The application has moved on.")
NO_DEADLINE = gettext_lazy("The offer has no decision deadline.")
NOT_WANTED = gettext_lazy("You asked for no reminder before this deadline.")
TOO_LATE = gettext_lazy("The deadline is too close for a reminder.")
DELETED = gettext_lazy("The offer was deleted.")


def moves_to_offer(application: Application) -> bool:
    """Whether recording an offer on it moves it to Offer (its first offer, from an earlier
    stage still open)."""
    return application.status in BEFORE_OFFER


def deadline_reminder_day(offer: Offer, owner: User) -> dt.date | None:
    """The owner's local day the reminder goes out, at their reminder hour: N days before the
    deadline, or, when that hour has passed, the next one still on or before the deadline;
    None for no reminder (none wanted, no deadline, or too late)."""
    if offer.deadline is None or offer.remind_days_before == 0:
        return None
    today = local_today(owner)
    day = max(offer.deadline - dt.timedelta(days=offer.remind_days_before), today)
    if local_to_utc(day, owner.reminder_time, owner.timezone) <= timezone.now():
        day += dt.timedelta(days=1)  # today's hour has gone: tomorrow's
    return day if day <= offer.deadline else None


def _date_errors(offer: Offer, owner: User) -> dict[str, str]:
    # The forms bound these too; a service call from elsewhere gets the same sentences.
    last = schedule_limit(owner)
    errors = {}
    for name, what in (
        ("start_date", _("The start date")),
        ("deadline", _("The decision deadline")),
    ):
        value = getattr(offer, name)
        if value is None:
            continue
        if value < EARLIEST:
            errors[name] = _("%(what)s can’t be before %(date)s.") % {
                "what": what,
                "date": long_day(EARLIEST),
            }
        elif value > last:
            errors[name] = _("%(what)s can’t be after %(date)s.") % {
                "what": what,
                "date": long_day(last),
            }
    return errors


def _validate(offer: Offer, owner: User) -> None:
    """Every problem at once, each on its field: the dates' own sentences, and the model's
    checks on the rest (a date already refused is left out of them)."""
    errors: dict[str, list[str]] = {
        name: [said] for name, said in _date_errors(offer, owner).items()
    }
    try:
        offer.full_clean(exclude=["owner", *errors])
    except ValidationError as exc:
        for name, said in exc.message_dict.items():
            errors.setdefault(name, []).extend(said)
    if errors:
        raise ValidationError(errors)


@transaction.atomic
def offer_save(*, offer: Offer) -> Offer:
    """Record or change the offer on its application, and schedule, move or cancel the
    reminder before its deadline. A first offer on an application still in an earlier stage
    moves the application to Offer, dated today."""
    application = offer.application
    owner = application.owner
    offer.owner_id = owner.pk
    offer.currency = (offer.currency or "").strip().upper()
    _validate(offer, owner)
    if offer.pk is None and moves_to_offer(application):
        application_change_status(application=application, to_status=Status.OFFER)
    try:
        with transaction.atomic():
            offer.save()
    except IntegrityError:
        if not Offer.objects.filter(application=application).exclude(pk=offer.pk).exists():
            raise
        # Two first saves at once (a double submit): the other one won.
        raise ValidationError(
            {"application": _("This application already has an offer.")}, code="unique"
        ) from None
    offer_reminder_sync(offer=offer)
    return offer


def offer_reminder_sync(*, offer: Offer) -> None:
    """Schedule, move or cancel the deadline's reminder to fit the offer and its application
    as they are now."""
    application = offer.application
    owner = application.owner
    reason: Promise | None = None
    if application.status != Status.OFFER:
        reason = MOVED_ON
    elif offer.deadline is None:
        reason = NO_DEADLINE
    elif offer.remind_days_before == 0:
        reason = NOT_WANTED
    day = None if reason else deadline_reminder_day(offer, owner)
    if day is None:
        reminders_cancel(subject=offer, kinds=[OFFER_DEADLINE], reason=reason or TOO_LATE)
        return
    reminder_schedule(
        owner=owner,
        kind=OFFER_DEADLINE,
        subject=offer,
        local_date=day,
        scope=scope_of(application),
    )


@transaction.atomic
def offer_delete(*, offer: Offer) -> Application:
    """Delete the offer; its reminder is cancelled. The application stays as it is."""
    reminders_cancel(subject=offer, kinds=[OFFER_DEADLINE], reason=DELETED)
    application = offer.application
    offer.delete()
    return application
