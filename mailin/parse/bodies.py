"""A message's text from its MIME parts: plain preferred to HTML, attachments named, not read."""

from __future__ import annotations

import html
import re
from email.message import EmailMessage, Message

import nh3

from .parsed import MAX_PARTS, MAX_TEXT_CHARS

_HTML_BREAKS = re.compile(
    r"<\s*(br|/p|/div|/tr|/li|/h[1-6]|/table|hr|p|div|li|tr|h[1-6])(\s[^>]*)?/?>", re.IGNORECASE
)
_HTML_CELL = re.compile(r"<\s*/t[dh]\s*>", re.IGNORECASE)


def message_body(message: Message, problems: list[str]) -> tuple[str, list[str], Message | None]:
    """The best text of a message (plain preferred to HTML), its attachments' names, and an
    attached message (a forward as attachment), reading at most MAX_PARTS parts."""
    plain: list[str] = []
    htmls: list[str] = []
    attachments: list[str] = []
    inner: Message | None = None
    count = 0
    try:
        parts = message.walk()
        for part in parts:
            count += 1
            if count > MAX_PARTS:
                problems.append(
                    f"The message has more than {MAX_PARTS} parts: only the first ones were read."
                )
                break
            try:
                content_type = part.get_content_type()
                if content_type == "message/rfc822":
                    if inner is None:
                        payload = part.get_payload()
                        first = payload[0] if isinstance(payload, list) and payload else None
                        if isinstance(first, Message):
                            inner = first
                    continue
                if part.is_multipart():
                    continue
                filename = part.get_filename()
                disposition = (part.get_content_disposition() or "").lower()
                if filename or disposition == "attachment":
                    attachments.append(" ".join(str(filename or "attachment").split())[:200])
                    continue
                if content_type == "text/plain":
                    plain.append(_part_text(part))
                elif content_type == "text/html":
                    htmls.append(html_to_text(_part_text(part)))
            except Exception:
                problems.append("A part of the message was malformed and was skipped.")
    except Exception:
        problems.append("The message's structure was malformed; read what could be read.")
    body = "\n\n".join(text for text in plain if text.strip())
    if not body.strip():
        body = "\n\n".join(htmls)
    return body, attachments, inner


def _part_text(part: Message) -> str:
    if part.get_param("charset") is None:
        # No declared charset (pasted text, a hand-made .eml): UTF-8 if it is, else the
        # Windows code page mail clients fall back to, never the ASCII default's mojibake.
        payload = _payload_bytes(part)
        if payload is not None:
            try:
                return payload.decode("utf-8")
            except UnicodeDecodeError:
                return payload.decode("cp1252", errors="replace")
    try:
        content = part.get_content() if isinstance(part, EmailMessage) else None
        if isinstance(content, str):
            return content
    except Exception:
        pass
    payload = _payload_bytes(part)
    if payload is not None:
        charset = part.get_content_charset() or "utf-8"
        try:
            return payload.decode(charset, errors="replace")
        except LookupError:
            return payload.decode("utf-8", errors="replace")
    raw = part.get_payload()
    return raw if isinstance(raw, str) else ""


def _payload_bytes(part: Message) -> bytes | None:
    try:
        payload = part.get_payload(decode=True)
    except Exception:
        return None
    return payload if isinstance(payload, bytes) else None


def html_to_text(markup: str) -> str:
    """Visible text of an HTML mail. The sanitiser removes every tag (scripts and styles with
    their content) and follows no link: nothing is fetched."""
    markup = markup[: MAX_TEXT_CHARS * 4]
    markup = _HTML_CELL.sub(" \t", markup)
    # Tags vanish; the words either side of one must not run together.
    markup = re.sub(r"<(?=[A-Za-z/])", " <", markup)
    markup = _HTML_BREAKS.sub("\n", markup)
    cleaned = nh3.clean(markup, tags=set(), attributes={}, strip_comments=True)
    return html.unescape(cleaned).replace("\xa0", " ")
