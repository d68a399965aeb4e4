"""Forgetting: raw text past its keeping time, and every message a removed way in brought."""

from __future__ import annotations

from django.db import transaction
from django.utils import timezone

from rebound.models import User

from ..models import InboundMessage


def inbound_messages_forget_raw(*, user: User | None = None) -> int:
    """Empty the raw text of messages whose keeping time is up; the facts stay. Daily (beat)."""
    due = InboundMessage.objects.filter(raw_until__lte=timezone.now())
    if user is not None:
        due = due.filter(owner=user)
    return due.update(raw="", raw_until=None)


@transaction.atomic
def inbound_messages_delete(*, user: User, source: str) -> int:
    """Remove every message (and its question) a way in brought, e.g. when the forwarding
    address or the IMAP link is removed. What the person already applied stays in their
    tracker: those are their applications now."""
    messages = InboundMessage.objects.filter(owner=user, source=source)
    count = messages.count()
    messages.delete()
    return count
