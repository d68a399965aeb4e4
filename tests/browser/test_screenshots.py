"""The README's pictures of home and of an application on a phone, from the demo data."""

import re

import pytest
from playwright.sync_api import Page, expect

from applications.models import Application
from demo.sample import load_demo_data
from tests.conftest import assert_accessible, log_in, screenshot

pytestmark = pytest.mark.browser


def test_the_demo_account_looks_right_on_a_desktop_and_a_phone(page: Page, site: str):
    demo = load_demo_data()
    log_in(page, site, demo)
    page.set_viewport_size({"width": 1280, "height": 900})
    page.goto(site + "/home/")
    expect(page.get_by_role("heading", name="Hello, Sam")).to_be_visible()
    # The last 30 days' summary arrives after the page (htmx).
    expect(page.locator("#glance")).to_contain_text(
        re.compile(r"(sent|Nothing sent) in the last 30 days|last 30 days you sent")
    )
    assert_accessible(page)
    screenshot(page, "home")
    application = Application.objects.filter(owner=demo, interviews__isnull=False).first()
    page.set_viewport_size({"width": 390, "height": 844})
    page.goto(site + application.get_absolute_url())
    expect(page.get_by_role("heading", name=application.role)).to_be_visible()
    assert_accessible(page)
    screenshot(page, "application-phone")
