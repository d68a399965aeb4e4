"""`python manage.py mail_ingest_pipe RECIPIENT < message`: one message from an MTA's pipe.

For a mail server in front of Rebound (Postfix's pipe transport, Exim's pipe, a procmail
rule) instead of the SMTP service. Exit codes follow sysexits.h, which MTAs understand: 0
kept, 67 (EX_NOUSER) for an address that isn't live, so the sender gets a bounce, 75
(EX_TEMPFAIL) for a problem worth retrying.
"""

import sys
from typing import Any

from django.conf import settings
from django.core.management.base import BaseCommand, CommandParser

from mailin.services.sources import forwarded_message_store, forwarding_address_owner

EX_NOUSER = 67
EX_DATAERR = 65
EX_TEMPFAIL = 75


class Command(BaseCommand):
    help = "Keep one message, read from standard input, for a forwarding address."

    def add_arguments(self, parser: CommandParser) -> None:
        parser.add_argument("recipient", help="the forwarding address the message was sent to")

    def handle(self, *args: Any, recipient: str, **options: Any) -> None:
        if forwarding_address_owner(recipient=recipient) is None:
            self.stderr.write(f"{recipient}: no such forwarding address")
            sys.exit(EX_NOUSER)
        raw = sys.stdin.buffer.read(settings.MAILIN_MAX_BYTES + 1)
        if len(raw) > settings.MAILIN_MAX_BYTES:
            self.stderr.write(f"Message larger than {settings.MAILIN_MAX_BYTES} bytes: refused")
            sys.exit(EX_DATAERR)
        try:
            stored = forwarded_message_store(recipient=recipient, raw=raw)
        except Exception as error:
            self.stderr.write(f"Couldn't keep the message, try again later: {error}")
            sys.exit(EX_TEMPFAIL)
        if stored is None:
            sys.exit(EX_NOUSER)
        self.stdout.write(f"kept as message {stored.pk}")
