"""The user's steps of an import, each a write: upload a file, map its columns, start the
import, forget the file. The background work is in work.py."""

from django.db import transaction
from django.utils import timezone

from rebound.models import User

from ...models import ImportJob
from .. import mapping, reading
from ..records import to_json
from ..tasks import import_read_task, import_run_task
from .work import import_fail_if_stalled, table_fields

# The states in which the user may change an import's columns or start it (again).
_OPEN = [ImportJob.State.MAPPING, ImportJob.State.FAILED]


def import_start(*, owner: User, filename: str, raw: bytes) -> ImportJob:
    """An import of an uploaded file (ImportFileError says what is wrong with a file that
    can't be read; nothing is saved then). A CSV file is read at once (a fraction of a
    second); a workbook, which takes seconds to unpack and parse, is checked at once (its
    size unpacked) and read by a background task (work.import_read), the page following it."""
    if reading.is_workbook(raw):
        reading.check_workbook(raw)
        job = ImportJob.objects.create(
            owner=owner,
            filename=filename[:200],
            upload=raw,
            state=ImportJob.State.READING,
            beat_at=timezone.now(),
        )
        transaction.on_commit(lambda: import_read_task.delay(job.pk))
        return job
    table = reading.read_table(raw, filename)
    return ImportJob.objects.create(owner=owner, filename=filename[:200], **table_fields(table))


def import_columns(*, job: ImportJob, columns: dict[str, int]) -> bool:
    """Save the columns alone (a new status column brings other words, asked next); the
    records kept are dropped with the mapping they were read with. False if the job has
    moved on."""
    import_fail_if_stalled(job)
    return bool(
        ImportJob.objects.filter(pk=job.pk, state__in=_OPEN)
        .exclude(header=[])
        .update(mapping=columns, records=None)
    )


def import_map(
    *, job: ImportJob, columns: dict[str, int], statuses: dict[str, str], as_new: bool
) -> bool:
    """Save the mapping, and the file's rows read with it into records, kept with the job:
    the preview, the skipped rows and the run read the same records. False if the job has
    moved on."""
    import_fail_if_stalled(job)
    records = mapping.parse(job.header, job.rows, columns, statuses)
    return bool(
        ImportJob.objects.filter(pk=job.pk, state__in=_OPEN)
        .exclude(header=[])  # a file refused while being read has nothing to map
        .update(
            mapping=columns,
            statuses=statuses,
            as_new=as_new,
            records=[to_json(record) for record in records],
        )
    )


def import_queue(*, job: ImportJob) -> bool:
    """Hand a mapped import to the background task; False if it was already handed over."""
    import_fail_if_stalled(job)  # started again after its worker was lost
    queued = (
        ImportJob.objects.filter(pk=job.pk, state__in=_OPEN)
        .exclude(header=[])  # a file refused while being read has nothing to import
        .update(state=ImportJob.State.QUEUED, error="")
    )
    if queued:
        transaction.on_commit(lambda: import_run_task.delay(job.pk))
    return bool(queued)


def import_delete(*, job: ImportJob) -> bool:
    """Forget an uploaded file (the applications it created stay); False while it is being
    read or imported."""
    if import_fail_if_stalled(job):
        job.refresh_from_db(fields=["state"])
    busy = (ImportJob.State.QUEUED, ImportJob.State.RUNNING, ImportJob.State.READING)
    if job.state in busy:
        return False
    job.delete()
    return True
