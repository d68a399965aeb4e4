"""One message through every step: read, classify, extract, match, suggest. Writes nothing."""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass, replace

from applications.models import Application
from rebound.lib.language import in_language_of
from rebound.models import User

from .classify.classifier import Classification, classify
from .extract.facts import Facts, extract
from .matching import MATCH, MatchResult, ThreadLookup, match_application
from .parse.message import parse_message
from .parse.parsed import ParsedMessage
from .suggest import Suggestion, suggest


@dataclass(frozen=True, slots=True)
class Reading:
    message: ParsedMessage
    classification: Classification
    facts: Facts
    match: MatchResult
    suggestion: Suggestion

    def as_json(self, *, file: str) -> dict[str, object]:
        """The line `mail_ingest --json` prints (and the shape the API will list)."""
        app = self.match.application
        return {
            "file": file,
            "label": self.classification.label,
            "company": app.company.name if app else (self.facts.company or None),
            "role": app.role if app else (self.facts.role or None),
            "application": app.pk if app else None,
            "action": self.suggestion.action,
            "confidence": self.classification.confidence,
            "match": self.match.kind,
            "suggestion": self.suggestion.text,
        }


# What the person said an earlier message from this sender was: (label, application or None).
CorrectionLookup = Callable[[User, ParsedMessage], tuple[str, Application | None] | None]


def read_message(
    *,
    user: User,
    raw: bytes | str,
    thread_lookup: ThreadLookup | None = None,
    correction_lookup: CorrectionLookup | None = None,
) -> Reading:
    message = parse_message(raw, default_tz=user.timezone)
    classification = classify(message)
    facts = extract(message, default_tz=user.tzinfo)
    match = match_application(
        user=user,
        message=message,
        facts=facts,
        classification=classification,
        thread_lookup=thread_lookup,
    )
    corrected = correction_lookup(user, message) if correction_lookup else None
    if corrected is not None:
        # The person corrected this sender before: their word beats the rules' guess.
        label, application = corrected
        classification = replace(
            classification,
            label=label,
            reasons=("your correction for this sender", *classification.reasons),
        )
        if application is not None:
            match = MatchResult(
                MATCH, application, company=application.company, reasons=("your correction",)
            )
    # The question is kept as words: in the owner's language, whoever or whatever read it.
    with in_language_of(user):
        suggestion = suggest(
            message=message,
            classification=classification,
            facts=facts,
            match=match,
            tz=user.tzinfo,
        )
    return Reading(message, classification, facts, match, suggestion)
