"""Statements sent together (rebound.lib.batch): one round trip for all of them, each `fetch`
answered with its own rows, values written in safely, and anything not sent read as before."""

from types import SimpleNamespace

import pytest
from django.db import connection
from django.template import Context, Template, TemplateSyntaxError
from django.test.utils import CaptureQueriesContext

from interviews.models import SelfAssessment
from rebound.lib import batch
from tests.factories import SelfAssessmentFactory

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


def _state(instance) -> tuple[object, ...]:
    return (
        type(instance),
        instance.pk,
        instance.interview_id,
        instance.went_well,
        instance.confidence,
        instance.answer,
        instance.get_deferred_fields(),
        instance._state.adding,
        instance._state.db,
    )


def test_raw_builds_each_row_as_raw_does(monkeypatch):
    """Model instances from rows sent together: the model's columns in any order, each
    through its field's from_db_value (the words decrypted), any other set by name, the rest
    deferred; as raw() builds them, on PostgreSQL and (by raw() itself) elsewhere."""
    first = SelfAssessmentFactory(went_well="line one\nline two & more", confidence=4)
    second = SelfAssessmentFactory(went_well="", confidence=2)
    sql = (
        "SELECT went_well, confidence, %s::int AS answer, interview_id, id"
        " FROM interviews_selfassessment WHERE id IN (%s, %s) ORDER BY id"
    )
    params = [42, first.pk, second.pk]
    expected = [_state(a) for a in SelfAssessment.objects.raw(sql, params)]
    assert expected[0][3] == "line one\nline two & more" and expected[0][5] == 42
    with CaptureQueriesContext(connection) as sent, batch.together([(sql, params)]):
        built = batch.raw(SelfAssessment, sql, params)
    assert len(sent.captured_queries) == 1
    assert [_state(a) for a in built] == expected
    # Not sent: read then, the same.
    assert [_state(a) for a in batch.raw(SelfAssessment, sql, params)] == expected
    monkeypatch.setattr(batch, "connection", SimpleNamespace(vendor="sqlite"))
    assert [_state(a) for a in batch.raw(SelfAssessment, sql, params)] == expected


def test_the_together_tag_sends_its_reads_before_what_it_holds_renders():
    ones, twos = [("SELECT %s::int", [1])], [("SELECT %s::text", [HOSTILE]), ("SELECT 2", [])]
    seen = []

    def section() -> str:  # what a section's tag does: fetch its own reads
        seen.append([batch.fetch(*read) for read in ones + twos])
        return "rendered"

    page = Template(
        "{% load rebound_tags %}[{% together ones twos %}{{ section }}{% endtogether %}]"
    )
    with CaptureQueriesContext(connection) as sent:
        html = page.render(Context({"ones": ones, "twos": twos, "section": section}))
    assert html == "[rendered]"
    assert len(sent.captured_queries) == 1
    assert seen == [[[(1,)], [(HOSTILE,)], [(2,)]]]
    with pytest.raises(TemplateSyntaxError):
        Template("{% load rebound_tags %}{% together %}{% endtogether %}")
