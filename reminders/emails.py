"""A reminder email: three templates per kind (subject, text, HTML) over the kind's context."""

import functools
import re
import time
import uuid
from contextlib import nullcontext
from email.policy import Compat32
from email.utils import formatdate
from typing import Any

from django.conf import settings
from django.core.mail import EmailMultiAlternatives
from django.core.mail.message import RFC5322_EMAIL_LINE_LENGTH_LIMIT, forbid_multi_line_headers
from django.urls import reverse
from django.utils import timezone
from django.utils.translation import get_language

from rebound.lib.language import in_language_of, user_language

from . import email_templates
from .kinds import ReminderKind
from .links import link
from .models import Reminder

PREVIEW_LINK = "#preview"


@functools.cache
def _reminders_url() -> str:
    # A URL is the same in every language (Rebound's URLs carry no language prefix), so one
    # per process serves every email.
    return settings.SITE_URL + reverse("reminders:list")


def render(
    reminder: Reminder, kind: ReminderKind, subject: Any, *, preview: bool = False
) -> dict[str, str]:
    """Subject line, text and HTML of the email, as they would be sent now, in the owner's
    language and time zone (whoever asks: the beat's worker, or a preview).

    A preview has the same words, with every one-click link inert: a preview must never be a
    way to act on the reminder. Nothing rendered is cached: templates are compiled once, and
    their words are looked up in the active language each time they render.
    """

    def url(action: str) -> str:
        return PREVIEW_LINK if preview else link(reminder, action)

    owner = reminder.owner
    language = user_language(owner)
    # A worker's batch is in the owner's language already (reminders_send_batch switches
    # once per run of owners who read the same one): no switching to it again, and back.
    speaking = nullcontext() if get_language() == language else in_language_of(owner)
    with timezone.override(owner.tzinfo), speaking:
        context: dict[str, Any] = {
            "reminder": reminder,
            "user": owner,
            "done_url": url("done"),
            "snooze_url": url("snooze"),
            "stop_url": url("stop"),
            "actions": [(str(action.label), url(action.name)) for action in kind.actions],
            "reminders_url": _reminders_url(),
            **kind.context(subject),
        }
        prefix = kind.template_prefix
        return {
            "subject": _subject(f"{prefix}_subject.txt", context),
            "text": email_templates.render(f"{prefix}.txt", context),
            "html": email_templates.render(f"{prefix}.html", context),
            "stop_url": context["stop_url"],
            "language": language,
        }


def _subject(template_name: str, context: dict[str, Any]) -> str:
    """The subject line as plain text ("AT&T", not "AT&amp;T"), on one line.

    A header is not HTML, so it is rendered without autoescaping; every run of whitespace
    (a newline typed into a company's name included) becomes one space, so the line is a
    safe header (Django refuses a header holding a newline).
    """
    text = email_templates.render(template_name, context, autoescape=False)
    return " ".join(text.split())


class _ShortHeaders(Compat32):
    """Django's policy (compat32), writing a short one-line ASCII header as it is.

    compat32 passes every header through email.header.Header to fold it: a third of the
    time a worker spends per email after rendering (bench/delivery.py's profile), to return
    the value unchanged when it already fits on one line. Such a value is written directly;
    every other header (long, non-ASCII, holding a line break or surrounding whitespace)
    still goes through Header. tests/reminders/test_fast_paths.py proves the bytes equal.
    """

    def _as_is(self, name: str, value: Any) -> str | None:
        if not (
            type(value) is str
            and value.isascii()
            and value.isprintable()
            and value == value.strip()
            and "  " not in value
        ):
            return None
        if not self.max_line_length or len(name) + 2 + len(value) <= self.max_line_length:
            return f"{name}: {value}{self.linesep}"
        if value and " " not in value:
            # One word too long for the line (List-Unsubscribe's signed link): Header can't
            # split it, and moves it whole to a continuation line.
            return f"{name}: {self.linesep} {value}{self.linesep}"
        return None

    def fold(self, name: str, value: Any) -> str:
        return self._as_is(name, value) or super().fold(name, value)

    def fold_binary(self, name: str, value: Any) -> bytes:
        line = self._as_is(name, value)
        return line.encode("ascii") if line else super().fold_binary(name, value)


SHORT_HEADERS = _ShortHeaders()


def new_boundary() -> str:
    """A MIME boundary unique per email (80 random bits), short enough that the Content-Type
    header stays on one line. Left to the email package, it picks a random one and compiles a
    new regular expression to check it against the text, a tenth of a worker's time per email
    (bench/delivery.py's profile)."""
    return f"=_rebound_{uuid.uuid4().hex[:20]}"


class _ReminderEmail(EmailMultiAlternatives):
    def message(self, *args: Any, **kwargs: Any) -> Any:
        built = super().message(*args, **kwargs)
        built.set_boundary(new_boundary())
        # The generator writes every part with the top message's policy.
        built.policy = SHORT_HEADERS
        return built


def _headers(reminder: Reminder, rendered: dict[str, str]) -> dict[str, str]:
    return {
        "Message-ID": reminder.message_id,
        "List-Unsubscribe": f"<{rendered['stop_url']}>",
        "List-Unsubscribe-Post": "List-Unsubscribe=One-Click",
        "X-Rebound-Reminder": str(reminder.pk),
        # The language it is written in: its owner's (RFC 3282).
        "Content-Language": rendered.get("language") or settings.LANGUAGE_CODE,
    }


