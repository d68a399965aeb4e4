"""A header block's values, read so that a malformed header never raises."""

from __future__ import annotations

import re
from email.message import Message
from email.utils import getaddresses


def looks_like_headers(message: Message) -> bool:
    keys = {key.lower() for key in _safe_keys(message)}
    return bool(keys & {"from", "subject", "date", "message-id", "received", "sent", "von"})


def _safe_keys(message: Message) -> list[str]:
    try:
        return list(message.keys())
    except Exception:
        return []


def header(message: Message, name: str) -> str:
    """A header as text; a malformed one as its raw characters rather than an exception."""
    try:
        value = message.get(name)
        return "" if value is None else " ".join(str(value).split())
    except Exception:
        pass
    try:
        for key, value in message.raw_items():
            if key.lower() == name.lower():
                return " ".join(str(value).split())
    except Exception:
        pass
    return ""


def addresses(value: str) -> list[tuple[str, str]]:
    try:
        return getaddresses([value]) if value else []
    except Exception:
        return []


def first_message_id(value: str) -> str:
    ids = message_ids(value)
    return ids[0] if ids else ""


def message_ids(value: str) -> list[str]:
    return re.findall(r"<([^<>\s]{1,250})>", value)[:50]
