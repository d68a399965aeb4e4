"""The API's reference page: rendered by the server from the schema in the site's template,
so it passes axe like every other page, at a phone's width and a laptop's, with landmarks,
a language, nothing from outside, no render-blocking script and a visible focus."""

import pytest
from playwright.sync_api import Browser, Page, expect

from tests.conftest import assert_accessible

pytestmark = pytest.mark.browser


@pytest.mark.parametrize("width", [390, 1280])
def test_the_api_reference_is_accessible_and_fits(page: Page, site: str, width):
    page.set_viewport_size({"width": width, "height": 900})
    page.goto(site + "/api/docs/")

    expect(page.get_by_role("heading", name="Rebound API reference", level=1)).to_be_visible()
    status = page.get_by_role("heading", name="POST /api/v1/applications/{id}/status/")
    expect(status).to_be_visible()
    # The timeline's first entry: null where the database says "", and the page says so.
    expect(page.locator("section[aria-labelledby=schema-statuschange]")).to_contain_text(
        "null for the first entry"
    )
    assert page.evaluate("document.documentElement.lang") == "en"
    for landmark in ("banner", "main", "contentinfo"):
        expect(page.get_by_role(landmark)).to_have_count(1)
    expect(page.get_by_role("navigation", name="Contents")).to_be_visible()
    assert_accessible(page)

    # No render-blocking script: every script the page loads is deferred (no 430 KB bundle).
    blocking = page.evaluate(
        """() => [...document.scripts].filter(s => s.src && !s.defer && !s.async)
                 .map(s => s.src)"""
    )
    assert blocking == []
    assert not any("swagger" in url for url in page.evaluate(
        "() => performance.getEntriesByType('resource').map(e => e.name)"
    ))  # fmt: skip

    # The contents link to their section, and the keyboard's focus is visible on them.
    link = page.get_by_role("navigation", name="Contents").get_by_role("link", name="applications")
    link.focus()
    page.keyboard.press("Shift+Tab")
    page.keyboard.press("Tab")
    outline = page.evaluate(
        "() => { const s = getComputedStyle(document.activeElement);"
        " return [s.outlineStyle, parseFloat(s.outlineWidth), s.boxShadow]; }"
    )
    assert (outline[0] != "none" and outline[1] > 0) or outline[2] != "none", outline
    link.press("Enter")
    expect(page).to_have_url(site + "/api/docs/#resource-applications")

    overflow = page.evaluate(
        "() => document.documentElement.scrollWidth - document.documentElement.clientWidth"
    )
    assert overflow <= 0, f"the reference is {overflow}px wider than a {width}px screen"


def test_the_api_reference_renders_offline_under_the_csp(browser: Browser, site: str):
    context = browser.new_context()  # no bypass: the policy is enforced
    page = context.new_page()
    problems: list[str] = []
    outside: list[str] = []
    page.on("console", lambda msg: problems.append(msg.text) if msg.type == "error" else None)
    page.on("pageerror", lambda exc: problems.append(str(exc)))
    page.on("request", lambda r: outside.append(r.url) if not r.url.startswith(site) else None)
    page.goto(site + "/api/docs/")
    expect(
        page.get_by_role("heading", name="GET /api/v1/applications/{id}/timeline/")
    ).to_be_visible()
    assert problems == [] and outside == []
    context.close()