def message(reminder: Reminder, rendered: dict[str, str], connection: Any = None) -> Any:
    """The email as Django's EmailMultiAlternatives (any mail backend can send it)."""
    email = _ReminderEmail(
        subject=rendered["subject"],
        body=rendered["text"],
        to=[reminder.owner.email],
        connection=connection,
        headers=_headers(reminder, rendered),
    )
    email.attach_alternative(rendered["html"], "text/html")
    return email


CRLF = "\r\n"
# The policy as the generator clones it for as_bytes(linesep="\r\n").
_HEADERS_CRLF = SHORT_HEADERS.clone(linesep=CRLF)
_LINE_BREAK = re.compile(r"\r\n|\r|\n")


def _header(name: str, value: str) -> bytes:
    # The value as Django stores it (encoded words for non-ASCII, a multi-line one refused),
    # then written as the generator writes it under our policy.
    if not _stored_as_is(name, value):
        _name, value = forbid_multi_line_headers(name, value, "utf-8")
    return _HEADERS_CRLF.fold_binary(name, value)


def _stored_as_is(name: str, value: str) -> bool:
    """True when forbid_multi_line_headers would return the value unchanged: one printable
    ASCII line (no line break to refuse, nothing to encode), and for a subject, one that
    email.header.Header returns unchanged (no folding within 76 columns, no runs or edges of
    whitespace). tests/reminders/test_header_fast_paths.py holds it to Django's."""
    if not (type(value) is str and value.isascii() and value.isprintable()):
        return False
    if name.lower() != "subject":
        return True
    return len(value) <= 76 and value == value.strip() and "  " not in value


@functools.cache
def _sender_header() -> bytes:
    return _header("From", settings.DEFAULT_FROM_EMAIL)


@functools.lru_cache(maxsize=64)
def _constant_header(name: str, value: str) -> bytes:
    """A header the same in every email (MIME-Version, List-Unsubscribe-Post) or in every
    email of a language (Content-Language): written once per process."""
    return _header(name, value)


# The Date header of the current second: formatdate writes whole seconds, so every email
# built within one second carries the same line. (second, EMAIL_USE_LOCALTIME, the line)
_date_line: tuple[int, bool, bytes] = (-1, False, b"")


def _date_header() -> bytes:
    global _date_line
    now, local = time.time(), bool(settings.EMAIL_USE_LOCALTIME)
    second, was_local, line = _date_line
    if second != int(now) or was_local != local:
        line = _header("Date", formatdate(now, localtime=local))
        _date_line = (int(now), local, line)
    return line


# Headers of _headers whose values repeat from email to email.
_REPEATING = frozenset({"List-Unsubscribe-Post", "Content-Language"})


_PART_HEADERS = {
    (subtype, cte): b"".join(
        [
            _HEADERS_CRLF.fold_binary("Content-Type", f'text/{subtype}; charset="utf-8"'),
            _HEADERS_CRLF.fold_binary("MIME-Version", "1.0"),
            _HEADERS_CRLF.fold_binary("Content-Transfer-Encoding", cte),
            CRLF.encode(),
        ]
    )
    for subtype in ("plain", "html")
    for cte in ("7bit", "8bit")
}


def _part(subtype: str, text: str) -> bytes | None:
    """A text part as Django's SafeMIMEText writes it, or None when it would be
    quoted-printable (a line over 998 bytes): that rare email takes Django's own path.

    The generator ends every line but an empty last one with the line separator. The text
    is encoded once and its "\n"s made CRLFs; its lines are looked at one by one only when
    one could be too long, or when it holds another line break (a pasted "\r")."""
    data = text.encode("utf-8", "surrogateescape")
    if b"\r" in data:
        lines = [line.encode("utf-8", "surrogateescape") for line in _LINE_BREAK.split(text)]
        body = b"\r\n".join(lines)
    else:
        lines = data.split(b"\n") if len(data) > RFC5322_EMAIL_LINE_LENGTH_LIMIT else []
        body = data.replace(b"\n", b"\r\n")
    if any(len(line) > RFC5322_EMAIL_LINE_LENGTH_LIMIT for line in lines):
        return None
    cte = "7bit" if text.isascii() else "8bit"
    return _PART_HEADERS[(subtype, cte)] + body


def message_bytes(
    reminder: Reminder, rendered: dict[str, str], *, boundary: str | None = None
) -> bytes:
    """The email as the bytes `message(...).message().as_bytes(linesep="\r\n")` writes, built
    directly: the email package's object tree and generator were a fifth of a worker's time
    per email (docs/performance.md). tests/reminders/test_fast_paths.py proves them equal."""
    boundary = boundary or new_boundary()
    parts = [_part("html", rendered["html"])]
    if rendered["text"]:  # Django leaves an empty text part out
        parts.insert(0, _part("plain", rendered["text"]))
    if None in parts:
        built = message(reminder, rendered).message()
        built.set_boundary(boundary)
        return bytes(built.as_bytes(linesep=CRLF))
    head = [
        _header("Content-Type", f'multipart/alternative; boundary="{boundary}"'),
        _constant_header("MIME-Version", "1.0"),
        _header("Subject", rendered["subject"]),
        _sender_header(),
        _header("To", reminder.owner.email),
        _date_header(),
        *(
            (_constant_header if name in _REPEATING else _header)(name, value)
            for name, value in _headers(reminder, rendered).items()
        ),
        CRLF.encode(),
    ]
    delimiter = f"--{boundary}\r\n".encode()
    body = (b"\r\n" + delimiter).join(p for p in parts if p is not None)
    return b"".join([*head, delimiter, body, f"\r\n--{boundary}--\r\n".encode()])
