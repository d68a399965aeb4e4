"""The plan counts the way a person counts (issue 22)."""

import datetime as dt

import pytest
from django.urls import reverse

from applications.pipeline import Status
from coping.models import PlanStep
from tests.factories import ApplicationFactory, CompanyFactory, reject

TODAY = dt.datetime(2026, 12, 6, 12, tzinfo=dt.UTC)
pytestmark = [pytest.mark.django_db, pytest.mark.frozen(TODAY)]


@pytest.fixture
def plan(alice):
    application = ApplicationFactory(
        company=CompanyFactory(owner=alice, name="Northwind"),
        role="Data analyst",
        status=Status.INTERVIEWING,
    )
    return reject(application)


def _widen(plan):
    return PlanStep.objects.get(plan=plan, step="widen").state


def test_setting_a_goal_starts_widen_the_net_and_reaching_it_finishes_it(alice, alice_client, plan):
    url = reverse("coping:plan_step", args=[plan.pk, "widen"])
    r = alice_client.post(url, {"target": "2", "weeks": "2"}, follow=True)
    page = r.content.decode()
    assert "Goal set: 0 of 2 so far" in page
    # 0 of 2 is not done: the plan still counts it as to do, and shows its progress.
    assert _widen(plan) == "todo"
    assert "0 of 5 steps done or skipped" in page
    assert "0 of 2 new applications" in page
    assert "Done: goal reached" not in page

    ApplicationFactory(company=CompanyFactory(owner=alice))
    page = alice_client.get(plan.get_absolute_url()).content.decode()
    assert "1 of 2 new applications" in page and "0 of 5 steps" in page

    ApplicationFactory(company=CompanyFactory(owner=alice))
    page = alice_client.get(plan.get_absolute_url()).content.decode()
    assert "Done: goal reached" in page and "1 of 5 steps done or skipped" in page
    # Every page that counts the plan agrees.
    assert "1 of 5 steps" in alice_client.get(reverse("coping:plan_list")).content.decode()
    application_page = alice_client.get(plan.application.get_absolute_url()).content.decode()
    assert "1 of 5 steps" in application_page
    assert "1 of 5 steps" in alice_client.get(reverse("home")).content.decode()


def test_the_user_can_call_widen_the_net_done_themselves(alice_client, plan):
    url = reverse("coping:plan_step", args=[plan.pk, "widen"])
    alice_client.post(url, {"target": "5", "weeks": "2"})
    page = alice_client.get(url).content.decode()
    assert "The step is done when you reach your goal." in page
    assert "mark this step done" in page
    alice_client.post(reverse("coping:plan_step_state", args=[plan.pk, "widen"]), {"state": "done"})
    assert _widen(plan) == "done"
    page = alice_client.get(url).content.decode()
    assert "You marked this step done yourself." in page
    assert "1 of 5 steps" in alice_client.get(plan.get_absolute_url()).content.decode()


def test_the_count_says_whether_the_optional_legal_step_is_on_the_plan(alice_client, plan):
    pages = [
        plan.get_absolute_url(),
        reverse("coping:plan_list"),
        plan.application.get_absolute_url(),
        reverse("home"),
    ]
    for url in pages:
        page = alice_client.get(url).content.decode()
        assert "0 of 5 steps done or skipped · optional legal step not added" in page, url
    alice_client.post(reverse("coping:plan_step", args=[plan.pk, "legal"]), {"action": "flag"})
    for url in pages:
        page = alice_client.get(url).content.decode()
        assert "0 of 6 steps done or skipped · legal step included" in page, url


def test_keep_these_moving_says_how_many_it_leaves_out_and_links_to_them(alice, alice_client, plan):
    company = CompanyFactory(owner=alice)
    ApplicationFactory.create_batch(20, company=company, status=Status.APPLIED)
    ApplicationFactory.create_batch(3, company=company, status=Status.INTERVIEWING)
    # Not open: ended ones.
    ApplicationFactory.create_batch(2, company=company, status=Status.REJECTED)
    ApplicationFactory(company=company, status=Status.ACCEPTED)

    page = alice_client.get(reverse("coping:plan_step", args=[plan.pk, "never_settle"]))
    text = page.content.decode()
    assert "10 of 23 open applications shown" in text
    link = reverse("applications:application_list") + "?status=open"
    assert f'href="{link}">See all 23 open applications' in text

    table = alice_client.get(link)
    assert table.context["table"]["page"].paginator.count == 23


def test_keep_these_moving_says_nothing_is_left_out_when_all_fit(alice, alice_client, plan):
    ApplicationFactory.create_batch(3, company=CompanyFactory(owner=alice))
    text = alice_client.get(
        reverse("coping:plan_step", args=[plan.pk, "never_settle"])
    ).content.decode()
    assert "Your 3 open applications" in text
    assert "See all" not in text
