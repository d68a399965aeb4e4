"""Bounds on the dates people type: a typo such as 0001 or 9999 gets a sentence, not a 500."""

import datetime as dt

from django import forms
from django.core.exceptions import ValidationError
from django.utils import dateformat
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy, pgettext

from rebound.lib.types import StrOrPromise
from rebound.models import User

from .localtime import local_today

SCHEDULE_YEARS = 5

THE_DATE = gettext_lazy("The date")


def long_day(value: dt.date) -> str:
    """A date written out in the active language: "3 March 2027", „3. März 2027“."""
    # Translators: a date written out, in Django's date format syntax (j day, F month, Y year).
    return dateformat.format(value, pgettext("date format", "j F Y"))


def schedule_limit(user: User) -> dt.date:
    """The furthest ahead anything may be scheduled: five years from the user's today."""
    today = local_today(user)
    return today.replace(year=today.year + SCHEDULE_YEARS, day=min(today.day, 28))


def bound_date(
    field: forms.Field,
    *,
    first: dt.date,
    last: dt.date,
    what: StrOrPromise | None = None,
    last_is_today: bool = False,
) -> None:
    """Limit a form's date field to [first, last], in the browser's picker and on the server.
    `what` names the date in a sentence ("The date applied"): pass it through gettext_lazy."""

    def check(value: dt.date | None) -> None:
        if value is None:
            return
        said = {"what": what or THE_DATE}
        if value < first:
            said["date"] = long_day(first)
            raise ValidationError(_("%(what)s can’t be before %(date)s.") % said, code="too_early")
        if value > last:
            if last_is_today:
                raise ValidationError(_("%(what)s can’t be in the future.") % said, code="too_late")
            said["date"] = long_day(last)
            raise ValidationError(_("%(what)s can’t be after %(date)s.") % said, code="too_late")

    field.validators.append(check)
    field.widget.attrs.update(min=first.isoformat(), max=last.isoformat())


def bound_schedule_date(field: forms.Field, user: User, *, earliest: dt.date | None = None) -> None:
    """A date to schedule on: from today (or `earliest`) to five years ahead."""
    bound_date(
        field,
        first=earliest or local_today(user),
        last=schedule_limit(user),
        what=THE_DATE,
    )


EARLIEST = dt.date(1970, 1, 1)


def bound_past_date(field: forms.Field, user: User, *, what: StrOrPromise | None = None) -> None:
    """A date something happened: from 1970 to the user's today."""
    bound_date(field, first=EARLIEST, last=local_today(user), what=what, last_is_today=True)


def bound_event_date(field: forms.Field, user: User, *, what: StrOrPromise | None = None) -> None:
    """A date that may be past or ahead (an interview): from 1970 to five years ahead."""
    bound_date(field, first=EARLIEST, last=schedule_limit(user), what=what)
