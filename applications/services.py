"""Every write that spans models goes through one function here (views, admin, tasks alike)."""

import datetime as dt
import logging
import os
import threading
from collections.abc import Callable, Iterable
from pathlib import Path
from typing import Any

from django.conf import settings
from django.core.exceptions import ValidationError
from django.db import IntegrityError, connection, transaction
from django.db.models import Value
from django.db.models.functions import Lower
from django.utils import timezone

from rebound.lib.localtime import local_to_utc, local_today
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
from .validators import validate_past_date, validate_timeline

logger = logging.getLogger(__name__)


def _named(queryset: Any, name: str) -> Any:
    """Rows whose name matches as the unique constraints compare them (the database's
    lower()), so the look before an insert and the re-read after a lost race agree."""
    return queryset.alias(name_key=Lower("name")).filter(name_key=Lower(Value(name)))


def company_get_or_create(*, owner: Any, name: str) -> Company:
    """The owner's company of that name, made if new. Safe when two requests name the same
    new company at once: the loser of the insert reads the winner's row."""
    name = " ".join(name.split())
    company = _named(Company.objects.filter(owner=owner), name).first()
    if company is not None:
        return company
    try:
        # A savepoint: a lost race must not break the caller's transaction.
        with transaction.atomic():
            return Company.objects.create(owner=owner, name=name)
    except IntegrityError:
        return _named(Company.objects.filter(owner=owner), name).get()


def company_save(*, company: Company) -> Company:
    """Save a company a form filled in (new or renamed). The form checks the name is free;
    two requests naming the same new company at once both pass that check, and the loser
    of the insert gets the form's own message instead of a 500."""
    try:
        with transaction.atomic():
            company.save()
    except IntegrityError as exc:
        raise ValidationError(
            {"name": ValidationError("You already have a company with this name.", "invalid")}
        ) from exc
    return company


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
    if on is not None:
        validate_past_date(on, owner=owner, what="The date applied")
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


