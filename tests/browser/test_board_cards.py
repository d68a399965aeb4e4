"""Issue 28, "the board at a glance": in Chromium at 390 and 1280 px, each card says how long
it has been in its column, how much it is wanted and its tags, fits its column, passes axe; a
card moved by keyboard then says "Today"."""

import datetime as dt

import pytest
from playwright.sync_api import Page, expect

from applications.models import Application
from applications.pipeline import Status
from applications.tag_services import application_set_tags
from rebound.lib.localtime import local_today
from tests.conftest import assert_accessible, log_in, screenshot
from tests.factories import ApplicationFactory, CompanyFactory

pytestmark = pytest.mark.browser

SIZES = [{"width": 390, "height": 844}, {"width": 1280, "height": 900}]


@pytest.fixture
def screening(alice) -> Application:
    """Analyst at Acme, in Screening for five days, excitement 4, four tags."""
    application = ApplicationFactory(
        company=CompanyFactory(owner=alice, name="Acme"),
        role="Analyst",
        status=Status.SCREENING,
        status_changed_on=local_today(alice) - dt.timedelta(days=5),
    )
    Application.objects.filter(pk=application.pk).update(excitement=4)
    application_set_tags(application=application, names=["remote", "Fintech", "urgent", "Berlin"])
    return application


@pytest.fixture
def long_one(alice) -> Application:
    """A card with everything long: a role, a company and a tag without a space to break at."""
    application = ApplicationFactory(
        company=CompanyFactory(owner=alice, name="Northwind" + "Analytics" * 8),
        role="Principal " + "Infrastructure" * 6,
        status=Status.APPLIED,
        status_changed_on=local_today(alice) - dt.timedelta(days=21),
    )
    application_set_tags(application=application, names=["x" * 40, "Kubernetes-and-more"])
    return application


@pytest.mark.parametrize("size", SIZES, ids=["390", "1280"])
def test_each_card_says_its_age_excitement_and_tags_and_moves_to_today(
    page: Page, site: str, alice, screening, long_one, size
) -> None:
    log_in(page, site, alice)
    page.set_viewport_size(size)
    page.goto(site + "/applications/board/")

    card = page.locator(f"#card-{screening.pk}")
    expect(card.locator(".board-age [aria-hidden=true]")).to_have_text("5 days")
    expect(card.locator(".board-age")).to_contain_text("In this stage for 5 days")
    expect(card.locator(".board-stars [aria-hidden=true]")).to_have_text("★★★★☆")
    expect(card.locator(".board-stars")).to_contain_text("Excitement 4 of 5")
    tags = card.get_by_role("list", name="Tags").get_by_role("listitem")
    expect(tags).to_have_count(4)
    expect(tags.nth(0)).to_have_text("Berlin")
    expect(tags.nth(1)).to_have_text("Fintech")
    expect(tags.nth(2)).to_have_text("remote")
    expect(tags.nth(3)).to_contain_text("+1")
    expect(tags.nth(3)).to_have_attribute("title", "urgent")
    for item in tags.all():
        expect(item).to_be_visible()
    long_card = page.locator(f"#card-{long_one.pk}")
    expect(long_card.locator(".board-age [aria-hidden=true]")).to_have_text("3 weeks")
    assert_accessible(page)
    screenshot(page, f"board-cards-{size['width']}")

    # Nothing is wider than the screen (the board scrolls sideways in its own region), and
    # nothing of a card spills out of it, however long its words.
    width = size["width"]
    assert page.evaluate("document.documentElement.scrollWidth") <= width
    for each in (card, long_card):
        assert each.evaluate("(c) => c.scrollWidth <= c.clientWidth"), each
        column = each.locator("xpath=ancestor::section[1]").bounding_box()
        box = each.bounding_box()
        assert column and box and box["x"] + box["width"] <= column["x"] + column["width"]

    # Moved along by keyboard: the card, in its new column, is in that stage since today.
    move = card.get_by_role("button", name="Move Analyst at Acme")
    move.focus()
    page.keyboard.press("Enter")
    dialog = page.get_by_role("dialog", name="Move Analyst at Acme")
    expect(dialog.get_by_label("Move to")).to_be_focused()
    expect(dialog.get_by_label("Move to")).to_have_value("interviewing")
    page.keyboard.press("Tab")
    expect(dialog.get_by_role("button", name="Move", exact=True)).to_be_focused()
    page.keyboard.press("Enter")
    moved = page.locator(f'[data-status="interviewing"] #card-{screening.pk}')
    expect(moved.locator("[data-move]")).to_be_focused()
    expect(moved.locator(".board-age [aria-hidden=true]")).to_have_text("Today")
    expect(moved.locator(".board-age")).to_contain_text("In this stage since today")
    # Its excitement and tags came along.
    expect(moved.locator(".board-stars")).to_contain_text("Excitement 4 of 5")
    expect(moved.get_by_role("list", name="Tags").get_by_role("listitem")).to_have_count(4)
    expect(page.locator("#board-status")).to_have_text("Moved Analyst at Acme to Interviewing.")
    assert page.evaluate("document.documentElement.scrollWidth") <= width
    assert_accessible(page)

    # The page loaded afresh says so too.
    page.reload()
    card = page.locator(f'[data-status="interviewing"] #card-{screening.pk}')
    expect(card.locator(".board-age [aria-hidden=true]")).to_have_text("Today")
