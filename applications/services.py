"""Every write that spans models goes through one function here (views, admin, tasks alike)."""

import datetime as dt
from collections.abc import Iterable
from typing import Any

from django.core.exceptions import ValidationError
from django.db import transaction
from django.utils import timezone

from rebound.localtime import local_today
from reminders.kinds import scope_of
from reminders.models import Reminder
from reminders.services import reminder_schedule, reminders_cancel

from .models import (
    EXIT_STATUSES,
    TRANSITIONS,
    Application,
    Company,
    Contact,
    Status,
    StatusChange,
    Tag,
)
from .reminder_kinds import NO_REPLY
from .signals import NextStep, status_changed


def company_get_or_create(*, owner: Any, name: str) -> Company:
    name = " ".join(name.split())
    company = Company.objects.filter(owner=owner, name__iexact=name).first()
    return company or Company.objects.create(owner=owner, name=name)


def _set_contacts(application: Application, contacts: Iterable[Contact]) -> None:
    people = list(contacts)
    if any(person.owner_id != application.owner_id for person in people):
        raise ValidationError("Unknown contact.")
    application.contacts.set(people)


@transaction.atomic
def application_create(
    *, owner: Any, company: Company, role: str, contacts: Iterable[Contact] = (), **fields: Any
) -> Application:
    """Create an application and the first entry of its timeline."""
    status = fields.pop("status", Status.WISHLIST) or Status.WISHLIST
    on = fields.get("date_applied") if status != Status.WISHLIST else None
    on = on or local_today(owner)
    application = Application.objects.create(
        owner=owner, company=company, role=role, status=status, status_changed_on=on, **fields
    )
    StatusChange.objects.create(
        application=application, from_status="", to_status=status, changed_on=on
    )
    _sync_applied_date(application)
    _set_contacts(application, contacts)
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


@transaction.atomic
def application_update(
    *,
    application: Application,
    applied_on: dt.date | None,
    contacts: Iterable[Contact] | None = None,
) -> Application:
    """Save an edited application. Its date applied is corrected on the timeline (the entry
    into Applied), never written beside it."""
    stored = Application.objects.values_list("date_applied", flat=True).get(pk=application.pk)
    application.date_applied = stored
    application.save()
    if contacts is not None:
        _set_contacts(application, contacts)
    if applied_on == stored:
        return application
    change = (
        application.status_changes.filter(to_status=Status.APPLIED)
        .order_by("-changed_on", "-created_at")
        .first()
    )
    if change is None:
        raise ValidationError(
            "It isn’t marked as applied yet: use “Move along” to move it to Applied, with "
            "the date you applied."
        )
    if applied_on is None:
        raise ValidationError(
            "It was moved to Applied on the timeline; correct that date instead of clearing it."
        )
    status_change_correct_date(change=change, on=applied_on)
    return application


def validate_transition(*, from_status: str, to_status: str) -> None:
    if to_status not in Status.values:
        raise ValidationError(f"“{to_status}” is not a status Rebound knows.", code="unknown")
    if to_status not in TRANSITIONS[from_status]:
        raise ValidationError(
            f"An application can’t go from {Status(from_status).label} straight to "
            f"{Status(to_status).label}.",
            code="invalid_transition",
        )


@transaction.atomic
def application_change_status(
    *, application: Application, to_status: str, on: dt.date | None = None, note: str = ""
) -> StatusChange | None:
    """Move an application along the pipeline and record the step on its timeline.

    Returns None when the application already has that status: a double submit or a back
    button never records (or triggers) the same change twice.
    """
    locked = Application.objects.select_for_update().get(pk=application.pk)
    if locked.status == to_status:
        application.status = locked.status
        return None
    validate_transition(from_status=locked.status, to_status=to_status)
    on = on or local_today(locked.owner)
    if on > local_today(locked.owner):
        raise ValidationError("The date of a status change can’t be in the future.")
    previous = locked.status
    change = StatusChange.objects.create(
        application=locked, from_status=previous, to_status=to_status, changed_on=on, note=note
    )
    reopened = to_status not in EXIT_STATUSES and to_status != Status.ACCEPTED
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
    responses = status_changed.send(
        sender=Application, application=application, change=change, previous_status=previous
    )
    change.next_steps = [r for _, r in responses if isinstance(r, NextStep)]
    return change


