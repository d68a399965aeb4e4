from django.core.management.base import BaseCommand
from django.db import connection

from rebound import crypto


class Command(BaseCommand):
    help = (
        "Re-encrypt every encrypted column with the first key of FIELD_ENCRYPTION_KEYS. Put "
        "the new key first, keep the old ones after it, run this, then drop the old ones."
    )

    def handle(self, *args: object, **options: object) -> None:
        # Fails here, before any row, when no key is configured.
        crypto.fernet()
        total = 0
        for model, fields in crypto.encrypted_fields().items():
            changed = crypto.rewrite_columns(connection, model, fields, crypto.rotate)
            total += changed
            self.stdout.write(f"{model._meta.label}: {changed} rows re-encrypted")
        self.stdout.write(
            self.style.SUCCESS(
                f"Done: {total} rows now use the first key. Keys after the first can be "
                "removed from FIELD_ENCRYPTION_KEYS once every server runs with the new list."
            )
        )
