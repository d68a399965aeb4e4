"""Account-wide verbs of the core."""

from typing import Any

from django.contrib.sessions.models import Session
from django.utils import timezone


def sessions_end_for(*, user: Any) -> int:
    """Delete every live session of a user (other browsers too), e.g. before deleting them."""
    ended = [
        session.pk
        for session in Session.objects.filter(expire_date__gt=timezone.now()).iterator()
        if session.get_decoded().get("_auth_user_id") == str(user.pk)
    ]
    Session.objects.filter(pk__in=ended).delete()
    return len(ended)
