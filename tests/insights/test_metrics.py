"""Insights on a crafted search whose right answers are worked out by hand below (not by
calling the code under test)."""

import datetime as dt
from zoneinfo import ZoneInfo

import pytest
import time_machine

from applications import services as applications
from applications.pipeline import Status
from coping.services import journal_entry_create, plan_close
from insights.metrics import assessments, wellbeing
from insights.metrics.period import Period
from insights.views import report
from interviews.models import Interview, SelfAssessment
from interviews.services import assessment_save, interview_save
from tests.factories import CompanyFactory

pytestmark = pytest.mark.django_db
BERLIN = ZoneInfo("Europe/Berlin")
D = dt.date


def _apply(owner, company, role, source, applied, *moves):
    application = applications.application_create(
        owner=owner,
        company=company,
        role=role,
        status=Status.APPLIED,
        date_applied=applied,
        source=source,
    )
    for status, on in moves:
        applications.application_change_status(application=application, to_status=status, on=on)
    return application


def _interview(application, day, round_type, rating, tripped="", skills=""):
    start = dt.datetime.combine(day, dt.time(10), BERLIN)
    interview = interview_save(
        interview=Interview(
            application=application,
            round_type=round_type,
            starts_at=start,
            ends_at=start + dt.timedelta(hours=1),
        )
    )
    ratings = dict.fromkeys(
        ("qualification_fit", "preparation", "communication", "technical_answers", "rapport"),
        rating,
    )
    assessment_save(
        assessment=SelfAssessment(
            interview=interview,
            confidence=rating,
            tripped_questions=tripped,
            skills_to_build=skills,
            **ratings,
        )
    )


@pytest.fixture
def search(alice):
    with time_machine.travel(dt.datetime(2026, 11, 25, 12, tzinfo=dt.UTC), tick=False):
        acme = CompanyFactory(owner=alice, name="Acme")
        globex = CompanyFactory(owner=alice, name="Globex")
        a1 = _apply(
            alice, acme, "A1", "referral", D(2026, 10, 1),
            (Status.SCREENING, D(2026, 10, 5)), (Status.INTERVIEWING, D(2026, 10, 12)),
            (Status.OFFER, D(2026, 10, 20)), (Status.ACCEPTED, D(2026, 10, 25)),
        )  # fmt: skip
        a2 = _apply(
            alice, acme, "A2", "job_board", D(2026, 10, 2),
            (Status.INTERVIEWING, D(2026, 10, 9)), (Status.REJECTED, D(2026, 10, 15)),
        )  # fmt: skip
        _apply(alice, acme, "A3", "job_board", D(2026, 10, 3), (Status.REJECTED, D(2026, 10, 4)))
        _apply(alice, globex, "A4", "job_board", D(2026, 10, 10), (Status.GHOSTED, D(2026, 11, 10)))
        _apply(
            alice, globex, "A5", "company_site", D(2026, 10, 11),
            (Status.SCREENING, D(2026, 10, 21)), (Status.WITHDRAWN, D(2026, 10, 25)),
        )  # fmt: skip
        # Outside the period, and never applied: in no cohort.
        _apply(alice, globex, "A6", "job_board", D(2026, 9, 1), (Status.SCREENING, D(2026, 10, 2)))
        applications.application_create(owner=alice, company=globex, role="A7")
        _interview(
            a2,
            D(2026, 10, 9),
            "technical",
            2,
            "System design scaling question",
            "SQL\nSystem design",
        )
        _interview(a1, D(2026, 10, 12), "technical", 3, "Scaling databases", "system  design")
        _interview(a1, D(2026, 10, 14), "final", 4, "", "Negotiation")
        plan_close(plan=a2.coping_plans.get())  # finished today, 25 November
        for day, mood in [(20, 2), (20, 1), (22, 2), (24, 1)]:
            journal_entry_create(owner=alice, mood=mood, text="-", written_on=D(2026, 11, day))
    return Period(D(2026, 10, 1), D(2026, 11, 25), "October and November")


