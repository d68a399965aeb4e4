from django.apps import AppConfig


class PortabilityConfig(AppConfig):
    """A whole account as one file and back: backup and restore (docs/backup.md). It reads and
    writes every app's rows, so it sits at the top, beside insights, feeds and the API."""

    name = "portability"
    verbose_name = "Backup and restore"
