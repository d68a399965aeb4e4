"""What the owner chose for their Inbox: automatic apply, and how long raw text is kept."""

from __future__ import annotations

import datetime as dt

from rebound.models import User

from ..models import InboundMessage, InboxPreference
from .retention import inbound_messages_forget_raw


def inbox_preference(user: User) -> InboxPreference:
    """The owner's choices, or the defaults (auto-apply off, raw text kept 30 days)."""
    found = InboxPreference.objects.filter(owner=user).first()
    return found or InboxPreference(owner=user)


def inbox_preference_set(*, user: User, auto_apply: bool, keep_raw_days: int) -> InboxPreference:
    """Save the owner's choices. A shorter keeping time applies to the messages already kept,
    counted from when each arrived."""
    preference, _ = InboxPreference.objects.update_or_create(
        owner=user, defaults={"auto_apply": auto_apply, "keep_raw_days": keep_raw_days}
    )
    kept = InboundMessage.objects.filter(owner=user, raw_until__isnull=False)
    for message in kept.only("pk", "created_at", "raw_until"):
        until = message.created_at + dt.timedelta(days=keep_raw_days)
        if message.raw_until is not None and until < message.raw_until:
            InboundMessage.objects.filter(pk=message.pk).update(raw_until=until)
    inbound_messages_forget_raw(user=user)
    return preference
