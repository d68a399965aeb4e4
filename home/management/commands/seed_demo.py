from django.core.management.base import BaseCommand

from home.demo import DEMO_EMAIL, DEMO_PASSWORD, load_demo_data
from rebound.models import User


class Command(BaseCommand):
    help = "Load a small demo data set, only into an empty database."

    def handle(self, *args: object, **options: object) -> None:
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
