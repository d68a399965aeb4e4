"""Celery tasks of the import: thin, take ids, call services/work.py. Each keeps the name it was
registered under when it lived in applications/tasks.py, so queued messages and the beat
entry (rebound/celery.py) still find it."""

from celery import shared_task

from .services import work


@shared_task(name="applications.tasks.import_run_task", ignore_result=True, acks_late=True)
def import_run_task(job_id: int) -> None:
    # Redelivered after a lost worker, it finds the job no longer queued and returns: the
    # lost run's transaction rolled back, and the page offers to start it again.
    work.import_run(job_id=job_id)


@shared_task(name="applications.tasks.import_read_task", ignore_result=True, acks_late=True)
def import_read_task(job_id: int) -> None:
    work.import_read(job_id=job_id)


@shared_task(name="applications.tasks.imports_forget_stale_task", ignore_result=True)
def imports_forget_stale_task() -> None:
    work.imports_forget_stale()
