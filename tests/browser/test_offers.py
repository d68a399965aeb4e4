"""Two offers recorded and compared: with the keyboard, at 1280 px (a table) and 390 px (cards),
axe finding nothing at each step."""

import datetime as dt

import pytest
from django.urls import reverse
from playwright.sync_api import Page, expect

from applications.pipeline import Status
from offers.models import Offer
from rebound.lib.localtime import local_today
from tests.browser.test_keyboard import focus_is_visible, tab_to, type_date
from tests.conftest import assert_accessible, log_in, screenshot
from tests.factories import ApplicationFactory, CompanyFactory

pytestmark = pytest.mark.browser


def test_it_records_two_offers_and_compares_them(page: Page, site: str, alice):
    acme = ApplicationFactory(
        company=CompanyFactory(owner=alice, name="Acme"), role="Analyst", status=Status.INTERVIEWING
    )
    globex = ApplicationFactory(
        company=CompanyFactory(owner=alice, name="Globex"),
        role="Data Engineer",
        status=Status.OFFER,
    )
    today = local_today(alice)
    log_in(page, site, alice)
    page.set_viewport_size({"width": 1280, "height": 900})

    # Nothing to compare yet: the page says how to get there.
    page.goto(site + reverse("offers:compare"))
    expect(page.get_by_role("heading", name="No open offers right now")).to_be_visible()
    assert_accessible(page)

    # The first offer, with the keyboard alone; a decimal amount is refused with a sentence.
    page.goto(site + reverse("offers:edit", args=[acme.pk]))
    expect(page.get_by_role("heading", name="Record the offer")).to_be_visible()
    expect(page.get_by_text("moves this application to Offer")).to_be_visible()
    expect(page.get_by_label("Currency")).to_have_value("EUR")
    assert_accessible(page)
    tab_to(page, page.get_by_label("Base salary"))
    page.keyboard.type("85000.50")
    tab_to(page, page.get_by_role("button", name="Save the offer"))
    page.keyboard.press("Enter")
    summary = page.locator("[data-error-summary]")
    expect(summary).to_be_focused()
    expect(summary).to_contain_text("Enter a whole amount without cents, e.g. 85,000.")
    assert page.title().startswith("Error:")
    assert_accessible(page)
    tab_to(page, page.get_by_label("Base salary"))
    page.keyboard.press("Control+a")
    page.keyboard.type("85,000")
    tab_to(page, page.get_by_label("Bonus"))
    page.keyboard.type("10000")
    tab_to(page, page.get_by_label("Equity", exact=True))
    page.keyboard.type("0.1 % over 4 years")
    tab_to(page, page.get_by_label("Equity’s estimated value"))
    page.keyboard.type("5000")
    tab_to(page, page.get_by_label("Decision deadline"))
    type_date(page, today + dt.timedelta(days=12))
    tab_to(page, page.get_by_role("button", name="Save the offer"))
    page.keyboard.press("Enter")
    expect(page.get_by_text("Offer saved, and the application moved to Offer.")).to_be_visible()
    expect(page.get_by_role("heading", name="Analyst")).to_be_visible()

    # The second, by pointer, in another currency, the nearer deadline.
    page.goto(site + reverse("offers:edit", args=[globex.pk]))
    page.get_by_label("Currency").fill("chf")
    page.get_by_label("Base salary").fill("92000")
    page.get_by_label("Benefits").fill("30 days off")
    page.get_by_label("Decision deadline").fill((today + dt.timedelta(days=5)).isoformat())
    page.get_by_role("button", name="Save the offer").click()
    expect(page.get_by_text("Offer saved.")).to_be_visible()
    assert Offer.objects.count() == 2

    # Side by side: Globex first (nearer deadline), each total in its own currency.
    page.goto(site + reverse("offers:compare"))
    table = page.get_by_role("table")
    expect(table).to_be_visible()
    rows = table.locator("tbody tr")
    expect(rows).to_have_count(2)
    expect(rows.nth(0)).to_contain_text("Data Engineer")
    expect(rows.nth(0)).to_contain_text("CHF")
    expect(rows.nth(0)).to_contain_text("in 5 days")
    # 85,000 + 10,000 + 5,000.
    expect(rows.nth(1)).to_contain_text("€100,000")
    expect(rows.nth(1)).to_contain_text("in 12 days")
    expect(page.get_by_text("These offers are in different currencies (CHF, EUR).")).to_be_visible()
    assert_accessible(page)
    screenshot(page, "offers-compare")

    # From the table, with the keyboard, back to an offer to change it.
    tab_to(page, page.get_by_role("link", name="Edit the offer from Acme"))
    page.keyboard.press("Enter")
    expect(page.get_by_role("heading", name="Edit the offer")).to_be_visible()
    tab_to(page, page.get_by_label("Bonus"))
    page.keyboard.press("Control+a")
    page.keyboard.type("20000")
    tab_to(page, page.get_by_role("button", name="Save the offer"))
    page.keyboard.press("Enter")
    # `next` brings it back to the comparison.
    expect(page.get_by_role("heading", name="Your offers side by side")).to_be_visible()
    expect(page.get_by_role("table").locator("tbody tr").nth(1)).to_contain_text("€110,000")

    # On a phone: each offer a card (the table stacked), every figure labelled, nothing wider
    # than the screen.
    page.set_viewport_size({"width": 390, "height": 844})
    page.reload()
    card = page.locator(f"#offer-{Offer.objects.get(application=acme).pk}")
    expect(card).to_have_css("display", "block")
    expect(card.locator('[data-label="Yearly total"]')).to_contain_text("€110,000")
    label = card.locator('[data-label="Yearly total"]').evaluate(
        "(el) => getComputedStyle(el, '::before').content"
    )
    assert label == '"Yearly total"'
    assert page.evaluate("document.documentElement.scrollWidth") <= 390
    assert_accessible(page)
    tab_to(page, card.get_by_role("link", name="Edit the offer from Acme"))
    focus_is_visible(page)
    screenshot(page, "offers-compare-phone")
