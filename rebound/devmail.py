"""Development email: each message saved as an .eml file under var/mail/, one line logged.

`make run` (DEBUG, no EMAIL_URL) uses it instead of printing whole messages into the worker's
log; /dev/mail/ lists them (DEBUG only). Any mail program opens an .eml file too.
"""

import logging
import uuid
from collections.abc import Sequence
from pathlib import Path
from typing import Any

from django.conf import settings
from django.core.mail.backends.base import BaseEmailBackend
from django.utils import timezone

log = logging.getLogger(__name__)


def mail_dir() -> Path:
    return Path(settings.VAR_DIR) / "mail"


class EmlFileBackend(BaseEmailBackend):
    def send_messages(self, email_messages: Sequence[Any]) -> int:
        folder = mail_dir()
        folder.mkdir(parents=True, exist_ok=True)
        for message in email_messages:
            name = f"{timezone.now():%Y%m%d-%H%M%S}-{uuid.uuid4().hex[:8]}.eml"
            (folder / name).write_bytes(message.message().as_bytes(linesep="\r\n"))
            log.info("Email to %s: %s (var/mail/%s)", ", ".join(message.to), message.subject, name)
        return len(email_messages)
