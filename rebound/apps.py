from django.apps import AppConfig


class ReboundConfig(AppConfig):
    name = "rebound"
    verbose_name = "Rebound"

    def ready(self) -> None:
        from . import checks  # noqa: F401 - registers the system checks
        from .accounts import allauth

        allauth.connect()
