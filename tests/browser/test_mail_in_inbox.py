"""Mail in, in a real browser: paste an email, read the suggestion, decide with one click."""

import datetime as dt

import pytest
from playwright.sync_api import Page, expect

from coping.models import CopingPlan
from interviews.models import Interview
from tests.conftest import assert_accessible, log_in
from tests.mailin.test_inbox import INVITE, QUESTION, REJECTION

pytestmark = pytest.mark.browser


@pytest.mark.parametrize("width", [390, 1280])
def test_paste_a_rejection_then_one_click_rejects_and_opens_the_plan(
    page: Page, site: str, northwind, width: int
):
    page.set_viewport_size({"width": width, "height": 900})
    log_in(page, site, northwind.owner)
    page.goto(site + "/inbox/")
    expect(page.get_by_text("Nothing here yet")).to_be_visible()
    assert_accessible(page)

    page.get_by_label("Paste the email").fill(REJECTION)
    page.get_by_role("button", name="Read this email").click()
    expect(page.get_by_text(QUESTION, exact=True)).to_be_visible()
    assert_accessible(page)

    # Keyboard only: focus the one-click button and press Enter.
    button = page.get_by_role("button", name="Mark rejected and open my plan")
    button.focus()
    page.keyboard.press("Enter")
    expect(page.get_by_text("Marked rejected, dated 3 Dec. Your plan is open.")).to_be_visible()
    plan = CopingPlan.objects.get(application=northwind)
    assert page.url.endswith(plan.get_absolute_url())
    assert plan.opened_on == dt.date(2026, 12, 3)
    northwind.refresh_from_db()
    assert (northwind.status, northwind.status_changed_on) == ("rejected", dt.date(2026, 12, 3))

    page.goto(site + "/inbox/")
    expect(page.get_by_text("Applied", exact=True)).to_be_visible()
    expect(page.get_by_role("button", name="Undo")).to_be_visible()
    assert_accessible(page)


def test_a_pasted_invitation_pre_fills_the_interview(page: Page, site: str, northwind):
    page.set_viewport_size({"width": 1280, "height": 900})
    log_in(page, site, northwind.owner)
    page.goto(site + northwind.get_absolute_url())
    # No email yet: the paste form is open on the application's page.
    expect(page.get_by_text("Paste an email about this application")).to_be_visible()
    page.get_by_label("Paste the email").fill(INVITE)
    page.get_by_role("button", name="Read this email").click()

    page.get_by_role("button", name="Fill in the interview").click()
    expect(page.get_by_role("heading", name="Add the interview from the email")).to_be_visible()
    # 14:00 GMT in the email is 15:00 in Berlin, the user's zone.
    expect(page.get_by_label("Date")).to_have_value("2026-12-16")
    expect(page.get_by_label("Starts at")).to_have_value("15:00")
    expect(page.get_by_label("Ends at")).to_have_value("16:00")
    expect(page.get_by_label("Round")).to_have_value("technical")
    expect(page.get_by_label("Format")).to_have_value("video")
    assert_accessible(page)
    assert not Interview.objects.exists()

    page.get_by_role("button", name="Save interview").click()
    expect(page.get_by_text("Interview added from the email.")).to_be_visible()
    interview = Interview.objects.get(application=northwind)
    assert interview.starts_at == dt.datetime(2026, 12, 16, 14, 0, tzinfo=dt.UTC)
