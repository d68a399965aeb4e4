"""Signed one-click links in reminder emails. They act on one reminder and log no one in."""

import functools
import hashlib
import hmac
import json
import time
from typing import Any

from django.conf import settings
from django.core import signing
from django.urls import reverse
from django.utils.encoding import force_bytes
from django.utils.translation import gettext_lazy as _

from .models import Reminder

SALT = "rebound.reminder-link"
# Every email's links; a kind may add its own (reminders.kinds.KindAction).
ACTIONS = {
    "done": _("Mark it done"),
    "snooze": _("Snooze two weeks"),
    "stop": _("Stop this reminder"),
}
MAX_AGE = 60 * 60 * 24 * 365


class Expired(Exception):
    pass


def make_token(reminder: Reminder, action: str) -> str:
    """`signing.dumps({"r": pk, "a": action, "v": version}, salt=SALT)`, character for
    character (read_token reads it with signing.loads), made for less: an email has three
    links, and dumps derived the HMAC key again for each (two hashes and a new hmac object)."""
    # The version makes the snooze link single-use (any action or edit bumps it); stop and
    # done outlive it (link_state).
    pk, version = reminder.pk, reminder.version
    if type(pk) is int and type(version) is int:  # exactly: a bool would be JSON true
        data = f'{{"r":{pk},"a":{_quoted(action)},"v":{version}}}'.encode("latin-1")
    else:
        data = signing.JSONSerializer().dumps({"r": pk, "a": action, "v": version})
    value = f"{signing.b64_encode(data).decode()}:{_timestamp()}"
    mac = _keyed_hmac(settings.SECRET_KEY).copy()
    mac.update(value.encode())
    return f"{value}:{signing.b64_encode(mac.digest()).decode()}"


@functools.lru_cache(maxsize=64)
def _quoted(action: str) -> str:
    return json.dumps(action)


# The last second's TimestampSigner timestamp: (int(time.time()), its base 62).
_stamp: tuple[int, str] = (-1, "")


def _timestamp() -> str:
    global _stamp
    now = int(time.time())
    stamp = _stamp
    if stamp[0] != now:
        stamp = _stamp = (now, signing.b62_encode(now))
    return stamp[1]


# What Signer.signature's salted_hmac keys, for the secret it was made with: a changed
# SECRET_KEY (a deploy's rotation, override_settings) makes another. Never updated itself:
# each token signs a copy.
_keyed: tuple[Any, "hmac.HMAC"] | None = None


def _keyed_hmac(secret: str | bytes) -> "hmac.HMAC":
    global _keyed
    keyed = _keyed
    if keyed is None or type(keyed[0]) is not type(secret) or keyed[0] != secret:
        # salted_hmac(SALT + "signer", value, secret, algorithm="sha256"), without the value.
        key = hashlib.sha256(force_bytes(SALT + "signer") + force_bytes(secret)).digest()
        keyed = _keyed = (secret, hmac.new(key, digestmod=hashlib.sha256))
    return keyed[1]


@functools.cache
def _link_base() -> str:
    # reverse() costs more than signing: resolve the path once per process (batches send
    # three links per email). The token is URL-safe base64 with ":" separators.
    return settings.SITE_URL + reverse("reminders:link", args=["TOKEN"]).replace("TOKEN", "{}")


def link(reminder: Reminder, action: str) -> str:
    return _link_base().format(make_token(reminder, action))


def link_state(reminder: Reminder, action: str, version: int) -> str | None:
    """Why a genuine link can't act any more ("used" or "finished"), or None when it can.

    Stop works for as long as the reminder exists, whatever happened since the email (a
    snooze, a new date): it is how people unsubscribe. Done and a kind's own actions work
    until the reminder is finished. Snooze works once: any change since the email (its own
    use included) makes it stale, since it would move a reminder that has moved already.
    """
    if action == "stop":
        return "finished" if reminder.is_finished else None
    if action == "done" and reminder.status == Reminder.Status.DONE:
        return "used"
    if reminder.is_finished:
        return "finished"
    if action == "snooze" and version != reminder.version:
        return "used"
    return None


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
