from django.apps import AppConfig


class CopingConfig(AppConfig):
    name = "coping"
    verbose_name = "Coping and reminders"

    def ready(self) -> None:
        # Connects coping's reactions to the status changes that applications announces.
        from . import receivers  # noqa: F401
