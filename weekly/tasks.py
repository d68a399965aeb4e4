"""Celery tasks: thin, call a service."""

from celery import shared_task

from . import services


@shared_task(ignore_result=True)
def weekly_letters_top_up() -> int:
    """Daily: next week's letter for every letter that is on and has none scheduled."""
    return services.letters_top_up()