@transaction.atomic
def status_change_correct_date(*, change: StatusChange, on: dt.date) -> StatusChange:
    owner = change.application.owner
    if on > local_today(owner):
        raise ValidationError("The date of a status change can’t be in the future.")
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
    reminders_cancel(scope=scope_of(application), reason="The application was deleted.")
    application.delete()


def no_reply_reminder_sync(*, application: Application) -> None:
    """While an application sits in Applied, a nudge N days (the owner's preference) after the
    date it was applied; any move cancels it. A nudge whose day has passed is not made up
    (backfilled applications would all nudge at once)."""
    owner = application.owner
    if application.status != Status.APPLIED:
        reminders_cancel(
            subject=application, kinds=[NO_REPLY], reason="The application has moved on."
        )
        return
    day = application.status_changed_on + dt.timedelta(days=owner.no_reply_days)
    if day < local_today(owner):
        reminders_cancel(subject=application, kinds=[NO_REPLY], reason="Its day has passed.")
        return
    reminder_schedule(
        owner=owner,
        kind=NO_REPLY,
        subject=application,
        local_date=day,
        scope=scope_of(application),
    )


def no_reply_reminders_rederive(*, user: Any) -> None:
    """After the owner changes how many days to wait: move every pending nudge."""
    pending = Reminder.objects.filter(owner=user, kind=NO_REPLY, status__in=Reminder.OPEN).values(
        "subject_id"
    )
    for application in Application.objects.filter(owner=user, pk__in=pending):
        application.owner = user
        no_reply_reminder_sync(application=application)


TAG_LIMIT = 20


def tag_names(raw: str) -> list[str]:
    """ "remote, Fintech ,  remote" → ["remote", "Fintech"]: trimmed, de-duplicated ignoring
    case, at most 40 characters and 20 tags."""
    seen: dict[str, str] = {}
    for part in raw.split(","):
        name = " ".join(part.split())[:40]
        if name:
            seen.setdefault(name.lower(), name)
    return list(seen.values())[:TAG_LIMIT]


def _tags(owner: Any, names: Iterable[str]) -> list[Tag]:
    tags = []
    for name in names:
        tag = Tag.objects.filter(owner=owner, name__iexact=name).first()
        tags.append(tag or Tag.objects.create(owner=owner, name=name))
    return tags


@transaction.atomic
def application_set_tags(*, application: Application, names: Iterable[str]) -> None:
    application.tags.set(_tags(application.owner, names))


@transaction.atomic
def application_add_tags(*, application: Application, names: Iterable[str]) -> None:
    application.tags.add(*_tags(application.owner, names))


def application_archive(*, application: Application) -> bool:
    """Put a closed application away; returns False (and changes nothing) if it is open."""
    if not application.is_closed:
        return False
    Application.objects.filter(pk=application.pk).update(archived_at=timezone.now())
    return True


def application_unarchive(*, application: Application) -> None:
    Application.objects.filter(pk=application.pk).update(archived_at=None)


BULK_ACTIONS = {
    "move": "Move to a status",
    "tag": "Add a tag",
    "archive": "Archive (closed ones only)",
    "delete": "Delete",
}


def applications_bulk(
    *, owner: Any, applications: Iterable[Application], action: str, value: str = ""
) -> tuple[int, list[str]]:
    """Do one action to many applications, each through its own service and transaction;
    returns how many it did and, for the others, why not (one sentence each)."""
    done, skipped = 0, []
    for application in applications:
        if application.owner_id != owner.pk:
            raise ValidationError("Unknown application.")
        try:
            with transaction.atomic():
                if action == "move":
                    if application_change_status(application=application, to_status=value):
                        done += 1
                    else:
                        skipped.append(f"{application}: it already was {value}.")
                    continue
                if action == "tag":
                    application_add_tags(application=application, names=tag_names(value))
                elif action == "archive":
                    if not application_archive(application=application):
                        skipped.append(f"{application}: it is still open.")
                        continue
                elif action == "delete":
                    application_delete(application=application)
                else:
                    raise ValidationError("Unknown action.")
                done += 1
        except ValidationError as exc:
            skipped.append(f"{application}: {' '.join(exc.messages)}")
    return done, skipped
