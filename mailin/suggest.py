"""What a person is asked about a message, in words, with the action a click would take.

Pure: nothing here writes. The Inbox (a later step) shows the question and applies the action
through the applications, interviews and coping services; an offer is never applied without
the person, and only high-confidence confirmations and rejections may be applied
automatically (if the user chose that), with an undo.
"""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass, field

from django.utils.translation import gettext as _

from applications.pipeline import Status
from applications.pipeline import in_sentence as status_in_sentence

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
from .wording import day as _day
from .wording import moment as _when

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
    company = company or facts.company or _("A company")
    role = app.role if app else facts.role
    for_role = _(" for %(role)s") % {"role": role} if role else ""
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
                _(
                    "%(company)s wrote about %(role)s, but Rebound couldn't tell what it says "
                    "— read it and choose what to do?"
                )
                % {"company": company, "role": role},
            )
        return make(IGNORE, _("Not about your job search — nothing to change."))
    if label == RECRUITER_OUTREACH:
        if role:
            return make(
                IGNORE,
                _("A recruiter wrote to you about %(role)s. Nothing to change unless you reply.")
                % {"role": role},
            )
        return make(IGNORE, _("A recruiter wrote to you. Nothing to change unless you reply."))
    if match.kind == AMBIGUOUS:
        roles = _(" or ").join(a.role for a in match.candidates[:3])
        asked = {
            REJECTION: _("%(company)s said no on %(day)s — was it about %(roles)s?"),
            OFFER: _("%(company)s made an offer on %(day)s — was it about %(roles)s?"),
            INTERVIEW_INVITE: _(
                "%(company)s invited you to an interview on %(day)s — was it about %(roles)s?"
            ),
        }.get(label, _("%(company)s wrote on %(day)s — was it about %(roles)s?"))
        action = _action_for(label, current=None)
        return make(action, asked % {"company": company, "day": _day(on), "roles": roles})
    if match.kind == NEW:
        return make(
            NEW_APPLICATION,
            _("You applied to %(company)s%(for_role)s on %(day)s — add it to your applications?")
            % {"company": company, "for_role": for_role, "day": _day(on)},
        )
    said = {"company": company, "for_role": for_role}
    if app is None:
        if label in {REJECTION, OFFER, INTERVIEW_INVITE, APPLICATION_RECEIVED}:
            return make(
                NOTE_ONLY,
                _(
                    "%(company)s wrote about an application%(for_role)s that isn't in your "
                    "list — which one is it?"
                )
                % said,
            )
        return make(NOTE_ONLY, _("%(company)s wrote%(for_role)s — keep it as a note?") % said)

    current = app.status
    action = _action_for(label, current=current)
    if label == REJECTION:
        if action == NOTE_ONLY:
            return make(
                NOTE_ONLY,
                _(
                    "%(company)s confirmed the no%(for_role)s — it's already marked "
                    "%(status)s. Keep the email on its timeline?"
                )
                % {**said, "status": status_in_sentence(app.status)},
            )
        extra = ""
        if facts.reapply_after:
            extra = _(" They suggest applying again after %(day)s.") % {
                "day": _day(facts.reapply_after)
            }
        elif facts.keep_on_file:
            extra = _(" They'll keep your CV on file.")
        return make(
            MARK_REJECTED,
            _("%(company)s said no to %(role)s on %(day)s — mark it rejected and open your plan?")
            % {"company": company, "role": role, "day": _day(on)}
            + extra,
            auto=True,
        )
    if label == APPLICATION_RECEIVED:
        if action == MARK_APPLIED:
            return make(
                MARK_APPLIED,
                _(
                    "%(company)s confirmed your application%(for_role)s on %(day)s — mark it "
                    "applied?"
                )
                % {**said, "day": _day(on)},
                auto=True,
            )
        return make(
            NOTE_ONLY,
            _(
                "%(company)s confirmed your application%(for_role)s — keep the email on its "
                "timeline?"
            )
            % said,
        )
    if label == INTERVIEW_INVITE:
        if facts.interview_at:
            text = _(
                "%(company)s invited you to an interview%(for_role)s on %(when)s — add it to "
                "your interviews?"
            ) % {**said, "when": _when(facts.interview_at)}
        else:
            text = (
                _(
                    "%(company)s invited you to an interview%(for_role)s — add it to your "
                    "interviews?"
                )
                % said
            )
        return make(ADD_INTERVIEW, text)
    if label == OFFER:
        return make(
            MARK_OFFER_REVIEW,
            _("%(company)s made you an offer%(for_role)s — look it over and mark the offer?")
            % said,
        )
    if label == ASSESSMENT:
        if facts.reply_by:
            text = _(
                "%(company)s sent you an assessment%(for_role)s, due %(day)s — add a note?"
            ) % {**said, "day": _day(facts.reply_by)}
        else:
            text = _("%(company)s sent you an assessment%(for_role)s — add a note?") % said
        return make(NOTE_ONLY, text)
    if label == STATUS_UPDATE_OTHER:
        return make(
            NOTE_ONLY,
            _("News from %(company)s%(for_role)s, no decision yet — keep it as a note?") % said,
        )
    return make(NOTE_ONLY, _("%(company)s wrote%(for_role)s — keep it as a note?") % said)


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
