"""The work-search log is paged in SQL: each page and the CSV list the rows in the log's
order (ties included, text compared as Python compares it), in the same number of queries
for five activities or a hundred; the expected order is written out by hand."""

import datetime as dt

import pytest
import time_machine
from django.db import connection
from django.test.utils import CaptureQueriesContext
from django.urls import reverse

from applications import services as applications
from applications.pipeline import Status
from coping.services import outreach_log
from insights import worklog
from interviews.models import Interview
from interviews.services import interview_save
from tests.factories import CompanyFactory, ContactFactory

pytestmark = pytest.mark.django_db
D = dt.date
NOW = dt.datetime(2026, 11, 25, 12, tzinfo=dt.UTC)
RANGE = {"start": "2026-11-16", "end": "2026-11-22"}


def _apply(owner, company, role, on, at, location=""):
    with time_machine.travel(at, tick=False):
        return applications.application_create(
            owner=owner, company=company, role=role, status=Status.APPLIED, date_applied=on,
            source="job_board", location=location,
        )  # fmt: skip


def _interview(application, starts_at, round_type="technical", location=""):
    with time_machine.travel(NOW, tick=False):
        return interview_save(
            interview=Interview(
                application=application,
                round_type=round_type,
                format="video",
                starts_at=starts_at,
                ends_at=starts_at + dt.timedelta(hours=1),
                location=location,
            )
        )


@pytest.fixture
def ties(alice):
    """Rows that only the later parts of the sort key tell apart, alice in UTC."""
    zeta = CompanyFactory(owner=alice, name="Zeta")
    acme = CompanyFactory(owner=alice, name="acme")
    aerger = CompanyFactory(owner=alice, name="Ärger")
    # Code point order: "Zeta" < "acme" < "Ärger" (a locale's collation says otherwise).
    _apply(alice, aerger, "C", D(2026, 11, 16), NOW)
    older = _apply(alice, acme, "B", D(2026, 11, 16), NOW, "Old")
    newer = _apply(alice, acme, "B", D(2026, 11, 16), NOW + dt.timedelta(hours=1), "New")
    _apply(alice, zeta, "A", D(2026, 11, 16), NOW)
    # Two interviews of one application on one day: the earlier first; "panel" before
    # "technical" by the position's words.
    late = _interview(older, dt.datetime(2026, 11, 17, 15, tzinfo=dt.UTC), location="Late")
    early = _interview(older, dt.datetime(2026, 11, 17, 9, tzinfo=dt.UTC), location="Early")
    chat = _interview(older, dt.datetime(2026, 11, 17, 20, tzinfo=dt.UTC), "panel")
    with time_machine.travel(NOW, tick=False):
        frank = ContactFactory(company=zeta, name="Frank", email="", phone="")
        gina = ContactFactory(company=zeta, name="Gina", email="", phone="")
        loner = ContactFactory(company=None, owner=alice, name="Lone", email="", phone="")
    with time_machine.travel(NOW, tick=False):
        outreach_log(owner=alice, contact=frank, on=D(2026, 11, 17), outcome="lead")
    with time_machine.travel(NOW + dt.timedelta(hours=1), tick=False):
        outreach_log(owner=alice, contact=loner, on=D(2026, 11, 17), outcome="waiting")
        outreach_log(owner=alice, contact=gina, on=D(2026, 11, 17), outcome="waiting")
    return {"older": older, "newer": newer, "late": late, "early": early, "chat": chat}


EXPECTED = [
    (D(2026, 11, 16), "application", "Zeta", "A"),
    (D(2026, 11, 16), "application", "acme", "B"),  # the newer of the two first
    (D(2026, 11, 16), "application", "acme", "B"),
    (D(2026, 11, 16), "application", "Ärger", "C"),
    (D(2026, 11, 17), "interview", "acme", "B (panel)"),
    (D(2026, 11, 17), "interview", "acme", "B (technical)"),  # 09:00
    (D(2026, 11, 17), "interview", "acme", "B (technical)"),  # 15:00
    (D(2026, 11, 17), "outreach", "", ""),  # no company: an empty employer sorts first
    (D(2026, 11, 17), "outreach", "Zeta", ""),  # Gina's, logged later, first
    (D(2026, 11, 17), "outreach", "Zeta", ""),
]


def _log(user):
    rows = worklog.activities(user, D(2026, 11, 16), D(2026, 11, 22))
    return [(r.day, r.kind, r.employer, r.position) for r in rows]


def test_ties_keep_the_logs_order(alice, ties):
    assert _log(alice) == EXPECTED
    rows = worklog.activities(alice, D(2026, 11, 16), D(2026, 11, 22))
    # Alike but for what tells them apart here: the models' own order decides.
    assert [r.where for r in rows if r.employer == "acme" and r.kind == "application"] == [
        "New",
        "Old",
    ]
    assert [r.where for r in rows if r.position == "B (technical)"] == ["Early", "Late"]
    assert [r.contact for r in rows if r.kind == "outreach"] == ["Lone", "Gina", "Frank"]


def test_pages_of_any_size_cut_the_same_list(alice, ties, monkeypatch):
    """A page reads only the days its rows are on: pages that start or end inside a day, or
    span days, still join up into the whole list."""
    for size in (1, 2, 3, 5, 7, 10, 11):
        monkeypatch.setattr(worklog, "PAGE_ROWS", size)
        found = []
        for number in range(1, 12):
            found += worklog.page(alice, D(2026, 11, 16), D(2026, 11, 22), number)
        assert [(r.day, r.kind, r.employer, r.position) for r in found] == EXPECTED, size
        assert [r.where for r in found][1:3] == ["New", "Old"], size


