"""The main journeys with the keyboard alone: after every step we know where focus is, and
that it can be seen (a focus indicator of at least 3:1 against what surrounds it)."""

import datetime as dt
import re

import pytest
from django.utils import timezone
from playwright.sync_api import Locator, Page, expect

from applications.models import Application
from interviews.models import Interview, SelfAssessment
from tests.conftest import assert_accessible

pytestmark = pytest.mark.browser

# The indicator's colour (outline, else box-shadow) against the first opaque background
# behind the element, as WCAG's contrast ratio.
_FOCUS_CONTRAST = """() => {
  const el = document.activeElement;
  if (!el || el === document.body) return 0;
  const parse = (c) => (c.match(/[\\d.]+/g) || []).map(Number);
  const lum = ([r, g, b]) => [r, g, b].map((v) => {
    v /= 255; return v <= 0.03928 ? v / 12.92 : ((v + 0.055) / 1.055) ** 2.4;
  }).reduce((s, v, i) => s + v * [0.2126, 0.7152, 0.0722][i], 0);
  const style = getComputedStyle(el);
  let ring = null;
  if (style.outlineStyle !== "none" && parseFloat(style.outlineWidth) >= 2) {
    ring = parse(style.outlineColor);
  } else if (style.boxShadow && style.boxShadow !== "none") {
    ring = parse(style.boxShadow);
  }
  if (!ring || (ring.length > 3 && ring[3] === 0)) return 0;
  let node = el.parentElement, bg = [255, 255, 255];
  while (node) {
    const c = parse(getComputedStyle(node).backgroundColor);
    if (c.length === 3 || (c.length > 3 && c[3] > 0.5)) { bg = c; break; }
    node = node.parentElement;
  }
  const [a, b] = [lum(ring), lum(bg)].sort((x, y) => y - x);
  return (a + 0.05) / (b + 0.05);
}"""


def _focused(locator: Locator) -> bool:
    return locator.evaluate("(el) => el === document.activeElement")


def focus_is_visible(page: Page) -> None:
    ratio = page.evaluate(_FOCUS_CONTRAST)
    focused = page.evaluate("document.activeElement.outerHTML")[:200]
    assert ratio >= 3, f"focus indicator at {ratio:.2f}:1 on {focused}"


def tab_to(page: Page, locator: Locator, limit: int = 80) -> None:
    """Press Tab until `locator` has focus (it must be reachable), checking the indicator."""
    locator = locator.first
    for _ in range(limit):
        if _focused(locator):
            focus_is_visible(page)
            return
        page.keyboard.press("Tab")
    raise AssertionError(f"Tab never reached {locator}")


def type_date(page: Page, day: dt.date) -> None:
    # Chromium's date field (en-US): month, day and year segments, typed in turn.
    page.keyboard.type(day.strftime("%m%d%Y"))


