import datetime as dt
import re

import pytest
from playwright.sync_api import Page, expect

from applications.pipeline import Status
from coping.models import CopingPlan, FeedbackRequest, Outreach
from rebound.lib.localtime import add_months
from reminders.models import Reminder
from tests.conftest import assert_accessible, log_in, screenshot
from tests.factories import (
    ApplicationFactory,
    CompanyFactory,
    ContactFactory,
    InterviewFactory,
    SelfAssessmentFactory,
)

pytestmark = pytest.mark.browser


def test_it_walks_a_rejected_user_through_every_step(page: Page, site: str, alice):
    company = CompanyFactory(owner=alice, name="Northwind")
    application = ApplicationFactory(
        company=company, role="Data analyst", status=Status.INTERVIEWING
    )
    SelfAssessmentFactory(interview=InterviewFactory(application=application))
    ContactFactory(
        company=company, kind="hr", name="Dana Whitfield", email="dana@northwind.example"
    )
    ContactFactory(
        company=CompanyFactory(owner=alice, name="BrightPath"),
        kind="staffing_agency",
        name="Ruth Adeyemi",
    )
    log_in(page, site, alice)
    page.set_viewport_size({"width": 1280, "height": 900})

    page.goto(site + application.get_absolute_url())
    page.get_by_label("Move to").select_option("rejected")
    page.get_by_role("button", name="Move", exact=True).click()
    expect(page.get_by_role("heading", name="Bouncing back from Northwind")).to_be_visible()
    expect(page.get_by_text("0 of 5 steps done or skipped")).to_be_visible()
    assert_accessible(page)
    plan = CopingPlan.objects.get()

    # 1. Reflect, pre-filled from the self-assessment.
    page.get_by_role("link", name="Start Reflect").click()
    expect(page.get_by_label("Which questions tripped you?")).to_have_value(
        re.compile("rate limiter")
    )
    assert_accessible(page)
    page.get_by_label("How did you do in front of the panel?").fill("Calm, but rushed the case.")
    page.get_by_role("button", name="Save my reflection").click()
    expect(page.get_by_text("1 of 5 steps")).to_be_visible()

    # 2. Feelings: a journal entry, then a feedback request drafted, sent and received.
    page.get_by_role("link", name="Start Feelings and closure").click()
    assert_accessible(page)
    mood = page.get_by_role("group", name="How do you feel?")
    mood.get_by_text("2 — low", exact=True).click()  # a segmented control: the label is the button
    expect(mood.get_by_label("2 — low")).to_be_checked()
    page.get_by_label("What is on your mind?").fill("Disappointed, but proud of the final round.")
    page.get_by_role("button", name="Save journal entry").click()
    expect(page.get_by_text("Journal entry saved")).to_be_visible()
    expect(page.get_by_label("Message")).to_have_value(re.compile("Dear Dana,"))
    page.get_by_role("button", name="Save draft").click()
    expect(page.get_by_role("link", name="Open in my email app")).to_have_attribute(
        "href", re.compile(r"^mailto:dana%40northwind\.example\?subject=")
    )
    page.get_by_role("button", name="I sent it").click()
    expect(page.get_by_text("Marked as sent")).to_be_visible()
    page.get_by_label("What they said").fill("Great communication; we needed more SQL depth.")
    page.get_by_role("button", name="Save the feedback").click()
    expect(page.get_by_text("2 of 5 steps")).to_be_visible()

    # 3. Widen the net.
    page.get_by_role("link", name="Start Widen the net").click()
    assert_accessible(page)
    page.get_by_label("New applications").fill("4")
    page.get_by_label("Over the next … weeks").fill("3")
    page.get_by_role("button", name="Set my goal").click()
    # A goal set is a goal started: the step shows its progress until it is reached...
    expect(page.get_by_text("Goal set: 0 of 4 so far")).to_be_visible()
    expect(page.get_by_text("2 of 5 steps")).to_be_visible()
    expect(page.get_by_text("0 of 4 new applications")).to_be_visible()
    # ...or until the user says it is done.
    page.get_by_role("link", name="Continue Widen the net").click()
    page.get_by_role("button", name=re.compile("mark this step done")).click()
    expect(page.get_by_text("3 of 5 steps")).to_be_visible()

    # 4. Never settle: outreach to a staffing agency.
    page.get_by_role("link", name="Start Never settle").click()
    assert_accessible(page)
    page.get_by_label("Who you reached out to").select_option(label="Ruth Adeyemi (BrightPath)")
    page.get_by_label("Outcome").select_option("lead")
    page.get_by_role("button", name="Log outreach").click()
    expect(page.get_by_text("4 of 5 steps")).to_be_visible()

    # 5. Keep in touch: the default check-in three months out.
    page.get_by_role("link", name="Start Keep in touch").click()
    assert_accessible(page)
    page.get_by_text("Yes, I’d like to check in later", exact=True).click()
    page.get_by_label("What the role asks for").fill("Advanced SQL, dbt")
    page.get_by_label("What you can show now").fill("Finished an advanced SQL course")
    page.get_by_role("button", name="Save").click()
    expect(page.get_by_text("Plan complete.")).to_be_visible()
    assert_accessible(page)
    screenshot(page, "coping-plan")

    expected = add_months(plan.opened_on, 3)
    reminder = Reminder.objects.get(kind="keep_in_touch", status="scheduled")
    assert reminder.local_date == expected
    assert plan.follow_up.__class__.objects.get(plan=plan).requirements == "Advanced SQL, dbt"
    assert FeedbackRequest.objects.get().status == "received"
    assert Outreach.objects.get().contact.name == "Ruth Adeyemi"
    assert expected - plan.opened_on > dt.timedelta(days=88)

    page.get_by_role("link", name="Journal").click()
    expect(page.get_by_text("Disappointed, but proud")).to_be_visible()
    assert_accessible(page)
    page.get_by_role("link", name="Reminders").click()
    expect(page.locator("main")).to_contain_text("Keep in touch")
    assert_accessible(page)
    page.get_by_role("link", name="Home").click()
    expect(page.get_by_role("heading", name="Looking after yourself")).to_be_visible()
    assert_accessible(page)
