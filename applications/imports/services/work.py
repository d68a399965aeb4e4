"""What the background tasks do (tasks.py only hands them an id): read a workbook, run an
import all or nothing, and forget what users uploaded and left."""

import datetime as dt
import logging

from django.db import connection, transaction
from django.utils import timezone
from django.utils.translation import gettext as _

from rebound.lib.language import in_language_of

from ...models import ImportJob
from .. import reading
from ..formats import recognise
from ..mapping import auto_mapping
from ..records import numbered
from ..selectors import import_records
from . import progress
from .writing import applications_import

logger = logging.getLogger(__name__)


def table_fields(table: reading.Table) -> dict[str, object]:
    """A job's fields for a table just read, its columns found by their headers."""
    return {
        "recognised": str(recognise(table.header))[:60],
        "sheet": table.sheet[:31],
        "header": table.header,
        "rows": table.rows,
        "mapping": auto_mapping(table.header),
        "total": sum(1 for row in table.rows if any(row)),
    }


def import_read(*, job_id: int) -> None:
    """Read a workbook waiting in an import: its rows, ready for the mapping; or why it
    can't be read. Its bytes are dropped either way."""
    job = (
        ImportJob.objects.filter(pk=job_id, state=ImportJob.State.READING)
        .select_related("owner")
        .first()
    )
    if job is None:  # already read (a redelivered task), or forgotten
        return
    # What is kept for the pages (why it failed, what the file is) in the owner's language.
    with in_language_of(job.owner):
        try:
            fields = table_fields(reading.read_table(bytes(job.upload), job.filename))
        except reading.ImportFileError as error:
            fields = {
                "state": ImportJob.State.FAILED,
                "error": _("%(why)s Nothing was imported.") % {"why": error},
            }
            fields["error"] = str(fields["error"])[:300]
        else:
            fields["state"] = ImportJob.State.MAPPING
    ImportJob.objects.filter(pk=job_id, state=ImportJob.State.READING).update(upload=b"", **fields)


def import_run(*, job_id: int) -> None:
    """Import a queued job's records, all or nothing: every application with its timeline,
    or none. Progress is saved beside the import's transaction (progress.progress_save)."""
    started = ImportJob.objects.filter(pk=job_id, state=ImportJob.State.QUEUED).update(
        state=ImportJob.State.RUNNING, done=0, beat_at=timezone.now()
    )
    if not started:  # already run (a redelivered task) or gone
        return
    job = ImportJob.objects.select_related("owner").get(pk=job_id)
    beside = None if connection.in_atomic_block else progress.Beside()
    progress.progress_save(job.pk, 0, beside=beside)
    # The skipped rows' reasons and any failure are kept for the owner's pages: their language.
    with in_language_of(job.owner):
        try:
            with transaction.atomic():
                records = import_records(job)
                good = [r for r in records if not r.errors and not r.warnings]
                applications_import(
                    owner=job.owner,
                    records=good,
                    as_new=job.as_new,
                    progress=lambda n: progress.progress_save(job.pk, n, beside=beside),
                )
                rows = dict(numbered(job.rows))
                ImportJob.objects.filter(pk=job.pk).update(
                    state=ImportJob.State.DONE,
                    created=len(good),
                    done=len(good),
                    skipped_rows=[
                        {"line": line, "why": " ".join(r.errors + r.warnings), "row": rows[line]}
                        for r in records
                        if r.errors or r.warnings
                        for line in r.lines
                    ],
                    rows=[],
                    records=None,
                    finished_at=timezone.now(),
                )
        except Exception as error:
            logger.exception("Import %s failed", job.pk)
            ImportJob.objects.filter(pk=job.pk).update(
                state=ImportJob.State.FAILED,
                error=_(
                    "Something went wrong while importing (%(error)s). Nothing was saved; try "
                    "again, and if it fails again, split the file."
                )
                % {"error": error.__class__.__name__},
                finished_at=timezone.now(),
            )
        finally:
            progress.progress_forget(job.pk)
            if beside is not None:
                beside.close()


def import_fail_if_stalled(job: ImportJob) -> bool:
    """Mark a job whose worker is lost (progress.stalled) as failed; True if it was."""
    why = progress.stalled(job)
    if not why:
        return False
    lost = ImportJob.objects.filter(pk=job.pk, state=job.state)
    if job.state == ImportJob.State.READING:
        return bool(lost.update(state=ImportJob.State.FAILED, error=why, upload=b""))
    return bool(lost.update(state=ImportJob.State.FAILED, error=why))


# How long an uploaded file's rows are kept: an import not run by then is forgotten, and a
# finished one's skipped rows are dropped (its summary stays).
IMPORT_KEEP_DAYS = 30


def imports_forget_stale() -> tuple[int, int]:
    """Forget what users uploaded and left: (imports deleted, imports emptied). Daily; jobs
    whose worker was lost are marked failed first, so they are forgotten in their turn."""
    lost = ImportJob.objects.filter(
        state__in=[ImportJob.State.READING, ImportJob.State.RUNNING]
    ).only("pk", "state", "beat_at", "done")
    for job in lost:
        import_fail_if_stalled(job)
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
