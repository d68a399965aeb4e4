"""The feed's secret URL: `<user id>-<version>-<HMAC of both>`, so nothing secret is stored
and the preferences page can always show it; a new version makes a new one."""

import re

from django.utils.crypto import constant_time_compare, salted_hmac

SALT = "rebound.feeds.calendar"
_TOKEN = re.compile(r"^(\d{1,12})-(\d{1,9})-([0-9a-f]{64})$")


def make(user_id: int, version: int) -> str:
    mac = salted_hmac(SALT, f"{user_id}.{version}", algorithm="sha256").hexdigest()
    return f"{user_id}-{version}-{mac}"


def read(token: str) -> tuple[int, int] | None:
    """(user id, version) of a genuine token; None for anything else."""
    found = _TOKEN.match(token)
    if not found:
        return None
    user_id, version = int(found.group(1)), int(found.group(2))
    return (user_id, version) if constant_time_compare(make(user_id, version), token) else None
