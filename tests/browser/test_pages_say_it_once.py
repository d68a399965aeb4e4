"""Issue 22, "Pages say everything once, clearly", in Chromium at 390 and 1280 px."""

import datetime as dt
import re

import pytest
from playwright.sync_api import Page, expect

from applications.pipeline import Status
from tests.conftest import assert_accessible, log_in
from tests.factories import ApplicationFactory, CompanyFactory

pytestmark = pytest.mark.browser

PHONE = {"width": 390, "height": 844}
DESKTOP = {"width": 1280, "height": 900}


@pytest.fixture
def search(alice):
    company = CompanyFactory(owner=alice, name="Northwind")
    for i in range(3):
        ApplicationFactory(company=company, role=f"Data analyst {i}", status=Status.APPLIED)
    return company


def _end_session(page: Page) -> None:
    """The session cookie goes (expired, or logged out elsewhere); the CSRF cookie stays."""
    kept = [c for c in page.context.cookies() if c["name"] != "sessionid"]
    page.context.clear_cookies()
    page.context.add_cookies(kept)


@pytest.mark.parametrize("size", [PHONE, DESKTOP], ids=["390", "1280"])
def test_the_board_move_is_a_button_that_space_opens(page: Page, site, alice, search, size):
    log_in(page, site, alice)
    page.set_viewport_size(size)
    page.goto(site + "/applications/board/")
    move = page.get_by_role("button", name="Move Data analyst 0 at Northwind")
    assert move.evaluate("(el) => el.tagName") == "BUTTON"
    move.focus()
    before = page.evaluate("window.scrollY")
    page.keyboard.press("Space")
    dialog = page.get_by_role("dialog")
    expect(dialog.get_by_label("Move to")).to_be_focused()
    assert page.evaluate("window.scrollY") == before  # Space did not scroll the page
    assert_accessible(page)
    page.keyboard.press("Escape")
    expect(move).to_be_focused()


def test_without_javascript_the_board_move_is_still_a_link_to_the_form(
    browser, site, alice, search
):
    context = browser.new_context(java_script_enabled=False)
    page = context.new_page()
    log_in(page, site, alice)
    page.goto(site + "/applications/board/")
    link = page.get_by_role("link", name="Move Data analyst 0 at Northwind")
    expect(link).to_have_attribute("href", re.compile(r"/applications/\d+/#move-heading$"))
    context.close()


def test_the_board_is_centred_like_every_other_page(page: Page, site, alice, search):
    log_in(page, site, alice)
    page.set_viewport_size({"width": 1600, "height": 900})
    page.goto(site + "/applications/")
    table_main = page.locator("main").bounding_box()
    page.goto(site + "/applications/board/")
    board_main = page.locator("main").bounding_box()
    assert (board_main["x"], board_main["width"]) == (table_main["x"], table_main["width"])
    assert board_main["x"] > 100  # centred, not edge to edge
    # All six open stages still fit.
    for status in ["wishlist", "applied", "screening", "interviewing", "offer", "accepted"]:
        box = page.locator(f'.board-column[data-status="{status}"]').bounding_box()
        assert box["x"] + box["width"] <= board_main["x"] + board_main["width"], status


def test_the_board_region_shows_its_focus_ring_below_1200(page: Page, site, alice, search):
    log_in(page, site, alice)
    page.set_viewport_size({"width": 820, "height": 900})
    page.goto(site + "/applications/board/")
    board = page.locator(".board").first
    board.focus()
    page.keyboard.press("Tab")
    page.keyboard.press("Shift+Tab")  # focus by keyboard, as :focus-visible needs
    expect(board).to_be_focused()
    style = board.evaluate(
        """(el) => { const s = getComputedStyle(el);
        return [s.outlineStyle, s.outlineWidth, s.maskImage, s.outlineOffset]; }"""
    )
    assert style == ["solid", "3px", "none", "-3px"], style


def test_quick_add_starts_in_company(page: Page, site, alice):
    log_in(page, site, alice)
    page.set_viewport_size(DESKTOP)
    page.goto(site + "/applications/quick-add/")
    expect(page.get_by_label("Company")).to_be_focused()
    page.keyboard.type("Northwind")
    page.keyboard.press("Tab")
    expect(page.get_by_label("Role")).to_be_focused()


