"""Deciding a message's question: apply it through the services below mail in, dismiss it,
correct it, or undo it."""

from __future__ import annotations

import datetime as dt
import logging
from dataclasses import dataclass
from typing import Any

from django.core.exceptions import ValidationError
from django.db import transaction
from django.utils import timezone
from django.utils.translation import gettext as _

from applications.company_services import company_get_or_create
from applications.models import Application, StatusChange
from applications.pipeline import TRANSITIONS, Status
from applications.pipeline import in_sentence as status_in_sentence
from applications.services import (
    application_change_status,
    application_create,
    application_delete,
)
from coping.models import CopingPlan, FollowUp
from coping.services import follow_up_schedule, plan_close
from interviews.models import Interview
from interviews.services import interview_delete
from rebound.lib.language import in_language_of
from rebound.lib.localtime import local_today

from .. import suggest as suggesting
from ..classify.classifier import Classification
from ..classify.labels import LABEL_NAMES
from ..extract.facts import Facts
from ..matching import MATCH, NONE, MatchResult
from ..models import InboundMessage, SenderCorrection, Suggestion
from ..parse.parsed import ParsedMessage
from ..wording import day, full_day

logger = logging.getLogger(__name__)

Action = Suggestion.Action


@dataclass(frozen=True, slots=True)
class Outcome:
    """What a decision did, in words, and where the person goes next."""

    message: str
    url: str = ""


def _note(suggestion: Suggestion) -> str:
    message = suggestion.message
    who = message.company or message.sender_name or message.sender
    if not who:
        return _("From an email")[:300]
    return (_("From an email from %(who)s") % {"who": who})[:300]


@transaction.atomic
def suggestion_apply(
    *, suggestion: Suggestion, application: Application | None = None, auto: bool = False
) -> Outcome:
    """Do what the suggestion asks, through the same services as the pages, dated by the
    email. `application` answers "which one?" for an ambiguous match. An offer and an
    interview are the person's to record: the first opens the application, the second the
    interview form, pre-filled (suggestion_interview_saved marks it applied)."""
    suggestion = (
        Suggestion.objects.select_for_update(of=("self",))
        .select_related("message", "application__company", "owner")
        .get(pk=suggestion.pk)
    )
    if suggestion.state != Suggestion.State.PENDING:
        return Outcome(_("That one was already decided."))
    owner = suggestion.owner
    if application is not None:
        if application.owner_id != owner.pk:
            raise ValidationError(_("Unknown application."))
        suggestion.application = application
    app = suggestion.application
    action = suggestion.action
    on = suggestion.on or local_today(owner)
    on = min(on, local_today(owner))
    undo: dict[str, object] = {}
    url = ""
    if action == Action.MARK_OFFER_REVIEW:
        if auto:
            raise ValidationError(_("An offer is never applied automatically."))
        if app is None:
            raise ValidationError(_("Choose which application the offer is for."))
        return Outcome(
            _("An offer is yours to record: here is the application."), app.get_absolute_url()
        )
    if action == Action.IGNORE:
        raise ValidationError(_("There is nothing to apply: dismiss it instead."))
    if action in {Action.MARK_REJECTED, Action.MARK_APPLIED, Action.ADD_INTERVIEW} and app is None:
        raise ValidationError(_("Choose which application it is about first."))
    if action == Action.ADD_INTERVIEW:
        if auto:
            raise ValidationError(_("An interview is added from its form."))
        return Outcome(_("Check the details, then save the interview."), "")
    if action in {Action.MARK_REJECTED, Action.MARK_APPLIED}:
        assert app is not None
        to_status = Status.REJECTED if action == Action.MARK_REJECTED else Status.APPLIED
        previous = app.status
        moved = application_change_status(
            application=app, to_status=to_status, on=on, note=_note(suggestion)
        )
        change = moved.change if moved else None
        if change is None:
            message = _("It was already %(status)s; nothing changed.") % {
                "status": status_in_sentence(app.status)
            }
        else:
            undo.update(change=change.pk, previous=previous)
            message = _("Marked %(status)s, dated %(day)s.") % {
                "status": status_in_sentence(change.to_status),
                "day": day(on),
            }
            plan = CopingPlan.objects.filter(opened_by=change).first()
            if plan is not None:
                undo["plan"] = plan.pk
                url = plan.get_absolute_url()
                message += " " + _("Your plan is open.")
                keep = _keep_in_touch(suggestion, plan)
                if keep:
                    undo["follow_up"] = keep
                    message += " " + _("The keep-in-touch check-in follows what they said.")
    elif action == Action.NEW_APPLICATION:
        msg = suggestion.message
        if not msg.company:
            raise ValidationError(_("Rebound couldn't tell the company: add it from Applications."))
        company = company_get_or_create(owner=owner, name=msg.company)
        app = application_create(
            owner=owner,
            company=company,
            role=msg.role or _("Role not named in the email"),
            status=Status.APPLIED,
            date_applied=on,
        )
        suggestion.application = app
        undo["created_application"] = app.pk
        message = _("Added %(company)s to your applications, applied %(day)s.") % {
            "company": company.name,
            "day": day(on),
        }
        url = app.get_absolute_url()
    else:
        # A note: the email stays on the application's timeline; nothing else changes.
        message = _("Kept on the application's timeline.")
    suggestion.state = Suggestion.State.APPLIED
    suggestion.auto_applied = auto
    suggestion.applied_at = timezone.now()
    suggestion.undo = undo
    suggestion.save(update_fields=["state", "auto_applied", "applied_at", "undo", "application"])
    if app is not None and suggestion.message.application_id != app.pk:
        InboundMessage.objects.filter(pk=suggestion.message_id).update(application=app)
    return Outcome(message, url)


