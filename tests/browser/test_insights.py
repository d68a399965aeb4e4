"""Insights in a real Chromium, on a desktop and a phone: the charts draw under the enforced
CSP with no console error, say what their tables say, and axe finds nothing."""

import pytest
from playwright.sync_api import Browser, Page, expect

from tests.conftest import assert_accessible, log_in, screenshot
from tests.insights.test_metrics import search  # noqa: F401 - the crafted search, a fixture

pytestmark = pytest.mark.browser

URL = "/insights/?period=custom&start=2026-10-01&end=2026-11-25"


@pytest.mark.parametrize("width", [1280, 390])
def test_insights_draw_their_charts_and_tables(
    browser: Browser,
    page: Page,
    site: str,
    alice,
    search,  # noqa: F811 - the imported fixture
    width,
):
    # First with the policy enforced, as for anyone: nothing refused, nothing thrown.
    context = browser.new_context(viewport={"width": width, "height": 900})
    strict = context.new_page()
    problems: list[str] = []
    strict.on("console", lambda msg: problems.append(msg.text) if msg.type == "error" else None)
    strict.on("pageerror", lambda exc: problems.append(str(exc)))
    log_in(strict, site, alice)
    strict.goto(site + URL)
    for chart in ("activity-chart", "ratings-chart", "mood-chart"):
        assert strict.evaluate(f"() => !!Chart.getChart('{chart}')"), chart
    # The activity chart's bars are the table's numbers.
    drawn = strict.evaluate("() => Chart.getChart('activity-chart').data.datasets[0].data")
    strict.get_by_text("Show as a table").first.click()
    cells = strict.locator("#activity-heading ~ details table tbody tr td:nth-child(2)")
    assert [int(c) for c in cells.all_inner_texts()] == drawn
    assert sum(drawn) == 5
    assert problems == []
    context.close()

    # Then as the suite's other pages: axe, and the README's picture.
    page.set_viewport_size({"width": width, "height": 900})
    log_in(page, site, alice)
    page.goto(site + URL)
    expect(page.get_by_role("heading", name="How far applications got")).to_be_visible()
    expect(page.locator("svg.funnel-svg")).to_be_visible()
    assert_accessible(page)
    screenshot(page, "insights" if width > 400 else "insights-phone")
    # No page-wide sideways scroll on a phone.
    assert page.evaluate("() => document.documentElement.scrollWidth <= window.innerWidth + 1")
