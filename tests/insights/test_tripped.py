"""Insights' "what tripped you": whole notes with their interview, and the lines that
recur, against answers worked out by hand."""

import datetime as dt
from zoneinfo import ZoneInfo

import pytest
import time_machine
from django.urls import reverse

from applications.pipeline import Status
from insights.metrics.period import Period
from insights.views import report
from interviews.models import Interview, SelfAssessment
from interviews.services import assessment_save, interview_save
from tests.factories import ApplicationFactory, CompanyFactory

pytestmark = pytest.mark.django_db
BERLIN = ZoneInfo("Europe/Berlin")
D = dt.date


def _assessed(application, day, round_type, tripped):
    start = dt.datetime.combine(day, dt.time(23, 30), BERLIN)  # late: the local day counts
    interview = interview_save(
        interview=Interview(
            application=application,
            round_type=round_type,
            starts_at=start,
            ends_at=start + dt.timedelta(minutes=20),
        )
    )
    ratings = dict.fromkeys(
        (
            "qualification_fit",
            "preparation",
            "communication",
            "technical_answers",
            "rapport",
            "confidence",
        ),
        3,
    )
    assessment_save(
        assessment=SelfAssessment(interview=interview, tripped_questions=tripped, **ratings)
    )
    return interview


@pytest.fixture
def notes(alice):
    alice.time_zone = "Europe/Berlin"
    alice.save()
    with time_machine.travel(dt.datetime(2026, 11, 25, 12, tzinfo=dt.UTC), tick=False):
        northwind = ApplicationFactory(
            company=CompanyFactory(owner=alice, name="Northwind"),
            role="Data analyst",
            status=Status.INTERVIEWING,
            status_changed_on=D(2026, 10, 20),
            date_applied=D(2026, 10, 20),
        )
        globex = ApplicationFactory(
            company=CompanyFactory(owner=alice, name="Globex"),
            role="Analytics engineer",
            status=Status.INTERVIEWING,
            status_changed_on=D(2026, 10, 20),
            date_applied=D(2026, 10, 20),
        )
        _assessed(
            northwind,
            D(2026, 11, 1),
            "technical",
            "Rate limiter design\n  rate   limiter design \nSalary expectations",
        )
        _assessed(globex, D(2026, 11, 5), "final", "- Salary expectations\nWhy leave your job")
        last = _assessed(northwind, D(2026, 11, 9), "technical", "Rate Limiter design")
        _assessed(globex, D(2026, 11, 12), "phone_screen", "  ")
    return last


def test_the_latest_notes_are_whole_with_their_interview_and_recurring_lines_counted(alice, notes):
    period = Period(D(2026, 10, 1), D(2026, 11, 25), "October and November")
    data = report(alice, period)["assessments"]
    # By hand: newest first; 12 November's note is blank, so three notes.
    assert [(t.day, t.round_label, t.company, t.role, t.text) for t in data.tripped_latest] == [
        (D(2026, 11, 9), "Technical", "Northwind", "Data analyst", "Rate Limiter design"),
        (
            D(2026, 11, 5),
            "Final",
            "Globex",
            "Analytics engineer",
            "- Salary expectations\nWhy leave your job",
        ),
        (
            D(2026, 11, 1),
            "Technical",
            "Northwind",
            "Data analyst",
            "Rate limiter design\n  rate   limiter design \nSalary expectations",
        ),
    ]
    # The rate limiter in 9 and 1 November (twice on the 1st counts once), salary in 5 and
    # 1 November; "Why leave your job" only once. The newest wording is shown; ties keep
    # the order of the newest note.
    assert data.tripped_again == [("Rate Limiter design", 2), ("Salary expectations", 2)]


def test_the_insights_page_shows_whole_notes_not_single_words(alice, alice_client, notes):
    page = alice_client.get(reverse("insights:insights") + "?period=all").content.decode()
    assert "What tripped you lately" in page
    assert 'Rate Limiter design <span class="text-body-secondary">(2 interviews)' in page
    assert "- Salary expectations\nWhy leave your job" in page  # whole, line break kept
    assert (
        f'href="{notes.get_absolute_url()}">Technical interview, Data analyst at Northwind' in page
    )
    assert "× 1" not in page
