"""Celery tasks: thin, take ids, call the services."""

from celery import shared_task

from . import services


@shared_task(ignore_result=True, acks_late=True)
def import_run_task(job_id: int) -> None:
    # Redelivered after a lost worker, it finds the job no longer queued and returns: the
    # lost run's transaction rolled back, and the page offers to start it again.
    services.import_run(job_id=job_id)


@shared_task(ignore_result=True, acks_late=True)
def import_read_task(job_id: int) -> None:
    services.import_read(job_id=job_id)


@shared_task(ignore_result=True)
def imports_forget_stale_task() -> None:
    services.imports_forget_stale()
