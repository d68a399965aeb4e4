"""Bounds on the dates people type: a typo such as 0001 or 9999 gets a sentence, not a 500."""

import datetime as dt
from typing import Any

from django import forms
from django.core.exceptions import ValidationError

from .localtime import local_today

SCHEDULE_YEARS = 5


def schedule_limit(user: Any) -> dt.date:
    """The furthest ahead anything may be scheduled: five years from the user's today."""
    today = local_today(user)
    return today.replace(year=today.year + SCHEDULE_YEARS, day=min(today.day, 28))


def bound_date(
    field: forms.Field, *, first: dt.date, last: dt.date, what: str = "The date"
) -> None:
    """Limit a form's date field to [first, last], in the browser's picker and on the server."""

    def check(value: dt.date | None) -> None:
        if value is None:
            return
        if value < first:
            raise ValidationError(f"{what} can’t be before {first:%-d %B %Y}.", code="too_early")
        if value > last:
            raise ValidationError(f"{what} can’t be after {last:%-d %B %Y}.", code="too_late")

    field.validators.append(check)
    field.widget.attrs.update(min=first.isoformat(), max=last.isoformat())


def bound_schedule_date(field: forms.Field, user: Any, *, earliest: dt.date | None = None) -> None:
    """A date to schedule on: from today (or `earliest`) to five years ahead."""
    bound_date(
        field,
        first=earliest or local_today(user),
        last=schedule_limit(user),
        what="The date",
    )
