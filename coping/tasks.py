"""Celery tasks: thin, take ids, call a service."""

from celery import shared_task

from . import reminders


@shared_task(ignore_result=True)
def dispatch_reminders() -> int:
    return reminders.reminders_dispatch()


@shared_task(ignore_result=True, acks_late=True)
def send_reminder(reminder_id: int, lease_token: str) -> str:
    return reminders.reminder_send(reminder_id=reminder_id, lease_token=lease_token)
