"""The automatic ways in: a personal forwarding address and a connected IMAP folder.

Both hand each message to the one pipeline (`messages.inbound_message_store`),
as the pasted and command-line ways do; nothing here reads a message itself.
"""

from __future__ import annotations

import datetime as dt
import logging
import secrets
from contextlib import AbstractContextManager
from dataclasses import asdict, dataclass

from django.conf import settings
from django.db import transaction
from django.utils import timezone
from django.utils.translation import ngettext

from rebound.lib.language import in_language_of
from rebound.models import User

from .. import imap
from ..models import ForwardingAddress, ImapAccount, InboundMessage
from .messages import inbound_message_store

logger = logging.getLogger(__name__)

LOCAL_PART_PREFIX = "in-"
_MONTHS = ("Jan", "Feb", "Mar", "Apr", "May", "Jun", "Jul", "Aug", "Sep", "Oct", "Nov", "Dec")


# --- the forwarding address -----------------------------------------------------------------


def forwarding_address_live(*, user: User) -> ForwardingAddress | None:
    return ForwardingAddress.objects.filter(owner=user, revoked_at__isnull=True).first()


@transaction.atomic
def forwarding_address_create(*, user: User) -> ForwardingAddress:
    """A new address; the one before (if any) is revoked in the same breath, like the calendar
    link: mail to it is refused from now on. What it already brought stays."""
    ForwardingAddress.objects.filter(owner=user, revoked_at__isnull=True).update(
        revoked_at=timezone.now()
    )
    # 96 random bits, lower case only: some mail servers lower-case the local part.
    local_part = LOCAL_PART_PREFIX + secrets.token_hex(12)
    return ForwardingAddress.objects.create(owner=user, local_part=local_part)


@transaction.atomic
def forwarding_address_remove(*, user: User) -> int:
    """Revoke the address and forget every message that came in through one. Returns how
    many messages were forgotten."""
    ForwardingAddress.objects.filter(owner=user, revoked_at__isnull=True).update(
        revoked_at=timezone.now()
    )
    _, deleted = InboundMessage.objects.filter(
        owner=user, source=InboundMessage.Source.FORWARD
    ).delete()
    return deleted.get(InboundMessage._meta.label, 0)


def forwarding_address_owner(*, recipient: str) -> User | None:
    """The owner of a live forwarding address, or None (unknown, revoked, another domain)."""
    local, at, domain = recipient.strip().strip("<>").rpartition("@")
    if not at or domain.lower() != settings.MAILIN_DOMAIN.lower():
        return None
    local = local.lower()
    if not local.startswith(LOCAL_PART_PREFIX) or len(local) > 64:
        return None
    found = (
        ForwardingAddress.objects.filter(local_part=local, revoked_at__isnull=True)
        .select_related("owner")
        .first()
    )
    if found is None or not found.owner.is_active:
        return None
    return found.owner


def forwarded_message_store(*, recipient: str, raw: bytes) -> InboundMessage | None:
    """Keep a message that arrived for a forwarding address; None when the address is no
    longer live (revoked between RCPT and the end of DATA)."""
    owner = forwarding_address_owner(recipient=recipient)
    if owner is None:
        return None
    stored, _reading, _created = inbound_message_store(
        user=owner, raw=raw, source=InboundMessage.Source.FORWARD
    )
    return stored


# --- the IMAP folder ----------------------------------------------------------------------


@dataclass(frozen=True, slots=True)
class ImapSettings:
    host: str
    port: int
    security: str
    username: str
    password: str
    folder: str


def imap_connection_check(*, connection: ImapSettings) -> tuple[int, int]:
    """Log in and open the folder. Returns (UIDVALIDITY, the highest UID in it now); raises
    imap.ImapProblem with the reason in words."""
    with _open_folder(connection) as folder:
        existing = folder.uids_after(0)
        return folder.uidvalidity, (existing[-1] if existing else 0)


@transaction.atomic
def imap_account_connect(
    *, user: User, connection: ImapSettings, uidvalidity: int, last_uid: int
) -> ImapAccount:
    """Keep a connection that was just checked. Reading starts after the newest message already
    in the folder: Rebound reads what arrives from now on, not the folder’s history."""
    account, _ = ImapAccount.objects.update_or_create(
        owner=user,
        defaults={
            "host": connection.host,
            "port": connection.port,
            "security": connection.security,
            "username": connection.username,
            "password": connection.password,
            "folder": connection.folder,
            "uidvalidity": uidvalidity,
            "last_uid": last_uid,
            "last_polled_at": timezone.now(),
            "last_error": "",
        },
    )
    return account


