"""The weekly letter in a real Chromium, on a desktop and a phone: opted into with the
keyboard alone, its preview read, axe finding nothing on either page."""

import datetime as dt

import pytest
from playwright.sync_api import Page, expect

from rebound.lib.localtime import local_today
from reminders.models import Reminder
from tests.conftest import assert_accessible, log_in
from tests.factories import ApplicationFactory, CompanyFactory, reminders_about
from weekly.models import WeeklyLetter
from weekly.services import WEEKLY_LETTER

pytestmark = pytest.mark.browser


def _tab_to(page: Page, element_id: str, limit: int = 60) -> None:
    for _ in range(limit):
        page.keyboard.press("Tab")
        if page.evaluate("() => document.activeElement.id") == element_id:
            return
    raise AssertionError(f"#{element_id} can't be reached with Tab")


@pytest.mark.parametrize("width", [1280, 390])
def test_opting_in_with_the_keyboard_and_reading_the_preview(page: Page, site: str, alice, width):
    company = CompanyFactory(owner=alice, name="Northwind")
    for _ in range(2):
        ApplicationFactory(company=company, status_changed_on=local_today(alice))
    page.set_viewport_size({"width": width, "height": 900})
    log_in(page, site, alice)
    page.goto(site + "/weekly/")
    expect(page.get_by_role("heading", name="Weekly letter")).to_be_visible()
    expect(page.get_by_text("The weekly letter is off.")).to_be_visible()
    assert_accessible(page)

    _tab_to(page, "id_enabled")
    page.keyboard.press("Space")
    page.keyboard.press("Tab")
    assert page.evaluate("() => document.activeElement.id") == "id_weekday"
    page.keyboard.type("Fri")
    page.keyboard.press("Tab")
    page.keyboard.type("3")
    page.keyboard.press("Enter")

    expect(page.get_by_text("Saved. Your weekly letter is on.")).to_be_visible()
    expect(page.get_by_text("Your next letter comes on Fri")).to_be_visible()
    letter = WeeklyLetter.objects.get(user=alice)
    assert (letter.enabled, letter.weekday, letter.goal) == (True, 4, 3)
    reminder = reminders_about(letter, WEEKLY_LETTER).get(status=Reminder.Status.SCHEDULED)
    assert reminder.local_date.weekday() == 4
    assert reminder.local_date - local_today(alice) < dt.timedelta(days=8)
    assert_accessible(page)
    assert page.evaluate("() => document.documentElement.scrollWidth <= window.innerWidth + 1")

    page.get_by_role("link", name="Preview this week’s letter").focus()
    page.keyboard.press("Enter")
    expect(page.get_by_role("heading", name="This week’s letter")).to_be_visible()
    expect(page.locator("#letter-subject")).to_have_text("Your week: 2 applications sent")
    expect(page.get_by_text("In the last seven days you sent 2 applications.")).to_be_visible()
    assert_accessible(page)
    assert page.evaluate("() => document.documentElement.scrollWidth <= window.innerWidth + 1")


def test_a_goal_out_of_bounds_is_refused_with_a_clear_error(page: Page, site: str, alice):
    log_in(page, site, alice)
    page.goto(site + "/weekly/")
    page.get_by_label("Applications a week").fill("80")
    page.get_by_role("button", name="Save").click()
    summary = page.locator(".error-summary")
    expect(summary).to_contain_text("There is a problem")
    expect(summary).to_contain_text("Applications a week")
    expect(summary).to_be_focused()  # announced and focused as the page loads
    assert_accessible(page)
    assert not WeeklyLetter.objects.exists()
