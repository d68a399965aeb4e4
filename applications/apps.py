from django.apps import AppConfig


class ApplicationsConfig(AppConfig):
    name = "applications"
    verbose_name = "Applications"
    # The kinds of reminder this app owns (read by reminders.kinds).
    reminder_kinds = "applications.reminder_kinds.KINDS"
