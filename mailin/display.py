"""A kept email, shown to its owner: its text, and its HTML sanitised with nothing remote.

Mail is written by strangers: an image is a tracking pixel, a stylesheet can fetch, a script
runs. The HTML keeps only text formatting and links; a link opens without telling the site
where it came from (rel="noopener noreferrer nofollow"), and nothing is loaded by showing it.
"""

from __future__ import annotations

import email
import email.policy
from dataclasses import dataclass

import nh3

from .parse.message import parse_message
from .parse.parsed import ParsedMessage

# No img, area/map or anything else that loads; tables and text formatting stay readable.
SAFE_TAGS = frozenset(nh3.ALLOWED_TAGS) - {"img", "area", "map"}
MAX_PARTS = 100


@dataclass(frozen=True, slots=True)
class Shown:
    message: ParsedMessage
    html: str


def _html_part(raw: str) -> str:
    try:
        parsed = email.message_from_string(raw, policy=email.policy.compat32)
    except Exception:
        return ""
    for seen, part in enumerate(parsed.walk()):
        if seen >= MAX_PARTS:
            break
        if part.get_content_type() != "text/html":
            continue
        try:
            payload = part.get_payload(decode=True)
            if not isinstance(payload, bytes):
                continue
            charset = part.get_content_charset() or "utf-8"
            try:
                return payload.decode(charset, errors="replace")
            except LookupError:
                return payload.decode("utf-8", errors="replace")
        except Exception:
            continue
    return ""


def sanitise_html(markup: str) -> str:
    return nh3.clean(
        markup,
        tags=set(SAFE_TAGS),
        clean_content_tags={"script", "style", "title", "head"},
        attributes={"a": {"href", "title"}, "td": {"colspan", "rowspan"}},
        url_schemes={"http", "https", "mailto"},
        link_rel="noopener noreferrer nofollow",
        strip_comments=True,
    )


def message_shown(raw: str, *, tz: str) -> Shown:
    """What the message page shows of a kept email."""
    markup = _html_part(raw)
    return Shown(parse_message(raw, default_tz=tz), sanitise_html(markup) if markup else "")
