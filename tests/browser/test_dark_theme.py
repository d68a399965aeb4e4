"""The dark theme follows the system's setting: with a browser set to dark, every main page is
dark, passes axe (contrast included) and shows where focus is, on a laptop and a phone; set to
light, the pages stay light, and they follow when the setting changes while a page is open."""

from typing import Any

import pytest
from playwright.sync_api import Browser, Page, expect

from applications.models import Application
from coping.models import CopingPlan
from demo.sample import load_demo_data
from tests.browser.test_keyboard import focus_is_visible
from tests.conftest import assert_accessible, log_in, screenshot

pytestmark = pytest.mark.browser

DARK_BG = "rgb(33, 37, 41)"  # Bootstrap's dark body, #212529
LIGHT_BG = "rgb(255, 255, 255)"
# The funnel's and charts' teal: the light theme's, and the dark theme's lighter one.
LIGHT_TEAL, DARK_TEAL = "#1f5f5b", "#4fa89f"
# The weekly chart's first bar, as Chart.js resolved its colour.
BAR_COLOUR = """(id) => Chart.getChart(id).getDatasetMeta(0).data[0].options.backgroundColor"""


@pytest.fixture(scope="session")
def browser_context_args(browser_context_args: dict[str, Any]) -> dict[str, Any]:
    """A browser whose system is set to dark."""
    return {**browser_context_args, "color_scheme": "dark"}


def _theme(page: Page) -> tuple[str, str]:
    """The theme <html> is marked with, and the colour the page is painted."""
    return tuple(
        page.evaluate(
            """() => [document.documentElement.dataset.bsTheme,
                  getComputedStyle(document.body).backgroundColor]"""
        )
    )


def _tab_through(page: Page, stops: int = 60) -> int:
    """Tab from the top of the page, checking the focus indicator at every stop."""
    seen: set[str] = set()
    for _ in range(stops):
        page.keyboard.press("Tab")
        if page.evaluate("document.activeElement === document.body"):
            break
        element = page.evaluate("document.activeElement.outerHTML.slice(0, 160)")
        if element in seen:
            break  # round the page and back
        seen.add(element)
        focus_is_visible(page)
    return len(seen)


LAPTOP_SHOTS, PHONE_SHOTS = ("home", "board", "insights"), ("application", "plan")


@pytest.mark.parametrize(
    "width, height, shots", [(1280, 900, LAPTOP_SHOTS), (390, 844, PHONE_SHOTS)]
)
def test_every_main_page_is_dark_accessible_and_shows_focus(
    page: Page, site: str, width: int, height: int, shots: tuple[str, ...]
):
    demo = load_demo_data()
    application = Application.objects.filter(owner=demo, interviews__isnull=False).first()
    plan = CopingPlan.objects.filter(owner=demo).first()
    pages = {
        "home": "/home/",
        "table": "/applications/",
        "board": "/applications/board/",
        "application": application.get_absolute_url(),
        "interviews": "/interviews/",
        "plan": plan.get_absolute_url(),
        "insights": "/insights/",
        "reminders": "/reminders/",
        "preferences": "/accounts/preferences/",
    }
    page.set_viewport_size({"width": width, "height": height})
    for path in ("/", "/accounts/login/"):  # before signing in
        page.goto(site + path)
        assert _theme(page) == ("dark", DARK_BG), path
        assert_accessible(page)
        assert _tab_through(page) >= 3, path
    log_in(page, site, demo)
    for name, path in pages.items():
        response = page.goto(site + path)
        assert response.status == 200, path
        assert _theme(page) == ("dark", DARK_BG), path
        if name == "home":
            # The last 30 days' summary arrives after the page (htmx): axe it too.
            expect(page.locator("#glance")).to_contain_text("30")
            assert page.evaluate(BAR_COLOUR, "weekly-chart") == DARK_TEAL
        if name == "insights":
            # The funnel, drawn on the server in the light theme's teal, is painted lighter.
            bar = page.locator(".funnel-svg rect").first
            fill = bar.evaluate("(r) => getComputedStyle(r).fill")
            assert fill == "rgb(79, 168, 159)"
            assert page.evaluate(BAR_COLOUR, "activity-chart") == DARK_TEAL
        assert_accessible(page)
        if name in shots:
            screenshot(page, f"dark-{name}" + ("-phone" if width < 500 else ""))
        assert _tab_through(page) >= 3, path

    # The board's move dialog, dark too, its choices' focus visible.
    page.goto(site + "/applications/board/")
    page.locator("[data-move]").first.click()
    dialog = page.get_by_role("dialog")
    expect(dialog.get_by_label("Move to")).to_be_focused()
    focus_is_visible(page)
    assert dialog.evaluate("(d) => getComputedStyle(d).backgroundColor") == DARK_BG
    assert_accessible(page)


def test_light_stays_light_and_the_theme_follows_the_system(
    browser: Browser, browser_context_args: dict[str, Any], site: str
):
    context = browser.new_context(**{**browser_context_args, "color_scheme": "light"})
    page = context.new_page()
    try:
        demo = load_demo_data()
        log_in(page, site, demo)
        page.set_viewport_size({"width": 1280, "height": 900})
        page.goto(site + "/home/")
        assert _theme(page) == ("light", LIGHT_BG)
        assert page.evaluate(BAR_COLOUR, "weekly-chart") == LIGHT_TEAL
        assert_accessible(page)
        assert _tab_through(page) >= 3

        # The system turns dark while the page is open: the page, and its chart, follow.
        page.emulate_media(color_scheme="dark")
        expect(page.locator("html")).to_have_attribute("data-bs-theme", "dark")
        assert _theme(page) == ("dark", DARK_BG)
        assert page.evaluate(BAR_COLOUR, "weekly-chart") == DARK_TEAL
        page.emulate_media(color_scheme="light")
        expect(page.locator("html")).to_have_attribute("data-bs-theme", "light")
        assert page.evaluate(BAR_COLOUR, "weekly-chart") == LIGHT_TEAL

        # Paper is light whatever the screen is.
        page.emulate_media(color_scheme="dark", media="print")
        body_bg = "getComputedStyle(document.documentElement).getPropertyValue('--bs-body-bg')"
        assert page.evaluate(body_bg) == "#fff"
    finally:
        context.close()


def test_without_javascript_the_dark_theme_still_applies(
    browser: Browser, browser_context_args: dict[str, Any], site: str
):
    context = browser.new_context(**{**browser_context_args, "java_script_enabled": False})
    page = context.new_page()
    try:
        page.goto(site + "/accounts/login/")
        assert page.evaluate("getComputedStyle(document.body).backgroundColor") == DARK_BG
    finally:
        context.close()
