from typing import Any

from django.db import transaction

from applications.no_reply_services import no_reply_reminders_rederive
from rebound.models import User
from reminders.services import reminders_rederive_for_user


@transaction.atomic
def preferences_set(*, user: User, preferences: dict[str, Any]) -> User:
    """Save the user's preferences (the preferences form's cleaned data). Pending reminders
    keep their local dates and follow the new zone and hours; "no answer yet" nudges move
    with the new number of days."""
    for name, value in preferences.items():
        setattr(user, name, value)
    user.save(update_fields=list(preferences))
    no_reply_reminders_rederive(user=user)
    reminders_rederive_for_user(user=user)
    return user