def test_pages_cut_the_same_list(alice, alice_client, ties, monkeypatch):
    monkeypatch.setattr(worklog, "PAGE_ROWS", 4)
    pages = [worklog.page(alice, D(2026, 11, 16), D(2026, 11, 22), n) for n in (1, 2, 3)]
    assert [len(p) for p in pages] == [4, 4, 2]
    assert [(r.day, r.kind, r.employer, r.position) for p in pages for r in p] == EXPECTED
    with time_machine.travel(NOW, tick=False):
        second = alice_client.get(reverse("insights:work_search_log"), {**RANGE, "page": 2})
        beyond = alice_client.get(reverse("insights:work_search_log"), {**RANGE, "page": 99})
    text = " ".join(second.content.decode().split())
    assert "This range holds 10 activities: page 2 of 3 shows 5 to 8." in text
    assert "B (panel)" in text and "Ärger" not in text.split("<main", 1)[1]
    assert 'rel="prev"' in text and 'rel="next"' in text
    assert "page 3 of 3 shows 9 to 10" in " ".join(beyond.content.decode().split())


def test_the_csv_is_the_same_list_in_any_chunks(alice, alice_client, ties, monkeypatch):
    def csv():
        with time_machine.travel(NOW, tick=False):
            response = alice_client.get(reverse("insights:work_search_log_csv"), RANGE)
        assert response.streaming
        return b"".join(response.streaming_content).decode().splitlines()

    whole = csv()
    kinds = ["Application"] * 4 + ["Interview"] * 3 + ["Networking"] * 3
    assert [line.split(",")[1] for line in whole[1:]] == kinds
    monkeypatch.setattr(worklog, "CSV_CHUNK", 2)
    assert csv() == whole


def _busy(alice, n):
    """n more applications, each with an interview and an outreach, in the range."""
    company = CompanyFactory(owner=alice, name="Busy")
    for i in range(n):
        with time_machine.travel(NOW, tick=False):
            contact = ContactFactory(company=company)
            application = applications.application_create(
                owner=alice, company=company, role=f"R{i}", status=Status.APPLIED,
                date_applied=D(2026, 11, 18), contacts=[contact],
            )  # fmt: skip
            outreach_log(owner=alice, contact=contact, on=D(2026, 11, 19), outcome="lead")
        _interview(application, dt.datetime(2026, 11, 19, 9, tzinfo=dt.UTC))


def _queries(client, name):
    with time_machine.travel(NOW, tick=False), CaptureQueriesContext(connection) as ctx:
        response = client.get(reverse(name), RANGE)
        if response.streaming:
            b"".join(response.streaming_content)
        assert response.status_code == 200
    return len(ctx.captured_queries)


def test_a_page_and_the_csv_cost_the_same_queries_small_or_big(
    alice, alice_client, ties, django_assert_num_queries, monkeypatch
):
    # The session, the user; the tally (one query); the page's rows (one UNION); its
    # applications' contacts and its interviews' interviewers (a ghosted application would
    # add one for the furthest replies).
    with time_machine.travel(NOW, tick=False), django_assert_num_queries(2 + 1 + 1 + 2):
        alice_client.get(reverse("insights:work_search_log"), RANGE)
    small_csv = _queries(alice_client, "insights:work_search_log_csv")
    _busy(alice, 40)  # 130 activities
    monkeypatch.setattr(worklog, "PAGE_ROWS", 100)
    with time_machine.travel(NOW, tick=False), django_assert_num_queries(2 + 1 + 1 + 2):
        page = alice_client.get(reverse("insights:work_search_log"), RANGE)
    assert "page 1 of 2 shows 1 to 100" in " ".join(page.content.decode().split())
    assert _queries(alice_client, "insights:work_search_log_csv") == small_csv


@pytest.mark.parametrize(
    "zone", ["America/Adak", "Europe/Berlin", "Pacific/Kiritimati", "America/Santiago"]
)
def test_the_tally_finds_each_interviews_local_day_as_the_portable_union_does(
    alice, zone, monkeypatch
):
    """On PostgreSQL the tally finds an interview's local day among the UTC instants the
    range's days start at (`width_bucket`), not by converting each start: the same days as
    the ORM's `TruncDate` union (run here on PostgreSQL too), at 23:30 and 00:30 local on both
    edges, and across the daylight-saving changes of 2026 (Adak: 8 March and 1 November;
    Santiago: 5 April and 6 September, where a midnight is skipped)."""
    from zoneinfo import ZoneInfo

    alice.timezone = zone
    alice.save()
    local = ZoneInfo(zone)
    application = _apply(alice, CompanyFactory(owner=alice), "R", D(2026, 1, 2), NOW)
    days = [D(2026, 1, 3), D(2026, 3, 7), D(2026, 3, 8), D(2026, 4, 4), D(2026, 4, 5)]
    days += [D(2026, 9, 5), D(2026, 9, 6), D(2026, 10, 31), D(2026, 11, 1), D(2026, 11, 2)]
    for day in days:
        for at in (dt.time(0, 30), dt.time(23, 30), dt.time(12)):
            # In UTC, so the hour after a start skipped by a change is a real hour.
            _interview(application, dt.datetime.combine(day, at, local).astimezone(dt.UTC))
    start, end = D(2026, 1, 3), D(2026, 11, 1)  # the last day's 23:30 is in, the next out
    counted = worklog.tally(alice, start, end)
    with monkeypatch.context() as patched:
        patched.setattr(connection, "vendor", "sqlite")
        portable = worklog.tally(alice, start, end)
    assert counted == portable
    # By hand: 9 days of three interviews in the range; the application of 2 January is out.
    assert counted.counts["interview"] == 27 and counted.total == 27
    assert dict(counted.days)[D(2026, 1, 3)] == 3
