"""The rules the coping dates obey, shared by the forms, the services and the restore."""

import datetime as dt

from django.core.exceptions import ValidationError

FEEDBACK_BEFORE_REQUEST = "feedback_before_request"


def validate_feedback_received(*, sent_on: dt.date | None, received_on: dt.date) -> None:
    """Feedback can't arrive before it was asked for."""
    if sent_on is not None and received_on < sent_on:
        raise ValidationError(
            f"Feedback can’t have arrived on {received_on:%-d %b %Y}, before you asked for it "
            f"({sent_on:%-d %b %Y}).",
            code=FEEDBACK_BEFORE_REQUEST,
        )
