import datetime as dt

import icalendar
import pytest
import time_machine
from django.urls import reverse

from applications.models import Contact
from applications.pipeline import Status
from interviews.models import Interview, SelfAssessment
from reminders import dispatch_services
from tests.factories import (
    CompanyFactory,
    ContactFactory,
    InterviewFactory,
    reminders_about,
)

pytestmark = [
    pytest.mark.django_db,
    # Applied before the interviews below: an interview before applying is asked about.
    pytest.mark.application(status_changed_on=dt.date(2026, 11, 1)),
]


def _interview_data(**overrides):
    data = {
        "round_type": "technical",
        "date": "2026-11-20",
        "start_time": "14:00",
        "end_time": "15:30",
        "format": "video",
        "location": "https://meet.example/abc",
        "new_interviewers": "Priya Raman, Tom Okafor",
        "preparation_notes": "",
        "questions": "Walk me through a project\nHow do you test?\nWhy us?",
        "promised_reply_by": "2026-11-27",
    }
    data.update(overrides)
    return data


@time_machine.travel(dt.datetime(2026, 11, 25, 12, tzinfo=dt.UTC))
def test_it_logs_an_interview_in_the_users_timezone(alice_client, application):
    existing = ContactFactory(company=application.company, name="Hana HR", kind="hr")
    r = alice_client.post(
        reverse("interviews:create", args=[application.pk]),
        _interview_data(interviewers=[existing.pk]),
    )
    interview = Interview.objects.get()
    assert r.url == interview.get_absolute_url()
    # Alice is in Europe/Berlin: 14:00 local is 13:00 UTC in November.
    assert interview.starts_at == dt.datetime(2026, 11, 20, 13, tzinfo=dt.UTC)
    assert interview.duration_minutes == 90
    assert sorted(interview.interviewers.values_list("name", flat=True)) == [
        "Hana HR",
        "Priya Raman",
        "Tom Okafor",
    ]
    assert Contact.objects.get(name="Tom Okafor").company == application.company
    assert interview.question_list == ["Walk me through a project", "How do you test?", "Why us?"]
    application.refresh_from_db()
    assert application.status == Status.INTERVIEWING


@pytest.mark.parametrize(
    ("overrides", "message"),
    [
        ({"end_time": "13:00"}, "The interview must end after it starts."),
        ({"promised_reply_by": "2026-11-01"}, "can’t be before the interview"),
        ({"date": "soon"}, "Enter a valid date."),
    ],
)
def test_it_explains_bad_interview_input_and_saves_nothing(
    alice_client, application, overrides, message
):
    r = alice_client.post(
        reverse("interviews:create", args=[application.pk]),
        _interview_data(**overrides),
    )
    assert message in r.content.decode()
    assert not Interview.objects.exists()
    assert not Contact.objects.exists()


def test_it_never_offers_another_users_contacts(alice_client, application, bob):
    ContactFactory(company=CompanyFactory(owner=bob), name="Bob's Secret Recruiter")
    mine = ContactFactory(company=application.company, name="Alice's Interviewer")
    page = alice_client.get(reverse("interviews:create", args=[application.pk])).content.decode()
    assert "Alice&#x27;s Interviewer" in page
    assert "Secret Recruiter" not in page
    stranger = Contact.objects.get(owner=bob)
    r = alice_client.post(
        reverse("interviews:create", args=[application.pk]),
        _interview_data(interviewers=[stranger.pk, mine.pk]),
    )
    assert "Select a valid choice" in r.content.decode()
    assert not Interview.objects.exists()


def test_it_prompts_for_a_self_assessment_once_the_interview_is_over(alice_client, application):
    interview = InterviewFactory(application=application)
    page = alice_client.get(interview.get_absolute_url()).content.decode()
    assert "Write your self-assessment" in page
    future = InterviewFactory(
        application=application,
        starts_at=dt.datetime(2099, 1, 1, 10, tzinfo=dt.UTC),
        ends_at=dt.datetime(2099, 1, 1, 11, tzinfo=dt.UTC),
    )
    assert (
        "Write your self-assessment"
        not in alice_client.get(future.get_absolute_url()).content.decode()
    )


def test_it_saves_and_edits_one_self_assessment_per_interview(alice_client, application):
    interview = InterviewFactory(application=application)
    url = reverse("interviews:assessment_edit", args=[interview.pk])
    data = {
        "qualification_fit": 4,
        "preparation": 3,
        "communication": 4,
        "technical_answers": 2,
        "rapport": 5,
        "confidence": 3,
        "went_well": "Clear story about the migration",
        "tripped_questions": "Consistency models",
        "change_next_time": "Practise aloud",
        "skills_to_build": "Distributed systems\nSQL window functions",
    }
    r = alice_client.post(url, data)
    assert r.url == application.get_absolute_url()
    alice_client.post(url, {**data, "confidence": 4})
    assessment = SelfAssessment.objects.get()
    assert assessment.confidence == 4
    assert assessment.skill_list == ["Distributed systems", "SQL window functions"]
    page = alice_client.get(application.get_absolute_url()).content.decode()
    assert "Consistency models" in page and "confidence 4/5" in page


