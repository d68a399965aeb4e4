from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class WeeklyConfig(AppConfig):
    name = "weekly"
    verbose_name = _("Weekly letter")
    # The kind of reminder this app owns (read by reminders.kinds).
    reminder_kinds = "weekly.reminder_kinds.KINDS"
