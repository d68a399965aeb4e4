"""Every write that spans models goes through one function here (views, admin, tasks alike)."""

import datetime as dt
import logging
from collections.abc import Iterable
from typing import Any

from django.core.cache import cache
from django.core.exceptions import ValidationError
from django.db import transaction
from django.db.models.functions import Lower
from django.utils import timezone

from rebound.localtime import local_today
from reminders.kinds import scope_of
from reminders.models import Reminder
from reminders.services import reminder_schedule, reminders_cancel

from . import importing
from .models import (
    EXIT_STATUSES,
    TRANSITIONS,
    Application,
    Attachment,
    Company,
    Contact,
    ImportJob,
    Status,
    StatusChange,
    Tag,
)
from .reminder_kinds import NO_REPLY
from .signals import NextStep, status_changed

logger = logging.getLogger(__name__)


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


# --- importing another tracker's export -------------------------------------------------------


def import_start(*, owner: Any, filename: str, raw: bytes) -> ImportJob:
    """Read an uploaded file into an import waiting for its mapping (ImportFileError says
    what is wrong with a file that can't be read; nothing is saved then)."""
    header, rows = importing.read_table(raw, filename)
    return ImportJob.objects.create(
        owner=owner,
        filename=filename[:200],
        recognised=importing.recognise(header),
        header=header,
        rows=rows,
        mapping=importing.auto_mapping(header),
        total=sum(1 for row in rows if any(row)),
    )


def import_records(job: ImportJob) -> list[importing.Record]:
    """The job's rows as they will be imported, checked against the owner's applications."""
    existing = Application.objects.filter(owner=job.owner).values_list(
        Lower("company__name"), Lower("role"), "date_applied"
    )
    return importing.records(
        job.header,
        job.rows,
        {k: int(v) for k, v in job.mapping.items()},
        job.statuses,
        today=local_today(job.owner),
        existing=existing,
    )


def import_queue(*, job: ImportJob) -> bool:
    """Hand a mapped import to the background task; False if it was already handed over."""
    queued = ImportJob.objects.filter(
        pk=job.pk, state__in=[ImportJob.State.MAPPING, ImportJob.State.FAILED]
    ).update(state=ImportJob.State.QUEUED, error="")
    if queued:
        from .tasks import import_run_task  # the task module imports this one

        transaction.on_commit(lambda: import_run_task.delay(job.pk))
    return bool(queued)


PROGRESS_EVERY = 50
# A running import that has said nothing for this long lost its worker (its transaction
# rolled back): the page offers to start it again.
STALLED_AFTER = 120


def import_stalled(job: ImportJob) -> bool:
    """Mark a running import whose worker went quiet as failed; True if it was."""
    if job.state != ImportJob.State.RUNNING:
        return False
    beat = cache.get(import_progress_key(job.pk))
    if beat and timezone.now().timestamp() - beat["at"] < STALLED_AFTER:
        return False
    stopped = ImportJob.objects.filter(pk=job.pk, state=ImportJob.State.RUNNING).update(
        state=ImportJob.State.FAILED,
        error="The import stopped before it finished (the server restarted?). Nothing was "
        "saved; start it again.",
    )
    return bool(stopped)


# How long an uploaded file's rows are kept: an import not run by then is forgotten, and a
# finished one's skipped rows are dropped (its summary stays).
IMPORT_KEEP_DAYS = 30


def imports_forget_stale() -> tuple[int, int]:
    """Forget what users uploaded and left: (imports deleted, imports emptied). Daily."""
    cutoff = timezone.now() - dt.timedelta(days=IMPORT_KEEP_DAYS)
    deleted, _ = (
        ImportJob.objects.filter(created_at__lt=cutoff)
        .exclude(state__in=[ImportJob.State.DONE, ImportJob.State.RUNNING])
        .delete()
    )
    emptied = (
        ImportJob.objects.filter(state=ImportJob.State.DONE, finished_at__lt=cutoff)
        .exclude(skipped_rows=[])
        .update(skipped_rows=[])
    )
    return deleted, emptied


