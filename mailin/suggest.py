"""What a person is asked about a message, in words, with the action a click would take.

Pure: nothing here writes. The Inbox (a later step) shows the question and applies the action
through the applications, interviews and coping services; an offer is never applied without
the person, and only high-confidence confirmations and rejections may be applied
automatically (if the user chose that), with an undo.
"""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass, field

from applications.pipeline import Status

from .classify.classifier import Classification
from .classify.labels import (
    APPLICATION_RECEIVED,
    ASSESSMENT,
    INTERVIEW_INVITE,
    NOT_JOB,
    OFFER,
    RECRUITER_OUTREACH,
    REJECTION,
    STATUS_UPDATE_OTHER,
)
from .extract.facts import Facts
from .matching import AMBIGUOUS, MATCH, NEW, MatchResult
from .parse.parsed import ParsedMessage

MARK_REJECTED = "mark_rejected"
MARK_APPLIED = "mark_applied"
NEW_APPLICATION = "new_application"
ADD_INTERVIEW = "add_interview"
MARK_OFFER_REVIEW = "mark_offer_review"
NOTE_ONLY = "note_only"
IGNORE = "ignore"
# The actions that change an application's status or add one.
STATUS_CHANGING = frozenset({MARK_REJECTED, MARK_APPLIED, NEW_APPLICATION, ADD_INTERVIEW,
                             MARK_OFFER_REVIEW})  # fmt: skip
# Below this the question is still asked, but never applied automatically.
AUTO_APPLY_CONFIDENCE = 0.85


@dataclass(frozen=True, slots=True)
class Suggestion:
    action: str
    # The question, as the Inbox shows it.
    text: str
    application_id: int | None
    # When the person may choose to let Rebound apply it without asking (never an offer).
    auto_applicable: bool
    # The date the change is dated by (the email's, in the user's zone).
    on: dt.date | None
    # Facts a form is pre-filled with: the interview's time, a promised reply, "apply again".
    prefill: dict[str, str] = field(default_factory=dict)
    # For an ambiguity: the applications to choose from, as (id, "Company — Role").
    choices: tuple[tuple[int, str], ...] = ()


def _day(on: dt.date | None) -> str:
    return f"{on.day} {on:%b}" if on else "an unknown date"


def _when(moment: dt.datetime) -> str:
    zone = moment.tzname() or ""
    return f"{moment:%a} {moment.day} {moment:%b}, {moment:%H:%M} {zone}".strip()


