"""The board uses the screen: every open stage visible at desktop widths, exits tucked away."""

import pytest
from playwright.sync_api import Page, expect

from applications.pipeline import Status
from tests.conftest import assert_accessible, log_in
from tests.factories import ApplicationFactory, CompanyFactory

pytestmark = pytest.mark.browser

OPEN = ["wishlist", "applied", "screening", "interviewing", "offer", "accepted"]


@pytest.mark.parametrize("width", [1920, 1280])
def test_every_open_column_is_within_the_screen(page: Page, site: str, alice, width):
    company = CompanyFactory(owner=alice, name="Northwind" + "Analytics" * 21)
    for status in [*OPEN, "rejected", "withdrawn", "ghosted"]:
        ApplicationFactory(
            company=company, status=status, role=(f"{status.title()} role " * 12)[:200]
        )
    log_in(page, site, alice)
    page.set_viewport_size({"width": width, "height": 1000})
    page.goto(site + "/applications/board/")
    for status in OPEN:
        box = page.locator(f'.board-column[data-status="{status}"]').first.bounding_box()
        assert box and box["x"] >= 0 and box["x"] + box["width"] <= width, (status, box)
    # The exits wait in a closed lane that says what is in it.
    lane = page.locator("details.exit-lane")
    expect(lane.locator("summary")).to_have_text("Closed: Rejected 1 · Withdrawn 1 · Ghosted 1")
    expect(page.locator('.board-column[data-status="rejected"]')).to_be_hidden()
    lane.locator("summary").click()
    expect(page.locator('.board-column[data-status="rejected"]')).to_be_visible()
    overflow = page.evaluate(
        "() => document.documentElement.scrollWidth - document.documentElement.clientWidth"
    )
    assert overflow <= 0
    assert_accessible(page)


def test_a_narrow_screen_scrolls_the_board_and_says_so(page: Page, site: str, alice):
    company = CompanyFactory(owner=alice, name="Northwind")
    ApplicationFactory(company=company, status=Status.APPLIED)
    log_in(page, site, alice)
    page.set_viewport_size({"width": 820, "height": 900})
    page.goto(site + "/applications/board/")
    expect(page.get_by_text("Scroll sideways for more columns →")).to_be_visible()
    board = page.locator(".board").first
    assert board.evaluate("(b) => b.scrollWidth > b.clientWidth")


def test_the_table_fits_a_desktop_and_stacks_on_a_phone(page: Page, site: str, alice):
    company = CompanyFactory(owner=alice, name="Northwind Analytics")
    ApplicationFactory(company=company, status=Status.APPLIED, role="Data analyst")
    log_in(page, site, alice)
    page.set_viewport_size({"width": 1280, "height": 900})
    page.goto(site + "/applications/")
    for name in ["status", "source", "company", "tag", "sort"]:
        box = page.locator(f'form[role="search"] select[name="{name}"]').bounding_box()
        assert box and box["width"] >= 200, (name, box)  # room for "Recently updated"
    page.set_viewport_size({"width": 390, "height": 844})
    page.goto(site + "/applications/")
    applied = page.locator('td[data-label="Applied"]').first
    expect(applied).to_be_visible()
    box = applied.bounding_box()
    assert box and box["x"] + box["width"] <= 390
    assert_accessible(page)
