"""How far a running import is, where every process sees it although the import's own
transaction stays open until the end; and when its worker is taken as lost."""

import copy
import datetime as dt
import logging
import os
from collections.abc import Callable
from concurrent.futures import ThreadPoolExecutor
from pathlib import Path
from typing import Any

from django.conf import settings
from django.db import connection
from django.utils import timezone
from django.utils.translation import gettext_lazy as _

from ...models import ImportJob

logger = logging.getLogger(__name__)

# A running import that has said nothing for this long lost its worker (its transaction
# rolled back): the page offers to start it again.
STALLED_AFTER = 120
# A workbook waiting this long to be read was lost with its worker's queue, or its worker.
READ_STALLED_AFTER = 600
READ_LOST = _(
    "Rebound couldn’t read the file in time (the server restarted?). Nothing was imported; "
    "upload it again."
)
RUN_LOST = _(
    "The import stopped before it finished (the server restarted?). Nothing was saved; start "
    "it again."
)


def _progress_file(job_id: int) -> Path:
    return Path(settings.VAR_DIR) / "import-progress" / str(job_id)


class Beside:
    """A thread of its own, so a database connection of its own (Django gives each thread
    one), kept for a whole import: its progress commits at once while the import's
    transaction stays open, on one connection rather than a new one per batch (~30 ms each).
    close() when the import ends."""

    def __init__(self) -> None:
        self._thread = ThreadPoolExecutor(max_workers=1)

    def run(self, write: Callable[[], Any]) -> None:
        try:
            self._thread.submit(write).result()
        except Exception:  # progress is a courtesy: the import goes on without it
            logger.exception("An import's progress could not be saved")

    def close(self) -> None:
        # Looked up in that thread (connection.close, bound here, would be this thread's).
        self._thread.submit(lambda: connection.close()).result()
        self._thread.shutdown()


def progress_save(job_id: int, done: int, *, beside: Beside | None) -> None:
    """Say how far an import is. `beside`: on that connection of its own (None when the
    import runs inside a caller's transaction, which alone sees the job's row)."""
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

    if beside is not None:
        beside.run(update)
    else:
        update()


def progress_forget(job_id: int) -> None:
    _progress_file(job_id).unlink(missing_ok=True)


def import_progress(job: ImportJob) -> tuple[int, dt.datetime | None]:
    """A running import's rows imported so far, and when its worker last said so."""
    if connection.vendor == "sqlite" and job.state == ImportJob.State.RUNNING:
        try:
            done, at = _progress_file(job.pk).read_text().split()
            return int(done), dt.datetime.fromtimestamp(float(at), tz=dt.UTC)
        except (OSError, ValueError):
            pass
    return job.done, job.beat_at


def stalled(job: ImportJob) -> str:
    """Why a job's worker is taken as lost: a workbook never read, or a running import gone
    quiet ("" while neither). Reads only: the pages show such a job as failed, and the daily
    task or the user's next step (a POST) writes it so (work.import_fail_if_stalled)."""
    now = timezone.now()
    if job.state == ImportJob.State.READING:
        if job.beat_at and (now - job.beat_at).total_seconds() < READ_STALLED_AFTER:
            return ""
        return str(READ_LOST)
    if job.state != ImportJob.State.RUNNING:
        return ""
    _done, beat = import_progress(job)
    if beat and (now - beat).total_seconds() < STALLED_AFTER:
        return ""
    return str(RUN_LOST)


def as_shown(job: ImportJob) -> ImportJob:
    """The job as its pages show it: a stalled one as failed, with why. A copy, never saved
    (a GET writes nothing; the services are handed the job as it is)."""
    why = stalled(job)
    if not why:
        return job
    shown = copy.copy(job)
    shown.state, shown.error = ImportJob.State.FAILED, why
    return shown
