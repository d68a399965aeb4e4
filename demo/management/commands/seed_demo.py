from django.conf import settings
from django.core.management.base import BaseCommand, CommandParser

from demo.bulk import load_heavy
from demo.sample import DEMO_EMAIL, DEMO_EMAIL_DE, DEMO_PASSWORD, load_demo_data
from rebound.models import User

HEAVY_EMAIL = "heavy@rebound.example"


class Command(BaseCommand):
    help = (
        "Load a small demo data set (an English and a German account), only into an empty database."
    )

    def add_arguments(self, parser: CommandParser) -> None:
        parser.add_argument(
            "--only-print", action="store_true", help="Print where to go and how to log in."
        )
        parser.add_argument(
            "--scale",
            choices=["demo", "heavy"],
            default="demo",
            help="heavy: add one user with a very long search (5,000 applications, "
            "15,000 interviews…), bulk-inserted, for benches and trying the app at scale.",
        )

    def handle(
        self, *args: object, only_print: bool = False, scale: str = "demo", **options: object
    ) -> None:
        if scale == "heavy":
            if User.objects.filter(email=HEAVY_EMAIL).exists():
                self.stdout.write("The heavy user is already there.")
            else:
                load_heavy(email=HEAVY_EMAIL, password=DEMO_PASSWORD)
                self.stdout.write(self.style.SUCCESS("Loaded the heavy user."))
            self.stdout.write(f"  Heavy login: {HEAVY_EMAIL} / {DEMO_PASSWORD}")
            return
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
        load_demo_data(language="de")
        self.stdout.write(self.style.SUCCESS("Loaded the demo data."))
        self._print_login()

    def _print_login(self) -> None:
        self.stdout.write(f"  Demo login: {DEMO_EMAIL} / {DEMO_PASSWORD}")
        if User.objects.filter(email=DEMO_EMAIL_DE).exists():
            self.stdout.write(f"  In German: {DEMO_EMAIL_DE} / {DEMO_PASSWORD}")
