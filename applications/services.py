"""An application's own writes: create, edit, move along the pipeline, correct a date,
delete. Pages, the API, mail in, the import, the demo data and the admin all call these; the
sibling modules hold the rest (company_services, tag_services, archive_services,
attachment_services, no_reply_services)."""

import datetime as dt
from collections.abc import Iterable
from dataclasses import dataclass
from typing import Any

from django.core.exceptions import ValidationError
from django.db import transaction
from django.utils import timezone
from django.utils.translation import gettext as _

from rebound.lib.language import in_language_of
from rebound.lib.localtime import local_today
from rebound.models import User
from reminders.kinds import scope_of
from reminders.services import reminders_cancel

from . import pipeline
from .company_services import company_get_or_create
from .models import Application, Company, Contact, StatusChange
from .no_reply_services import no_reply_reminder_sync
from .pipeline import Status
from .posting_models import Posting
from .posting_services import posting_set
from .signals import NextStep, status_changed
from .tag_services import application_set_tags, tag_names
from .validators import validate_past_date, validate_timeline


def _set_contacts(application: Application, contacts: Iterable[Contact]) -> None:
    people = list(contacts)
    if any(person.owner_id != application.owner_id for person in people):
        raise ValidationError(_("Unknown contact."))
    application.contacts.set(people)


@transaction.atomic
def application_create(
    *,
    owner: User,
    role: str,
    company: Company | None = None,
    new_company: str = "",
    contacts: Iterable[Contact] = (),
    tag_text: str | None = None,
    status: str | None = None,
    date_applied: dt.date | None = None,
    posting: str = "",
    posting_origin: str = Posting.Origin.PASTED,
    **fields: Any,
) -> Application:
    """A new application with the first entry of its timeline, its people, its tags and its
    "no reply yet" nudge, from a form's or the API's cleaned data whole
    (`application_create(owner=user, **form.cleaned_data)`).

    The company is the one picked, else found or made by the name typed (`new_company`); the
    tags are read from the text typed (`tag_text`). Without a `status` it is applied on
    `date_applied`, or saved to the wishlist without one; a first step other than the
    wishlist is dated `date_applied`, else today. The posting's text (`posting`), when given,
    is kept with it (posting_services)."""
    if company is None:
        if not new_company.strip():
            raise ValidationError(_("Pick a company or type the name of a new one."), "no_company")
        company = company_get_or_create(owner=owner, name=new_company)
    status = status or (Status.APPLIED if date_applied else Status.WISHLIST)
    on = date_applied if status != Status.WISHLIST else None
    if on is not None:
        validate_past_date(on, owner=owner, what=_("The date applied"))
    on = on or local_today(owner)
    application = Application.objects.create(
        owner=owner, company=company, role=role, status=status, status_changed_on=on, **fields
    )
    StatusChange.objects.create(
        application=application, from_status="", to_status=status, changed_on=on
    )
    _sync_applied_date(application)
    _set_contacts(application, contacts)
    if tag_text:
        application_set_tags(application=application, names=tag_names(tag_text))
    if posting.strip():
        posting_set(application=application, text=posting, origin=posting_origin)
    no_reply_reminder_sync(application=application)
    return application


def _sync_applied_date(application: Application) -> None:
    """The date applied *is* the date of the latest change into Applied on the timeline; the
    column only keeps it at hand for the table, sorting and exports."""
    latest = (
        StatusChange.objects.filter(application=application, to_status=Status.APPLIED)
        .order_by("-changed_on", "-created_at")
        .values_list("changed_on", flat=True)
        .first()
    )
    Application.objects.filter(pk=application.pk).update(date_applied=latest)
    application.date_applied = latest


# What an edit may write. The status, its date, the date applied and the archive belong to
# their own services: an edit that read the row before a move must not write it back.
EDITABLE_FIELDS = (
    "company",
    "role",
    "posting_url",
    "source",
    "applied_via",
    "location",
    "remote_mode",
    "salary_min",
    "salary_max",
    "currency",
    "excitement",
    "notes",
)


@transaction.atomic
def application_update(
    *,
    application: Application,
    date_applied: dt.date | None,
    fields: Iterable[str] = (),
    company: Company | None = None,
    new_company: str = "",
    contacts: Iterable[Contact] | None = None,
    tag_text: str | None = None,
    posting: str | None = None,
    **values: Any,
) -> Application:
    """Save an edit from a form's or the API's cleaned data whole
    (`application_update(application=a, fields=form.changed_data, **form.cleaned_data)`).

    Only `fields` (the names the edit changed) are written, so a status moved or a note
    written meanwhile stays; a company typed by name (`new_company`) counts as changed.
    Its people and tags are set when given, its posting's text when changed. Its date
    applied is corrected on the timeline (the entry into Applied), never written beside it."""
    unknown = set(values) - set(EDITABLE_FIELDS)
    if unknown:
        raise TypeError(f"application_update() can't write {sorted(unknown)}")
    changed = set(fields)
    if company is None and new_company.strip():
        company = company_get_or_create(owner=application.owner, name=new_company)
        changed.add("company")
    if company is not None:
        values["company"] = company
    for name in changed & values.keys():
        setattr(application, name, values[name])
    # Locked: the date applied read here decides whether the timeline is corrected below.
    stored = (
        Application.objects.select_for_update()
        .values_list("date_applied", flat=True)
        .get(pk=application.pk)
    )
    application.date_applied = stored
    written = [name for name in EDITABLE_FIELDS if name in changed]
    if written:
        application.save(update_fields=[*written, "updated_at"])
    if contacts is not None:
        _set_contacts(application, contacts)
    if tag_text is not None:
        application_set_tags(application=application, names=tag_names(tag_text))
    if posting is not None and "posting" in changed:
        posting_set(application=application, text=posting, origin=Posting.Origin.PASTED)
    if date_applied == stored:
        return application
    change = (
        application.status_changes.filter(to_status=Status.APPLIED)
        .order_by("-changed_on", "-created_at")
        .first()
    )
    if change is None:
        raise ValidationError(
            _(
                "It isn’t marked as applied yet: use “Move along” to move it to Applied, with "
                "the date you applied."
            ),
            code="not_applied_yet",
        )
    if date_applied is None:
        raise ValidationError(
            _("It was moved to Applied on the timeline; correct that date instead of clearing it."),
            code="applied_date_kept",
        )
    status_change_correct_date(change=change, on=date_applied)
    return application