def test_the_funnel_counts_every_stage_reached_and_where_they_left(alice, search):
    data = report(alice, search)["funnel"]
    assert data.applied == 5  # A1-A5: A6 was applied before, A7 never
    # A2 went straight to interviewing: it reached screening too.
    assert data.reached == {"screening": 3, "interviewing": 2, "offer": 1, "accepted": 1}
    assert data.exits == {
        "rejected": {"interviewing": 1, "applied": 1},
        "withdrawn": {"screening": 1},
        "ghosted": {"applied": 1},
    }


def test_who_answered_and_how_fast(alice, search):
    data = report(alice, search)["responses"]
    overall = data.overall
    # Answers: A1 after 4 days, A2 after 7, A3 after 1, A5 after 10; A4 was ghosted.
    assert (overall.applied, overall.heard_back, overall.ghosted) == (5, 4, 1)
    assert overall.heard_back_rate == 0.8 and overall.ghosted_share == 0.2
    assert sorted(overall.days) == [1, 4, 7, 10]
    assert overall.median_days == 5.5
    # Inclusive quartiles of 1, 4, 7, 10: 1 + 3/4 × 3 = 3.25 and 7 + 1/4 × 3 = 7.75.
    assert overall.quartiles == (3.25, 7.75)
    by_source = {
        name: (r.applied, r.heard_back, r.median_days, r.ghosted) for name, r in data.by_source
    }
    assert by_source == {
        "Job board": (3, 2, 4.0, 1),  # A2 (7 days), A3 (1), A4 ghosted
        "Referral / network": (1, 1, 4, 0),
        "Company website": (1, 1, 10, 0),
    }
    # Only Acme has three applications in the period (A1, A2, A3: 4, 7 and 1 days).
    assert [(name, r.applied, r.heard_back, r.median_days) for name, r in data.by_company] == [
        ("Acme", 3, 3, 4)
    ]


def test_activity_per_week_by_date_applied_and_interview_day(alice, search):
    weeks = {w.monday: (w.applications, w.interviews) for w in report(alice, search)["weeks"]}
    assert min(weeks) == D(2026, 9, 28) and max(weeks) == D(2026, 11, 23)
    assert weeks[D(2026, 9, 28)] == (3, 0)  # A1-A3 on 1-3 October
    assert weeks[D(2026, 10, 5)] == (
        2,
        1,
    )  # A4 on the 10th, A5 on the 11th; an interview on the 9th
    assert weeks[D(2026, 10, 12)] == (0, 2)  # interviews on the 12th and 14th
    assert sum(a for a, _ in weeks.values()) == 5


def test_self_assessments_over_time_by_round_and_themes(alice, search):
    data = report(alice, search)["assessments"]
    assert [(p.day, p.round_label, p.ratings["confidence"]) for p in data.points] == [
        (D(2026, 10, 9), "Technical", 2),
        (D(2026, 10, 12), "Technical", 3),
        (D(2026, 10, 14), "Final", 4),
    ]
    assert data.by_round["Technical"]["rapport"] == 2.5 and data.by_round["Final"]["rapport"] == 4
    # Earlier half: the first assessment (2); later half: the other two (3 and 4).
    assert data.trend["confidence"] == (2.0, 3.5)
    # Newest first, whole; the final round noted nothing, so it is left out.
    assert [(t.day, t.role, t.text) for t in data.tripped_latest] == [
        (D(2026, 10, 12), "A1", "Scaling databases"),
        (D(2026, 10, 9), "A2", "System design scaling question"),
    ]
    assert data.tripped_again == []  # no line was written twice
    assert data.skills[0] == ("system design", 2)


def test_mood_beside_what_happened_with_a_gentle_note_when_low(alice, search):
    data = report(alice, search)["wellbeing"]
    assert [(m.day, m.mood) for m in data.moods] == [
        (D(2026, 11, 20), 1.5),
        (D(2026, 11, 22), 2),
        (D(2026, 11, 24), 1),
    ]
    assert data.events == [
        (D(2026, 10, 4), "Rejection: Acme"),
        (D(2026, 10, 15), "Rejection: Acme"),
        (D(2026, 10, 20), "Offer: Acme"),
        (D(2026, 11, 25), "Plan completed: Acme"),
    ]
    assert data.low_mood == 1.5  # four entries in the last 14 days: (2 + 1 + 2 + 1) / 4