# What an edit may write. The status, its date, the date applied and the archive belong to
# their own services: an edit that read the row before a move must not write it back.
EDITABLE_FIELDS = (
    "company",
    "role",
    "posting_url",
    "source",
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
    applied_on: dt.date | None,
    contacts: Iterable[Contact] | None = None,
    fields: Iterable[str] = EDITABLE_FIELDS,
) -> Application:
    """Save an edited application: only `fields` (those the edit changed) are written, so
    a status moved meanwhile stays moved. Its date applied is corrected on the timeline (the
    entry into Applied), never written beside it."""
    # Locked: the date applied read here decides whether the timeline is corrected below.
    stored = (
        Application.objects.select_for_update()
        .values_list("date_applied", flat=True)
        .get(pk=application.pk)
    )
    application.date_applied = stored
    changed = [name for name in EDITABLE_FIELDS if name in set(fields)]
    if changed:
        application.save(update_fields=[*changed, "updated_at"])
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
            "the date you applied.",
            code="not_applied_yet",
        )
    if applied_on is None:
        raise ValidationError(
            "It was moved to Applied on the timeline; correct that date instead of clearing it.",
            code="applied_date_kept",
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
    validate_past_date(on, owner=locked.owner, what="The date of a status change")
    steps = [*_timeline(locked), (to_status, on)]
    validate_timeline(steps, checking=len(steps) - 1)
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


def _timeline(application: Application) -> list[tuple[str, dt.date]]:
    """The application's steps in the order they were recorded, as the validators read them."""
    return list(
        StatusChange.objects.filter(application=application)
        .order_by("created_at", "pk")
        .values_list("to_status", "changed_on")
    )


@transaction.atomic
def status_change_correct_date(*, change: StatusChange, on: dt.date) -> StatusChange:
    owner = change.application.owner
    validate_past_date(on, owner=owner, what="The date of a status change")
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
    reminders_cancel(scope=scope_of(application), reason="The application was deleted.")
    application.delete()


def no_reply_reminder_sync(*, application: Application) -> None:
    """While an application sits in Applied, a nudge N days (the owner's preference) after the
    date it was applied; any move cancels it. When that day has already passed (an application
    added long after it was sent), the nudge comes at the next sending hour: those are the
    ones that waited longest, and the email and the pages say how long it has been."""
    owner = application.owner
    if application.status != Status.APPLIED:
        reminders_cancel(
            subject=application, kinds=[NO_REPLY], reason="The application has moved on."
        )
        return
    today = local_today(owner)
    day = application.status_changed_on + dt.timedelta(days=owner.no_reply_days)
    if day < today:
        day = today
    if local_to_utc(day, owner.reminder_time, owner.timezone) <= timezone.now():
        day = today + dt.timedelta(days=1)  # today's hour has gone: tomorrow's
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
    """The owner's tags of these names, made if new; as company_get_or_create, a request
    that loses the race to make one reads the winner's."""
    tags = []
    for name in names:
        tag = _named(Tag.objects.filter(owner=owner), name).first()
        if tag is None:
            try:
                with transaction.atomic():
                    tag = Tag.objects.create(owner=owner, name=name)
            except IntegrityError:
                tag = _named(Tag.objects.filter(owner=owner), name).get()
        tags.append(tag)
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


def _import_fields(table: importing.Table) -> dict[str, Any]:
    return {
        "recognised": importing.recognise(table.header),
        "sheet": table.sheet[:31],
        "header": table.header,
        "rows": table.rows,
        "mapping": importing.auto_mapping(table.header),
        "total": sum(1 for row in table.rows if any(row)),
    }


def import_start(*, owner: Any, filename: str, raw: bytes) -> ImportJob:
    """An import of an uploaded file (ImportFileError says what is wrong with a file that
    can't be read; nothing is saved then). A CSV file is read at once (a fraction of a
    second); a workbook, which takes seconds to unpack and parse, is checked at once (its
    size unpacked) and read by a background task (import_read), the page following it."""
    if importing.is_workbook(raw):
        importing.check_workbook(raw)
        job = ImportJob.objects.create(
            owner=owner,
            filename=filename[:200],
            upload=raw,
            state=ImportJob.State.READING,
            beat_at=timezone.now(),
        )
        from .tasks import import_read_task  # the task module imports this one

        transaction.on_commit(lambda: import_read_task.delay(job.pk))
        return job
    table = importing.read_table(raw, filename)
    return ImportJob.objects.create(owner=owner, filename=filename[:200], **_import_fields(table))


def import_read(*, job_id: int) -> None:
    """Read a workbook waiting in an import: its rows, ready for the mapping; or why it
    can't be read. Its bytes are dropped either way."""
    job = ImportJob.objects.filter(pk=job_id, state=ImportJob.State.READING).first()
    if job is None:  # already read (a redelivered task), or forgotten
        return
    try:
        fields = _import_fields(importing.read_table(bytes(job.upload), job.filename))
    except importing.ImportFileError as error:
        fields = {"state": ImportJob.State.FAILED, "error": f"{error} Nothing was imported."[:300]}
    else:
        fields["state"] = ImportJob.State.MAPPING
    ImportJob.objects.filter(pk=job_id, state=ImportJob.State.READING).update(upload=b"", **fields)


def import_records(job: ImportJob) -> list[importing.Record]:
    """The job's rows as they will be imported, checked against the owner's applications."""
    # Folded in Python, as the file's rows are: one rule for every script, on any database.
    existing = [
        (importing.fold(company), importing.fold(role), applied)
        for company, role, applied in Application.objects.filter(owner=job.owner).values_list(
            "company__name", "role", "date_applied"
        )
    ]
    today = local_today(job.owner)
    records = importing.records(
        job.header,
        job.rows,
        {k: int(v) for k, v in job.mapping.items()},
        job.statuses,
        today=today,
        existing=existing,
    )
    for record in records:
        if not record.errors:
            # The same order rule as every page: nothing after applying dated before it.
            try:
                validate_timeline(import_timeline(record, today))
            except ValidationError as error:
                record.errors.extend(error.messages)
    return records


def import_queue(*, job: ImportJob) -> bool:
    """Hand a mapped import to the background task; False if it was already handed over."""
    queued = (
        ImportJob.objects.filter(
            pk=job.pk, state__in=[ImportJob.State.MAPPING, ImportJob.State.FAILED]
        )
        .exclude(header=[])  # a file refused while being read has nothing to import
        .update(state=ImportJob.State.QUEUED, error="")
    )
    if queued:
        from .tasks import import_run_task  # the task module imports this one

        transaction.on_commit(lambda: import_run_task.delay(job.pk))
    return bool(queued)


PROGRESS_EVERY = 50
# A running import that has said nothing for this long lost its worker (its transaction
# rolled back): the page offers to start it again.
STALLED_AFTER = 120


# A workbook waiting this long to be read was lost with its worker's queue, or its worker.
READ_STALLED_AFTER = 600


def import_stalled(job: ImportJob) -> bool:
    """Mark a running import whose worker went quiet (or a workbook never read) as failed;
    True if it was."""
    if job.state == ImportJob.State.READING:
        if job.beat_at and (timezone.now() - job.beat_at).total_seconds() < READ_STALLED_AFTER:
            return False
        return bool(
            ImportJob.objects.filter(pk=job.pk, state=ImportJob.State.READING).update(
                state=ImportJob.State.FAILED,
                upload=b"",
                error="Rebound couldn’t read the file in time (the server restarted?). Nothing "
                "was imported; upload it again.",
            )
        )
    if job.state != ImportJob.State.RUNNING:
        return False
    _, beat = import_progress(job)
    if beat and (timezone.now() - beat).total_seconds() < STALLED_AFTER:
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


def _progress_file(job_id: int) -> Path:
    return Path(settings.VAR_DIR) / "import-progress" / str(job_id)


def _on_own_connection(write: Callable[[], Any]) -> None:
    """Run a write on a database connection of its own (Django gives each thread one), so
    that it commits at once while this thread's transaction stays open."""

    def run() -> None:
        try:
            write()
        except Exception:  # progress is a courtesy: the import goes on without it
            logger.exception("An import's progress could not be saved")
        finally:
            connection.close()  # this thread's connection

    thread = threading.Thread(target=run)
    thread.start()
    thread.join()


def _import_progress_save(job_id: int, done: int, *, beside: bool) -> None:
    """Say how far an import is, where every process sees it though the import's own
    transaction stays open until the end. `beside`: on a connection of its own (False when
    the import runs inside a caller's transaction, which alone sees the job's row)."""
    now = timezone.now()
    if connection.vendor == "sqlite":
        # SQLite lets one connection write at a time, and the import holds the lock until it
        # ends: beside the database, in a file every process of `make run` reads.
        path = _progress_file(job_id)
        path.parent.mkdir(parents=True, exist_ok=True)
        path.with_suffix(".part").write_text(f"{done} {now.timestamp()}")
        os.replace(path.with_suffix(".part"), path)
        return

    def update() -> None:
        ImportJob.objects.filter(pk=job_id).update(done=done, beat_at=now)

    if beside:
        _on_own_connection(update)
    else:
        update()


def import_progress(job: ImportJob) -> tuple[int, dt.datetime | None]:
    """A running import's rows imported so far, and when its worker last said so."""
    if connection.vendor == "sqlite" and job.state == ImportJob.State.RUNNING:
        try:
            done, at = _progress_file(job.pk).read_text().split()
            return int(done), dt.datetime.fromtimestamp(float(at), tz=dt.UTC)
        except (OSError, ValueError):
            pass
    return job.done, job.beat_at


def import_run(*, job_id: int) -> None:
    """Import a queued job's rows, all or nothing: every application with its timeline, or
    none. Progress is saved beside the import's transaction (_import_progress_save)."""
    beside = not connection.in_atomic_block
    started = ImportJob.objects.filter(pk=job_id, state=ImportJob.State.QUEUED).update(
        state=ImportJob.State.RUNNING, done=0, beat_at=timezone.now()
    )
    if not started:  # already run (a redelivered task) or gone
        return
    job = ImportJob.objects.select_related("owner").get(pk=job_id)
    _import_progress_save(job.pk, 0, beside=beside)
    try:
        with transaction.atomic():
            records = import_records(job)
            good = [r for r in records if not r.errors and not r.warnings]
            applications_import(
                owner=job.owner,
                records=good,
                as_new=job.as_new,
                progress=lambda n: _import_progress_save(job.pk, n, beside=beside),
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
                done=len(good),
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
        _progress_file(job.pk).unlink(missing_ok=True)


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
        # A role only saved is dated the day it was saved, when the file says so.
        saved = record.added if final == Status.WISHLIST else None
        steps.append((str(final), record.status_on or record.applied or saved or today))
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
    companies = {importing.fold(c.name): c for c in Company.objects.filter(owner=owner)}
    names: dict[str, str] = {}
    for r in records:
        names.setdefault(importing.fold(r.company), r.company)
    missing = [
        Company(owner=owner, name=name) for key, name in names.items() if key not in companies
    ]
    if missing:
        # A company made meanwhile (quick add in another tab) is read back, not an error.
        Company.objects.bulk_create(missing, ignore_conflicts=True)
        companies = {importing.fold(c.name): c for c in Company.objects.filter(owner=owner)}
    tags = _tags(owner, {t.lower(): t for r in records for t in r.tags}.values())
    tag_ids = {t.name.lower(): t.pk for t in tags}
    contacts = {
        (c.company_id, c.name.lower()): c
        for c in Contact.objects.filter(owner=owner, company__isnull=False)
    }
    wanted: dict[tuple[int, str], Contact] = {}
    for r in records:
        company = companies[importing.fold(r.company)]
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
                    company=companies[importing.fold(r.company)],
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
                    **({"excitement": r.excitement} if r.excitement else {}),
                )
            )
            timelines.append((steps, last))
        Application.objects.bulk_create(applications)
        changes = []
        tag_links = []
        contact_links = []
        resumes = []
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
            if r.resume:
                resumes.append(
                    Attachment(
                        owner=owner,
                        application=application,
                        kind=Attachment.Kind.RESUME,
                        version=r.resume,
                    )
                )
        StatusChange.objects.bulk_create(changes)
        Attachment.objects.bulk_create(resumes)
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
