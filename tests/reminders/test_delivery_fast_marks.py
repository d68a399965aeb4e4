"""A worker (PostgreSQL, autocommit, client-side binding) marks each email sent with one
query string per email: the COMMIT of the email just sent, then the BEGIN and UPDATE of the
next, in one message and one reply. What docs/reminders.md promises holds as with one
statement per round trip: every email before the one going out is committed, a mark that
no longer matches sends nothing and renders the email anew when only its version moved, and
the batch ends with no transaction open."""

import datetime as dt
from typing import Any, cast

import psycopg
import pytest
from django.db import connection
from django.test.utils import CaptureQueriesContext
from django.utils import timezone

from demo.bulk import due_check_ins
from rebound.models import User
from reminders import dispatch_services
from reminders.dispatch_services import reminders_dispatch
from reminders.links import read_token
from reminders.models import Reminder
from reminders.smtp import Smtp
from tests.factories import UserFactory
from tests.reminders.sessions import other_connection

pytestmark = pytest.mark.django_db(transaction=True)

MARK = "UPDATE reminders_reminder SET status = 'sent'"


def _due(n: int) -> list[int]:
    users = cast("list[User]", [UserFactory(email=f"m{i}@example.com") for i in range(2)])
    return sorted(due_check_ins(users, n, timezone.now() - dt.timedelta(minutes=1)))


def _marks(statements: list[str]) -> list[str]:
    """Each mark's query as its statements' first words ("COMMIT; BEGIN; UPDATE")."""
    return [
        "; ".join(part.split(" ")[0] for part in sql.split("; "))
        for sql in statements
        if MARK in sql or sql in ("COMMIT", "ROLLBACK")
    ]


def test_it_marks_each_email_in_one_query_with_every_earlier_one_committed(
    smtp_sink: Any, monkeypatch: pytest.MonkeyPatch
) -> None:
    ids = _due(5)
    committed_when_sent: list[int] = []
    send = Smtp.send
    with other_connection() as other:

        def watched(self: Smtp, email: object) -> None:
            (n,) = other.execute(
                "SELECT count(*) FROM reminders_reminder WHERE id = ANY(%s) AND status = 'sent'",
                [ids],
            ).fetchone()  # type: ignore[misc]
            committed_when_sent.append(n)
            send(self, email)

        monkeypatch.setattr(Smtp, "send", watched)
        assert not connection.in_atomic_block
        with CaptureQueriesContext(connection) as queries:
            assert reminders_dispatch() == 5
    # Only the email going out is ever unrecorded (the crash window of docs/reminders.md).
    assert committed_when_sent == [0, 1, 2, 3, 4]
    statements = [q["sql"] for q in queries.captured_queries]
    # From the batch's start (the claim's own transaction comes before).
    statements = statements[statements.index("SET synchronous_commit TO OFF") :]
    assert _marks(statements) == (["BEGIN; UPDATE"] + ["COMMIT; BEGIN; UPDATE"] * 4 + ["COMMIT"])
    assert Reminder.objects.filter(pk__in=ids, status="sent").count() == 5
    assert len(smtp_sink.messages) == 5
    assert connection.connection.info.transaction_status == psycopg.pq.TransactionStatus.IDLE


def test_an_edit_after_rendering_sends_the_email_with_the_new_links(
    smtp_sink: Any, monkeypatch: pytest.MonkeyPatch
) -> None:
    ids = _due(3)
    prepare = dispatch_services._prepare

    def edit_the_second_after_rendering(*args: object, **kwargs: object) -> object:
        built = prepare(*args, **kwargs)  # type: ignore[arg-type]
        # An edit bumps the version (its links carry it) while the lease still holds.
        Reminder.objects.filter(pk=ids[1], version=1).update(version=2)
        return built

    monkeypatch.setattr(dispatch_services, "_prepare", edit_the_second_after_rendering)
    assert reminders_dispatch() == 3
    rows = Reminder.objects.filter(pk__in=ids).order_by("pk")
    assert [(r.status, r.version) for r in rows] == [("sent", 1), ("sent", 2), ("sent", 1)]
    assert len(smtp_sink.messages) == 3
    # The email that went out carries the links of version 2 (its stop link, a header).
    sent = {int(m["X-Rebound-Reminder"]): m for m in smtp_sink.messages}
    stop_url = sent[ids[1]]["List-Unsubscribe"].strip("<>")
    token = read_token(stop_url.rstrip("/").rsplit("/", 1)[-1])
    assert token == {"r": ids[1], "a": "stop", "v": 2}
    assert connection.connection.info.transaction_status == psycopg.pq.TransactionStatus.IDLE


def test_with_server_side_binding_each_statement_goes_on_its_own(
    smtp_sink: Any, monkeypatch: pytest.MonkeyPatch
) -> None:
    # Several statements in one query need the values written in (client-side binding).
    monkeypatch.setitem(connection.settings_dict["OPTIONS"], "server_side_binding", True)
    connection.close()  # the next one is opened with Django's server-side binding cursor
    try:
        ids = _due(3)
        with connection.cursor() as cursor:
            assert not isinstance(cursor.cursor, psycopg.ClientCursor)
        with CaptureQueriesContext(connection) as queries:
            assert reminders_dispatch() == 3
    finally:
        connection.close()
    marks = [
        q["sql"]
        for q in queries.captured_queries
        if q["sql"].startswith("UPDATE reminders_reminder SET status =")
    ]
    assert len(marks) == 3 and not [sql for sql in marks if "BEGIN" in sql]
    assert Reminder.objects.filter(pk__in=ids, status="sent").count() == 3
    assert len(smtp_sink.messages) == 3