def test_a_short_period_still_notes_the_last_two_weeks_mood(alice, search):
    """The chart shows the period's days; the note reads the last 14 days whatever the period
    (counted from the chart's days when the period covers them, else on their own)."""
    for start, shown in [
        (D(2026, 11, 23), [(D(2026, 11, 24), 1)]),  # shorter than two weeks
        (D(2026, 11, 12), [(D(2026, 11, 20), 1.5), (D(2026, 11, 22), 2), (D(2026, 11, 24), 1)]),
    ]:
        data = wellbeing.wellbeing(alice, Period(start, D(2026, 11, 25), ""))
        assert [(m.day, m.mood) for m in data.moods] == shown
        assert data.low_mood == 1.5  # as above: (2 + 1 + 2 + 1) / 4, both ways


def test_the_page_shows_the_numbers_and_the_csv_has_them(alice, alice_client, search, bob):
    from django.urls import reverse

    _apply(bob, CompanyFactory(owner=bob, name="Bobco"), "B1", "job_board", D(2026, 10, 5))
    with time_machine.travel(dt.datetime(2026, 11, 25, 12, tzinfo=dt.UTC), tick=False):
        query = {"period": "custom", "start": "2026-10-01", "end": "2026-11-25"}
        page = alice_client.get(reverse("insights:insights"), query).content.decode()
        assert "Of the 5 applications sent in this period" in page
        assert "80%" in page and "heard back (4 of 5)" in page
        assert "<svg" in page and 'aria-labelledby="funnel-title"' in page
        assert "Bobco" not in page
        assert "Your journal has been heavy lately (an average of 1.5 out of 5" in page
        csv = b"".join(alice_client.get(reverse("insights:csv"), query).streaming_content)
        lines = csv.decode().splitlines()
        assert "funnel,applied,5" in lines and "funnel,reached screening,3" in lines
        assert "responses by overall,all: median days to an answer,5.5" in lines


def test_a_bad_range_says_why_and_shows_the_default_period(alice, alice_client):
    from django.urls import reverse

    response = alice_client.get(
        reverse("insights:insights"),
        {"period": "custom", "start": "2026-11-20", "end": "2026-11-01"},
    )
    page = response.content.decode()
    assert response.status_code == 200
    assert "The end can’t be before the start." in page and "<title>Error: " in page
    assert "last 90 days" in page
    page = alice_client.get(reverse("insights:insights"), {"period": "custom"}).content.decode()
    assert "Choose the first day of the range." in page
    page = alice_client.get(reverse("insights:insights"), {"period": "forever"}).content.decode()
    assert "Select a valid choice" in page


def test_an_empty_account_gets_explanations_not_empty_charts(alice_client):
    from django.urls import reverse

    page = alice_client.get(reverse("insights:insights")).content.decode()
    assert "Nothing was applied for in this period" in page
    assert "No self-assessments in this period" in page
    assert 'id="ratings-chart"' not in page


@time_machine.travel("2026-11-25 10:00Z", tick=False)
def test_the_page_costs_the_same_queries_at_5_and_500_applications():
    from django.db import connection
    from django.test import Client
    from django.test.utils import CaptureQueriesContext

    from demo.bulk import load_heavy

    counts = []
    for email, scale in (("few@example.com", 0.001), ("many@example.com", 0.1)):
        client = Client()
        client.force_login(load_heavy(email=email, password="x", scale=scale))
        with CaptureQueriesContext(connection) as ctx:
            assert client.get("/insights/?period=all").status_code == 200
        counts.append(len(ctx.captured_queries))
    assert counts[0] == counts[1]


