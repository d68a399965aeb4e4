"""What reading a message gives the rest of mail in, and the limits reading obeys."""

from __future__ import annotations

import datetime as dt
import re
from dataclasses import dataclass, field

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
