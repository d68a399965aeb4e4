from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class CopingConfig(AppConfig):
    name = "coping"
    verbose_name = _("Coping workflow")
    # The kinds of reminder this app owns (read by reminders.kinds).
    reminder_kinds = "coping.reminder_kinds.KINDS"

    def ready(self) -> None:
        # Listens to applications' one domain event (named in applications/signals.py).
        from . import receivers  # noqa: F401
