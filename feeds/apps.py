from django.apps import AppConfig


class FeedsConfig(AppConfig):
    name = "feeds"
    verbose_name = "Calendar feed"

    def ready(self) -> None:
        from . import checks  # noqa: F401 - registers the system check