def _keep_in_touch(suggestion: Suggestion, plan: CopingPlan) -> dict[str, object] | None:
    """ "Apply again in six months" or "we'll keep your CV on file" shapes the check-in."""
    facts = suggestion.message.facts or {}
    reapply = facts.get("reapply_after")
    if not reapply and not facts.get("keep_on_file"):
        return None
    follow_up = FollowUp.objects.filter(plan=plan).first()
    if follow_up is None:
        return None
    before: dict[str, object] = {
        "interested": follow_up.interested,
        "check_in_on": follow_up.check_in_on.isoformat() if follow_up.check_in_on else None,
        "note": follow_up.note,
    }
    check_in_on = dt.date.fromisoformat(str(reapply)) if reapply else None
    if check_in_on is not None and check_in_on <= local_today(plan.owner):
        check_in_on = None
    with in_language_of(plan.owner):
        note = (
            _("They suggested applying again after %(day)s.") % {"day": full_day(check_in_on)}
            if check_in_on
            else _("They said they'd keep your CV on file.")
        )
    follow_up_schedule(
        follow_up=follow_up,
        interested=True,
        check_in_on=check_in_on,
        contact=follow_up.contact,
        note=note,
        requirements=follow_up.requirements,
        experience_now=follow_up.experience_now,
    )
    return before


def suggestion_auto_apply(suggestion: Suggestion) -> None:
    """The owner chose to let confident confirmations and rejections through; anything the
    services refuse stays in the Inbox for them."""
    if suggestion.action not in {Action.MARK_REJECTED, Action.MARK_APPLIED}:
        return
    try:
        with transaction.atomic():
            suggestion_apply(suggestion=suggestion, auto=True)
    except ValidationError as exc:
        logger.info("auto-apply left suggestion %s for the person: %s", suggestion.pk, exc)


def suggestion_interview_saved(*, suggestion: Suggestion, interview: Interview) -> Suggestion:
    """The pre-filled interview form was saved: the invitation is applied."""
    suggestion.state = Suggestion.State.APPLIED
    suggestion.applied_at = timezone.now()
    suggestion.application = interview.application
    suggestion.undo = {"interview": interview.pk}
    suggestion.save(update_fields=["state", "applied_at", "application", "undo"])
    return suggestion


def suggestion_dismiss(*, suggestion: Suggestion) -> Suggestion:
    """Nothing to do about it. It leaves the Inbox's questions; the email stays listed."""
    if suggestion.state == Suggestion.State.PENDING:
        suggestion.state = Suggestion.State.DISMISSED
        suggestion.save(update_fields=["state"])
    return suggestion


@transaction.atomic
def suggestion_correct(
    *, suggestion: Suggestion, label: str, application: Application | None
) -> Suggestion:
    """The person says what the email really is (and which application): the question is
    asked again in those terms, and the sender's next message is read the same way."""
    if label not in LABEL_NAMES:
        raise ValidationError(_("Choose one of the kinds of email Rebound knows."))
    owner = suggestion.owner
    if application is not None and application.owner_id != owner.pk:
        raise ValidationError(_("Unknown application."))
    if suggestion.state == Suggestion.State.APPLIED:
        raise ValidationError(_("Undo it first, then correct it."))
    message = suggestion.message
    if message.sender:
        SenderCorrection.objects.update_or_create(
            owner=owner,
            sender=message.sender.lower(),
            defaults={"label": label, "application": application},
        )
    return suggestion_reword(suggestion, label=label, application=application)


