"""Steps complete the way people finish them."""

import datetime as dt

import pytest
import time_machine
from django.urls import reverse

from applications import services as applications
from applications.pipeline import Status
from coping import services
from coping.models import PlanStep
from tests.factories import ApplicationFactory, CompanyFactory, ContactFactory, reject

pytestmark = pytest.mark.django_db


def _state(plan, step):
    return PlanStep.objects.get(plan=plan, step=step).state


@pytest.fixture
def plan(alice):
    with time_machine.travel(dt.datetime(2026, 11, 20, 12, tzinfo=dt.UTC), tick=False):
        return reject(
            ApplicationFactory(company=CompanyFactory(owner=alice), status=Status.OFFER),
            on=dt.date(2026, 11, 20),
        )


def test_a_journal_entry_completes_feelings(alice, plan):
    services.journal_entry_create(owner=alice, plan=plan, mood=2, text="Rough day.")
    assert _state(plan, "feelings") == "done"


def test_sending_the_feedback_request_completes_feelings(plan):
    request = services.feedback_request_draft(plan=plan)
    assert _state(plan, "feelings") == "todo"  # a draft is not yet asking
    services.feedback_request_mark_sent(request=request, on=plan.opened_on)
    assert _state(plan, "feelings") == "done"


def test_recording_an_incident_completes_legal_options(alice_client, plan):
    assert plan.legal_flagged  # a rescinded offer
    url = reverse("coping:plan_step", args=[plan.pk, "legal"])
    page = alice_client.get(url).content.decode()
    assert "<title>Legal options" in page
    alice_client.post(
        url,
        {
            "kind": "rescinded_offer",
            "happened_on": "2026-11-19",
            "jurisdiction": "uk",
            "facts": "Offer withdrawn by phone.",
        },
    )
    assert _state(plan, "legal") == "done"


def test_outreach_offers_leads_first_and_shows_its_notes(alice, alice_client, plan):
    company = plan.application.company
    interviewer = ContactFactory(company=company, kind="interviewer", name="Ivy Interviewer")
    friend = ContactFactory(company=company, kind="network", name="Zed Friend")
    agency = ContactFactory(company=company, kind="staffing_agency", name="Amy Agency")
    url = reverse("coping:plan_step", args=[plan.pk, "never_settle"])
    page = alice_client.get(url).content.decode()
    assert page.index("Zed Friend") < page.index("Amy Agency")  # network, then agencies
    assert "Ivy Interviewer" not in page
    alice_client.post(
        url,
        {
            "contact": friend.pk,
            "on": "2026-11-21",
            "outcome": "lead",
            "notes": "Knows a lead.",
        },
    )
    assert "Knows a lead." in alice_client.get(url).content.decode()
    assert interviewer.pk and agency.pk


def test_widen_the_net_counts_applications_applied_after_the_plan_opened(alice):
    company = CompanyFactory(owner=alice)

    def applied(role, on):
        return applications.application_create(
            owner=alice, company=company, role=role, status=Status.APPLIED, date_applied=on
        )

    with time_machine.travel(dt.datetime(2026, 11, 20, 8, tzinfo=dt.UTC), tick=False):
        applied("Same day, before the no", dt.date(2026, 11, 20))  # does not count
    with time_machine.travel(dt.datetime(2026, 11, 20, 12, tzinfo=dt.UTC), tick=False):
        plan = reject(
            ApplicationFactory(company=company, status=Status.INTERVIEWING),
            on=dt.date(2026, 11, 20),
        )
        goal = services.net_goal_set(plan=plan, target=5, weeks=2)
        applied("Same day, after the no", dt.date(2026, 11, 20))  # counts
    with time_machine.travel(dt.datetime(2026, 11, 22, 12, tzinfo=dt.UTC), tick=False):
        applied("Two days later", dt.date(2026, 11, 22))  # counts
        applied("Backfilled, sent on 1 November", dt.date(2026, 11, 1))  # does not count
        applications.application_create(owner=alice, company=company, role="Wishlist only")
    with time_machine.travel(dt.datetime(2026, 12, 10, 12, tzinfo=dt.UTC), tick=False):
        applied("After the two weeks", dt.date(2026, 12, 10))  # does not count
    assert services.net_goal_progress_query(goal).count() == 2
