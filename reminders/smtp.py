"""The SMTP side of sending a batch: one session, messages built for it, errors read."""

import contextlib
import functools
import smtplib
from typing import Any

from django.conf import settings
from django.core.mail import get_connection
from django.core.mail.backends.smtp import EmailBackend as SmtpBackend
from django.core.mail.message import sanitize_address

from . import emails
from .models import Reminder


@functools.lru_cache(maxsize=4096)
def envelope_address(address: str, encoding: str) -> str:
    return sanitize_address(address, encoding)


class Smtp:
    """One SMTP session for a batch, opened on first use and reopened after a failure."""

    def __init__(self) -> None:
        self.backend = get_connection(fail_silently=False)
        self.opened = False

    def build(self, reminder: Reminder, rendered: dict[str, str]) -> Any:
        """What `send` takes: for an SMTP server, the message's bytes, built directly
        (emails.message_bytes); for any other backend (tests, the console), Django's
        EmailMessage."""
        if type(self.backend) is SmtpBackend:
            return (reminder.owner.email, emails.message_bytes(reminder, rendered))
        return emails.message(reminder, rendered)

    def send(self, email: Any) -> None:
        if not self.opened:
            self.backend.open()
            self.opened = True
        if isinstance(email, tuple):
            # What SmtpBackend._send does, with the envelope's addresses cleaned once per
            # process rather than parsed again for every email (the sender is always the
            # same one, a recipient gets a batch's worth).
            to, message = email
            encoding = settings.DEFAULT_CHARSET
            assert isinstance(self.backend, SmtpBackend)  # build() made bytes for it only
            assert self.backend.connection is not None  # opened just above
            self.backend.connection.sendmail(
                envelope_address(settings.DEFAULT_FROM_EMAIL, encoding),
                [envelope_address(to, encoding)],
                message,
            )
            return
        email.connection = self.backend
        email.send(fail_silently=False)

    def reset(self) -> None:
        with contextlib.suppress(Exception):  # a dead connection is closed either way
            self.backend.close()
        self.opened = False


def is_permanent(exc: BaseException) -> bool:
    """True when an SMTP error is permanent (5xx): retrying cannot help."""
    if isinstance(exc, smtplib.SMTPRecipientsRefused):
        codes = [code for code, _ in exc.recipients.values()]
        return bool(codes) and all(500 <= code < 600 for code in codes)
    if isinstance(exc, smtplib.SMTPResponseException):
        return 500 <= exc.smtp_code < 600
    return False


def describe_error(exc: BaseException) -> str:
    """The error's class and SMTP code: never the server's text, which quotes the address."""
    codes: list[int] = []
    if isinstance(exc, smtplib.SMTPRecipientsRefused):
        codes = sorted({code for code, _ in exc.recipients.values()})
    elif isinstance(exc, smtplib.SMTPResponseException):
        codes = [exc.smtp_code]
    return " ".join([type(exc).__name__, *map(str, codes)])