def test_a_phone_sees_applications_first_and_a_desktop_sees_the_filters(
    page: Page, site, alice, search
):
    log_in(page, site, alice)
    page.set_viewport_size(PHONE)
    page.goto(site + "/applications/")
    first = page.locator("tbody tr").first.bounding_box()
    assert first["y"] < 450, first  # was about 750 px of controls first
    expect(page.get_by_label("Search")).to_be_hidden()
    assert_accessible(page)
    page.get_by_text("Search, filter and bulk actions").click()
    expect(page.get_by_label("Search")).to_be_visible()

    page.set_viewport_size(DESKTOP)
    page.goto(site + "/applications/")
    expect(page.get_by_label("Search")).to_be_visible()
    expect(page.get_by_text("Search, filter and bulk actions")).to_be_hidden()
    assert_accessible(page)


def test_the_count_after_filtering_is_announced(page: Page, site, alice, search):
    log_in(page, site, alice)
    page.set_viewport_size(DESKTOP)
    page.goto(site + "/applications/")
    page.get_by_label("Search").fill("analyst 1")
    page.get_by_role("button", name="Apply").click()
    # The status region was empty at load and has the count put in after it.
    expect(page.locator("#live-status")).to_have_text(re.compile(r"^1 application match"))
    assert page.locator("[role=status]:not(#live-status):not(#board-status)").count() == 0


@pytest.mark.parametrize("size", [PHONE, DESKTOP], ids=["390", "1280"])
def test_the_journal_mood_fits_one_row_and_saving_is_announced(page: Page, site, alice, size):
    log_in(page, site, alice)
    page.set_viewport_size(size)
    page.goto(site + "/coping/journal/")
    tops = page.locator(".segmented label").evaluate_all(
        "(labels) => labels.map((l) => Math.round(l.getBoundingClientRect().top))"
    )
    assert len(tops) == 5 and len(set(tops)) == 1, tops
    assert page.evaluate("document.documentElement.scrollWidth") <= size["width"]
    assert_accessible(page)
    page.get_by_text("4 — good", exact=True).click()
    page.get_by_role("button", name="Save journal entry").click()
    expect(page.locator("#live-status")).to_have_text("Journal entry saved. Only you can see it.")


def test_the_error_summary_leaves_no_fragment_behind(page: Page, site, alice):
    log_in(page, site, alice)
    page.set_viewport_size(DESKTOP)
    page.goto(site + "/coping/journal/")
    page.get_by_role("button", name="Save journal entry").click()  # no mood chosen
    summary = page.locator("[data-error-summary]")
    expect(summary).to_be_focused()
    summary.get_by_role("link").first.click()
    expect(page.get_by_label("1 — really low")).to_be_focused()
    assert "#" not in page.url
    page.get_by_text("3 — okay", exact=True).click()
    page.get_by_role("button", name="Save journal entry").click()
    expect(page.get_by_text("Journal entry saved.").first).to_be_visible()
    assert page.url.endswith("/coping/journal/"), page.url


def test_an_ended_session_sends_an_htmx_move_to_log_in_and_back(page: Page, site, alice, search):
    log_in(page, site, alice)
    page.set_viewport_size(DESKTOP)
    page.goto(site + "/applications/board/")
    _end_session(page)  # while the board is open
    page.get_by_role("button", name="Move Data analyst 0 at Northwind").click()
    page.get_by_role("dialog").get_by_role("button", name="Move", exact=True).click()
    expect(page).to_have_url(re.compile(r"/accounts/login/\?next=%2Fapplications%2Fboard%2F$"))
    expect(page.get_by_text("your session ended", exact=False)).to_be_visible()
    assert page.locator("nav[aria-label=Main]").count() == 1  # one page, one navigation
    expect(page.locator("#live-status")).to_contain_text("your session ended")
    assert_accessible(page)


def test_an_ended_session_on_home_summary_too(page: Page, site, alice, search):
    log_in(page, site, alice)
    page.set_viewport_size(DESKTOP)
    # The session ends before the summary is fetched: the page's cookie is gone after load.
    page.route(
        re.compile(r".*/home/glance/.*"),
        lambda route: (_end_session(page), route.continue_())[1],
    )
    page.goto(site + "/home/")
    expect(page).to_have_url(re.compile(r"/accounts/login/\?next=%2Fhome%2F$"))
    assert page.locator("nav[aria-label=Main]").count() == 1


@pytest.fixture
def log_rows(alice):
    company = CompanyFactory(owner=alice, name="Northwind")
    today = dt.date.today()
    for i, (source, status) in enumerate(
        [("referral", "withdrawn"), ("job_board", "applied"), ("staffing_agency", "rejected")]
    ):
        ApplicationFactory(
            company=company,
            role=f"Analyst {i}",
            source=source,
            status=status,
            status_changed_on=today,
            date_applied=today,
            posting_url="https://jobs.example/postings/123456789012345678901234567890",
        )