def test_the_page_lists_the_latest_while_averages_and_csv_use_all(
    alice, alice_client, search, monkeypatch
):
    from django.urls import reverse

    monkeypatch.setattr(assessments, "POINTS", 2)
    monkeypatch.setattr(assessments, "THEMES", 2)
    monkeypatch.setattr(wellbeing, "MOOD_DAYS", 2)
    monkeypatch.setattr(wellbeing, "EVENTS", 3)
    data = report(alice, search)
    assessed = data["assessments"]
    # The latest two of three (12 and 14 October), oldest first; averages still over all three.
    assert assessed.count == 3
    assert [p.day for p in assessed.points] == [D(2026, 10, 12), D(2026, 10, 14)]
    assert assessed.trend["confidence"] == (2.0, 3.5)
    assert assessed.by_round["Technical"]["confidence"] == 2.5
    # Themes from the latest two only (14 October noted nothing; 12 October did).
    assert [t.text for t in assessed.tripped_latest] == ["Scaling databases"]
    # Counted case aside, shown as written ("Negotiation", not "negotiation").
    assert dict(assessed.skills) == {"system design": 1, "Negotiation": 1}
    assert [m.day for m in data["wellbeing"].moods] == [D(2026, 11, 22), D(2026, 11, 24)]
    assert data["wellbeing"].events == [
        (D(2026, 10, 15), "Rejection: Acme"),
        (D(2026, 10, 20), "Offer: Acme"),
        (D(2026, 11, 25), "Plan completed: Acme"),
    ]
    with time_machine.travel(dt.datetime(2026, 11, 25, 12, tzinfo=dt.UTC), tick=False):
        query = {"period": "custom", "start": "2026-10-01", "end": "2026-11-25"}
        page = alice_client.get(reverse("insights:insights"), query).content.decode()
        assert "(the latest 2 of 3; the averages use them all, and the CSV lists them all)" in page
        assert "From your latest 2 self-assessments:" in page
        csv = b"".join(alice_client.get(reverse("insights:csv"), query).streaming_content)
        lines = csv.decode().splitlines()
        assert "self-assessment,2026-10-09 Technical: How prepared you were,2" in lines
        assert "mood,2026-11-20,1.5" in lines


def test_the_cached_numbers_follow_every_change_behind_the_services_back(
    alice, alice_client, search
):
    """The page is cached by the data version (rebound.fragments); each table it reads bumps
    that version, so a change made any way shows at once."""
    from django.urls import reverse

    from applications.models import StatusChange
    from coping.models import JournalEntry

    def page():
        with time_machine.travel(dt.datetime(2026, 11, 25, 12, tzinfo=dt.UTC), tick=False):
            query = {"period": "custom", "start": "2026-10-01", "end": "2026-11-25"}
            return alice_client.get(reverse("insights:insights"), query).content.decode()

    assert "<td>Mood 1 of 5</td>" in page()
    JournalEntry.objects.filter(owner=alice, written_on=D(2026, 11, 24)).update(mood=4)
    assert "<td>Mood 4 of 5</td>" in page()
    # A3's rejection (4 October, a day after applying) moved to 9 October: six days.
    StatusChange.objects.filter(application__role="A3", to_status=Status.REJECTED).update(
        changed_on=D(2026, 10, 9)
    )
    assert "9 Oct 2026</th><td>Rejection: Acme" in page()
    assert '<th scope="row">Panel</th>' not in page()
    Interview.objects.filter(round_type="final").update(round_type="panel")
    assert '<th scope="row">Panel</th>' in page()


def test_every_table_insights_reads_bumps_the_owners_version(alice, bob, search):
    from applications.models import StatusChange
    from coping.models import CopingPlan, JournalEntry, NetGoal
    from rebound.fragments import data_version

    bobs = data_version(bob)
    writes = {
        "timeline": lambda: StatusChange.objects.filter(application__owner=alice).update(note="x"),
        "interview": lambda: Interview.objects.filter(owner=alice).update(location="Room 2"),
        "assessment": lambda: SelfAssessment.objects.filter(interview__owner=alice).update(
            rapport=5
        ),
        "journal": lambda: JournalEntry.objects.create(owner=alice, mood=3, text="-"),
        "plan": lambda: CopingPlan.objects.filter(owner=alice).update(closed_at=None),
        "goal": lambda: NetGoal.objects.create(
            plan=CopingPlan.objects.filter(owner=alice).first(), starts_on=D(2026, 11, 1)
        ),
        "goal changed": lambda: NetGoal.objects.filter(plan__owner=alice).update(target=9),
    }
    for name, write in writes.items():
        before = data_version(alice)
        write()
        assert data_version(alice) > before, name
    assert data_version(bob) == bobs
