"""`python manage.py mail_smtpd [--host H] [--port N]`: the inbound SMTP service (mailin.smtpd)."""

import logging
import signal
import threading
from typing import Any

from django.conf import settings
from django.core.management.base import BaseCommand, CommandParser

from mailin.smtpd import controller


class Command(BaseCommand):
    help = "Receive mail for forwarding addresses over SMTP (runs until stopped)."

    def add_arguments(self, parser: CommandParser) -> None:
        parser.add_argument("--host", default=settings.MAILIN_SMTP_HOST)
        parser.add_argument("--port", type=int, default=settings.MAILIN_SMTP_PORT)

    def handle(self, *args: Any, host: str, port: int, **options: Any) -> None:
        # aiosmtpd logs every command, recipients included: the addresses are secrets, and
        # who wrote to whom is the users' business.
        logging.getLogger("mail.log").setLevel(logging.WARNING)
        service = controller(host=host, port=port)
        stop = threading.Event()
        for sig in (signal.SIGINT, signal.SIGTERM):
            signal.signal(sig, lambda *_: stop.set())
        service.start()
        self.stdout.write(
            f"Receiving mail for *@{settings.MAILIN_DOMAIN} on {host}:{port} "
            f"(up to {settings.MAILIN_MAX_BYTES} bytes a message)"
        )
        self.stdout.flush()
        try:
            stop.wait()
        finally:
            service.stop()
            self.stdout.write("Mail service stopped")
