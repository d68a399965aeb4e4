"""Rebound's own inbound SMTP service: mail forwarded to a personal address comes in here.

aiosmtpd, in a process of its own (`python manage.py mail_smtpd`). It accepts RCPT only for a
live forwarding address (550 for any other, so it is never an open relay or a catch-all),
refuses a message over MAILIN_MAX_BYTES with 552 (announced with the SIZE extension), caps
the recipients of one message, and hands each accepted message to the pipeline for the
address's owner. The database is reached from a worker thread (Django's ORM is synchronous),
and a message that can't be kept is answered 451 so the sending server tries again later:
the service itself keeps running whatever arrives.
"""

from __future__ import annotations

import logging
from typing import Any

from aiosmtpd.controller import Controller
from aiosmtpd.smtp import SMTP, Envelope, Session
from asgiref.sync import sync_to_async
from django.conf import settings
from django.db import close_old_connections, connections

from rebound.models import User

from .services.sources import forwarded_message_store, forwarding_address_owner

logger = logging.getLogger(__name__)


def _in_a_fresh_connection(func: Any) -> Any:
    """Run func in the ORM's worker thread with a usable connection, closed afterwards: the
    service lives for weeks, the database may restart meanwhile, and an idle connection held
    between rare messages is worth nothing."""

    def wrapped(*args: Any, **kwargs: Any) -> Any:
        close_old_connections()
        try:
            return func(*args, **kwargs)
        finally:
            connections.close_all()

    return sync_to_async(wrapped, thread_sensitive=True)


_owner_of = _in_a_fresh_connection(lambda recipient: forwarding_address_owner(recipient=recipient))
_store = _in_a_fresh_connection(
    lambda recipient, raw: forwarded_message_store(recipient=recipient, raw=raw)
)


class ForwardingHandler:
    """aiosmtpd's hooks: RCPT decides who may receive, DATA keeps the message."""

    async def handle_RCPT(
        self,
        server: SMTP,
        session: Session,
        envelope: Envelope,
        address: str,
        rcpt_options: list[str],
    ) -> str:
        if len(envelope.rcpt_tos) >= settings.MAILIN_MAX_RECIPIENTS:
            return "452 4.5.3 Too many recipients for one message"
        try:
            owner: User | None = await _owner_of(address)
        except Exception:
            logger.exception("Looking up a forwarding address failed")
            return "451 4.3.0 Temporary problem here, please try again later"
        if owner is None:
            return "550 5.1.1 No such forwarding address here"
        envelope.rcpt_tos.append(address)
        return "250 OK"

    async def handle_DATA(self, server: SMTP, session: Session, envelope: Envelope) -> str:
        raw = envelope.original_content or envelope.content or b""
        if isinstance(raw, str):
            raw = raw.encode("utf-8", errors="replace")
        if len(raw) > settings.MAILIN_MAX_BYTES:
            return "552 5.3.4 Message too big for Rebound"
        kept = 0
        for recipient in envelope.rcpt_tos:
            try:
                stored = await _store(recipient, raw)
            except Exception:
                # Logged without the message: its words are the user's.
                logger.exception("Keeping a forwarded message failed")
                return "451 4.3.0 Temporary problem keeping your message, please try again later"
            kept += stored is not None
        if not kept:
            # Every address was revoked between RCPT and the end of DATA.
            return "550 5.1.1 No such forwarding address here"
        return "250 OK: Rebound has it"


def controller(*, host: str, port: int) -> Controller:
    """The service, ready to start() (in a thread of its own) and stop()."""
    return Controller(
        ForwardingHandler(),
        hostname=host,
        port=port,
        server_hostname=settings.MAILIN_DOMAIN,
        ident="Rebound mail in",
        data_size_limit=settings.MAILIN_MAX_BYTES,
        enable_SMTPUTF8=True,
        # Nobody logs in: mail is accepted for live addresses from anyone, as an MX does. AUTH
        # is only offered after STARTTLS, which isn't offered, so it is never offered.
    )
