import json as jsonlib
from pathlib import Path

from django.core.management.base import BaseCommand, CommandError, CommandParser

from mailin.models import InboundMessage
from mailin.parse.parsed import MAX_MESSAGE_BYTES
from mailin.pipeline import read_message
from mailin.services.messages import inbound_message_store, thread_application
from rebound.models import User


class Command(BaseCommand):
    help = (
        "Read emails (.eml files, or text copied from a mail client) and say what each means "
        "for a user's applications: the label, the company and role, the matched application "
        "and what the Inbox suggests. Keeps the facts and the suggestion (never the text) "
        "unless --dry-run."
    )

    def add_arguments(self, parser: CommandParser) -> None:
        parser.add_argument("files", nargs="+", metavar="FILE.eml")
        parser.add_argument("--user", required=True, metavar="EMAIL", help="Whose applications.")
        parser.add_argument(
            "--dry-run",
            action="store_true",
            help="Only say what would be suggested; keep nothing.",
        )
        parser.add_argument(
            "--json", action="store_true", help="One JSON object per file, one per line."
        )

    def handle(
        self,
        *args: object,
        files: list[str],
        user: str,
        dry_run: bool,
        json: bool,
        **options: object,
    ) -> None:
        owner = User.objects.filter(email__iexact=user.strip()).first()
        if owner is None:
            raise CommandError(f"There is no user with the email address {user}.")
        for name in files:
            self._one(owner, name, as_json=json, dry_run=dry_run)

    def _one(self, owner: User, name: str, *, as_json: bool, dry_run: bool) -> None:
        path = Path(name)
        try:
            with path.open("rb") as handle:
                # Past the cap the parser reads the beginning only; never load a huge file.
                raw = handle.read(MAX_MESSAGE_BYTES + 1)
        except OSError as error:
            reason = f"can't be read ({error.strerror or error})"
            if as_json:
                self.stdout.write(jsonlib.dumps({"file": name, "error": reason}))
            else:
                self.stderr.write(f"{name}: {reason}")
            return
        stored = None
        if dry_run:
            reading = read_message(user=owner, raw=raw, thread_lookup=thread_application)
        else:
            stored, reading, created = inbound_message_store(
                user=owner, raw=raw, source=InboundMessage.Source.COMMAND
            )
        if as_json:
            line = reading.as_json(file=name)
            if stored is not None:
                line["stored"] = stored.pk
                line["already_stored"] = not created
            self.stdout.write(jsonlib.dumps(line, ensure_ascii=False))
        else:
            note = ""
            if stored is not None:
                note = " (kept)" if created else " (already kept before)"
            self.stdout.write(
                f"{name}: {reading.classification.label_name} "
                f"({reading.classification.confidence:.0%}). {reading.suggestion.text}{note}"
            )