def suggest(
    *,
    message: ParsedMessage,
    classification: Classification,
    facts: Facts,
    match: MatchResult,
    tz: dt.tzinfo = dt.UTC,
) -> Suggestion:
    label = classification.label
    on = message.date.astimezone(tz).date() if message.date else None
    app = match.application
    company = (app.company.name if app else "") or (match.company.name if match.company else "")
    company = company or facts.company or "A company"
    role = app.role if app else facts.role
    for_role = f" for {role}" if role else ""
    prefill = _prefill(facts)
    choices = tuple((a.pk, f"{a.company.name} — {a.role}") for a in match.candidates)

    def make(action: str, text: str, *, auto: bool = False) -> Suggestion:
        auto = auto and match.kind == MATCH and classification.confidence >= AUTO_APPLY_CONFIDENCE
        return Suggestion(
            action,
            text,
            app.pk if app else None,
            auto,
            on,
            prefill,
            choices if match.kind == AMBIGUOUS else (),
        )

    if label == NOT_JOB:
        if match.kind == MATCH and app is not None and classification.scores[NOT_JOB] <= 0:
            # Nothing said it is a newsletter, and it names one of your applications: the
            # rules didn't understand it, so a person should read it rather than lose it.
            return make(
                NOTE_ONLY,
                f"{company} wrote about {role}, but Rebound couldn't tell "
                "what it says — read it and choose what to do?",
            )
        return make(IGNORE, "Not about your job search — nothing to change.")
    if label == RECRUITER_OUTREACH:
        who = f" about {role}" if role else ""
        return make(IGNORE, f"A recruiter wrote to you{who}. Nothing to change unless you reply.")
    if match.kind == AMBIGUOUS:
        roles = " or ".join(a.role for a in match.candidates[:3])
        verb = {
            REJECTION: "said no",
            OFFER: "made an offer",
            INTERVIEW_INVITE: "invited you to an interview",
        }.get(label, "wrote")
        action = _action_for(label, current=None)
        return make(action, f"{company} {verb} on {_day(on)} — was it about {roles}?")
    if match.kind == NEW:
        return make(
            NEW_APPLICATION,
            f"You applied to {company}{for_role} on {_day(on)} — add it to your applications?",
        )
    if app is None:
        if label in {REJECTION, OFFER, INTERVIEW_INVITE, APPLICATION_RECEIVED}:
            return make(
                NOTE_ONLY,
                f"{company} wrote about an application{for_role} that isn't "
                "in your list — which one is it?",
            )
        return make(NOTE_ONLY, f"{company} wrote{for_role} — keep it as a note?")

    current = app.status
    action = _action_for(label, current=current)
    if label == REJECTION:
        if action == NOTE_ONLY:
            return make(
                NOTE_ONLY,
                f"{company} confirmed the no{for_role} — it's already marked "
                f"{app.get_status_display().lower()}. Keep the email on its "
                "timeline?",
            )
        extra = ""
        if facts.reapply_after:
            extra = f" They suggest applying again after {_day(facts.reapply_after)}."
        elif facts.keep_on_file:
            extra = " They'll keep your CV on file."
        return make(
            MARK_REJECTED,
            f"{company} said no to {role} on {_day(on)} — mark it "
            f"rejected and open your plan?{extra}",
            auto=True,
        )
    if label == APPLICATION_RECEIVED:
        if action == MARK_APPLIED:
            return make(
                MARK_APPLIED,
                f"{company} confirmed your application{for_role} on {_day(on)} — mark it applied?",
                auto=True,
            )
        return make(
            NOTE_ONLY,
            f"{company} confirmed your application{for_role} — keep the email on its timeline?",
        )
    if label == INTERVIEW_INVITE:
        when = f" on {_when(facts.interview_at)}" if facts.interview_at else ""
        return make(
            ADD_INTERVIEW,
            f"{company} invited you to an interview{for_role}{when} — add it to your interviews?",
        )
    if label == OFFER:
        return make(
            MARK_OFFER_REVIEW,
            f"{company} made you an offer{for_role} — look it over and mark the offer?",
        )
    if label == ASSESSMENT:
        due = f", due {_day(facts.reply_by)}" if facts.reply_by else ""
        return make(NOTE_ONLY, f"{company} sent you an assessment{for_role}{due} — add a note?")
    if label == STATUS_UPDATE_OTHER:
        return make(
            NOTE_ONLY, f"News from {company}{for_role}, no decision yet — keep it as a note?"
        )
    return make(NOTE_ONLY, f"{company} wrote{for_role} — keep it as a note?")


def _action_for(label: str, *, current: str | None) -> str:
    if label == REJECTION:
        return NOTE_ONLY if current == Status.REJECTED else MARK_REJECTED
    if label == APPLICATION_RECEIVED:
        return MARK_APPLIED if current in {None, Status.WISHLIST} else NOTE_ONLY
    if label == INTERVIEW_INVITE:
        return ADD_INTERVIEW
    if label == OFFER:
        return MARK_OFFER_REVIEW
    return NOTE_ONLY


def _prefill(facts: Facts) -> dict[str, str]:
    prefill: dict[str, str] = {}
    if facts.interview_at:
        prefill["interview_at"] = facts.interview_at.isoformat()
    if facts.reply_by:
        prefill["reply_by"] = facts.reply_by.isoformat()
    if facts.reapply_after:
        prefill["reapply_after"] = facts.reapply_after.isoformat()
    if facts.keep_on_file:
        prefill["keep_on_file"] = "yes"
    return prefill