def test_the_main_journeys_work_with_the_keyboard_alone(
    page: Page, site: str, smtp_sink, eager_tasks
):
    page.set_viewport_size({"width": 1280, "height": 900})
    page.goto(site + "/accounts/signup/")
    # Sign up, then confirm the address from its email.
    tab_to(page, page.get_by_label("Email"))
    page.keyboard.type("kai@example.com")
    tab_to(page, page.get_by_label(re.compile(r"^\s*Password\W*$")))
    page.keyboard.type("a-long-pass-phrase")
    tab_to(page, page.get_by_label("Password (again)"))
    page.keyboard.type("a-long-pass-phrase")
    tab_to(page, page.get_by_role("button", name="Sign up"))
    page.keyboard.press("Enter")
    expect(page.get_by_role("heading", name="Check your inbox")).to_be_visible()
    (confirmation,) = smtp_sink.wait_for(1)
    body = confirmation.get_payload(decode=True).decode()
    page.goto(re.search(r"http://\S+/accounts/confirm-email/\S+/", body).group(0))
    tab_to(page, page.get_by_role("button", name="Confirm kai@example.com"))
    page.keyboard.press("Enter")
    expect(page.get_by_role("heading", level=1)).to_contain_text("Hello")
    # The top bar's links show where focus is, white on teal.
    tab_to(page, page.get_by_role("link", name="Applications", exact=True))
    page.keyboard.press("Enter")

    # Add an application.
    tab_to(page, page.get_by_role("link", name="New application"))
    page.keyboard.press("Enter")
    tab_to(page, page.get_by_label("Role"))
    page.keyboard.type("Platform engineer")
    tab_to(page, page.get_by_label(re.compile("new company", re.I)))
    page.keyboard.type("Initech")
    tab_to(page, page.get_by_label("Date applied"))
    today = timezone.localdate()
    type_date(page, today - dt.timedelta(days=3))
    tab_to(page, page.get_by_role("button", name="Save"))
    page.keyboard.press("Enter")
    expect(page.get_by_role("heading", name="Platform engineer")).to_be_visible()
    application = Application.objects.get(role="Platform engineer")

    # Move it on the board: the dialog takes focus, and focus comes back to the card.
    tab_to(page, page.get_by_role("link", name="Board", exact=True))
    page.keyboard.press("Enter")
    tab_to(page, page.get_by_role("button", name="Move Platform engineer at Initech"))
    page.keyboard.press("Enter")
    dialog = page.get_by_role("dialog")
    expect(dialog.get_by_label("Move to")).to_be_focused()
    focus_is_visible(page)
    expect(dialog.get_by_label("Move to")).to_have_value("screening")
    page.keyboard.press("Tab")
    expect(dialog.get_by_role("button", name="Move", exact=True)).to_be_focused()
    focus_is_visible(page)
    page.keyboard.press("Enter")
    moved = page.locator(f'[data-status="screening"] #card-{application.pk} [data-move]')
    expect(moved).to_be_focused()
    focus_is_visible(page)
    expect(page.locator("#board-status")).to_have_text(
        "Moved Platform engineer at Initech to Screening."
    )
    assert_accessible(page)

    # Log an interview, yesterday.
    page.keyboard.press("Shift+Tab")  # from the card's Move button back to its title
    expect(page.get_by_role("link", name="Platform engineer")).to_be_focused()
    page.keyboard.press("Enter")
    tab_to(page, page.get_by_role("link", name="Log an interview"))
    page.keyboard.press("Enter")
    tab_to(page, page.get_by_label("Round"))
    page.keyboard.type("Technical")
    tab_to(page, page.get_by_label(re.compile(r"^\s*Date\W*$")))
    type_date(page, today - dt.timedelta(days=1))
    tab_to(page, page.get_by_label("Starts at"))
    page.keyboard.type("1000AM")
    tab_to(page, page.get_by_label("Ends at"))
    page.keyboard.type("1100AM")
    tab_to(page, page.get_by_role("button", name="Save interview"))
    page.keyboard.press("Enter")
    expect(page.get_by_text("This interview is over")).to_be_visible()
    interview = Interview.objects.get(application=application)

    # The self-assessment, sent once with nothing chosen: the summary takes focus.
    tab_to(page, page.get_by_role("link", name="Write your self-assessment"))
    page.keyboard.press("Enter")
    tab_to(page, page.get_by_role("button", name="Save self-assessment"))
    page.keyboard.press("Enter")
    summary = page.locator("[data-error-summary]")
    expect(summary).to_be_focused()
    expect(summary).to_contain_text("There are 6 problems")
    assert page.title().startswith("Error:")
    assert_accessible(page)
    # Its first link leads to the first question's choices; Space picks, Tab goes on.
    page.keyboard.press("Tab")
    page.keyboard.press("Enter")
    first = page.locator("#id_qualification_fit_0")
    expect(first).to_be_focused()
    focus_is_visible(page)
    for _ in range(6):
        page.keyboard.press("ArrowRight")  # 1 → 2, and picks it
        focus_is_visible(page)
        page.keyboard.press("Tab")
    tab_to(page, page.get_by_role("button", name="Save self-assessment"))
    page.keyboard.press("Enter")
    expect(page.get_by_text("Your self-assessment — confidence 2/5")).to_be_visible()
    assert SelfAssessment.objects.get(interview=interview).confidence == 2

    # They said no: move along to Rejected, and the plan opens.
    page.goto(site + application.get_absolute_url())
    tab_to(page, page.get_by_label("Move to"))
    page.keyboard.type("Rejected")  # a select jumps to the option typed
    expect(page.get_by_label("Move to")).to_have_value("rejected")
    tab_to(page, page.get_by_role("button", name="Move", exact=True))
    page.keyboard.press("Enter")
    expect(page.get_by_role("heading", level=1)).to_have_text("Bouncing back from Initech")
    tab_to(page, page.get_by_role("link", name=re.compile(r"^Start ")))
    page.keyboard.press("Enter")
    expect(page.get_by_role("heading", level=1)).to_be_visible()
    assert_accessible(page)


@pytest.mark.parametrize("path", ["/", "/accounts/login/", "/home/", "/applications/"])
def test_every_tab_stop_shows_where_focus_is(page: Page, site: str, alice, path: str):
    from tests.conftest import log_in
    from tests.factories import ApplicationFactory, CompanyFactory

    ApplicationFactory(company=CompanyFactory(owner=alice))
    if path not in ("/", "/accounts/login/"):
        log_in(page, site, alice)
    page.set_viewport_size({"width": 1280, "height": 900})
    page.goto(site + path)
    seen = set()
    for _ in range(25):  # the skip link, the top bar, then the page
        page.keyboard.press("Tab")
        element = page.evaluate("document.activeElement.outerHTML.slice(0, 120)")
        if element in seen or page.evaluate("document.activeElement === document.body"):
            break  # round the page and out
        seen.add(element)
        focus_is_visible(page)
    assert len(seen) >= 3
