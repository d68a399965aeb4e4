from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class ApplicationsConfig(AppConfig):
    name = "applications"
    verbose_name = _("Applications")
    # The kinds of reminder this app owns (read by reminders.kinds).
    reminder_kinds = "applications.reminder_kinds.KINDS"

    def ready(self) -> None:
        # Removes an attachment's file with its row, however the row is deleted.
        from . import receivers  # noqa: F401
