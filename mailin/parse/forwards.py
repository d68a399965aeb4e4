"""A forward's original, found in the body, and a reply's quoted history, set apart."""

from __future__ import annotations

import datetime as dt
import re
from dataclasses import replace
from email.utils import parseaddr

from .dates import parse_date
from .headers import addresses
from .parsed import FORWARD_SUBJECT, MAX_FORWARD_DEPTH, MAX_TEXT_CHARS, ParsedMessage

# Markers a mail client writes above a forwarded message. "Original message" markers are
# written above replies' quotes too, so they count as a forward only when the subject says so
# or nothing was written above them.
_FORWARD_MARKERS = re.compile(
    r"^[ \t>]*(?:"
    r"-{2,}\s*(?:Forwarded message|Weitergeleitete Nachricht|Forwarded Message)\s*-*"
    r"|Begin forwarded message:?"
    r"|Anfang der weitergeleiteten (?:Nachricht|E-Mail):?"
    r")[ \t]*$",
    re.IGNORECASE | re.MULTILINE,
)
_ORIGINAL_MARKERS = re.compile(
    r"^[ \t>]*-{2,}\s*(?:Original Message|Urspr(?:ü|ue)ngliche Nachricht)\s*-{2,}[ \t]*$",
    re.IGNORECASE | re.MULTILINE,
)
# Where a reply's quoted history begins: what is below it was written earlier, by someone else.
_QUOTE_START = re.compile(
    r"^[ \t]*(?:"
    r"On .{4,200}?wrote:"
    r"|Am .{4,200}?schrieb .{0,200}?:"
    r"|-{2,}\s*(?:Original Message|Urspr(?:ü|ue)ngliche Nachricht)\s*-{2,}"
    r"|From: .{1,200}\n(?:Sent|Date): .*"
    r"|Von: .{1,200}\n(?:Gesendet|Datum): .*"
    r")[ \t]*$",
    re.IGNORECASE | re.MULTILINE,
)

# Pseudo-headers in a forwarded block, in English and German, to one meaning each.
_PSEUDO_HEADERS = {
    "from": "from",
    "von": "from",
    "sender": "from",
    "date": "date",
    "sent": "date",
    "datum": "date",
    "gesendet": "date",
    "subject": "subject",
    "betreff": "subject",
    "to": "to",
    "an": "to",
    "cc": "cc",
    "reply-to": "reply-to",
    "antwort an": "reply-to",
}
_PSEUDO_LINE = re.compile(
    r"^[ \t>]*\*?(from|von|sender|date|sent|datum|gesendet|subject|betreff|to|an|cc|reply-to"
    r"|antwort an)\*?:[ \t]*(.*)$",
    re.IGNORECASE,
)


def finish_message(
    message: ParsedMessage, body: str, *, tz: dt.tzinfo, problems: list[str]
) -> ParsedMessage:
    """Follow a forward in the body down to the innermost original; split off quoted history."""
    body = body.replace("\r\n", "\n").replace("\r", "\n")
    current = message
    depth = message.forward_depth
    forwarded_by = message.forwarded_by
    while depth < MAX_FORWARD_DEPTH:
        found = _forward_split(current, body)
        if found is None:
            break
        fields, inner_body = found
        name, address = parseaddr(fields.get("from", ""))
        if not (address or name or fields.get("subject")):
            break
        forwarded_by = forwarded_by or current.sender_address
        depth += 1
        current = ParsedMessage(
            sender_name=name.strip().strip('"'),
            sender_address=address.strip().lower(),
            to=tuple(addr for _, addr in addresses(fields.get("to", "")) if addr),
            reply_to=parseaddr(fields.get("reply-to", ""))[1].lower(),
            subject=fields.get("subject", ""),
            date=parse_date(fields.get("date", ""), tz) or current.date,
            # The thread headers are the forwarder's; the original's are not in the text.
            message_id=current.message_id,
            in_reply_to=current.in_reply_to,
            references=current.references,
            list_unsubscribe=current.list_unsubscribe,
            list_id=current.list_id,
            attachment_names=current.attachment_names,
            forwarded_by=forwarded_by,
            forward_depth=depth,
        )
        body = inner_body
    if depth >= MAX_FORWARD_DEPTH:
        problems.append("The forwards were nested too deeply; read the outer ones only.")
    own, quoted = _split_quoted(body.replace("\x00", ""))
    return replace(
        current,
        text=_tidy(own)[:MAX_TEXT_CHARS],
        quoted=_tidy(quoted)[:MAX_TEXT_CHARS],
        problems=tuple(problems),
    )


def _forward_split(message: ParsedMessage, body: str) -> tuple[dict[str, str], str] | None:
    """The forwarded block's pseudo-headers and the body below them, if the body holds one."""
    match = _FORWARD_MARKERS.search(body)
    original = _ORIGINAL_MARKERS.search(body)
    if original is not None and (match is None or original.start() < match.start()):
        above = body[: original.start()].strip()
        if FORWARD_SUBJECT.match(message.subject) or not above:
            match = original
    if match is None:
        # A forward whose client wrote no marker line, only the original's header block
        # (e.g. pasted "From: … Sent: … Subject: …" under a "Fwd:" subject).
        if not FORWARD_SUBJECT.match(message.subject):
            return None
        fields, rest = pseudo_header_block(body, search=True)
        return (fields, rest) if fields else None
    fields, rest = pseudo_header_block(body[match.end() :])
    return (fields, rest) if fields else None


def pseudo_header_block(text: str, *, search: bool = False) -> tuple[dict[str, str], str]:
    """Leading "From:/Date:/Subject:" lines (English or German) and the text after them."""
    lines = text.split("\n")
    start = 0
    while start < len(lines) and not lines[start].strip(" \t>"):
        start += 1
    if search:
        for index in range(start, min(len(lines), start + 40)):
            if _PSEUDO_LINE.match(lines[index]):
                start = index
                break
        else:
            return {}, text
    fields: dict[str, str] = {}
    index = start
    last = ""
    while index < len(lines) and index < start + 30:
        line = lines[index]
        match = _PSEUDO_LINE.match(line)
        if match:
            key = _PSEUDO_HEADERS[match.group(1).lower()]
            if key in fields and key != last:
                break
            fields[key] = (fields.get(key, "") + " " + match.group(2)).strip()
            last = key
        elif line.strip(" \t>") and last and line[:1] in " \t":
            fields[last] += " " + line.strip()  # a folded continuation
        else:
            break
        index += 1
    if "from" not in fields and "subject" not in fields:
        return {}, text
    rest = "\n".join(line[2:] if line.startswith("> ") else line for line in lines[index:])
    return fields, rest


def _split_quoted(body: str) -> tuple[str, str]:
    match = _QUOTE_START.search(body)
    own, quoted = (body[: match.start()], body[match.start() :]) if match else (body, "")
    kept: list[str] = []
    quoted_lines: list[str] = []
    for line in own.split("\n"):
        (quoted_lines if line.startswith(">") else kept).append(line)
    if quoted_lines:
        quoted = "\n".join(quoted_lines) + "\n" + quoted
    return "\n".join(kept), quoted


def _tidy(text: str) -> str:
    lines = [" ".join(line.split()) for line in text.split("\n")]
    out: list[str] = []
    for line in lines:
        if not line and (not out or not out[-1]):
            continue
        out.append(line)
    return "\n".join(out).strip()
