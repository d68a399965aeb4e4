"""The rules dates obey, one function per fact, whichever way the date comes in.

The forms, the API (through the forms and the services), the import and the restore all
call these, so a date the page refuses is refused everywhere, in the same words. Impossible
orders raise a ValidationError with a code a caller can recognise; what is only odd (an
interview before the date applied, interviews/validators.py) is for the caller to ask about.
"""

import datetime as dt
from collections.abc import Sequence

from django.core.exceptions import ValidationError
from django.utils.translation import gettext as _

from rebound.lib.datefmt import day
from rebound.lib.formfields import EARLIEST, long_day, schedule_limit
from rebound.lib.localtime import local_today
from rebound.lib.types import StrOrPromise
from rebound.models import User

from .pipeline import Status

BEFORE_APPLIED = "before_applied"


def _day(on: dt.date) -> str:
    return day(on)


def _long_day(on: dt.date) -> str:
    return long_day(on)


def validate_past_date(on: dt.date, *, owner: User, what: StrOrPromise = "") -> None:
    """A day something happened: from 1970 to the owner's today (the forms' own bounds)."""
    what = what or _("The date")
    if on < EARLIEST:
        raise ValidationError(
            _("%(what)s can’t be before %(day)s.") % {"what": what, "day": _long_day(EARLIEST)},
            code="too_early",
        )
    if on > local_today(owner):
        raise ValidationError(
            _("%(what)s can’t be in the future.") % {"what": what}, code="too_late"
        )


def validate_event_date(on: dt.date, *, owner: User, what: StrOrPromise = "") -> None:
    """A day that may be past or ahead (an interview): from 1970 to five years ahead."""
    what = what or _("The date")
    if on < EARLIEST:
        raise ValidationError(
            _("%(what)s can’t be before %(day)s.") % {"what": what, "day": _long_day(EARLIEST)},
            code="too_early",
        )
    last = schedule_limit(owner)
    if on > last:
        raise ValidationError(
            _("%(what)s can’t be after %(day)s.") % {"what": what, "day": _long_day(last)},
            code="too_late",
        )


def validate_timeline(steps: Sequence[tuple[str, dt.date]], *, checking: int | None = None) -> None:
    """A timeline, in the order it was recorded, as (status, date) pairs: nothing that
    happens after applying is dated before the date applied.

    Moves before the application went in (a wishlist entry, a withdrawal before applying)
    have no date applied to respect, and a later move back into Applied sets a new one.
    With `checking`, only the order of that step is judged (against the date applied before
    it, or, for a step into Applied, against the moves it governs): an old timeline that was
    already out of order doesn't block correcting an unrelated date.
    """
    applied_at: int | None = None
    for i, (status, on) in enumerate(steps):
        if status == Status.APPLIED:
            applied_at = i
            continue
        if applied_at is None or checking not in (None, i, applied_at):
            continue
        applied_on = steps[applied_at][1]
        if on < applied_on:
            label = Status(status).label if status in Status.values else status
            if checking == applied_at:
                message = _(
                    "It moved to %(status)s on %(day)s, after applying, so the date applied "
                    "can’t be later than that."
                ) % {"status": label, "day": _day(on)}
            else:
                message = _(
                    "It can’t have moved to %(status)s on %(day)s: that’s before the date "
                    "applied (%(applied)s)."
                ) % {"status": label, "day": _day(on), "applied": _day(applied_on)}
            raise ValidationError(message, code=BEFORE_APPLIED)
