"""Issue 28, "the posting kept": the bookmarklet, run on a real-shaped posting page, opens
quick add and hands it the JobPosting's long description (too long for a URL: by
postMessage); adding keeps it; the application's page shows it folded away, opened and closed
by keyboard; the table's search finds the application by a word only the posting has. A page
without JobPosting data sends its main text instead. In Chromium at 390 and 1280 px, axe
finding nothing."""

import json
import re

import pytest
from playwright.sync_api import Page, expect

from applications.bookmarklet import bookmarklet
from applications.models import Application
from tests.conftest import assert_accessible, log_in, screenshot

pytestmark = pytest.mark.browser

PARAGRAPH = (
    "You will work with analysts, engineers and product managers on the questions that "
    "shape our logistics network, from forecasting demand to measuring delivery times. "
)
DESCRIPTION = (
    "<h2>About the role</h2>"
    + "".join(f"<p>{PARAGRAPH * 3}</p>" for _ in range(40))
    + "<h3>What you bring</h3><ul><li>SQL and Python</li>"
    + "<li>Experience with <strong>zephyrology</strong> dashboards</li></ul>"
    + "<script>window.stolen = true</script>"
)
POSTING = {
    "@context": "https://schema.org",
    "@type": "JobPosting",
    "title": "Senior Data Analyst",
    "hiringOrganization": {"@type": "Organization", "name": "Northwind Analytics"},
    "jobLocation": {"@type": "Place", "address": {"addressLocality": "Berlin"}},
    "datePosted": "2026-11-20",
    "description": DESCRIPTION,
}
JOB_PAGE = (
    "<html><head><title>Senior Data Analyst | Northwind | Careers</title>"
    # As sites write it: "</" escaped, or the description's own tags would end the script.
    '<script type="application/ld+json">'
    + json.dumps(POSTING).replace("</", "<\\/")
    + "</script></head>"
    "<body><nav>Jobs · About · Log in</nav><main><h1>Senior Data Analyst</h1>"
    "<p>Short teaser only.</p></main></body></html>"
)
PLAIN_PAGE = (
    "<html><head><title>QA Lead at Initech | LinkedIn</title></head>"
    "<body><nav>Home Jobs Messaging</nav><article><h1>QA Lead</h1>"
    "<p>Own the test strategy for our quasarine payment flows.</p></article>"
    "<footer>© Initech</footer></body></html>"
)


def _run_bookmarklet(page: Page, site: str, url: str, html: str) -> Page:
    host = url.split("/")[2]
    page.route(
        f"https://{host}/**", lambda route: route.fulfill(body=html, content_type="text/html")
    )
    page.goto(url)
    code = bookmarklet(_request(site))
    with page.expect_popup() as opened:
        page.evaluate(code.removeprefix("javascript:"))
    quick = opened.value
    quick.wait_for_load_state()
    return quick


def _request(site: str):
    from django.test import RequestFactory

    return RequestFactory().get("/", HTTP_HOST=site.split("://", 1)[1])


def _tab_to(page: Page, selector: str) -> None:
    """Tab until `selector` has the focus: the way a keyboard user gets there."""
    for _ in range(80):
        page.keyboard.press("Tab")
        if page.evaluate(f"() => document.activeElement.matches({json.dumps(selector)})"):
            return
    raise AssertionError(f"{selector} was never reached by Tab")


@pytest.mark.parametrize("size", [{"width": 390, "height": 844}, {"width": 1280, "height": 900}])
def test_the_bookmarklet_keeps_the_posting_and_search_finds_it(
    page: Page, site: str, alice, size
) -> None:
    log_in(page, site, alice)
    page.set_viewport_size(size)
    quick = _run_bookmarklet(page, site, "https://jobs.example/northwind/42", JOB_PAGE)
    quick.set_viewport_size(size)
    expect(quick.get_by_label("Role")).to_have_value("Senior Data Analyst")
    box = quick.get_by_label("The posting", exact=True)
    expect(box).to_have_value(re.compile(r"^About the role\n\nYou will work with analysts"))
    expect(box).to_have_value(re.compile(r"• Experience with zephyrology dashboards$"))
    assert "window.stolen" not in box.input_value()
    assert page.evaluate("() => window.stolen") is None
    assert_accessible(quick)
    quick.get_by_role("button", name="Add application").click()
    expect(quick.get_by_role("heading", name="Senior Data Analyst", level=1)).to_be_visible()

    application = Application.objects.get(owner=alice)
    assert application.posting.origin == "bookmarklet"
    assert application.posting.text.startswith("About the role\n\nYou will work")
    assert application.posting.text.endswith("• Experience with zephyrology dashboards")
    assert len(application.posting.text) > 15_000  # far beyond what a URL carries

    # The application's page: the posting folded away, opened and closed by keyboard.
    summary = quick.locator("summary", has_text="Show the posting")
    expect(summary).to_have_text(re.compile(r"Show the posting \(\d[\d,]* words\)"))
    text = quick.get_by_text("zephyrology dashboards")
    expect(text).to_be_hidden()
    _tab_to(quick, "#posting-toggle")
    expect(summary).to_be_focused()
    quick.keyboard.press("Enter")
    expect(text).to_be_visible()
    assert_accessible(quick)
    screenshot(quick, f"posting-application-{size['width']}")
    quick.keyboard.press("Enter")
    expect(text).to_be_hidden()

    # The table's search finds it by a word only its posting has.
    quick.goto(f"{site}/applications/?q=zephyrology")
    expect(quick.locator("tbody").get_by_role("link", name="Senior Data Analyst")).to_be_visible()
    assert_accessible(quick)
    quick.goto(f"{site}/applications/?q=quasarine")
    expect(quick.locator("tbody").get_by_role("link")).to_have_count(0)
    quick.close()

    if size["width"] != 1280:
        return
    # No JobPosting data: the page's main text, not its navigation or footer.
    quick = _run_bookmarklet(page, site, "https://other.example/jobs/7", PLAIN_PAGE)
    box = quick.get_by_label("The posting", exact=True)
    expect(box).to_have_value("QA Lead\n\nOwn the test strategy for our quasarine payment flows.")
    quick.get_by_role("button", name="Add application").click()
    expect(quick.get_by_role("heading", name="QA Lead", level=1)).to_be_visible()
    quick.goto(f"{site}/applications/?q=quasarine")
    expect(quick.locator("tbody").get_by_role("link", name="QA Lead")).to_be_visible()
