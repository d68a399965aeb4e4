from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class RemindersConfig(AppConfig):
    """The reminder engine, at the bottom of the apps: it imports none of them.

    Apps that own a kind of reminder declare it on their own AppConfig (`reminder_kinds`, a
    dotted path to a sequence of `reminders.kinds.ReminderKind`); `reminders.kinds` reads
    those declarations on demand. See docs/architecture.md.
    """

    name = "reminders"
    verbose_name = _("Reminders")

    def ready(self) -> None:
        from . import checks  # noqa: F401 - registers the system checks
