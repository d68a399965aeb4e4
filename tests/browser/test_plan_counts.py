"""Issue 22, "The plan counts the way a person counts", in Chromium at 390 and 1280 px."""

import pytest
from playwright.sync_api import Page, expect

from applications.pipeline import Status
from tests.conftest import assert_accessible, log_in
from tests.factories import (
    ApplicationFactory,
    CompanyFactory,
    ContactFactory,
    InterviewFactory,
    SelfAssessmentFactory,
    reject,
)

pytestmark = pytest.mark.browser


@pytest.fixture
def plan(alice):
    company = CompanyFactory(owner=alice, name="Northwind")
    application = ApplicationFactory(company=company, role="Data analyst", status="interviewing")
    hana = ContactFactory(company=company, kind="hr", name="Hana Ito")
    application.contacts.set([hana])
    SelfAssessmentFactory(
        interview=InterviewFactory(application=application),
        change_next_time="Ask about the team first\nBring numbers",
    )
    plan = reject(application)
    # Applied after the rejection: they count toward a goal, and are open.
    others = CompanyFactory(owner=alice, name="Globex")
    for i in range(12):
        ApplicationFactory(company=others, role=f"Analyst {i}", status=Status.APPLIED)
    return plan


@pytest.mark.parametrize("size", [{"width": 390, "height": 844}, {"width": 1280, "height": 900}])
def test_the_plan_counts_what_it_says_on_every_page(page: Page, site, alice, plan, size):
    log_in(page, site, alice)
    page.set_viewport_size(size)
    page.goto(site + plan.get_absolute_url())
    expect(
        page.get_by_text("0 of 5 steps done or skipped · optional legal step not added")
    ).to_be_visible()
    assert_accessible(page)

    page.get_by_role("link", name="Start Widen the net").click()
    page.get_by_label("New applications").fill("20")
    page.get_by_role("button", name="Set my goal").click()
    # 12 applied today count toward 20: started, not done.
    expect(page.get_by_text("Goal set: 12 of 20 so far")).to_be_visible()
    expect(page.get_by_text("12 of 20 new applications")).to_be_visible()
    expect(page.get_by_text("0 of 5 steps done or skipped")).to_be_visible()
    assert_accessible(page)
    page.get_by_role("link", name="Continue Widen the net").click()
    expect(page.get_by_text("The step is done when you reach your goal.")).to_be_visible()
    assert_accessible(page)

    page.goto(site + f"/coping/plans/{plan.pk}/never_settle/")
    expect(page.get_by_text("10 of 12 open applications shown")).to_be_visible()
    page.get_by_role("link", name="See all 12 open applications").click()
    expect(page.get_by_text("12 applications match")).to_be_visible()
    assert_accessible(page)

    page.goto(site + "/coping/plans/")
    expect(
        page.get_by_text("0 of 5 steps done or skipped · optional legal step not added")
    ).to_be_visible()
    assert_accessible(page)

    page.goto(site + plan.application.get_absolute_url())
    expect(page.get_by_text("0 of 5 steps done or skipped")).to_be_visible()
    # Said once each: the person linked is not repeated under the company's people.
    expect(page.get_by_text("Hana Ito")).to_have_count(1)
    expect(page.get_by_text("Ask about the team first")).to_be_visible()
    assert_accessible(page)