def import_delete(*, job: ImportJob) -> None:
    """Forget an uploaded file (the applications it created stay)."""
    job.delete()


def import_progress_key(job_id: int) -> str:
    return f"import-progress:{job_id}"


def import_run(*, job_id: int) -> None:
    """Import a queued job's rows, all or nothing: every application with its timeline, or
    none. Progress goes to the cache (the rows are invisible to others until the end)."""
    started = ImportJob.objects.filter(pk=job_id, state=ImportJob.State.QUEUED).update(
        state=ImportJob.State.RUNNING
    )
    if not started:  # already run (a redelivered task) or gone
        return
    job = ImportJob.objects.select_related("owner").get(pk=job_id)
    key = import_progress_key(job.pk)
    cache.set(key, {"done": 0, "at": timezone.now().timestamp()}, 3600)
    try:
        with transaction.atomic():
            records = import_records(job)
            good = [r for r in records if not r.errors and not r.warnings]
            applications_import(
                owner=job.owner,
                records=good,
                as_new=job.as_new,
                progress=lambda n: cache.set(
                    key, {"done": n, "at": timezone.now().timestamp()}, 3600
                ),
            )
            skipped = [
                (r.lines, " ".join(r.errors + r.warnings))
                for r in records
                if r.errors or r.warnings
            ]
            rows_by_line = {n: row for n, row in enumerate(job.rows, start=2)}
            ImportJob.objects.filter(pk=job.pk).update(
                state=ImportJob.State.DONE,
                created=len(good),
                skipped_rows=[
                    {"line": line, "why": why, "row": rows_by_line[line]}
                    for lines, why in skipped
                    for line in lines
                ],
                rows=[],
                finished_at=timezone.now(),
            )
    except Exception as error:
        logger.exception("Import %s failed", job.pk)
        ImportJob.objects.filter(pk=job.pk).update(
            state=ImportJob.State.FAILED,
            error=f"Something went wrong while importing ({error.__class__.__name__}). "
            "Nothing was saved; try again, and if it fails again, split the file.",
            finished_at=timezone.now(),
        )
    finally:
        cache.delete(key)


def import_timeline(record: importing.Record, today: dt.date) -> list[tuple[str, dt.date]]:
    """A record's timeline, oldest first: its history as exported, or into Applied on the
    date applied and then the status as it stands, on its date (the date applied, or today,
    when the file gives none)."""
    if record.history:
        return list(record.history)
    final = record.status or Status.WISHLIST
    steps = []
    if record.applied and final != Status.WISHLIST:
        steps.append((Status.APPLIED.value, record.applied))
    if final != Status.APPLIED or not steps:
        steps.append((str(final), record.status_on or record.applied or today))
    return steps


IMPORT_BATCH = 500


