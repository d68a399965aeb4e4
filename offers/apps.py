from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class OffersConfig(AppConfig):
    name = "offers"
    verbose_name = _("Offers")
    # The kinds of reminder this app owns (read by reminders.kinds).
    reminder_kinds = "offers.reminder_kinds.KINDS"

    def ready(self) -> None:
        # Listens to applications' one domain event (named in applications/signals.py).
        from . import receivers  # noqa: F401