def validate_transition(*, from_status: str, to_status: str) -> None:
    """The pipeline's rule (applications.pipeline), in the words the pages show."""
    if to_status not in Status.values:
        raise ValidationError(
            _("“%(status)s” is not a status Rebound knows.") % {"status": to_status},
            code="unknown",
        )
    if not pipeline.can_move(from_status, to_status):
        raise ValidationError(
            _("An application can’t go from %(from)s straight to %(to)s.")
            % {"from": Status(from_status).label, "to": Status(to_status).label},
            code="invalid_transition",
        )


@dataclass(frozen=True)
class StatusMove:
    """What a move along the pipeline did: the new entry on the timeline, and what the
    listeners of `signals.status_changed` offer the user next (coping's new plan)."""

    change: StatusChange
    next_steps: tuple[NextStep, ...] = ()


@transaction.atomic
def application_change_status(
    *, application: Application, to_status: str, on: dt.date | None = None, note: str = ""
) -> StatusMove | None:
    """Move an application along the pipeline and record the step on its timeline; the
    listeners of `status_changed` act inside the same transaction. Takes StatusChangeForm's
    cleaned data whole (`application_change_status(application=a, **form.cleaned_data)`).

    Returns None when the application already has that status: a double submit or a back
    button never records (or triggers) the same change twice.
    """
    locked = Application.objects.select_for_update().get(pk=application.pk)
    if locked.status == to_status:
        application.status = locked.status
        return None
    validate_transition(from_status=locked.status, to_status=to_status)
    on = on or local_today(locked.owner)
    validate_past_date(on, owner=locked.owner, what=_("The date of a status change"))
    steps = [*_timeline(locked), (to_status, on)]
    validate_timeline(steps, checking=len(steps) - 1)
    previous = locked.status
    change = StatusChange.objects.create(
        application=locked, from_status=previous, to_status=to_status, changed_on=on, note=note
    )
    reopened = not pipeline.is_closed(to_status)
    Application.objects.filter(pk=locked.pk).update(
        status=to_status,
        status_changed_on=on,
        updated_at=timezone.now(),
        # Coming back to life takes it out of the archive (a constraint says so too).
        **({"archived_at": None} if reopened else {}),
    )
    application.status, application.status_changed_on = to_status, on
    application.owner = locked.owner
    if to_status == Status.APPLIED:
        _sync_applied_date(application)
    no_reply_reminder_sync(application=application)
    # A listener returns a NextStep to offer, or None (the stubs type responses as str).
    responses: list[tuple[Any, Any]] = status_changed.send(
        sender=Application, application=application, change=change, previous_status=previous
    )
    return StatusMove(
        change=change,
        next_steps=tuple(step for _, step in responses if isinstance(step, NextStep)),
    )


def _timeline(application: Application) -> list[tuple[str, dt.date]]:
    """The application's steps in the order they were recorded, as the validators read them."""
    return list(
        StatusChange.objects.filter(application=application)
        .order_by("created_at", "pk")
        .values_list("to_status", "changed_on")
    )


@transaction.atomic
def status_change_correct_date(*, change: StatusChange, on: dt.date) -> StatusChange:
    """Correct the date of a step on the timeline; the order rules still hold after it."""
    owner = change.application.owner
    validate_past_date(on, owner=owner, what=_("The date of a status change"))
    # Locked, so two corrections can't each pass the order check against the other's old date.
    Application.objects.select_for_update().filter(pk=change.application_id).first()
    order = list(
        StatusChange.objects.filter(application_id=change.application_id)
        .order_by("created_at", "pk")
        .values_list("pk", "to_status", "changed_on")
    )
    steps = [(status, on if pk == change.pk else day) for pk, status, day in order]
    at = next((i for i, (pk, _, _) in enumerate(order) if pk == change.pk), None)
    validate_timeline(steps, checking=at)
    change.changed_on = on
    change.save(update_fields=["changed_on"])
    # The current status is the last change recorded, whatever dates were corrected since.
    latest = change.application.status_changes.order_by("-created_at", "-pk").first()
    if latest is not None:
        Application.objects.filter(pk=change.application_id).update(
            status_changed_on=latest.changed_on
        )
        change.application.status_changed_on = latest.changed_on
    _sync_applied_date(change.application)
    no_reply_reminder_sync(application=change.application)
    return change


@transaction.atomic
def application_delete(*, application: Application) -> None:
    """Delete it with everything in it; every reminder about it or its parts is cancelled
    (the rows stay, as history)."""
    # Kept with the reminders and shown to their owner: in the owner's language.
    with in_language_of(application.owner):
        reason = _("The application was deleted.")
    reminders_cancel(scope=scope_of(application), reason=reason)
    application.delete()