def applications_import(
    *,
    owner: Any,
    records: list[importing.Record],
    as_new: bool = False,
    progress: Any = None,
) -> list[Application]:
    """Applications from another tracker, with their past: each timeline dated as the file
    says, companies, contacts and tags found or made. In batches (a 10,000-row file is a
    few hundred statements, not 80,000), inside the caller's transaction.

    No reminders and no plan: those belong to the present. With `as_new`, each last step is
    taken through application_change_status instead, so a rejection opens its plan and its
    reminders as if just logged, and an open application gets its "no reply yet" nudge."""
    today = local_today(owner)
    companies = {c.name.lower(): c for c in Company.objects.filter(owner=owner)}
    names: dict[str, str] = {}
    for r in records:
        names.setdefault(r.company.lower(), r.company)
    added = Company.objects.bulk_create(
        Company(owner=owner, name=name) for key, name in names.items() if key not in companies
    )
    companies.update((c.name.lower(), c) for c in added)
    tags = _tags(owner, {t.lower(): t for r in records for t in r.tags}.values())
    tag_ids = {t.name.lower(): t.pk for t in tags}
    contacts = {
        (c.company_id, c.name.lower()): c
        for c in Contact.objects.filter(owner=owner, company__isnull=False)
    }
    wanted: dict[tuple[int, str], Contact] = {}
    for r in records:
        company = companies[r.company.lower()]
        if r.contact_name and (company.pk, r.contact_name.lower()) not in contacts:
            wanted.setdefault(
                (company.pk, r.contact_name.lower()),
                Contact(owner=owner, company=company, name=r.contact_name,
                        email=r.contact_email, phone=r.contact_phone, kind=Contact.Kind.OTHER),
            )  # fmt: skip
    for contact in Contact.objects.bulk_create(wanted.values()):
        contacts[(contact.company_id, contact.name.lower())] = contact
    created: list[Application] = []
    deferred: list[tuple[Application, str, dt.date]] = []  # as_new: the last steps
    for start in range(0, len(records), IMPORT_BATCH):
        batch = records[start : start + IMPORT_BATCH]
        timelines = []
        applications = []
        for r in batch:
            steps = import_timeline(r, today)
            if as_new and len(steps) > 1:
                *steps, last = steps
            else:
                last = None
            applied = [on for status, on in steps if status == Status.APPLIED]
            status, on = steps[-1]
            applications.append(
                Application(
                    owner=owner,
                    company=companies[r.company.lower()],
                    role=r.role,
                    status=status,
                    status_changed_on=on,
                    date_applied=max(applied) if applied else None,
                    posting_url=r.url,
                    location=r.location,
                    salary_min=r.salary_min,
                    salary_max=r.salary_max,
                    currency=r.currency,
                    source=r.source,
                    notes=r.notes,
                )
            )
            timelines.append((steps, last))
        Application.objects.bulk_create(applications)
        changes = []
        tag_links = []
        contact_links = []
        for application, r, (steps, last) in zip(applications, batch, timelines, strict=True):
            previous = ""
            for status, on in steps:
                changes.append(
                    StatusChange(
                        application=application,
                        from_status=previous,
                        to_status=status,
                        changed_on=on,
                    )
                )
                previous = status
            tag_links += [
                Application.tags.through(application_id=application.pk, tag_id=tag_ids[t.lower()])
                for t in {t.lower(): t for t in r.tags}.values()
            ]
            if r.contact_name:
                contact = contacts[(application.company_id, r.contact_name.lower())]
                contact_links.append(
                    Application.contacts.through(
                        application_id=application.pk, contact_id=contact.pk
                    )
                )
            if last is not None:
                deferred.append((application, *last))
        StatusChange.objects.bulk_create(changes)
        Application.tags.through.objects.bulk_create(tag_links)
        Application.contacts.through.objects.bulk_create(contact_links)
        created += applications
        if progress:
            progress(len(created))
    for application, status, on in deferred:
        _take_last_step(application, status, on)
    if as_new:
        for application in created:
            if application.status == Status.APPLIED:
                no_reply_reminder_sync(application=application)
    return created


def _take_last_step(application: Application, status: str, on: dt.date) -> None:
    """An imported application's last step, as if logged now (its plan, its reminders)."""
    if status == application.status:
        return
    if status in TRANSITIONS[application.status]:
        application_change_status(application=application, to_status=status, on=on)
        return
    # A jump the pipeline doesn't offer ("applied" straight to "accepted"): as recorded.
    StatusChange.objects.create(
        application=application, from_status=application.status, to_status=status, changed_on=on
    )
    Application.objects.filter(pk=application.pk).update(status=status, status_changed_on=on)
    application.status = status


# --- what was sent ----------------------------------------------------------------------------


def attachment_add(
    *, application: Application, kind: str, upload: Any = None, version: str = ""
) -> Attachment:
    """Record the résumé or letter sent with an application: its file (checked by the
    form), the name of the version used, or both."""
    attachment = Attachment(
        owner_id=application.owner_id,
        application=application,
        kind=kind,
        version=" ".join(version.split()),
    )
    if upload is not None:
        attachment.filename = upload.name[-200:]
        attachment.size = upload.size
        attachment.file = upload
    if not attachment.file and not attachment.version:
        raise ValidationError("Attach a file or name the version you sent.")
    attachment.save()
    return attachment


def attachment_remove(*, attachment: Attachment) -> None:
    """Remove it (its file goes once the removal is committed, applications.receivers)."""
    attachment.delete()
