"""The rules an interview's date obeys, shared by the form, the service and the restore."""

import datetime as dt

from django.core.exceptions import ValidationError
from django.utils.translation import gettext as _

from applications.validators import validate_event_date
from rebound.lib.datefmt import day as day_of
from rebound.models import User

INTERVIEW_BEFORE_APPLIED = "interview_before_applied"


def validate_interview_date(day: dt.date, *, owner: User) -> None:
    """Within the bounds every date field uses: 1970 to five years ahead."""
    validate_event_date(day, owner=owner, what=_("The interview’s date"))


def validate_interview_after_applied(*, day: dt.date, date_applied: dt.date | None) -> None:
    """An interview before the date applied is odd rather than impossible (the date applied
    is often a guess): the page asks whether to move the date applied; every other way in
    is refused with this message, which says how to fix it."""
    if date_applied is not None and day < date_applied:
        raise ValidationError(
            _(
                "This interview (%(day)s) is before the date you applied (%(date_applied)s). "
                "Correct the date applied first, or the interview’s date."
            )
            % {"day": day_of(day), "date_applied": day_of(date_applied)},
            code=INTERVIEW_BEFORE_APPLIED,
            params={"day": day, "date_applied": date_applied},
        )
