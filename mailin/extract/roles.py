"""What the role is called, from the subject or the first lines."""

from __future__ import annotations

import re

from ..parse.parsed import ParsedMessage
from .companies import NOT_COMPANIES

_ROLE = r"([A-ZÄÖÜ][\w/()&+.,'’-]*(?:\s+(?:[\w/()&+.'’-]+)){0,6}?)"
_ROLE_PATTERNS = [
    re.compile(p)
    for p in (
        r"\b(?:position|role|job)\s+of\s+" + _ROLE + r"(?=\s+(?:at|with|bei)\b|[.,;!]|\s*$)",
        r"\bfor\s+(?:the\s+|our\s+|your\s+)?"
        + _ROLE
        + r"\s+(?:role|position|vacancy|job|opening)\b",
        r"\b(?:as|as\s+our\s+next|als)\s+"
        + _ROLE
        + r"(?=\s+(?:at|bei|und|and|with|hat|has|geben|in)\b|[.,;!]|\s*$)",
        r"\b(?:Position|Stelle|Stellenausschreibung|position)\s+(?:als\s+)?"
        + _ROLE
        + r"(?=\s+(?:bei|at|ist|wurde|has|geben|in|\()|[.,;!]|\s*$)",
        r"^(?:Application\s+received|Interview\s+invitation|Zusage|Absage|Vertragsangebot"
        r"|Einladung\s+zum\s+Vorstellungsgespräch|Confirmed|Rescheduled)\s*[-:–]\s*"
        + _ROLE
        + r"(?:\s+(?:at|interview|on)\b|\s*$)",
        r"\byour\s+(?:application\s+(?:to|for)\s+)?" + _ROLE + r"\s+(?:at|bei)\s",
        r"\b(?:application\s+(?:to|for)|applying\s+for|Bewerbung\s+(?:als|für))\s+(?:the\s+)?"
        + _ROLE
        + r"(?=\s+(?:at|bei|ist|wurde|has|role|position|\()|[.,;!]|\s*$)",
        r"[-|:–]\s+" + _ROLE + r"\s*$",
    )
]


def find_role(message: ParsedMessage) -> str:
    for source in [message.clean_subject, *message.text.split("\n")[:15]]:
        for pattern in _ROLE_PATTERNS:
            match = pattern.search(source)
            if match:
                role = match.group(1).strip(" .,:;!-")
                role = re.sub(r"\s+(role|position|at|bei)$", "", role)
                if 2 <= len(role) <= 80 and not NOT_COMPANIES.fullmatch(role.split()[0]):
                    return role
    return ""
