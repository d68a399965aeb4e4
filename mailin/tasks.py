"""Celery tasks: thin, take ids, call the services."""

from celery import shared_task

from .models import ImapAccount
from .services import sources
from .services.retention import inbound_messages_forget_raw


@shared_task(ignore_result=True)
def imap_accounts_poll_task() -> None:
    """The beat's entry: one poll task per connected folder, so a slow server delays only its
    own folder."""
    for account_id in ImapAccount.objects.values_list("pk", flat=True):
        imap_account_poll_task.delay(account_id)


# A poll that outlives the next beat tick is harmless (the same message is kept once), but a
# queue of stale polls is not worth running: they expire.
@shared_task(ignore_result=True, expires=240)
def imap_account_poll_task(account_id: int) -> None:
    account = ImapAccount.objects.select_related("owner").filter(pk=account_id).first()
    if account is None:
        return  # removed since it was enqueued
    sources.imap_account_poll(account=account)


@shared_task(ignore_result=True)
def inbound_messages_forget_raw_task() -> None:
    """Daily: raw messages past the time their owner chose are emptied; the facts stay."""
    inbound_messages_forget_raw()
