"""An interview before the date applied is asked about on the page, which offers to move the
date applied; every other way in refuses it with a message. Out-of-bounds days are refused."""

import datetime as dt

import pytest
from django.core.exceptions import ValidationError
from django.urls import reverse

from applications.pipeline import Status
from interviews.models import Interview
from interviews.services import interview_save
from interviews.validators import INTERVIEW_BEFORE_APPLIED, validate_interview_after_applied

NOW = dt.datetime(2026, 12, 8, 12, tzinfo=dt.UTC)
D = dt.date
pytestmark = [
    pytest.mark.django_db,
    pytest.mark.frozen(NOW),
    pytest.mark.application(date_applied=D(2026, 12, 6)),
]


def _form(day="2026-11-30", **extra):
    return {"round_type": "technical", "date": day, "start_time": "10:00", "end_time": "11:00",
            "format": "video", "questions": "", "preparation_notes": "", **extra}  # fmt: skip


def _timeline(application):
    return list(
        application.status_changes.order_by("created_at", "pk").values_list(
            "to_status", "changed_on"
        )
    )


def test_the_rule_once():
    validate_interview_after_applied(day=D(2026, 12, 6), date_applied=D(2026, 12, 6))
    validate_interview_after_applied(day=D(2026, 11, 1), date_applied=None)  # not applied yet
    with pytest.raises(ValidationError) as caught:
        validate_interview_after_applied(day=D(2026, 11, 30), date_applied=D(2026, 12, 6))
    assert caught.value.code == INTERVIEW_BEFORE_APPLIED


def test_the_page_asks_and_moves_the_date_applied_when_told_to(alice_client, application):
    url = reverse("interviews:create", args=[application.pk])
    page = " ".join(alice_client.post(url, _form()).content.decode().split())
    assert (
        "This interview is before the date you applied (6 Dec). Move the applied date to 30 Nov?"
        in page
    )
    assert "Yes, move the date applied to 30 Nov" in page
    assert not Interview.objects.exists()
    # Yes: the date applied moves on the timeline, then the interview is saved.
    r = alice_client.post(url, _form(move_applied_date="1"))
    interview = Interview.objects.get()
    assert r.url == interview.get_absolute_url()
    application.refresh_from_db()
    assert application.date_applied == D(2026, 11, 30)
    assert _timeline(application) == [
        ("applied", D(2026, 11, 30)),
        ("interviewing", D(2026, 11, 30)),
    ]
    page = alice_client.get(application.get_absolute_url()).content.decode()
    assert "30 Nov" in page


def test_saying_no_and_changing_the_interviews_date_saves_it_as_typed(alice_client, application):
    url = reverse("interviews:create", args=[application.pk])
    alice_client.post(url, _form())
    r = alice_client.post(url, _form(day="2026-12-07"))
    assert r.status_code == 302
    application.refresh_from_db()
    assert application.date_applied == D(2026, 12, 6)
    assert Interview.objects.get().starts_at.date() == D(2026, 12, 7)


def test_editing_an_interview_to_before_the_date_applied_is_asked_about_too(
    alice_client, application
):
    url = reverse("interviews:create", args=[application.pk])
    alice_client.post(url, _form(day="2026-12-07"))
    interview = Interview.objects.get()
    page = alice_client.post(
        reverse("interviews:update", args=[interview.pk]), _form(day="2026-12-01")
    ).content.decode()
    assert "Move the applied date to 1 Dec?" in page
    interview.refresh_from_db()
    assert interview.starts_at.date() == D(2026, 12, 7)


def test_the_service_refuses_what_the_page_would_ask_about(alice, application):
    """The API, the demo and every script go through interview_save: refused, with a
    message that says how to fix it, and nothing saved."""
    starts = dt.datetime(2026, 11, 30, 9, tzinfo=dt.UTC)
    interview = Interview(
        application=application, round_type="technical", format="video",
        starts_at=starts, ends_at=starts + dt.timedelta(hours=1),
    )  # fmt: skip
    with pytest.raises(ValidationError) as caught:
        interview_save(interview=interview)
    assert caught.value.messages == [
        "This interview (30 Nov 2026) is before the date you applied (6 Dec 2026). Correct the "
        "date applied first, or the interview’s date."
    ]
    assert not Interview.objects.exists()
    application.refresh_from_db()
    assert application.status == Status.APPLIED


def test_an_interview_in_the_year_3000_is_refused(alice, application):
    starts = dt.datetime(3000, 1, 1, 9, tzinfo=dt.UTC)
    interview = Interview(
        application=application, round_type="technical", format="video",
        starts_at=starts, ends_at=starts + dt.timedelta(hours=1),
    )  # fmt: skip
    with pytest.raises(ValidationError, match="The interview’s date can’t be after"):
        interview_save(interview=interview)
    assert not Interview.objects.exists()
