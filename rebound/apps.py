from django.apps import AppConfig


class ReboundConfig(AppConfig):
    name = "rebound"
    verbose_name = "Rebound"
