from django.apps import AppConfig


class DemoConfig(AppConfig):
    """Data to look at and to measure with: `make run`'s demo account (`seed_demo`) and the
    bulk-inserted heavy account and due reminders the benches and load tests use. At the top,
    beside home: it writes through every app below."""

    name = "demo"
    verbose_name = "Demo and bench data"
