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


def test_the_work_search_log_prints_on_a4_and_letter(page: Page, site: str, alice):
    """The log's print stylesheet: no menus, every column on the paper, for both sizes."""
    import datetime as dt

    from applications import services
    from applications.pipeline import Status
    from rebound.lib.localtime import local_today
    from tests.factories import CompanyFactory

    today = local_today(alice)  # the log's default range is the user's last seven days
    for i in range(12):
        services.application_create(
            owner=alice,
            company=CompanyFactory(owner=alice, name=f"Company with a long name {i}"),
            role=f"Senior data analyst, customer insights {i}",
            status=Status.APPLIED,
            date_applied=today - dt.timedelta(days=i % 7),
            source="job_board",
            posting_url=f"https://jobs.example.com/postings/a-very-long-path/{i}?ref=search",
        )
    log_in(page, site, alice)
    page.set_viewport_size({"width": 1280, "height": 900})
    page.goto(site + "/insights/work-search-log/")
    expect(page.get_by_role("button", name="Print or save as PDF")).to_be_visible()
    assert page.locator("table tbody tr").count() == 12
    assert_accessible(page)
    page.emulate_media(media="print")
    expect(page.locator("nav[aria-label=Main]")).to_be_hidden()
    expect(page.get_by_role("button", name="Print or save as PDF")).to_be_hidden()
    # A4 and Letter less the 12 mm margins, at 96 px per inch: the table fits the width.
    for paper, width_mm in (("A4", 210), ("Letter", 215.9)):
        page.set_viewport_size({"width": int((width_mm - 24) / 25.4 * 96), "height": 1000})
        overflow = page.evaluate(
            "() => document.querySelector('table').getBoundingClientRect().right"
            " - document.documentElement.clientWidth"
        )
        assert overflow <= 0, (paper, overflow)
        assert page.pdf(format=paper)[:4] == b"%PDF"
    page.set_viewport_size({"width": 794, "height": 1123})
    screenshot(page, "work-search-log-print")
