"""The rules the coping dates obey, shared by the forms, the services and the restore."""

import datetime as dt

from django.core.exceptions import ValidationError
from django.utils.translation import gettext as _

from rebound.lib import datefmt

FEEDBACK_BEFORE_REQUEST = "feedback_before_request"


def validate_feedback_received(*, sent_on: dt.date | None, received_on: dt.date) -> None:
    """Feedback can't arrive before it was asked for."""
    if sent_on is not None and received_on < sent_on:
        raise ValidationError(
            _("Feedback can’t have arrived on %(received)s, before you asked for it (%(sent)s).")
            % {"received": datefmt.day(received_on), "sent": datefmt.day(sent_on)},
            code=FEEDBACK_BEFORE_REQUEST,
        )
