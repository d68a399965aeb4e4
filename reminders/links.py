"""Signed one-click links in reminder emails. They act on one reminder and log no one in."""

import functools
from typing import Any

from django.conf import settings
from django.core import signing
from django.urls import reverse

from .models import Reminder

SALT = "rebound.reminder-link"
# Every email's links; a kind may add its own (reminders.kinds.KindAction).
ACTIONS = {"done": "Mark it done", "snooze": "Snooze two weeks", "stop": "Stop this reminder"}
MAX_AGE = 60 * 60 * 24 * 365


class Expired(Exception):
    pass


def make_token(reminder: Reminder, action: str) -> str:
    # The version makes each link single-use: any action (or edit) bumps it.
    return signing.dumps({"r": reminder.pk, "a": action, "v": reminder.version}, salt=SALT)


@functools.cache
def _link_base() -> str:
    # reverse() costs more than signing: resolve the path once per process (batches send
    # three links per email). The token is URL-safe base64 with ":" separators.
    return settings.SITE_URL + reverse("reminders:link", args=["TOKEN"]).replace("TOKEN", "{}")


def link(reminder: Reminder, action: str) -> str:
    return _link_base().format(make_token(reminder, action))


def read_token(token: str) -> dict[str, Any] | None:
    """The link's reminder, action and version; None when it was tampered with or cut short.

    Raises Expired for a genuine link older than MAX_AGE, so the page can say so.
    """
    try:
        data = signing.loads(token, salt=SALT, max_age=MAX_AGE)
    except signing.SignatureExpired:
        raise Expired from None
    except signing.BadSignature:
        return None
    if not (
        isinstance(data, dict)
        and isinstance(data.get("a"), str)
        and isinstance(data.get("r"), int)
        and isinstance(data.get("v"), int)
    ):
        return None
    return data
