from django.apps import AppConfig


class HomeConfig(AppConfig):
    """The top of the layers: pages that read from every app (home, preferences, demo data)."""

    name = "home"
    verbose_name = "Home"
