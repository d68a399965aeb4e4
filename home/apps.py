from django.apps import AppConfig


class HomeConfig(AppConfig):
    """The top of the layers: the home page and the preferences page (they read from every app)."""

    name = "home"
    verbose_name = "Home"
