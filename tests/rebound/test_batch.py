"""Statements sent together (rebound.lib.batch): one round trip for all of them, each `fetch`
answered with its own rows, values written in safely, and anything not sent read as before."""

import pytest
from django.db import connection
from django.test.utils import CaptureQueriesContext

from rebound.lib import batch

pytestmark = [
    pytest.mark.django_db,
    pytest.mark.skipif(connection.vendor != "postgresql", reason="batches are PostgreSQL's"),
]

HOSTILE = "it's; DROP TABLE rebound_user; -- 100%"


def test_statements_sent_together_take_one_round_trip_and_answer_each_fetch():
    statements = [
        ("SELECT n FROM generate_series(1, %s) AS n ORDER BY n", [3]),
        ("SELECT %s::text, %s::int", [HOSTILE, 7]),
        ("SELECT %(a)s::int + %(b)s::int", {"a": 40, "b": 2}),
        ("SELECT 1 WHERE false", []),
    ]
    with CaptureQueriesContext(connection) as sent, batch.together(statements):
        rows = [batch.fetch(sql, params) for sql, params in statements]
    assert len(sent.captured_queries) == 1
    assert rows == [[(1,), (2,), (3,)], [(HOSTILE, 7)], [(42,)], []]
    # The hostile value was a value: the table is still there.
    with connection.cursor() as cursor:
        cursor.execute("SELECT COUNT(*) FROM rebound_user")


def test_a_statement_not_sent_or_fetched_twice_is_read_then():
    sent_one = ("SELECT %s::int", [1])
    with CaptureQueriesContext(connection) as read, batch.together([sent_one]):
        assert batch.fetch(*sent_one) == [(1,)]
        assert batch.fetch("SELECT %s::int", [2]) == [(2,)]  # not sent: read now
        assert batch.fetch(*sent_one) == [(1,)]  # its rows were taken: read again
    assert len(read.captured_queries) == 3
    # Outside a block every fetch reads.
    with CaptureQueriesContext(connection) as read:
        assert batch.fetch(*sent_one) == [(1,)]
    assert len(read.captured_queries) == 1


def test_nothing_to_send_sends_nothing():
    with CaptureQueriesContext(connection) as read, batch.together([]):
        pass
    assert read.captured_queries == []
