"""A reminder email: three templates per kind (subject, text, HTML) over the kind's context."""

import functools
import uuid
from email.policy import Compat32
from typing import Any

from django.conf import settings
from django.core.mail import EmailMultiAlternatives
from django.template import Context
from django.template.loader import get_template, render_to_string
from django.urls import reverse
from django.utils import timezone

from rebound.lib.language import in_language_of

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
    with timezone.override(owner.tzinfo), in_language_of(owner) as language:
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
            "text": render_to_string(f"{prefix}.txt", context),
            "html": render_to_string(f"{prefix}.html", context),
            "stop_url": context["stop_url"],
            "language": language,
        }


def _subject(template_name: str, context: dict[str, Any]) -> str:
    """The subject line as plain text ("AT&T", not "AT&amp;T"), on one line.

    A header is not HTML, so it is rendered without autoescaping; every run of whitespace
    (a newline typed into a company's name included) becomes one space, so the line is a
    safe header (Django refuses a header holding a newline).
    """
    template = get_template(template_name).template  # type: ignore[attr-defined]
    text = template.render(Context(context, autoescape=False))
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
        if (
            type(value) is str
            and value.isascii()
            and value.isprintable()
            and value == value.strip()
            and "  " not in value
            and (not self.max_line_length or len(name) + 2 + len(value) <= self.max_line_length)
        ):
            return f"{name}: {value}{self.linesep}"
        return None

    def fold(self, name: str, value: Any) -> str:
        return self._as_is(name, value) or super().fold(name, value)

    def fold_binary(self, name: str, value: Any) -> bytes:
        line = self._as_is(name, value)
        return line.encode("ascii") if line else super().fold_binary(name, value)


SHORT_HEADERS = _ShortHeaders()


class _ReminderEmail(EmailMultiAlternatives):
    def message(self, *args: Any, **kwargs: Any) -> Any:
        built = super().message(*args, **kwargs)
        # A boundary of our own, unique per email: left to the email package, it picks a
        # random one and compiles a new regular expression to check it against the text,
        # a tenth of a worker's time per email (bench/delivery.py's profile).
        built.set_boundary(f"=_rebound_{uuid.uuid4().hex}")
        # The generator writes every part with the top message's policy.
        built.policy = SHORT_HEADERS
        return built


def message(reminder: Reminder, rendered: dict[str, str], connection: Any = None) -> Any:
    email = _ReminderEmail(
        subject=rendered["subject"],
        body=rendered["text"],
        to=[reminder.owner.email],
        connection=connection,
        headers={
            "Message-ID": reminder.message_id,
            "List-Unsubscribe": f"<{rendered['stop_url']}>",
            "List-Unsubscribe-Post": "List-Unsubscribe=One-Click",
            "X-Rebound-Reminder": str(reminder.pk),
            # The language it is written in: its owner's (RFC 3282).
            "Content-Language": rendered.get("language") or settings.LANGUAGE_CODE,
        },
    )
    email.attach_alternative(rendered["html"], "text/html")
    return email
