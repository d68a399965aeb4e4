"""The entry: ``parse_message`` reads raw bytes or pasted text (see the package's docstring)."""

from __future__ import annotations

import datetime as dt
import email
import zoneinfo
from dataclasses import replace
from email.message import Message
from email.policy import default as default_policy
from email.utils import parseaddr

from .bodies import message_body
from .dates import parse_date
from .forwards import finish_message, pseudo_header_block
from .headers import addresses, first_message_id, header, looks_like_headers, message_ids
from .parsed import MAX_FORWARD_DEPTH, MAX_MESSAGE_BYTES, ParsedMessage


def parse_message(raw: bytes | str, *, default_tz: str = "UTC") -> ParsedMessage:
    """Read an email or pasted email text. Never raises on what the message contains; a date
    without a zone is read in ``default_tz`` (the user's)."""
    problems: list[str] = []
    data = raw.encode("utf-8", errors="replace") if isinstance(raw, str) else raw
    if len(data) > MAX_MESSAGE_BYTES:
        problems.append(
            f"The message is over {MAX_MESSAGE_BYTES // (1024 * 1024)} MB: "
            "only its beginning was read."
        )
        data = data[:MAX_MESSAGE_BYTES]
    data = data.replace(b"\r\n", b"\n")
    tz = _zone(default_tz)
    try:
        message = email.message_from_bytes(data, policy=default_policy)
    except Exception:  # the parser is lenient; this guards against what it still trips on
        problems.append("The message could not be read as MIME; read as plain text.")
        return _from_text(data.decode("utf-8", errors="replace"), tz=tz, problems=problems)
    if not looks_like_headers(message):
        # Text copied from a mail client without its header block: the body is all there is.
        return _from_text(data.decode("utf-8", errors="replace"), tz=tz, problems=problems)
    return _from_mime(message, tz=tz, problems=problems, depth=0)


def _zone(name: str) -> dt.tzinfo:
    try:
        return zoneinfo.ZoneInfo(name)
    except (zoneinfo.ZoneInfoNotFoundError, ValueError):
        return dt.UTC


def _from_mime(
    message: Message, *, tz: dt.tzinfo, problems: list[str], depth: int
) -> ParsedMessage:
    sender_name, sender_address = parseaddr(header(message, "From") or header(message, "Von"))
    to = tuple(
        addr for _, addr in addresses(header(message, "To") or header(message, "An")) if addr
    )
    date = parse_date(
        header(message, "Date")
        or header(message, "Sent")
        or header(message, "Gesendet")
        or header(message, "Datum"),
        tz,
    )
    body, attachments, inner = message_body(message, problems)
    outer = ParsedMessage(
        sender_name=sender_name.strip(),
        sender_address=sender_address.strip().lower(),
        to=to,
        reply_to=parseaddr(header(message, "Reply-To"))[1].lower(),
        subject=header(message, "Subject") or header(message, "Betreff"),
        date=date,
        message_id=first_message_id(header(message, "Message-ID")),
        in_reply_to=first_message_id(header(message, "In-Reply-To")),
        references=tuple(message_ids(header(message, "References"))),
        list_unsubscribe=bool(header(message, "List-Unsubscribe")),
        list_id=header(message, "List-Id"),
        precedence=header(message, "Precedence").lower(),
        auto_submitted=header(message, "Auto-Submitted").lower(),
        attachment_names=tuple(attachments),
        forward_depth=depth,
    )
    # Forwarded as an attachment: the attached message is the original.
    if inner is not None and depth < MAX_FORWARD_DEPTH and len(body.strip()) < 2000:
        original = _from_mime(inner, tz=tz, problems=problems, depth=depth + 1)
        return replace(
            original,
            forwarded_by=outer.forwarded_by or outer.sender_address,
            problems=tuple(problems),
        )
    return finish_message(outer, body, tz=tz, problems=problems)


def _from_text(text: str, *, tz: dt.tzinfo, problems: list[str]) -> ParsedMessage:
    fields, rest = pseudo_header_block(text)
    name, address = parseaddr(fields.get("from", ""))
    base = ParsedMessage(
        sender_name=name.strip(),
        sender_address=address.strip().lower(),
        to=tuple(addr for _, addr in addresses(fields.get("to", "")) if addr),
        subject=fields.get("subject", ""),
        date=parse_date(fields.get("date", ""), tz),
    )
    return finish_message(base, rest if fields else text, tz=tz, problems=problems)
