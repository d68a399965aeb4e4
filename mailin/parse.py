"""One email — an .eml file or the text a mail client copies — read into a normalised message.

Mail is hostile input: anyone can send the forwarding address anything. So reading is bounded
(a size cap, a cap on MIME parts, a cap on nested forwards), never raises on malformed MIME (every
header and every part is read inside its own guard), and never fetches anything: HTML is turned
into text by the sanitiser, with images, scripts and styles dropped, not followed.

A forwarded message is read as the original: its sender, date, subject and body replace the
outer ones (the outer sender is kept as ``forwarded_by``), and a forward of a forward is read
as the innermost message.
"""

from __future__ import annotations

import datetime as dt
import email
import html
import re
import zoneinfo
from dataclasses import dataclass, field, replace
from email.message import EmailMessage, Message
from email.policy import default as default_policy
from email.utils import getaddresses, parseaddr, parsedate_to_datetime

import nh3

# A job email is a few kilobytes; an .eml with a CV attached is a few megabytes. Anything past
# this is read only up to the cap (the text parts come first in practice).
MAX_MESSAGE_BYTES = 10 * 1024 * 1024
# A thousand attachments must cost no more than reading the first few parts.
MAX_PARTS = 100
# Forwards of forwards: deeper than this is not a person forwarding mail.
MAX_FORWARD_DEPTH = 8
# The classifier reads no more than this; a job email's meaning is in its first screens.
MAX_TEXT_CHARS = 50_000

FORWARD_SUBJECT = re.compile(r"^\s*((fwd?|fw|wg|weitergeleitet)\s*:\s*)+", re.IGNORECASE)
REPLY_SUBJECT = re.compile(r"^\s*((re|aw|antw)\s*:\s*)+", re.IGNORECASE)
ANY_PREFIX = re.compile(r"^\s*((fwd?|fw|wg|re|aw|antw|weitergeleitet)\s*:\s*)+", re.IGNORECASE)

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

_HTML_BREAKS = re.compile(
    r"<\s*(br|/p|/div|/tr|/li|/h[1-6]|/table|hr|p|div|li|tr|h[1-6])(\s[^>]*)?/?>", re.IGNORECASE
)
_HTML_CELL = re.compile(r"<\s*/t[dh]\s*>", re.IGNORECASE)


@dataclass(frozen=True, slots=True)
class ParsedMessage:
    """What the rest of mail in reads: plain values, the original's when it was forwarded."""

    sender_name: str = ""
    sender_address: str = ""
    to: tuple[str, ...] = ()
    reply_to: str = ""
    subject: str = ""
    date: dt.datetime | None = None
    message_id: str = ""
    in_reply_to: str = ""
    references: tuple[str, ...] = ()
    # The message's own words, without a reply's quoted history.
    text: str = ""
    # The quoted history, kept apart: it tells which thread, never what this message says.
    quoted: str = ""
    list_unsubscribe: bool = False
    list_id: str = ""
    precedence: str = ""
    auto_submitted: str = ""
    attachment_names: tuple[str, ...] = ()
    # Set when this is the original inside a forward: who forwarded it, and how deep it was.
    forwarded_by: str = ""
    forward_depth: int = 0
    # Limits that were reached and oddities met, in words, for the person and the logs.
    problems: tuple[str, ...] = field(default_factory=tuple)

    @property
    def is_reply(self) -> bool:
        return bool(self.in_reply_to or REPLY_SUBJECT.match(self.subject))

    @property
    def clean_subject(self) -> str:
        return ANY_PREFIX.sub("", self.subject).strip()

    @property
    def sender_domain(self) -> str:
        return self.sender_address.rpartition("@")[2].lower()


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
    if not _looks_like_headers(message):
        # Text copied from a mail client without its header block: the body is all there is.
        return _from_text(data.decode("utf-8", errors="replace"), tz=tz, problems=problems)
    return _from_mime(message, tz=tz, problems=problems, depth=0)


def _zone(name: str) -> dt.tzinfo:
    try:
        return zoneinfo.ZoneInfo(name)
    except (zoneinfo.ZoneInfoNotFoundError, ValueError):
        return dt.UTC


def _looks_like_headers(message: Message) -> bool:
    keys = {key.lower() for key in _safe_keys(message)}
    return bool(keys & {"from", "subject", "date", "message-id", "received", "sent", "von"})


def _safe_keys(message: Message) -> list[str]:
    try:
        return list(message.keys())
    except Exception:
        return []


