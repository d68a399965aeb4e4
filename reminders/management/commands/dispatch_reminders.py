from django.core.management.base import BaseCommand
from django.utils.translation import ngettext

from reminders.dispatch_services import reminders_dispatch
from reminders.tasks import send_reminders


class Command(BaseCommand):
    help = (
        "Run the reminder dispatcher once: claim due reminders and send them here "
        "(for cron), or hand them to Celery workers with --enqueue."
    )

    def add_arguments(self, parser):  # type: ignore[no-untyped-def]
        parser.add_argument("--enqueue", action="store_true", help="Send through Celery.")

    def handle(self, *args: object, enqueue: bool = False, **options: object) -> None:
        count = reminders_dispatch(enqueue=send_reminders.delay if enqueue else None)
        self.stdout.write(
            ngettext("Claimed %(n)d due reminder.", "Claimed %(n)d due reminders.", count)
            % {"n": count}
        )
