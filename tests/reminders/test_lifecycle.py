"""Closing, reopening or finishing what a reminder is about cancels or re-derives it."""

import datetime as dt

import pytest
import time_machine
from django.core import mail

from applications import services as applications
from applications.pipeline import Status
from coping import services as coping
from interviews import services as interviews
from interviews.models import Interview
from reminders import dispatch_services
from tests.factories import (
    SelfAssessmentFactory,
    reject,
    reminders_about,
)

pytestmark = [
    pytest.mark.django_db,
    pytest.mark.application(company="Lumen", status=Status.INTERVIEWING),
]
UTC = dt.UTC


def at(*args):
    return time_machine.travel(dt.datetime(*args, tzinfo=UTC), tick=False)


def _statuses(subject):
    return dict(reminders_about(subject).values_list("kind", "status"))


def test_coming_back_pauses_the_plans_check_ins_and_a_new_rejection_reschedules_them(
    application,
):
    with at(2026, 11, 2, 10):
        plan = reject(application, on=dt.date(2026, 11, 2))
        coping.feedback_request_mark_sent(
            request=coping.feedback_request_draft(plan=plan), on=dt.date(2026, 11, 2)
        )
    assert _statuses(plan) == {
        "keep_in_touch": "scheduled",
        "coping_check_in": "scheduled",
        "feedback_chase": "scheduled",
    }
    with at(2026, 11, 6, 10):  # the company comes back
        applications.application_change_status(application=application, to_status="interviewing")
    assert set(_statuses(plan).values()) == {"cancelled"}
    assert set(reminders_about(plan).values_list("ended_reason", flat=True)) == {
        "You are back in the process with Lumen."
    }
    with at(2026, 11, 20, 10):  # and says no again: the open plan carries on
        again = reject(application, on=dt.date(2026, 11, 20))
    assert again is None  # no second plan while this one is open
    keep = reminders_about(plan, "keep_in_touch").get(status="scheduled")
    assert keep.local_date == dt.date(2027, 2, 20)  # three months from the new rejection
    check_in = reminders_about(plan, "coping_check_in").get(status="scheduled")
    assert check_in.local_date == dt.date(2026, 11, 27)


def test_closing_a_plan_cancels_its_check_in_and_reopening_brings_it_back(application):
    with at(2026, 11, 2, 10):
        plan = reject(application, on=dt.date(2026, 11, 2))
        coping.plan_close(plan=plan)
        assert _statuses(plan)["coping_check_in"] == "cancelled"
        assert _statuses(plan)["keep_in_touch"] == "scheduled"  # months away, still wanted
        coping.plan_reopen(plan=plan)
    check_in = reminders_about(plan, "coping_check_in").get(status="scheduled")
    assert check_in.local_date == dt.date(2026, 11, 9)


def test_letting_the_company_go_cancels_keep_in_touch_and_feedback_cancels_the_chase(
    application,
):
    with at(2026, 11, 2, 10):
        plan = reject(application, on=dt.date(2026, 11, 2))
        request = coping.feedback_request_draft(plan=plan)
        coping.feedback_request_mark_sent(request=request, on=dt.date(2026, 11, 2))
        coping.feedback_request_mark_received(
            request=request, on=dt.date(2026, 11, 2), feedback="Strong, but less SQL."
        )
        coping.follow_up_schedule(follow_up=plan.follow_up, interested=False)
    statuses = _statuses(plan)
    assert (statuses["feedback_chase"], statuses["keep_in_touch"]) == ("cancelled", "cancelled")


def test_a_thank_you_follows_the_application_closing_and_reopening(application):
    with at(2026, 11, 2, 10):
        interview = interviews.interview_save(
            interview=Interview(
                application=application,
                round_type="panel",
                starts_at=dt.datetime(2026, 11, 3, 13, tzinfo=UTC),
                ends_at=dt.datetime(2026, 11, 3, 14, tzinfo=UTC),
            )
        )
        applications.application_change_status(application=application, to_status="withdrawn")
        assert _statuses(interview)["thank_you"] == "cancelled"
        applications.application_change_status(application=application, to_status="applied")
    assert reminders_about(interview, "thank_you").filter(status="scheduled").exists()


def test_the_thank_you_email_fits_the_state_when_it_is_sent(application, alice):
    with at(2026, 11, 2, 10):
        interview = interviews.interview_save(
            interview=Interview(
                application=application,
                round_type="panel",
                starts_at=dt.datetime(2026, 11, 3, 13, tzinfo=UTC),
                ends_at=dt.datetime(2026, 11, 3, 14, tzinfo=UTC),
            )
        )
    with at(2026, 11, 4, 8):
        dispatch_services.reminders_dispatch()
    assert "write your self-assessment" in mail.outbox[0].body
    # A second interview, whose self-assessment is written before its thank-you goes out.
    with at(2026, 11, 5, 10):
        second = interviews.interview_save(
            interview=Interview(
                application=application,
                round_type="final",
                starts_at=dt.datetime(2026, 11, 6, 13, tzinfo=UTC),
                ends_at=dt.datetime(2026, 11, 6, 14, tzinfo=UTC),
            )
        )
    SelfAssessmentFactory(interview=second)
    with at(2026, 11, 7, 8):
        dispatch_services.reminders_dispatch()
    last = mail.outbox[-1]
    assert "Send a thank-you note" in last.subject
    assert "write your self-assessment" not in last.body
    assert "Your self-assessment is written" in last.body
    assert interview.pk != second.pk
