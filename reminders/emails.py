"""A reminder email: three templates per kind (subject, text, HTML) over the kind's context."""

import functools
import uuid
from typing import Any

from django.conf import settings
from django.core.mail import EmailMultiAlternatives
from django.template import Context
from django.template.loader import get_template, render_to_string
from django.urls import reverse
from django.utils import timezone

from .kinds import ReminderKind
from .links import link
from .models import Reminder

PREVIEW_LINK = "#preview"


@functools.cache
def _reminders_url() -> str:
    return settings.SITE_URL + reverse("reminders:list")


def render(
    reminder: Reminder, kind: ReminderKind, subject: Any, *, preview: bool = False
) -> dict[str, str]:
    """Subject line, text and HTML of the email, as they would be sent now.

    A preview has the same words, with every one-click link inert: a preview must never be a
    way to act on the reminder.
    """

    def url(action: str) -> str:
        return PREVIEW_LINK if preview else link(reminder, action)

    with timezone.override(reminder.owner.tzinfo):
        context: dict[str, Any] = {
            "reminder": reminder,
            "user": reminder.owner,
            "done_url": url("done"),
            "snooze_url": url("snooze"),
            "stop_url": url("stop"),
            "actions": [(action.label, url(action.name)) for action in kind.actions],
            "reminders_url": _reminders_url(),
            **kind.context(subject),
        }
        prefix = kind.template_prefix
        return {
            "subject": _subject(f"{prefix}_subject.txt", context),
            "text": render_to_string(f"{prefix}.txt", context),
            "html": render_to_string(f"{prefix}.html", context),
            "stop_url": context["stop_url"],
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


class _ReminderEmail(EmailMultiAlternatives):
    def message(self, *args: Any, **kwargs: Any) -> Any:
        built = super().message(*args, **kwargs)
        # A boundary of our own, unique per email: left to the email package, it picks a
        # random one and compiles a new regular expression to check it against the text,
        # a tenth of a worker's time per email (bench/delivery.py's profile).
        built.set_boundary(f"=_rebound_{uuid.uuid4().hex}")
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
        },
    )
    email.attach_alternative(rendered["html"], "text/html")
    return email
