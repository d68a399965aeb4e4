from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class TodosConfig(AppConfig):
    name = "todos"
    verbose_name = _("To-dos")
    # The kind of reminder this app owns (read by reminders.kinds).
    reminder_kinds = "todos.reminder_kinds.KINDS"
