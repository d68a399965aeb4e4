import datetime as dt

import pytest
from django.db import IntegrityError, transaction

from applications.pipeline import Status
from applications.services import application_change_status
from coping.models import CopingPlan, PlanStep, Step
from reminders.models import Reminder
from tests.factories import (
    ApplicationFactory,
    CompanyFactory,
    ContactFactory,
    InterviewFactory,
    SelfAssessmentFactory,
    reject,
    reminders_about,
)

pytestmark = [
    pytest.mark.django_db,
    pytest.mark.application(status=Status.INTERVIEWING),
]


def test_a_rejection_opens_a_plan_with_its_steps_and_reminders(application, alice):
    SelfAssessmentFactory(interview=InterviewFactory(application=application))
    hr = ContactFactory(company=application.company, kind="hr", name="Hana")
    plan = reject(application, on=dt.date(2026, 11, 20))
    assert plan.reason == CopingPlan.Reason.REJECTED and plan.owner == alice
    assert sorted(plan.steps.values_list("step", flat=True)) == sorted(
        [Step.REFLECT, Step.FEELINGS, Step.WIDEN, Step.NEVER_SETTLE, Step.KEEP_IN_TOUCH]
    )
    assert "rate limiter" in plan.reflection.tripped_questions
    assert "System design" in plan.reflection.skills_to_improve
    assert plan.follow_up.check_in_on == dt.date(2027, 2, 20)
    assert plan.follow_up.contact == hr
    kinds = set(reminders_about(plan).values_list("kind", flat=True))
    assert kinds == {"keep_in_touch", "coping_check_in"}


def test_ghosting_opens_a_plan_and_a_rescinded_offer_adds_the_legal_step(alice):
    ghosted = ApplicationFactory(company=CompanyFactory(owner=alice), status=Status.INTERVIEWING)
    assert reject(ghosted, to_status=Status.GHOSTED).reason == CopingPlan.Reason.GHOSTED
    offer = ApplicationFactory(company=CompanyFactory(owner=alice), status=Status.OFFER)
    plan = reject(offer)
    assert plan.reason == CopingPlan.Reason.RESCINDED
    assert plan.legal_flagged and plan.steps.filter(step=Step.LEGAL).exists()


def test_withdrawing_opens_no_plan(application):
    application_change_status(application=application, to_status=Status.WITHDRAWN)
    assert not CopingPlan.objects.exists()


def test_marking_the_same_rejection_twice_makes_one_plan_and_one_follow_up(application):
    reject(application)
    assert reject(application) is None
    assert CopingPlan.objects.count() == 1
    assert Reminder.objects.filter(kind="keep_in_touch").count() == 1


def test_the_database_refuses_a_second_plan_for_the_same_rejection(application):
    plan = reject(application)
    with pytest.raises(IntegrityError), transaction.atomic():
        CopingPlan.objects.create(
            owner=plan.owner,
            application=application,
            opened_by=plan.opened_by,
            reason="rejected",
            opened_on=plan.opened_on,
            closed_at=dt.datetime.now(dt.UTC),
        )


def test_the_database_refuses_two_open_plans_for_one_application(application):
    plan = reject(application)
    other_change = application.status_changes.exclude(pk=plan.opened_by_id).first()
    with pytest.raises(IntegrityError), transaction.atomic():
        CopingPlan.objects.create(
            owner=plan.owner,
            application=application,
            opened_by=other_change,
            reason="rejected",
            opened_on=plan.opened_on,
        )


def test_the_database_refuses_two_open_reminders_about_the_same_thing(application):
    plan = reject(application)
    existing = reminders_about(plan).get(kind="keep_in_touch")
    with pytest.raises(IntegrityError), transaction.atomic():
        Reminder.objects.create(
            owner=existing.owner,
            kind=existing.kind,
            subject_id=plan.pk,
            local_date=existing.local_date,
            local_time=existing.local_time,
            timezone=existing.timezone,
            due_at=existing.due_at,
            run_at=existing.run_at,
        )


def test_a_reopened_and_rejected_again_application_gets_a_fresh_plan_after_closing(
    application,
):
    from coping import services

    first = reject(application)
    services.plan_close(plan=first)
    application_change_status(application=application, to_status=Status.INTERVIEWING)
    second = reject(application)
    assert second is not None and second != first
    assert PlanStep.objects.filter(plan=second).count() == 5
