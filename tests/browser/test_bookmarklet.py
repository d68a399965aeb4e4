"""The bookmarklet on a real-shaped posting page, in Chromium."""

import json

import pytest
from playwright.sync_api import Page, expect

from applications.bookmarklet import bookmarklet
from tests.conftest import log_in

pytestmark = pytest.mark.browser

POSTING = {
    "@context": "https://schema.org",
    "@graph": [
        {"@type": "WebSite", "name": "Jobs"},
        {
            "@type": "JobPosting",
            "title": "Senior Data Analyst",
            "hiringOrganization": {"@type": "Organization", "name": "Northwind Analytics"},
            "jobLocation": {
                "@type": "Place",
                "address": {"addressLocality": "Berlin", "addressCountry": "DE"},
            },
            "baseSalary": {
                "@type": "MonetaryAmount",
                "currency": "EUR",
                "value": {"@type": "QuantitativeValue", "minValue": 68000, "maxValue": 78000},
            },
            "datePosted": "2026-11-20",
            "url": "https://jobs.example/northwind/42",
        },
    ],
}


def _opened_by_bookmarklet(page: Page, code: str) -> str:
    page.evaluate("() => { window.open = (url) => { window.__opened = url; }; }")
    page.evaluate(code.removeprefix("javascript:"))
    return page.evaluate("() => window.__opened")


def test_it_fills_quick_add_from_a_job_posting_or_the_title(page: Page, site: str, alice, rf):
    request = rf.get("/", HTTP_HOST=site.split("://", 1)[1])
    code = bookmarklet(request)
    html = (
        "<html><head><title>Senior Data Analyst | Northwind Analytics | Careers</title>"
        f'<script type="application/ld+json">{json.dumps(POSTING)}</script></head>'
        "<body>A job</body></html>"
    )
    page.route(
        "https://jobs.example/**", lambda route: route.fulfill(body=html, content_type="text/html")
    )
    page.goto("https://jobs.example/northwind/42?ref=feed")
    opened = _opened_by_bookmarklet(page, code)
    assert opened.startswith(site + "/applications/quick-add/?")
    log_in(page, site, alice)
    page.goto(opened)
    expect(page.get_by_label("Role")).to_have_value("Senior Data Analyst")
    expect(page.get_by_label("Company")).to_have_value("Northwind Analytics")
    expect(page.get_by_label("Location")).to_have_value("Berlin, DE")
    expect(page.get_by_label("Salary from")).to_have_value("68000")
    expect(page.get_by_label("Salary to")).to_have_value("78000")
    expect(page.get_by_label("Currency")).to_have_value("EUR")
    expect(page.get_by_label("Posting URL")).to_have_value("https://jobs.example/northwind/42")

    # A page without JobPosting data: the title is split on the server.
    plain = "<html><head><title>QA Lead at Initech | LinkedIn</title></head><body></body></html>"
    page.route(
        "https://other.example/**",
        lambda route: route.fulfill(body=plain, content_type="text/html"),
    )
    page.goto("https://other.example/jobs/7")
    opened = _opened_by_bookmarklet(page, code)
    page.goto(opened)
    expect(page.get_by_label("Role")).to_have_value("QA Lead")
    expect(page.get_by_label("Company")).to_have_value("Initech")
    expect(page.get_by_label("Posting URL")).to_have_value("https://other.example/jobs/7")
