"""Issue 28, "people with their history": open a contact with a history across applications,
see when you were last in touch, and turn keep warm on and off, by keyboard, in Chromium at
390 and 1280 px, with axe finding nothing."""

import datetime as dt

import pytest
from django.utils import timezone
from playwright.sync_api import Page, expect

from coping.services import outreach_log
from rebound.lib.localtime import local_today
from tests.conftest import assert_accessible, log_in, screenshot
from tests.factories import ApplicationFactory, CompanyFactory, ContactFactory, InterviewFactory

pytestmark = pytest.mark.browser


@pytest.fixture
def hana(alice):
    company = CompanyFactory(owner=alice, name="Northwind")
    hana = ContactFactory(
        company=company,
        kind="network",
        name="Hana Ito",
        title="Head of Data",
        email="hana@northwind.example",
        notes="Met at PyCon; happy to chat about data teams.",
    )
    today = local_today(alice)
    for i, role in enumerate(["Data analyst", "Analytics engineer"]):
        application = ApplicationFactory(
            company=company, role=role, status_changed_on=today - dt.timedelta(days=60 + i)
        )
        application.contacts.add(hana)
    start = timezone.now() - dt.timedelta(days=40)
    interview = InterviewFactory(
        application=application, starts_at=start, ends_at=start + dt.timedelta(hours=1)
    )
    interview.interviewers.add(hana)
    outreach_log(owner=alice, contact=hana, on=today - dt.timedelta(days=21), outcome="lead")
    return hana


@pytest.mark.parametrize("size", [{"width": 390, "height": 844}, {"width": 1280, "height": 900}])
def test_a_contact_with_history_and_keep_warm_by_keyboard(
    page: Page, site, alice, hana, size
) -> None:
    log_in(page, site, alice)
    page.set_viewport_size(size)
    page.goto(f"{site}/people/{hana.pk}/")
    expect(page.get_by_role("heading", name="Hana Ito", level=1)).to_be_visible()
    timeline = page.get_by_test_id("timeline").get_by_role("listitem")
    expect(timeline).to_have_count(4)
    # Newest first: the outreach three weeks ago, then the interview, then the applications.
    expect(timeline.nth(0)).to_contain_text("Got a lead")
    expect(timeline.nth(1)).to_contain_text("Technical interview")
    expect(timeline.nth(2)).to_contain_text("Data analyst")
    day = local_today(alice) - dt.timedelta(days=21)
    expect(page.get_by_test_id("last-contact")).to_contain_text("outreach you logged")
    expect(page.get_by_test_id("last-contact")).to_contain_text(str(day.year))
    assert_accessible(page)
    screenshot(page, f"people-contact-{size['width']}")

    # Turn keep warm on by keyboard: a wrong number first, then a right one.
    field = page.get_by_label("Nudge me every … weeks")
    field.focus()
    field.fill("1")
    page.keyboard.press("Enter")
    expect(page.get_by_text("At least 2 weeks: sooner would nag.").first).to_be_visible()
    expect(page.get_by_label("Nudge me every … weeks")).to_have_attribute("aria-invalid", "true")
    assert_accessible(page)
    field = page.get_by_label("Nudge me every … weeks")
    field.fill("4")
    page.keyboard.press("Enter")
    expect(page.get_by_text("Keep warm is on for Hana Ito")).to_be_visible()
    # Three weeks since the outreach, a nudge after four: a week from now.
    nudge_day = day + dt.timedelta(weeks=4)
    expect(page.get_by_test_id("next-nudge")).to_contain_text(str(nudge_day.day))
    assert_accessible(page)

    # Turn it off from the keyboard alone.
    off = page.get_by_role("button", name="Turn keep warm off")
    off.focus()
    expect(off).to_be_focused()
    page.keyboard.press("Enter")
    expect(page.get_by_text("Keep warm is off for Hana Ito.")).to_be_visible()
    expect(page.get_by_role("button", name="Turn keep warm on")).to_be_visible()
    assert_accessible(page)
