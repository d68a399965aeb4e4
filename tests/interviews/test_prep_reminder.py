"""The interview-prep email: the evening before, at the user's prep hour, in their zone."""

import datetime as dt

import pytest
import time_machine
from django.core.management import call_command
from django.urls import reverse

from applications import services as applications
from applications.pipeline import Status
from interviews import services
from interviews.models import Interview
from tests.factories import (
    ContactFactory,
    InterviewFactory,
    SelfAssessmentFactory,
    reminders_about,
)

pytestmark = [
    pytest.mark.django_db(transaction=True),
    pytest.mark.application(company="Northwind", status=Status.INTERVIEWING),
]
UTC = dt.UTC


def at(*args):
    return time_machine.travel(dt.datetime(*args, tzinfo=UTC), tick=False)


def _log(application, starts_at, **fields):
    return services.interview_save(
        interview=Interview(
            application=application,
            round_type="final",
            starts_at=starts_at,
            ends_at=starts_at + dt.timedelta(hours=1),
            format="onsite",
            location="Main St 4, 3rd floor",
            preparation_notes="Bring the case study printout",
            **fields,
        ),
        interviewers=[ContactFactory(company=application.company, name="Marco Liu")],
    )


def test_it_arrives_the_evening_before_at_the_prep_hour_across_dst(application, smtp_sink):
    earlier = InterviewFactory(
        application=application,
        starts_at=dt.datetime(2026, 3, 10, 9, tzinfo=UTC),
        ends_at=dt.datetime(2026, 3, 10, 10, tzinfo=UTC),
    )
    SelfAssessmentFactory(interview=earlier, tripped_questions="Pricing a logistics network")
    with at(2026, 3, 20, 10):
        # Monday 30 March, 14:00 in Berlin, the day after the clocks went forward.
        interview = _log(application, dt.datetime(2026, 3, 30, 12, tzinfo=UTC))
        before_dst = _log(application, dt.datetime(2026, 3, 28, 13, tzinfo=UTC))
    prep = reminders_about(interview, "interview_prep").get()
    assert (prep.local_date, prep.local_time) == (dt.date(2026, 3, 29), dt.time(18))
    assert prep.due_at == dt.datetime(2026, 3, 29, 16, tzinfo=UTC)  # 18:00 CEST
    other = reminders_about(before_dst, "interview_prep").get()
    assert other.due_at == dt.datetime(2026, 3, 27, 17, tzinfo=UTC)  # 18:00 CET
    with at(2026, 3, 27, 16, 59):
        call_command("dispatch_reminders")
    assert smtp_sink.messages == []
    with at(2026, 3, 27, 17, 0):
        call_command("dispatch_reminders")
    assert [m["Subject"] for m in smtp_sink.messages] == [
        "Tomorrow: your final interview with Northwind"
    ]
    with at(2026, 3, 29, 16, 0):
        call_command("dispatch_reminders")
    email = next(m for m in smtp_sink.messages[1:] if m["Subject"].startswith("Tomorrow"))
    text = next(
        p.get_payload(decode=True).decode()
        for p in email.walk()
        if p.get_content_type() == "text/plain"
    )
    assert "Tomorrow, Monday 30 March at 14:00" in text
    assert "in person: Main St 4, 3rd floor" in text
    assert "With: Marco Liu" in text
    assert "Bring the case study printout" in text
    assert "- Pricing a logistics network" in text


def test_prep_hour_changes_move_it_and_the_interview_moving_moves_it(
    alice, alice_client, application
):
    with at(2026, 11, 2, 10):
        interview = _log(application, dt.datetime(2026, 11, 20, 13, tzinfo=UTC))
        alice_client.post(
            reverse("preferences"),
            {
                "first_name": "Alice",
                "timezone": "Europe/Berlin",
                "reminder_time": "08:00",
                "keep_in_touch_months": "3",
                "no_reply_days": "10",
                "prep_time": "19:30",
            },
        )
        prep = reminders_about(interview, "interview_prep").get()
        assert prep.due_at == dt.datetime(2026, 11, 19, 18, 30, tzinfo=UTC)  # 19:30 CET
        thank_you = reminders_about(interview, "thank_you").get()
        assert thank_you.due_at == dt.datetime(2026, 11, 21, 7, tzinfo=UTC)  # 08:00 CET
        alice.refresh_from_db()
        interview.application.owner = alice
        interview.starts_at = dt.datetime(2026, 11, 24, 13, tzinfo=UTC)
        interview.ends_at = interview.starts_at + dt.timedelta(hours=1)
        services.interview_save(interview=interview)
    prep.refresh_from_db()
    assert (prep.local_date, prep.due_at) == (
        dt.date(2026, 11, 23),
        dt.datetime(2026, 11, 23, 18, 30, tzinfo=UTC),
    )


def test_closing_cancels_it_reopening_brings_it_back_deleting_cancels_it(application):
    with at(2026, 11, 2, 10):
        interview = _log(application, dt.datetime(2026, 11, 20, 13, tzinfo=UTC))
        prep = reminders_about(interview, "interview_prep").get()
        applications.application_change_status(application=application, to_status="rejected")
        prep.refresh_from_db()
        assert (prep.status, prep.ended_reason) == ("cancelled", "The application is rejected.")
        applications.application_change_status(application=application, to_status="interviewing")
        assert reminders_about(interview, "interview_prep").filter(status="scheduled").exists()
        pk = interview.pk
        services.interview_delete(interview=interview)
    interview.pk = pk
    assert set(reminders_about(interview).values_list("status", flat=True)) == {"cancelled"}
