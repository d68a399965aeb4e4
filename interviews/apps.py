from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class InterviewsConfig(AppConfig):
    name = "interviews"
    verbose_name = _("Interviews and self-assessments")
    # The kinds of reminder this app owns (read by reminders.kinds).
    reminder_kinds = "interviews.reminder_kinds.KINDS"

    def ready(self) -> None:
        # Listens to applications' one domain event (named in applications/signals.py).
        from . import receivers  # noqa: F401
