"""The entry: ``extract`` gathers a message's facts (the package's docstring tells how)."""

from __future__ import annotations

import datetime as dt
import re
from dataclasses import dataclass

from ..parse.parsed import ParsedMessage
from .companies import company_hints, looks_like_slug, platform_via
from .dates import find_datetimes, reapply_after_date, reply_by_date
from .roles import find_role

_KEEP_ON_FILE = re.compile(
    r"\bkeep\s+(?:your|you)\s+(?:cv|resume|résumé|details|profile|information|application|in\s+mind)"
    r"|\bTalent\s*pool|\bin\s+Evidenz|\b(?:Unterlagen|Profil)\s+(?:gerne\s+)?(?:aufbewahren"
    r"|speichern)|\breach\s+out\s+(?:when|if)\s+(?:a\s+)?(?:similar|another|new)",
    re.IGNORECASE,
)


@dataclass(frozen=True, slots=True)
class Facts:
    company: str
    # Every name, slug or domain that may name the employer, best first.
    company_hints: tuple[str, ...]
    role: str
    # The interview's start, in the zone the message gives (or the user's), if one is named.
    interview_at: dt.datetime | None
    reply_by: dt.date | None
    reapply_after: dt.date | None
    keep_on_file: bool
    # The agency or platform that wrote on the employer's behalf, if any.
    via: str


def extract(message: ParsedMessage, *, default_tz: dt.tzinfo = dt.UTC) -> Facts:
    hints = company_hints(message)
    role = find_role(message)
    reference = message.date
    times = find_datetimes(
        message.text, reference=reference, default_tz=default_tz, concrete_only=True
    )
    text = message.text
    return Facts(
        company=hints[0] if hints and not looks_like_slug(hints[0]) else "",
        company_hints=tuple(hints),
        role=role,
        interview_at=times[0] if times else None,
        reply_by=reply_by_date(text, reference),
        reapply_after=reapply_after_date(text, reference),
        keep_on_file=bool(_KEEP_ON_FILE.search(text)),
        via=platform_via(message),
    )
