"""One label and a confidence for a message: the rules' scores, and the two checks about a
message's shape (a digest, an interview that moves) that run beside them."""

from __future__ import annotations

import re
from dataclasses import dataclass

from ..extract.dates import find_datetimes
from ..parse.parsed import ParsedMessage
from .labels import (
    INTERVIEW_INVITE,
    LABEL_NAMES,
    LABELS,
    NOT_JOB,
    STATUS_UPDATE_OTHER,
)
from .rules import RULES

MIN_SCORE = 3.0

# A posting in a digest: "Role - Company - Place" (dashes, bars or dots between the parts).
_POSTING_LINE = re.compile(r"^[^\n]{2,90}?\s[-–|·•]\s[^\n]{2,70}?\s[-–|·•]\s[^\n]{2,90}$", re.M)
# An article in a reading digest: "Title - 6 min read".
_ARTICLE_LINE = re.compile(r"^[^\n]{10,160}\s[-–|·•]\s\d+\s*min(ute)?s?\s+read$", re.M | re.I)
# Words that tie a message to the reader's own application.
_OWN_APPLICATION = re.compile(
    r"\byour\s+(application|candidacy|cv|resume|interview)\b|\byou\s+applied\b"
    r"|\b(Ihre|deine|Deine)\s+Bewerbung\b|\bbeworben\b|\bthank(s| you)\s+for\s+applying\b",
    re.IGNORECASE,
)
_MOVED = re.compile(
    r"\b(reschedul\w*|postpon\w*|move\s+(your|the|our)\s+[\w\s-]{0,30}?(interview|call|chat)"
    r"|moved\s+(your|the)\s+[\w\s-]{0,30}?(interview|call)|change\s+of\s+time|new\s+time"
    r"|verschieben|verschoben|verlegen|verlegt|time\s+change|instead\s+of|Termin(ä|ae)nderung"
    r"|neuer\s+Termin|cancel\w*\s+[\w']*\s*(interview|call|meeting))\b",
    re.IGNORECASE,
)


@dataclass(frozen=True, slots=True)
class Classification:
    label: str
    confidence: float
    scores: dict[str, float]
    # The names of the rules that fired, strongest first: the answer to "why this label?".
    reasons: tuple[str, ...]

    @property
    def label_name(self) -> str:
        return str(LABEL_NAMES[self.label])


def classify(message: ParsedMessage) -> Classification:
    subject = message.clean_subject
    text = message.text
    both = f"{subject}\n{text}"
    scores = dict.fromkeys(LABELS, 0.0)
    fired: list[tuple[float, str]] = []
    for rule in RULES:
        haystack = subject if rule.subject_only else both
        if rule.pattern.search(haystack):
            scores[rule.label] += rule.weight
            fired.append((abs(rule.weight), f"{LABEL_NAMES[rule.label]}: {rule.name}"))

    own = bool(_OWN_APPLICATION.search(both))
    postings = len(_POSTING_LINE.findall(text)) + len(_ARTICLE_LINE.findall(text))
    bulk = message.list_unsubscribe or message.precedence in {"bulk", "list"} or message.list_id
    if postings >= 3 or len(_ARTICLE_LINE.findall(text)) >= 2:
        scores[NOT_JOB] += 15
        fired.append((15, f"{LABEL_NAMES[NOT_JOB]}: a list of {postings} job postings"))
    if bulk:
        scores[NOT_JOB] += 6
        fired.append((6, f"{LABEL_NAMES[NOT_JOB]}: sent to a mailing list"))
    if own:
        scores[NOT_JOB] -= 3

    if _MOVED.search(both):
        # A move names its new time; a postponement does not.
        if find_datetimes(text, reference=message.date, concrete_only=True):
            scores[INTERVIEW_INVITE] += 6
            fired.append((6, f"{LABEL_NAMES[INTERVIEW_INVITE]}: moved to a new time"))
        else:
            scores[STATUS_UPDATE_OTHER] += 7
            fired.append((7, f"{LABEL_NAMES[STATUS_UPDATE_OTHER]}: postponed, no new time yet"))

    if re.search(
        r"\b(interview\w*|call|meet\w*|Gespr(ä|ae)ch|Termin|Teams|Zoom)\b", both, re.I
    ) and (find_datetimes(text, reference=message.date, concrete_only=True)):
        scores[INTERVIEW_INVITE] += 2
        fired.append((2, f"{LABEL_NAMES[INTERVIEW_INVITE]}: names a time"))

    ranked = sorted(LABELS, key=lambda label: (-scores[label], LABELS.index(label)))
    top, second = ranked[0], ranked[1]
    reasons = tuple(name for _, name in sorted(fired, key=lambda pair: -pair[0]))
    if scores[top] < MIN_SCORE:
        # Nothing job-related was said: not about the search, with as little certainty as
        # the strongest signal that it might be.
        best_other = max(scores[label] for label in LABELS if label != NOT_JOB)
        confidence = round(max(0.3, 0.9 - 0.15 * max(best_other, 0.0)), 2)
        return Classification(NOT_JOB, confidence, scores, reasons)
    margin = scores[top] - max(scores[second], 0.0)
    confidence = scores[top] / (scores[top] + max(scores[second], 0.0) + 2.0)
    confidence = min(0.99, confidence + min(margin, 10) * 0.01)
    return Classification(top, round(confidence, 2), scores, reasons)
