from django.conf import settings
from django.core.management.base import BaseCommand

from home.demo import DEMO_EMAIL, DEMO_PASSWORD, load_demo_data
from rebound.models import User


class Command(BaseCommand):
    help = "Load a small demo data set, only into an empty database."

    def add_arguments(self, parser):  # type: ignore[no-untyped-def]
        parser.add_argument(
            "--only-print", action="store_true", help="Print where to go and how to log in."
        )

    def handle(self, *args: object, only_print: bool = False, **options: object) -> None:
        if only_print:
            # SITE_URL, not PORT: honcho gives every process a PORT of its own.
            self.stdout.write(self.style.SUCCESS(f"\n  Rebound is up: {settings.SITE_URL}/"))
            if User.objects.filter(email=DEMO_EMAIL).exists():
                self._print_login()
            self.stdout.write("  Emails are saved under var/mail/ and listed at /dev/mail/\n")
            return
        if User.objects.exists():
            if User.objects.filter(email=DEMO_EMAIL).exists():
                self._print_login()
            else:
                self.stdout.write("The database already has users; no demo data loaded.")
            return
        load_demo_data()
        self.stdout.write(self.style.SUCCESS("Loaded the demo data."))
        self._print_login()

    def _print_login(self) -> None:
        self.stdout.write(f"  Demo login: {DEMO_EMAIL} / {DEMO_PASSWORD}")
