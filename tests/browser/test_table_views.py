"""Issue 28, "the table at a glance": sort the applications table from its headings by keyboard,
save the filters and sort as a view, open it from the list above the table, delete it after
confirming; in Chromium at 390 and 1280 px, with axe finding nothing and nothing wider than
the screen."""

import pytest
from playwright.sync_api import Page, expect

from applications.models import SavedView
from applications.pipeline import Status
from tests.conftest import assert_accessible, log_in, screenshot
from tests.factories import ApplicationFactory, CompanyFactory

pytestmark = pytest.mark.browser


@pytest.fixture
def three(alice):
    for role, company, status in [
        ("Analyst", "Globex", Status.APPLIED),
        ("Buyer", "Acme", Status.INTERVIEWING),
        ("Chemist", "Initech", Status.REJECTED),
    ]:
        ApplicationFactory(
            company=CompanyFactory(owner=alice, name=company), role=role, status=status
        )


def _roles(page: Page) -> list[str]:
    return page.locator("tbody td[data-label='Role'] a").all_inner_texts()


def _fits(page: Page, width: int) -> None:
    overflow = page.evaluate(
        "() => document.documentElement.scrollWidth - document.documentElement.clientWidth"
    )
    assert overflow <= 0, f"{page.url} is {overflow}px wider than a {width}px screen"


@pytest.mark.parametrize("size", [{"width": 390, "height": 844}, {"width": 1280, "height": 900}])
def test_sort_by_keyboard_save_a_view_open_it_and_delete_it(
    page: Page, site, alice, three, size
) -> None:
    log_in(page, site, alice)
    page.set_viewport_size(size)
    page.goto(f"{site}/applications/")
    # Recently updated first, said on its heading.
    expect(page.locator("th[aria-sort='descending']")).to_contain_text("Updated")
    assert _roles(page) == ["Chemist", "Buyer", "Analyst"]
    assert_accessible(page)
    _fits(page, size["width"])

    # From Role's heading, Tab reaches Company's; Enter sorts A–Z (the link says so first).
    role = page.get_by_role("link", name="Role (sort A–Z)")
    expect(role).to_be_visible()
    role.focus()
    page.keyboard.press("Tab")
    company = page.get_by_role("link", name="Company (sort A–Z)")
    expect(company).to_be_focused()
    page.keyboard.press("Enter")
    expect(page).to_have_url(f"{site}/applications/?sort=company__name")
    assert _roles(page) == ["Buyer", "Analyst", "Chemist"]  # Acme, Globex, Initech
    expect(page.locator("th[aria-sort]")).to_have_count(1)
    expect(page.locator("th[aria-sort='ascending']")).to_contain_text("Company")
    # Again: Z–A.
    page.get_by_role("link", name="Company (sorted A–Z, click to sort Z–A)").focus()
    page.keyboard.press("Enter")
    expect(page.locator("th[aria-sort='descending']")).to_contain_text("Company")
    assert _roles(page) == ["Chemist", "Analyst", "Buyer"]
    assert_accessible(page)
    _fits(page, size["width"])
    screenshot(page, f"table-sorted-{size['width']}")

    # Still open ones, Z–A: saved under a name, by keyboard.
    page.goto(f"{site}/applications/?status=open&sort=-company__name")
    assert _roles(page) == ["Analyst", "Buyer"]
    name = page.get_by_label("Name this view")
    name.fill("Open, Z–A")
    name.press("Enter")
    expect(page.get_by_text("Saved the view “Open, Z–A”: it is above the table.")).to_be_visible()
    views = page.get_by_role("navigation", name="Saved views")
    expect(views.get_by_role("link", name="Open, Z–A", exact=True)).to_have_attribute(
        "aria-current", "page"
    )
    assert SavedView.objects.get(owner=alice).query == "status=open&sort=-company__name"
    assert_accessible(page)
    _fits(page, size["width"])
    screenshot(page, f"table-saved-view-{size['width']}")

    # From the table as it opens, the view is a link away, seen without opening the filters.
    page.goto(f"{site}/applications/")
    views = page.get_by_role("navigation", name="Saved views")
    link = views.get_by_role("link", name="Open, Z–A", exact=True)
    expect(link).to_be_visible()
    link.focus()
    page.keyboard.press("Enter")
    expect(page).to_have_url(f"{site}/applications/?status=open&sort=-company__name")
    assert _roles(page) == ["Analyst", "Buyer"]

    # Deleted, after saying what goes and what stays.
    delete = page.get_by_role("link", name="Delete the view “Open, Z–A”")
    delete.focus()
    page.keyboard.press("Enter")
    expect(page.get_by_role("heading", name="Delete this saved view?")).to_be_visible()
    expect(page.get_by_text("Only its link above the table goes")).to_be_visible()
    assert_accessible(page)
    _fits(page, size["width"])
    page.get_by_role("button", name="Yes, delete it").focus()
    page.keyboard.press("Enter")
    expect(
        page.get_by_text("Deleted the view “Open, Z–A”. The applications it showed are still here.")
    ).to_be_visible()
    expect(page.get_by_role("navigation", name="Saved views")).to_have_count(0)
    assert not SavedView.objects.exists()
    assert_accessible(page)
