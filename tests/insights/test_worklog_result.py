"""The work-search log's Result says the furthest reply an application had, even when it
went silent afterwards: "Screening, then no reply", not "No reply"."""

import datetime as dt
from zoneinfo import ZoneInfo

import pytest
import time_machine
from django.urls import reverse

from applications import services as applications
from applications.pipeline import Status
from insights import worklog
from interviews.models import Interview
from interviews.services import interview_save
from tests.factories import CompanyFactory

pytestmark = pytest.mark.django_db
D = dt.date
BERLIN = ZoneInfo("Europe/Berlin")


def _apply(owner, company, role, applied, *moves):
    application = applications.application_create(
        owner=owner,
        company=company,
        role=role,
        status=Status.APPLIED,
        date_applied=applied,
        source="job_board",
    )
    for status, on in moves:
        applications.application_change_status(application=application, to_status=status, on=on)
    return application


@pytest.fixture
def silent(alice):
    alice.time_zone = "Europe/Berlin"
    alice.save()
    with time_machine.travel(dt.datetime(2026, 12, 6, 12, tzinfo=dt.UTC), tick=False):
        acme = CompanyFactory(owner=alice, name="Acme")
        _apply(alice, acme, "Screened", D(2026, 11, 2),
               (Status.SCREENING, D(2026, 11, 5)), (Status.GHOSTED, D(2026, 11, 30)))  # fmt: skip
        _apply(alice, acme, "Never heard", D(2026, 11, 3), (Status.GHOSTED, D(2026, 11, 30)))
        interviewed = _apply(
            alice, acme, "Interviewed", D(2026, 11, 4),
            (Status.SCREENING, D(2026, 11, 6)), (Status.INTERVIEWING, D(2026, 11, 10)),
        )  # fmt: skip
        start = dt.datetime(2026, 11, 11, 10, tzinfo=BERLIN)
        interview_save(
            interview=Interview(
                application=interviewed,
                round_type="technical",
                starts_at=start,
                ends_at=start + dt.timedelta(hours=1),
            )
        )
        applications.application_change_status(
            application=interviewed, to_status=Status.GHOSTED, on=D(2026, 12, 1)
        )
        _apply(alice, acme, "Turned down", D(2026, 11, 5),
               (Status.SCREENING, D(2026, 11, 7)), (Status.REJECTED, D(2026, 11, 20)))  # fmt: skip


def test_the_result_keeps_the_furthest_reply_before_the_silence(alice, silent):
    rows = worklog.activities(alice, D(2026, 11, 1), D(2026, 11, 30))
    assert [(r.day, r.kind, r.position, r.result) for r in rows] == [
        (D(2026, 11, 2), "application", "Screened", "Screening, then no reply"),
        (D(2026, 11, 3), "application", "Never heard", "No reply"),
        (D(2026, 11, 4), "application", "Interviewed", "Interview, then no reply"),
        (D(2026, 11, 5), "application", "Turned down", "Rejected"),
        (D(2026, 11, 11), "interview", "Interviewed (technical)", "Interview, then no reply"),
    ]


def test_the_page_and_csv_say_it_too(alice, alice_client, silent):
    query = "?start=2026-11-01&end=2026-11-30"
    page = alice_client.get(reverse("insights:work_search_log") + query).content.decode()
    assert "<td>Screening, then no reply</td>" in page
    csv = b"".join(
        alice_client.get(reverse("insights:work_search_log_csv") + query).streaming_content
    ).decode()
    assert "Screening, then no reply" in csv
