"""The API's docs page draws Swagger UI from the vendored package, under the enforced CSP."""

import pytest
from playwright.sync_api import Browser, expect

pytestmark = pytest.mark.browser


def test_the_api_docs_render_offline_under_the_csp(browser: Browser, site: str):
    context = browser.new_context()  # no bypass: the policy is enforced
    page = context.new_page()
    problems: list[str] = []
    outside: list[str] = []
    page.on("console", lambda msg: problems.append(msg.text) if msg.type == "error" else None)
    page.on("pageerror", lambda exc: problems.append(str(exc)))
    page.on("request", lambda r: outside.append(r.url) if not r.url.startswith(site) else None)
    page.goto(site + "/api/docs/")
    expect(page.get_by_role("heading", name="Rebound API")).to_be_visible()
    expect(page.get_by_text("/api/v1/applications/{id}/status/").first).to_be_visible()
    assert problems == [] and outside == []
