"""The rules an interview's date obeys, shared by the form, the service and the restore."""

import datetime as dt

from django.core.exceptions import ValidationError

from applications.validators import validate_event_date
from rebound.models import User

INTERVIEW_BEFORE_APPLIED = "interview_before_applied"


def validate_interview_date(day: dt.date, *, owner: User) -> None:
    """Within the bounds every date field uses: 1970 to five years ahead."""
    validate_event_date(day, owner=owner, what="The interview’s date")


def validate_interview_after_applied(*, day: dt.date, date_applied: dt.date | None) -> None:
    """An interview before the date applied is odd rather than impossible (the date applied
    is often a guess): the page asks whether to move the date applied; every other way in
    is refused with this message, which says how to fix it."""
    if date_applied is not None and day < date_applied:
        raise ValidationError(
            f"This interview ({day:%-d %b %Y}) is before the date you applied "
            f"({date_applied:%-d %b %Y}). Correct the date applied first, or the interview’s "
            "date.",
            code=INTERVIEW_BEFORE_APPLIED,
            params={"day": day, "date_applied": date_applied},
        )
