"""Celery tasks: thin, call the services."""

from celery import shared_task

from .services import keep_warm_rearm_all


@shared_task(ignore_result=True)
def keep_warm_rearm_task() -> None:
    """Daily: each keep-warm nudge that is on but has none planned gets its next one."""
    keep_warm_rearm_all()
