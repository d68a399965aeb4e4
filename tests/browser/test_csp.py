"""The enforcing Content-Security-Policy leaves the site working in a real Chromium."""

import datetime as dt

import pytest
from playwright.sync_api import Browser, expect

from applications.models import Application
from applications.pipeline import Status
from coping.services import feedback_request_draft, journal_entry_create
from tests.conftest import log_in
from tests.factories import ApplicationFactory, CompanyFactory, reject

pytestmark = pytest.mark.browser


def test_pages_work_under_the_csp_with_no_violation(browser: Browser, site: str, alice):
    company = CompanyFactory(owner=alice, name="Northwind")
    application = ApplicationFactory(
        company=company, role="Analyst", status=Status.APPLIED, date_applied=dt.date(2026, 11, 2)
    )
    plan = reject(ApplicationFactory(company=company, status=Status.INTERVIEWING))
    journal_entry_create(owner=alice, plan=plan, mood=3, text="Okay.")
    feedback_request_draft(plan=plan)
    context = browser.new_context()  # no bypass: the policy is enforced as for anyone
    page = context.new_page()
    problems: list[str] = []
    page.on(
        "console",
        lambda msg: (
            problems.append(msg.text)
            if msg.type == "error" or "Content Security Policy" in msg.text
            else None
        ),
    )
    page.on("pageerror", lambda exc: problems.append(str(exc)))
    log_in(page, site, alice)

    # The home page's chart draws (Chart.js from our own static files).
    page.goto(site + "/home/")
    expect(page.locator("#weekly-chart")).to_be_visible()
    assert page.evaluate("() => !!window.Chart && Chart.getChart('weekly-chart') !== undefined")

    # The board moves a card through htmx (its CSRF header comes from an attribute).
    page.goto(site + "/applications/board/")
    page.get_by_role("button", name="Move Analyst at Northwind").click()
    page.get_by_role("dialog").get_by_label("Move to").select_option("screening")
    page.get_by_role("dialog").get_by_role("button", name="Move", exact=True).click()
    expect(
        page.locator('[data-status="screening"]').locator(f"#card-{application.pk}")
    ).to_be_visible()
    assert Application.objects.get(pk=application.pk).status == Status.SCREENING

    # A copy button works (static JavaScript, no inline handler).
    page.goto(site + f"/coping/plans/{plan.pk}/feelings/")
    context.grant_permissions(["clipboard-read", "clipboard-write"], origin=site)
    copy = page.locator("button[data-copy-target='#id_body']")
    copy.click()
    expect(copy).to_have_text("Copied")

    assert problems == []
    context.close()
