"""The work-search log lists exactly the activities of a range, in the user's local dates, as
a page and as a formula-safe CSV; the expected rows are written out by hand."""

import datetime as dt
from zoneinfo import ZoneInfo

import pytest
import time_machine
from django.db import connection
from django.test.utils import CaptureQueriesContext
from django.urls import reverse

from applications import services as applications
from applications.pipeline import Status
from coping.services import outreach_log
from interviews.models import Interview
from interviews.services import interview_save
from tests.factories import CompanyFactory, ContactFactory

pytestmark = pytest.mark.django_db
BERLIN = ZoneInfo("Europe/Berlin")
D = dt.date
NOW = dt.datetime(2026, 11, 25, 12, tzinfo=dt.UTC)
RANGE = {"start": "2026-11-16", "end": "2026-11-22"}


def _interview(application, starts_at, fmt, location="", interviewers=()):
    interview = interview_save(
        interview=Interview(
            application=application,
            round_type="technical",
            format=fmt,
            starts_at=starts_at,
            ends_at=starts_at + dt.timedelta(hours=1),
            location=location,
        )
    )
    interview.interviewers.set(interviewers)
    return interview


@pytest.fixture
def week(alice, bob):
    """Alice's (Europe/Berlin) week of 16-22 November 2026, with activities on both sides."""
    with time_machine.travel(NOW, tick=False):
        acme = CompanyFactory(owner=alice, name="Acme")
        globex = CompanyFactory(owner=alice, name='=HYPERLINK("http://x")')
        dana = ContactFactory(company=acme, name="Dana", email="dana@acme.example")
        eve = ContactFactory(company=globex, name="Eve", email="", phone="+49 30 123")
        frank = ContactFactory(company=globex, name="Frank", email="", phone="")
        a1 = applications.application_create(
            owner=alice, company=acme, role="Analyst", status=Status.APPLIED,
            date_applied=D(2026, 11, 16), source="job_board",
            posting_url="https://acme.example/jobs/1", contacts=[dana],
        )  # fmt: skip
        applications.application_change_status(
            application=a1, to_status=Status.REJECTED, on=D(2026, 11, 24)
        )
        a2 = applications.application_create(
            owner=alice, company=globex, role="Engineer", status=Status.APPLIED,
            date_applied=D(2026, 11, 20), source="staffing_agency", location="Berlin",
        )  # fmt: skip
        applications.application_change_status(
            application=a2, to_status=Status.INTERVIEWING, on=D(2026, 11, 21)
        )
        # Applied before the range; its phone interview is in it.
        a3 = applications.application_create(
            owner=alice, company=acme, role="Lead", status=Status.APPLIED,
            date_applied=D(2026, 11, 10), source="referral",
        )  # fmt: skip
        _interview(a3, dt.datetime(2026, 11, 18, 9, tzinfo=BERLIN), "phone", "", [eve])
        # 23:30 UTC on the 22nd is 00:30 on the 23rd in Berlin: after the range.
        _interview(a2, dt.datetime(2026, 11, 22, 23, 30, tzinfo=dt.UTC), "onsite", "Room 1")
        # 23:30 UTC on the 15th is 00:30 on the 16th in Berlin: in the range. (For an earlier
        # application to the same role: a2's date applied, the 20th, is after it.)
        a4 = applications.application_create(
            owner=alice, company=globex, role="Engineer", status=Status.APPLIED,
            date_applied=D(2026, 11, 12), source="staffing_agency",
        )  # fmt: skip
        _interview(a4, dt.datetime(2026, 11, 15, 23, 30, tzinfo=dt.UTC), "onsite", "Hall 2")
        outreach_log(owner=alice, contact=frank, on=D(2026, 11, 19), outcome="lead")
        outreach_log(owner=alice, contact=frank, on=D(2026, 11, 23), outcome="waiting")
        bobco = CompanyFactory(owner=bob, name="Bobco")
        applications.application_create(
            owner=bob, company=bobco, role="Bob's", status=Status.APPLIED,
            date_applied=D(2026, 11, 17),
        )  # fmt: skip


def _page(client, query):
    with time_machine.travel(NOW, tick=False):
        return client.get(reverse("insights:work_search_log"), query)


