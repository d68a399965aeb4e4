"""Bounds on the dates people type: a typo such as 0001 or 9999 gets a sentence, not a 500."""

import datetime as dt

from django import forms
from django.core.exceptions import ValidationError

from rebound.models import User

from .localtime import local_today

SCHEDULE_YEARS = 5


def schedule_limit(user: User) -> dt.date:
    """The furthest ahead anything may be scheduled: five years from the user's today."""
    today = local_today(user)
    return today.replace(year=today.year + SCHEDULE_YEARS, day=min(today.day, 28))


def bound_date(
    field: forms.Field,
    *,
    first: dt.date,
    last: dt.date,
    what: str = "The date",
    last_is_today: bool = False,
) -> None:
    """Limit a form's date field to [first, last], in the browser's picker and on the server."""

    def check(value: dt.date | None) -> None:
        if value is None:
            return
        if value < first:
            raise ValidationError(f"{what} can’t be before {first:%-d %B %Y}.", code="too_early")
        if value > last:
            if last_is_today:
                raise ValidationError(f"{what} can’t be in the future.", code="too_late")
            raise ValidationError(f"{what} can’t be after {last:%-d %B %Y}.", code="too_late")

    field.validators.append(check)
    field.widget.attrs.update(min=first.isoformat(), max=last.isoformat())


def bound_schedule_date(field: forms.Field, user: User, *, earliest: dt.date | None = None) -> None:
    """A date to schedule on: from today (or `earliest`) to five years ahead."""
    bound_date(
        field,
        first=earliest or local_today(user),
        last=schedule_limit(user),
        what="The date",
    )


EARLIEST = dt.date(1970, 1, 1)


def bound_past_date(field: forms.Field, user: User, *, what: str = "The date") -> None:
    """A date something happened: from 1970 to the user's today."""
    bound_date(field, first=EARLIEST, last=local_today(user), what=what, last_is_today=True)


def bound_event_date(field: forms.Field, user: User, *, what: str = "The date") -> None:
    """A date that may be past or ahead (an interview): from 1970 to five years ahead."""
    bound_date(field, first=EARLIEST, last=schedule_limit(user), what=what)
