"""Celery tasks: thin, take ids, call the engine."""

from celery import shared_task

from . import dispatch_services


@shared_task(ignore_result=True)
def dispatch_reminders() -> int:
    return dispatch_services.reminders_dispatch(enqueue=send_reminders.delay)


@shared_task(ignore_result=True, acks_late=True)
def send_reminders(reminder_ids: list[int], lease_token: str) -> dict[str, int]:
    return dispatch_services.reminders_send_batch(
        reminder_ids=reminder_ids, lease_token=lease_token
    )
