"""A worker (PostgreSQL, autocommit) marks each email sent in its own transaction, in one
round trip per email: the COMMIT of the email just sent travels with the BEGIN and UPDATE of
the next. At most one email is ever out and not yet committed, as docs/reminders.md
promises (tests/reminders/test_delivery_fast_marks.py checks the round trips); an SMTP
failure rolls back only its own mark."""

import datetime as dt

import psycopg
import pytest
from django.db import connection
from django.utils import timezone

from demo.bulk import due_check_ins
from reminders import dispatch_services
from reminders.dispatch_services import reminders_dispatch
from reminders.models import Reminder
from reminders.smtp import Smtp
from tests.factories import UserFactory

pytestmark = pytest.mark.django_db(transaction=True)


def _due(n: int) -> list[int]:
    users = [UserFactory(email=f"p{i}@example.com") for i in range(2)]
    return due_check_ins(users, n, timezone.now() - dt.timedelta(minutes=1))


def test_a_refused_email_rolls_back_only_its_own_mark(smtp_sink, monkeypatch):
    ids = _due(4)
    send = Smtp.send
    calls = 0

    def third_refused(self: Smtp, email: object) -> None:
        nonlocal calls
        calls += 1
        if calls == 3:
            smtp_sink.refuse = 451
        try:
            send(self, email)
        finally:
            smtp_sink.refuse = 0

    monkeypatch.setattr(Smtp, "send", third_refused)
    assert reminders_dispatch() == 4
    rows = dict(Reminder.objects.filter(pk__in=ids).values_list("pk", "status"))
    ordered = [rows[pk] for pk in sorted(ids)]
    assert ordered == ["sent", "sent", "scheduled", "sent"]
    retry = Reminder.objects.get(pk=sorted(ids)[2])
    assert retry.last_error == "SMTPDataError 451" and retry.sent_at is None
    assert len(smtp_sink.messages) == 3
    assert connection.connection.info.transaction_status == psycopg.pq.TransactionStatus.IDLE


def test_a_row_cancelled_after_the_claim_is_not_sent_and_ends_no_transaction_open(
    smtp_sink, monkeypatch
):
    ids = sorted(_due(3))
    prepare = dispatch_services._prepare

    def cancel_the_second_after_rendering(*args: object, **kwargs: object) -> object:
        built = prepare(*args, **kwargs)  # type: ignore[arg-type]
        # Cancelled between rendering and its mark, as a user's click would.
        Reminder.objects.filter(pk=ids[1]).update(status="cancelled", lease_token=None)
        return built

    monkeypatch.setattr(dispatch_services, "_prepare", cancel_the_second_after_rendering)
    assert reminders_dispatch() == 3
    statuses = [Reminder.objects.get(pk=pk).status for pk in ids]
    assert statuses == ["sent", "cancelled", "sent"]
    assert len(smtp_sink.messages) == 2
    assert connection.connection.info.transaction_status == psycopg.pq.TransactionStatus.IDLE
