from django.apps import AppConfig


class ReboundConfig(AppConfig):
    name = "rebound"
    verbose_name = "Rebound"

    def ready(self) -> None:
        from . import accounts_allauth, checks  # noqa: F401 - registers the system checks

        accounts_allauth.connect()
