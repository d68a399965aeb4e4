"""Issue 28, "to-dos with due dates": add a to-do on an application's page, see it on home
under "Due this week", mark it done there, and find it done on the application; by keyboard,
in Chromium at 390 and 1280 px, with axe finding nothing."""

import pytest
from playwright.sync_api import Page, expect

from rebound.lib.localtime import local_today
from tests.conftest import assert_accessible, log_in, screenshot
from tests.factories import ApplicationFactory, CompanyFactory
from todos.models import Todo

pytestmark = pytest.mark.browser


@pytest.fixture
def analyst(alice):
    return ApplicationFactory(
        company=CompanyFactory(owner=alice, name="Acme"), role="Analyst", status="interviewing"
    )


@pytest.mark.parametrize("size", [{"width": 390, "height": 844}, {"width": 1280, "height": 900}])
def test_add_a_todo_see_it_due_this_week_and_mark_it_done(
    page: Page, site, alice, analyst, size
) -> None:
    log_in(page, site, alice)
    page.set_viewport_size(size)
    page.goto(f"{site}{analyst.get_absolute_url()}")
    section = page.locator("#todos")
    expect(section.get_by_role("heading", name="To-dos")).to_be_visible()
    expect(section).to_contain_text("Nothing to do yet.")

    # A reminder without a due date: the form says why, next to the field.
    title = section.get_by_label("What to do")
    title.fill("Send the portfolio")
    section.get_by_label("Reminder").select_option(label="1 day before")
    title.focus()
    page.keyboard.press("Enter")
    expect(section.get_by_text("A reminder needs a due date.")).to_be_visible()
    expect(section.get_by_label("Reminder")).to_have_attribute("aria-invalid", "true")
    assert_accessible(page)

    # Due today, by keyboard: htmx puts the new list in place.
    today = local_today(alice)
    section.get_by_label("Due on (optional)").fill(today.isoformat())
    section.get_by_label("Reminder").select_option(label="No reminder")
    section.get_by_label("What to do").focus()
    page.keyboard.press("Enter")
    expect(section.get_by_role("listitem")).to_have_count(1)
    expect(section.get_by_role("listitem").first).to_contain_text("Send the portfolio")
    expect(section.get_by_role("listitem").first).to_contain_text("Due today")
    assert Todo.objects.filter(application=analyst, due_on=today, done_at=None).count() == 1
    assert_accessible(page)
    screenshot(page, f"todos-application-{size['width']}")

    # Home: due this week, linked to its application; marked done by keyboard.
    page.goto(f"{site}/home/")
    due = page.locator("section", has=page.get_by_role("heading", name="Due this week"))
    expect(due.get_by_role("link", name="Send the portfolio")).to_have_attribute(
        "href", f"{analyst.get_absolute_url()}#todos"
    )
    expect(due).to_contain_text("Analyst at Acme")
    assert_accessible(page)
    screenshot(page, f"todos-home-{size['width']}")
    due.get_by_role("button", name="Done: Send the portfolio").focus()
    page.keyboard.press("Enter")
    expect(page.get_by_text("“Send the portfolio” is done.")).to_be_visible()
    due = page.locator("section", has=page.get_by_role("heading", name="Due this week"))
    expect(due).to_contain_text("Nothing due this week.")
    assert_accessible(page)

    # On the application: folded away among the done ones; opened by keyboard and reopened.
    page.goto(f"{site}{analyst.get_absolute_url()}")
    section = page.locator("#todos")
    expect(section).to_contain_text("Everything here is done.")
    summary = section.locator("summary")
    summary.focus()
    page.keyboard.press("Enter")
    undo = section.get_by_role("button", name="Not done: Send the portfolio")
    expect(undo).to_be_visible()
    undo.focus()
    page.keyboard.press("Enter")
    expect(section.get_by_role("button", name="Done: Send the portfolio")).to_be_visible()
    # The keyboard's focus stays on the button pressed, in the list it moved to.
    expect(section.get_by_role("button", name="Done: Send the portfolio")).to_be_focused()
    assert_accessible(page)
