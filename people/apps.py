from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class PeopleConfig(AppConfig):
    name = "people"
    verbose_name = _("People")
    # The kinds of reminder this app owns (read by reminders.kinds).
    reminder_kinds = "people.reminder_kinds.KINDS"
