"""A batch of due reminders reads what it needs in the same queries for 5 emails or 50; each
email then costs only its own transaction (BEGIN with the UPDATE that marks it sent, in one
round trip, and COMMIT once the SMTP server took it), over one SMTP connection."""

import datetime as dt
import re
import smtplib

from django.db import connection
from django.test.utils import CaptureQueriesContext
from django.utils import timezone

from demo.bulk import due_check_ins
from reminders.dispatch_services import reminders_dispatch
from reminders.models import Reminder
from tests.factories import UserFactory

# Inside a test's transaction, atomic() says SAVEPOINT and RELEASE for BEGIN and COMMIT.
PER_EMAIL = (
    "BEGIN",
    "SAVEPOINT",
    "UPDATE reminders_reminder SET status = 'sent'",
    "COMMIT",
    "RELEASE SAVEPOINT",
)


def _dispatch(n: int, smtp_sink) -> tuple[list[str], int]:
    users = [UserFactory(email=f"u{n}-{i}@example.com") for i in range(3)]
    ids = due_check_ins(users, n, timezone.now() - dt.timedelta(minutes=1))
    before = len(smtp_sink.messages)
    with CaptureQueriesContext(connection) as queries:
        assert reminders_dispatch() == n
    assert Reminder.objects.filter(pk__in=ids, status="sent").count() == n
    assert len(smtp_sink.messages) - before == n
    statements = [q["sql"] for q in queries.captured_queries]
    per_email = [s for s in statements if s.startswith(PER_EMAIL)]
    # The rest: the claim, the batch's reads (reminders, plans, their steps) and settings,
    # with every literal (ids, times, tokens) masked.
    masked = (re.sub(r"'[^']*'|\d+", "?", s) for s in statements if not s.startswith(PER_EMAIL))
    rest = [re.sub(r"IN \([?, ]+\)", "IN (...)", s) for s in masked]
    return rest, len(per_email)


def test_a_batch_reads_in_the_same_queries_for_5_and_50_emails(
    db, smtp_sink, settings, monkeypatch
):
    settings.REMINDER_SEND_CHUNK = 50
    connects: list[tuple] = []
    connect = smtplib.SMTP.connect

    def counted(self: smtplib.SMTP, *args: object, **kwargs: object) -> tuple:
        connects.append(args)
        return connect(self, *args, **kwargs)  # type: ignore[arg-type]

    monkeypatch.setattr(smtplib.SMTP, "connect", counted)
    few, few_per_email = _dispatch(5, smtp_sink)
    many, many_per_email = _dispatch(50, smtp_sink)
    assert len(few) == len(many) and few == many, (few, many)
    # Each email: BEGIN, its UPDATE, COMMIT; the claim's own transaction is in both.
    assert many_per_email - few_per_email == 3 * 45
    # One SMTP connection per batch (and one batch each), not one per email.
    assert len(connects) == 2