def suggestion_reword(
    suggestion: Suggestion, *, label: str, application: Application | None
) -> Suggestion:
    """Ask the question again for a label and application the person gave."""
    message = suggestion.message
    facts = message.facts or {}
    app = application or message.application
    parsed = ParsedMessage(
        sender_name=message.sender_name,
        sender_address=message.sender,
        subject=message.subject,
        date=message.sent_at,
    )
    interview_at = facts.get("interview_at")
    reply_by, reapply = facts.get("reply_by"), facts.get("reapply_after")
    read = Facts(
        company=message.company,
        company_hints=(),
        role=message.role,
        interview_at=dt.datetime.fromisoformat(interview_at) if interview_at else None,
        reply_by=dt.date.fromisoformat(reply_by) if reply_by else None,
        reapply_after=dt.date.fromisoformat(reapply) if reapply else None,
        keep_on_file=bool(facts.get("keep_on_file")),
        via="",
    )
    scores = dict.fromkeys(LABEL_NAMES, 0.0)
    # The person's word: no competing label, so nothing is read as "not about the search".
    scores[label] = 10.0
    classification = Classification(label, message.confidence, scores, ("your correction",))
    match = (
        MatchResult(MATCH, app, company=app.company, reasons=("your choice",))
        if app is not None
        else MatchResult(NONE)
    )
    with in_language_of(suggestion.owner):
        asked = suggesting.suggest(
            message=parsed,
            classification=classification,
            facts=read,
            match=match,
            tz=suggestion.owner.tzinfo,
        )
    InboundMessage.objects.filter(pk=message.pk).update(
        label=label,
        application=app,
        company=(app.company.name if app else message.company)[:200],
        role=(app.role if app else message.role)[:200],
    )
    suggestion.action = asked.action
    suggestion.text = asked.text[:500]
    suggestion.application = app
    # A corrected suggestion is the person's own: never applied without them.
    suggestion.auto_applicable = False
    suggestion.state = Suggestion.State.PENDING
    suggestion.save(update_fields=["action", "text", "application", "auto_applicable", "state"])
    return suggestion


@transaction.atomic
def suggestion_undo(*, suggestion: Suggestion) -> Outcome:
    """Reverse what applying did, through the same services; say plainly what can't be."""
    suggestion = (
        Suggestion.objects.select_for_update(of=("self",))
        .select_related("application__company", "owner")
        .get(pk=suggestion.pk)
    )
    if suggestion.state != Suggestion.State.APPLIED:
        return Outcome(_("There is nothing to undo."))
    undo: dict[str, Any] = suggestion.undo or {}
    said: list[str] = []
    if "created_application" in undo:
        created = Application.objects.filter(
            pk=undo["created_application"], owner=suggestion.owner
        ).first()
        if created is not None:
            application_delete(application=created)
            said.append(_("The application it added is removed."))
        suggestion.application = None
    if "interview" in undo:
        interview = Interview.objects.filter(pk=undo["interview"], owner=suggestion.owner).first()
        if interview is not None:
            interview_delete(interview=interview)
            said.append(_("The interview it added is removed."))
    if "change" in undo:
        said.append(_undo_status(suggestion, undo))
    suggestion.state = Suggestion.State.PENDING
    suggestion.auto_applied = False
    suggestion.applied_at = None
    suggestion.undo = {}
    suggestion.save(update_fields=["state", "auto_applied", "applied_at", "undo", "application"])
    return Outcome(" ".join([_("Undone: it's back in your Inbox."), *said]))


def _undo_status(suggestion: Suggestion, undo: dict[str, Any]) -> str:
    app = suggestion.application
    change = StatusChange.objects.filter(pk=undo["change"]).select_related("application").first()
    if app is None or change is None:
        return _("The status change was already gone.")
    latest = app.status_changes.order_by("-created_at", "-pk").first()
    plan = None
    if "plan" in undo:
        plan = CopingPlan.objects.filter(pk=undo["plan"], closed_at__isnull=True).first()
    if latest is None or latest.pk != change.pk:
        return _(
            "The status stays %(status)s: it has moved on since, so Rebound leaves the "
            "timeline as you made it."
        ) % {"status": status_in_sentence(app.status)}
    previous = str(undo.get("previous", ""))
    if previous and previous in TRANSITIONS[app.status]:
        application_change_status(
            application=app,
            to_status=previous,
            on=change.changed_on,
            note=_("Undone from the Inbox"),
        )
        if plan is not None:
            plan_close(plan=plan)
        back_to = {"status": status_in_sentence(previous)}
        if plan is not None:
            return _("It's back to %(status)s, and the plan is closed.") % back_to
        return _("It's back to %(status)s.") % back_to
    if plan is not None:
        follow_up = FollowUp.objects.filter(plan=plan).first()
        before = undo.get("follow_up")
        if follow_up is not None and isinstance(before, dict):
            was = before.get("check_in_on")
            follow_up.note = str(before.get("note") or "")
            follow_up_schedule(
                follow_up=follow_up,
                interested=before.get("interested") is not False,
                check_in_on=dt.date.fromisoformat(was)
                if was and dt.date.fromisoformat(was) > local_today(app.owner)
                else None,
                contact=follow_up.contact,
                note=follow_up.note,
                requirements=follow_up.requirements,
                experience_now=follow_up.experience_now,
            )
        plan_close(plan=plan)
    said = {
        "status": status_in_sentence(app.status),
        "shown": app.get_status_display(),
        "back": status_in_sentence(previous) if previous else "",
    }
    if previous:
        return (
            _(
                "The plan is closed, but the status stays %(status)s: Rebound's timeline can't go "
                "from %(shown)s back to %(back)s. If they are still talking to you, move it along "
                "from the application's page."
            )
            % said
        )
    return (
        _(
            "The plan is closed, but the status stays %(status)s: Rebound's timeline can't go "
            "from %(shown)s back to where it was. If they are still talking to you, move it along "
            "from the application's page."
        )
        % said
    )