def test_the_log_prints_whole_words(page: Page, site, alice, log_rows):
    log_in(page, site, alice)
    # A4's printable width (210 mm less two 12 mm margins) at 96 px to the inch.
    page.set_viewport_size({"width": 703, "height": 1000})
    page.goto(site + "/insights/work-search-log/")
    page.emulate_media(media="print")
    broken = page.evaluate(
        """() => {
        const out = [];
        for (const cell of document.querySelectorAll(".worklog-table td, .worklog-table th")) {
          if (cell.cellIndex === 6) continue;  // a link may break anywhere
          const s = getComputedStyle(cell);
          const room = cell.clientWidth - parseFloat(s.paddingLeft) - parseFloat(s.paddingRight);
          for (const word of cell.textContent.split(/\\s+/).filter(Boolean)) {
            const probe = document.createElement("span");
            probe.style.whiteSpace = "nowrap";
            probe.textContent = word;
            cell.append(probe);
            if (probe.getBoundingClientRect().width > room + 0.5) out.push(word);
            probe.remove();
          }
        }
        return out;
      }"""
    )
    assert broken == [], broken


@pytest.mark.parametrize("size", [PHONE, DESKTOP], ids=["390", "1280"])
def test_the_log_does_not_move_when_the_print_button_appears(
    browser, page: Page, site, alice, log_rows, size
):
    log_in(page, site, alice)
    page.set_viewport_size(size)
    page.goto(site + "/insights/work-search-log/")
    expect(page.get_by_role("button", name="Print or save as PDF")).to_be_visible()
    with_script = page.locator(".worklog .table-responsive").bounding_box()
    assert_accessible(page)

    context = browser.new_context(java_script_enabled=False, viewport=size)
    quiet = context.new_page()
    log_in(quiet, site, alice)
    quiet.goto(site + "/insights/work-search-log/")
    without = quiet.locator(".worklog .table-responsive").bounding_box()
    context.close()
    assert with_script["y"] == without["y"]


@pytest.fixture
def insights_data(alice):
    from applications import services as applications
    from tests.factories import InterviewFactory, SelfAssessmentFactory

    company = CompanyFactory(owner=alice, name="Northwind")
    day = dt.date.today() - dt.timedelta(days=40)
    moves = [
        [],
        [Status.REJECTED],
        [Status.SCREENING, Status.GHOSTED],
        [Status.SCREENING, Status.INTERVIEWING, Status.REJECTED],
        [Status.SCREENING, Status.INTERVIEWING, Status.OFFER],
    ]
    for i, path in enumerate(moves * 2):
        application = applications.application_create(
            owner=alice, company=company, role=f"Role {i}", status=Status.APPLIED, date_applied=day
        )
        for n, status in enumerate(path, start=1):
            applications.application_change_status(
                application=application, to_status=status, on=day + dt.timedelta(days=n)
            )
        if Status.INTERVIEWING in path:
            SelfAssessmentFactory(
                interview=InterviewFactory(application=application),
                tripped_questions="The rate limiter\nSalary expectations",
            )


@pytest.mark.parametrize("size", [PHONE, DESKTOP], ids=["390", "1280"])
def test_the_funnel_fills_its_place_and_what_tripped_you_reads_whole(
    page: Page, site, alice, insights_data, size
):
    log_in(page, site, alice)
    page.set_viewport_size(size)
    page.goto(site + "/insights/?period=all")
    svg = page.locator("svg.funnel-svg")
    expect(svg).to_be_visible()
    drawn = svg.evaluate(
        """(svg) => { const box = svg.getBBox(); const view = svg.viewBox.baseVal;
        return [box.y + box.height, view.y + view.height]; }"""
    )
    assert drawn[0] >= 0.9 * drawn[1], drawn  # no blank band below the drawing
    if size == DESKTOP:
        column = page.locator("section[aria-labelledby=funnel-heading]").bounding_box()
        assert svg.bounding_box()["width"] >= 0.95 * column["width"]
    tripped = page.locator("h3", has_text="What tripped you lately").locator("..")
    expect(tripped).to_contain_text("The rate limiter")
    expect(tripped).to_contain_text("Salary expectations (4 interviews)")
    expect(tripped.get_by_role("link").first).to_contain_text("interview, Role")
    assert_accessible(page)