def _header(message: Message, name: str) -> str:
    """A header as text; a malformed one as its raw characters rather than an exception."""
    try:
        value = message.get(name)
        return "" if value is None else " ".join(str(value).split())
    except Exception:
        pass
    try:
        for key, value in message.raw_items():  # type: ignore[attr-defined]
            if key.lower() == name.lower():
                return " ".join(str(value).split())
    except Exception:
        pass
    return ""


def _from_mime(
    message: Message, *, tz: dt.tzinfo, problems: list[str], depth: int
) -> ParsedMessage:
    sender_name, sender_address = parseaddr(_header(message, "From") or _header(message, "Von"))
    to = tuple(
        addr for _, addr in _addresses(_header(message, "To") or _header(message, "An")) if addr
    )
    date = _parse_date(
        _header(message, "Date")
        or _header(message, "Sent")
        or _header(message, "Gesendet")
        or _header(message, "Datum"),
        tz,
    )
    body, attachments, inner = _body(message, problems)
    outer = ParsedMessage(
        sender_name=sender_name.strip(),
        sender_address=sender_address.strip().lower(),
        to=to,
        reply_to=parseaddr(_header(message, "Reply-To"))[1].lower(),
        subject=_header(message, "Subject") or _header(message, "Betreff"),
        date=date,
        message_id=_message_id(_header(message, "Message-ID")),
        in_reply_to=_message_id(_header(message, "In-Reply-To")),
        references=tuple(_message_ids(_header(message, "References"))),
        list_unsubscribe=bool(_header(message, "List-Unsubscribe")),
        list_id=_header(message, "List-Id"),
        precedence=_header(message, "Precedence").lower(),
        auto_submitted=_header(message, "Auto-Submitted").lower(),
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
    return _finish(outer, body, tz=tz, problems=problems)


def _from_text(text: str, *, tz: dt.tzinfo, problems: list[str]) -> ParsedMessage:
    fields, rest = _pseudo_header_block(text)
    name, address = parseaddr(fields.get("from", ""))
    base = ParsedMessage(
        sender_name=name.strip(),
        sender_address=address.strip().lower(),
        to=tuple(addr for _, addr in _addresses(fields.get("to", "")) if addr),
        subject=fields.get("subject", ""),
        date=_parse_date(fields.get("date", ""), tz),
    )
    return _finish(base, rest if fields else text, tz=tz, problems=problems)


def _finish(
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
            to=tuple(addr for _, addr in _addresses(fields.get("to", "")) if addr),
            reply_to=parseaddr(fields.get("reply-to", ""))[1].lower(),
            subject=fields.get("subject", ""),
            date=_parse_date(fields.get("date", ""), tz) or current.date,
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
        fields, rest = _pseudo_header_block(body, search=True)
        return (fields, rest) if fields else None
    fields, rest = _pseudo_header_block(body[match.end() :])
    return (fields, rest) if fields else None


def _pseudo_header_block(text: str, *, search: bool = False) -> tuple[dict[str, str], str]:
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


def _body(message: Message, problems: list[str]) -> tuple[str, list[str], Message | None]:
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


def _addresses(value: str) -> list[tuple[str, str]]:
    try:
        return getaddresses([value]) if value else []
    except Exception:
        return []


def _message_id(value: str) -> str:
    ids = _message_ids(value)
    return ids[0] if ids else ""


def _message_ids(value: str) -> list[str]:
    return re.findall(r"<([^<>\s]{1,250})>", value)[:50]


_MONTHS = {
    "jan": 1, "januar": 1, "january": 1, "jän": 1,
    "feb": 2, "februar": 2, "february": 2,
    "mar": 3, "mär": 3, "märz": 3, "march": 3, "maerz": 3, "mrz": 3,
    "apr": 4, "april": 4,
    "may": 5, "mai": 5,
    "jun": 6, "june": 6, "juni": 6,
    "jul": 7, "july": 7, "juli": 7,
    "aug": 8, "august": 8,
    "sep": 9, "sept": 9, "september": 9,
    "oct": 10, "okt": 10, "october": 10, "oktober": 10,
    "nov": 11, "november": 11,
    "dec": 12, "dez": 12, "december": 12, "dezember": 12,
}  # fmt: skip
# Zone abbreviations mail clients print; ambiguous ones read as their common meaning.
ZONE_ABBREVIATIONS = {
    "utc": "UTC", "gmt": "UTC", "z": "UTC",
    "cet": "Europe/Berlin", "cest": "Europe/Berlin", "mez": "Europe/Berlin",
    "mesz": "Europe/Berlin", "bst": "Europe/London", "wet": "Europe/Lisbon",
    "eet": "Europe/Helsinki", "est": "America/New_York", "edt": "America/New_York",
    "et": "America/New_York", "cst": "America/Chicago", "cdt": "America/Chicago",
    "ct": "America/Chicago", "mst": "America/Denver", "mdt": "America/Denver",
    "pst": "America/Los_Angeles", "pdt": "America/Los_Angeles", "pt": "America/Los_Angeles",
    "ist": "Asia/Kolkata", "aest": "Australia/Sydney", "jst": "Asia/Tokyo",
}  # fmt: skip
_MONTH_WORD = r"(?P<month>[A-Za-zÄÖÜäöü]{3,9})\.?"
_TIME = (
    r"(?:\s*(?:at|um|,)?\s*(?P<hour>\d{1,2})[:.](?P<minute>\d{2})(?::\d{2})?\s*"
    r"(?P<ampm>[AaPp]\.?[Mm]\.?)?(?:\s*Uhr)?)?"
)
_ZONE = r"(?:\s*\(?(?P<zone>[A-Za-z]{1,5}|[+-]\d{2}:?\d{2})\)?)?"
_DATE_FORMS = [
    # "Mon, Dec 1, 2026 at 10:14 AM", "Monday, December 1, 2026 10:14 AM"
    re.compile(r"(?:[A-Za-z]+\.?,?\s+)?" + _MONTH_WORD + r"\s+(?P<day>\d{1,2}),?\s+(?P<year>\d{4})"
               + _TIME + _ZONE),
    # "1 December 2026 at 10:14:03 CET", "Mo., 1. Dez. 2026 um 10:14", "Montag, 1. Dezember 2026"
    re.compile(r"(?:[A-Za-z]+\.?,?\s+)?(?P<day>\d{1,2})\.?\s+" + _MONTH_WORD + r"\s+(?P<year>\d{4})"
               + _TIME + _ZONE),
    # "01.12.2026 10:14", "2026-12-01 10:14"
    re.compile(r"(?P<day>\d{1,2})\.(?P<mnum>\d{1,2})\.(?P<year>\d{4})" + _TIME + _ZONE),
    re.compile(r"(?P<year>\d{4})-(?P<mnum>\d{2})-(?P<day>\d{2})" + _TIME + _ZONE),
]  # fmt: skip


_RFC_DATE = re.compile(r"^\s*([A-Za-z]{3},\s*)?\d{1,2}\s+[A-Za-z]{3}\s+\d{2,4}\s+\d{1,2}:\d{2}")


def _parse_date(value: str, tz: dt.tzinfo) -> dt.datetime | None:
    """An aware datetime from an RFC 5322 date or the forms mail clients print in forwards."""
    value = value.strip()
    if not value:
        return None
    try:
        # Only the RFC 5322 form: the library reads "Friday, December 4, 2026 3:05 PM" too,
        # but drops the PM.
        if not _RFC_DATE.match(value):
            raise ValueError(value)
        parsed = parsedate_to_datetime(value)
        if parsed is not None:
            return parsed if parsed.tzinfo else parsed.replace(tzinfo=tz)
    except (TypeError, ValueError, IndexError):
        pass
    for form in _DATE_FORMS:
        match = form.search(value)
        if match is None:
            continue
        parts = match.groupdict()
        if parts.get("month"):
            month = _MONTHS.get(parts["month"].lower().rstrip("."))
            if month is None:
                continue
        else:
            month = int(parts["mnum"])
        hour = int(parts["hour"]) if parts.get("hour") else 0
        minute = int(parts["minute"]) if parts.get("minute") else 0
        ampm = (parts.get("ampm") or "").lower().replace(".", "")
        if ampm == "pm" and hour < 12:
            hour += 12
        elif ampm == "am" and hour == 12:
            hour = 0
        try:
            naive = dt.datetime(int(parts["year"]), month, int(parts["day"]), hour, minute)
        except ValueError:
            continue
        return naive.replace(tzinfo=zone_for(parts.get("zone") or "", tz))
    return None


def zone_for(token: str, fallback: dt.tzinfo) -> dt.tzinfo:
    """A zone for an abbreviation or offset as printed in mail ("CET", "+0100")."""
    token = token.strip()
    if re.fullmatch(r"[+-]\d{2}:?\d{2}", token):
        sign = -1 if token[0] == "-" else 1
        digits = token[1:].replace(":", "")
        return dt.timezone(sign * dt.timedelta(hours=int(digits[:2]), minutes=int(digits[2:])))
    name = ZONE_ABBREVIATIONS.get(token.lower())
    return zoneinfo.ZoneInfo(name) if name else fallback
