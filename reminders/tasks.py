"""Celery tasks: thin, take ids, call the engine."""

import contextlib
import gc
from collections.abc import Iterator

from celery import shared_task

from . import dispatch_services


@shared_task(ignore_result=True)
def dispatch_reminders() -> int:
    return dispatch_services.reminders_dispatch(enqueue=send_reminders.delay)


@shared_task(ignore_result=True, acks_late=True)
def send_reminders(reminder_ids: list[int], lease_token: str) -> dict[str, int]:
    with collector_paused():
        return dispatch_services.reminders_send_batch(
            reminder_ids=reminder_ids, lease_token=lease_token
        )


@contextlib.contextmanager
def collector_paused() -> Iterator[None]:
    """Python's cyclic garbage collector off while a worker sends a batch, on again after.

    A batch makes tens of thousands of short-lived objects (rows, template contexts, the
    messages); the collector's passes over them, one every 700 allocations and now and then
    a full one, were 4% of a worker's CPU per email (bench/delivery.py's profile) and found
    little: reference counting frees nearly all of it as each email is done. The few cycles
    a batch leaves are collected by the first pass after it, so memory stays bounded by one
    batch. Left alone if something else turned the collector off."""
    if not gc.isenabled():
        yield
        return
    gc.disable()
    try:
        yield
    finally:
        gc.enable()