@transaction.atomic
def imap_account_remove(*, user: User) -> int:
    """Forget the connection (its password with it) and every message that came in through
    it. Returns how many messages were forgotten."""
    ImapAccount.objects.filter(owner=user).delete()
    _, deleted = InboundMessage.objects.filter(
        owner=user, source=InboundMessage.Source.IMAP
    ).delete()
    return deleted.get(InboundMessage._meta.label, 0)


@dataclass(frozen=True, slots=True)
class PollResult:
    stored: int
    skipped: int
    error: str


def imap_account_poll(*, account: ImapAccount) -> PollResult:
    """Read the folder’s new messages (UID above the last one read, under the same
    UIDVALIDITY), at most MAILIN_IMAP_BATCH, into the pipeline. Nothing on the server changes.
    A problem is kept on the account in words and returned, never raised: in the owner's
    language, as the Ways in page shows it to them."""
    with in_language_of(account.owner):
        return _poll(account)


def _poll(account: ImapAccount) -> PollResult:
    stored = skipped = 0
    error = ""
    started = timezone.now()
    try:
        with _open_folder(_settings_of(account)) as folder:
            if account.uidvalidity == folder.uidvalidity:
                uids = folder.uids_after(account.last_uid)
            else:
                # The server renumbered the folder: the old UIDs mean nothing. Read what arrived
                # since the last poll (by day); what was kept already is recognised by its
                # Message-ID and kept once.
                since = (account.last_polled_at or account.created_at or started) - dt.timedelta(
                    days=1
                )
                uids = folder.uids_since(_imap_date(since))
                account.uidvalidity = folder.uidvalidity
                if uids:
                    account.last_uid = uids[0] - 1
                else:
                    # Nothing recent: start after the newest, never from the folder's history.
                    existing = folder.uids_after(0)
                    account.last_uid = existing[-1] if existing else 0
            batch = uids[: settings.MAILIN_IMAP_BATCH]
            sizes = folder.sizes(batch)
            for uid in batch:
                if sizes.get(uid, 0) > settings.MAILIN_MAX_BYTES:
                    skipped += 1
                else:
                    raw = folder.fetch(uid)
                    if raw is not None:
                        _, _, created = inbound_message_store(
                            user=account.owner, raw=raw, source=InboundMessage.Source.IMAP
                        )
                        stored += int(created)
                # Advance message by message: a broken connection halfway loses nothing and
                # reads nothing twice.
                account.last_uid = uid
                ImapAccount.objects.filter(pk=account.pk).update(
                    uidvalidity=account.uidvalidity, last_uid=uid
                )
            if skipped:
                error = ngettext(
                    "%(count)d message was bigger than %(limit)d MB and left unread.",
                    "%(count)d messages were bigger than %(limit)d MB and left unread.",
                    skipped,
                ) % {"count": skipped, "limit": settings.MAILIN_MAX_BYTES // (1024 * 1024)}
    except imap.ImapProblem as problem:
        error = str(problem)
    ImapAccount.objects.filter(pk=account.pk).update(
        uidvalidity=account.uidvalidity,
        last_uid=account.last_uid,
        last_polled_at=started,
        last_error=error[:500],
    )
    account.last_polled_at, account.last_error = started, error[:500]
    if error:
        logger.info("IMAP poll of account %s: %s", account.pk, error)
    return PollResult(stored=stored, skipped=skipped, error=error)


def _imap_date(moment: dt.datetime) -> str:
    # IMAP's dates are in English whatever the server's or this process's locale.
    return f"{moment.day:02d}-{_MONTHS[moment.month - 1]}-{moment.year}"


def _settings_of(account: ImapAccount) -> ImapSettings:
    return ImapSettings(
        host=account.host,
        port=account.port,
        security=account.security,
        username=account.username,
        password=account.password,
        folder=account.folder,
    )


def _open_folder(connection: ImapSettings) -> AbstractContextManager[imap.Folder]:
    # ImapSettings' fields are open_folder's keywords, one for one.
    return imap.open_folder(**asdict(connection))