def test_it_rejects_ratings_out_of_range(alice_client, application):
    interview = InterviewFactory(application=application)
    r = alice_client.post(
        reverse("interviews:assessment_edit", args=[interview.pk]),
        {
            "qualification_fit": 9,
            "preparation": 3,
            "communication": 4,
            "technical_answers": 2,
            "rapport": 5,
            "confidence": 0,
        },
    )
    body = r.content.decode()
    assert "less than or equal to 5" in body and "greater than or equal to 1" in body
    assert not SelfAssessment.objects.exists()


def test_it_lists_upcoming_and_past_interviews(alice_client, application):
    InterviewFactory(application=application, round_type="phone_screen")
    InterviewFactory(
        application=application,
        round_type="final",
        starts_at=dt.datetime(2099, 1, 1, 10, tzinfo=dt.UTC),
        ends_at=dt.datetime(2099, 1, 1, 11, tzinfo=dt.UTC),
    )
    page = alice_client.get(reverse("interviews:list")).content.decode()
    assert page.index("Final") < page.index("Past") < page.index("Phone screen")


def test_it_offers_the_interview_as_a_calendar_file(alice_client, application):
    tricky = "Room 4, Main St; ask at reception\r\nthen\nfloor 2\rdesk " + "x" * 200
    interview = InterviewFactory(
        application=application,
        starts_at=dt.datetime(2026, 12, 1, 13, tzinfo=dt.UTC),
        ends_at=dt.datetime(2026, 12, 1, 14, 30, tzinfo=dt.UTC),
        location="Room 4, Main St; ask at reception",
        preparation_notes=tricky,
    )
    application.role = "Data; analyst, " + "y" * 180
    application.save()
    r = alice_client.get(reverse("interviews:calendar", args=[interview.pk]))
    assert r["Content-Type"].startswith("text/calendar")
    raw = r.content
    assert all(len(line) <= 75 for line in raw.split(b"\r\n"))  # folded per RFC 5545
    assert b"\r" not in raw.replace(b"\r\n", b"")  # no lone CR reaches the file
    (event,) = icalendar.Calendar.from_ical(raw).walk("VEVENT")
    assert event.decoded("dtstart") == dt.datetime(2026, 12, 1, 13, tzinfo=dt.UTC)
    assert event.decoded("dtend") == dt.datetime(2026, 12, 1, 14, 30, tzinfo=dt.UTC)
    assert str(event["summary"]) == (
        f"Technical interview — Data; analyst, {'y' * 180} at {application.company.name}"
    )
    assert str(event["location"]) == "Room 4, Main St; ask at reception"
    # Line breaks of every style come back as newlines; nothing else changes.
    assert str(event["description"]) == tricky.replace("\r\n", "\n").replace("\r", "\n")
    assert str(event["uid"]) == f"interview-{interview.pk}@rebound"


@time_machine.travel(dt.datetime(2026, 11, 18, 12, tzinfo=dt.UTC))
def test_deleting_an_interview_cancels_its_reminders_and_nothing_is_sent(
    alice_client, application, smtp_sink
):
    alice_client.post(reverse("interviews:create", args=[application.pk]), _interview_data())
    interview = Interview.objects.get()
    pending = reminders_about(interview)
    assert sorted(pending.values_list("kind", "status")) == [
        ("interview_prep", "scheduled"),
        ("promised_reply", "scheduled"),
        ("thank_you", "scheduled"),
    ]
    page = alice_client.get(reverse("interviews:delete", args=[interview.pk])).content.decode()
    assert "its reminders (prep, thank-you, promised reply) are cancelled" in page
    r = alice_client.post(reverse("interviews:delete", args=[interview.pk]))
    assert r.url == application.get_absolute_url()
    assert set(pending.values_list("status", "ended_reason")) == {
        ("cancelled", "The interview was deleted.")
    }
    with time_machine.travel(dt.datetime(2026, 12, 1, 12, tzinfo=dt.UTC)):
        dispatch_services.reminders_dispatch()
    assert smtp_sink.messages == []


@time_machine.travel(dt.datetime(2026, 11, 18, 12, tzinfo=dt.UTC))
def test_closing_the_application_cancels_a_pending_thank_you(alice_client, application):
    alice_client.post(reverse("interviews:create", args=[application.pk]), _interview_data())
    thank_you = reminders_about(Interview.objects.get(), "thank_you").get()
    alice_client.post(
        reverse("applications:application_change_status", args=[application.pk]),
        {"to_status": "withdrawn"},
    )
    thank_you.refresh_from_db()
    assert (thank_you.status, thank_you.ended_reason) == (
        "cancelled",
        "The application is withdrawn.",
    )