def test_the_log_lists_exactly_the_range_in_local_dates(alice_client, week):
    from insights.worklog import activities
    from rebound.models import User

    alice = User.objects.get(email="alice@example.com")
    rows = [r.as_row() for r in activities(alice, D(2026, 11, 16), D(2026, 11, 22))]
    globex = '=HYPERLINK("http://x")'
    assert rows == [
        ["2026-11-16", "Application", "Acme", "Analyst", "Online", "Dana (dana@acme.example)",
         "https://acme.example/jobs/1", "Rejected"],
        ["2026-11-16", "Interview", globex, "Engineer (technical)", "In person", "", "Hall 2",
         "Interview"],
        # Logging the interview moved the application to interviewing.
        ["2026-11-18", "Interview", "Acme", "Lead (technical)", "Phone", "Eve (+49 30 123)", "",
         "Interview"],
        ["2026-11-19", "Networking", globex, "", "Through a contact", "Frank", "",
         "Got a lead"],
        ["2026-11-20", "Application", globex, "Engineer", "Agency", "", "Berlin", "Interview"],
    ]  # fmt: skip


def test_the_page_and_the_csv_show_the_same_rows(alice_client, bob_client, week):
    page = _page(alice_client, RANGE).content.decode()
    assert "From 16 November 2026 to 22 November 2026: 2 applications, 2 interviews and 1" in (
        " ".join(page.split())
    )
    assert "Dana (dana@acme.example)" in page and "Got a lead" in page
    assert "Bob" not in page.split("<main", 1)[1]
    with time_machine.travel(NOW, tick=False):
        response = alice_client.get(reverse("insights:work_search_log_csv"), RANGE)
    assert response["Content-Disposition"] == (
        'attachment; filename="work-search-log-2026-11-16-to-2026-11-22.csv"'
    )
    lines = b"".join(response.streaming_content).decode().splitlines()
    assert lines[0] == "Date,Activity,Employer,Position,How,Contact,Address or link,Result"
    assert len(lines) == 1 + 5
    # The company named like a formula is text in a spreadsheet, never run.
    assert lines[2].startswith('2026-11-16,Interview,"\'=HYPERLINK(""http://x"")"')
    # Bob's own log has only his application.
    bobs = _page(bob_client, RANGE).content.decode()
    assert "1 application, 0 interviews and 0 networking contacts" in " ".join(bobs.split())
    assert "Acme" not in bobs


def test_bad_ranges_say_why_and_show_the_last_seven_days(alice_client, week):
    cases = {
        "The end can’t be before the start.": {"start": "2026-11-20", "end": "2026-11-10"},
        "One log covers at most 366 days": {"start": "2024-01-01", "end": "2026-11-20"},
        "One log covers at most 366 days ": {"start": "2024-01-01"},
        "Enter a valid date.": {"start": "someday", "end": "2026-11-20"},
    }
    for message, query in cases.items():
        response = _page(alice_client, query)
        assert response.status_code == 200, query
        page = " ".join(response.content.decode().split())
        assert message.strip() in page, query
        assert "<title>Error:" in page, query
        assert "From 19 November 2026 to 25 November 2026" in page, query
    future = _page(alice_client, {"end": "2027-01-01"}).content.decode()
    assert "<title>Error:" in future and "From 19 November 2026 to 25 November 2026" in future


def test_an_empty_range_explains_what_would_show(alice_client, week):
    page = _page(alice_client, {"start": "2026-01-05", "end": "2026-01-11"}).content.decode()
    assert "Nothing in this range." in page and "<table" not in page


def test_the_log_costs_the_same_queries_for_5_activities_and_45(alice, alice_client, week):
    def count(query):
        with CaptureQueriesContext(connection) as ctx:
            assert _page(alice_client, query).status_code == 200
        return len(ctx.captured_queries)

    quiet = count(RANGE)  # five activities
    with time_machine.travel(NOW, tick=False):
        acme = CompanyFactory(owner=alice, name="Busy")
        for i in range(20):
            a = applications.application_create(
                owner=alice, company=acme, role=f"R{i}", status=Status.APPLIED,
                date_applied=D(2026, 11, 17), contacts=[ContactFactory(company=acme)],
            )  # fmt: skip
            _interview(a, dt.datetime(2026, 11, 18, 9, tzinfo=BERLIN), "video")
    assert count(RANGE) == quiet
