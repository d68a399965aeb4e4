"""A 10,000-row spreadsheet through the whole import in Chromium: upload, the columns, the
preview, then the background task in a real Celery worker, with its progress on the page."""

import pytest
from playwright.sync_api import Page, expect

from applications.models import Application
from tests.conftest import _free_port, assert_accessible, log_in, screenshot
from tests.reminders.test_delivery_guarantees import Fleet

pytestmark = [pytest.mark.browser, pytest.mark.slow]
ROWS = 10_000


@pytest.fixture
def worker(tmp_path, settings):
    fleet = Fleet(_free_port(), tmp_path)  # the test starts its worker when it wants it
    yield fleet
    fleet.stop()


def test_ten_thousand_rows_import_in_the_background_with_progress(
    page: Page, site: str, alice, worker, tmp_path
):
    statuses = ["Applied", "Rejected", "Interviewing", "Wishlist", "Expired"]
    lines = ["Company,Job Title,Stage,Date Applied,Source,Tags"]
    for i in range(ROWS):
        lines.append(
            f"Company {i % 800},Role {i},{statuses[i % 5]},2025-{1 + i % 12:02d}-{1 + i % 28:02d},"
            f"LinkedIn,{'remote' if i % 3 == 0 else ''}"
        )
    big = tmp_path / "my-search.csv"
    big.write_text("\n".join(lines) + "\n", encoding="utf-8")
    log_in(page, site, alice)
    page.goto(site + "/applications/import/")
    assert_accessible(page)
    page.get_by_label("Your file").set_input_files(str(big))
    page.get_by_role("button", name="Read the file").click()
    expect(page.get_by_role("heading", name="Check the columns")).to_be_visible()
    assert page.get_by_label("Company (needed)").input_value() == "0"
    # "Expired" is a word Rebound won't guess: it asks, and says so when left unanswered.
    page.get_by_role("button", name="Preview every row").click()
    expect(page.get_by_text("Choose what “Expired” means in Rebound.").first).to_be_visible()
    assert page.title().startswith("Error:")
    page.get_by_label("“Expired”").select_option("ghosted")
    assert_accessible(page)
    page.get_by_role("button", name="Preview every row").click()
    expect(page.get_by_text(f"{ROWS} applications will be imported")).to_be_visible()
    assert page.locator("table tbody tr").count() == 100  # a page of the preview
    assert_accessible(page)
    # The task waits in the queue for a worker: the page says so, and polls.
    page.get_by_role("button", name=f"Import {ROWS} applications").click()
    expect(page.get_by_text("Waiting to start…")).to_be_visible()
    expect(page.locator("progress#import-bar")).to_have_attribute("max", str(ROWS))
    with page.expect_response(lambda r: "/progress/" in r.url):
        pass
    job_page = page.url
    worker.worker("importer")
    # The user may leave: the import goes on, and the page tells how it ended.
    page.goto(site + "/applications/")
    page.goto(job_page)
    done = page.get_by_text(f"Done: {ROWS} applications imported.")
    expect(done).to_be_visible(timeout=90_000)
    assert_accessible(page)
    screenshot(page, "import-done")
    assert Application.objects.filter(owner=alice).count() == ROWS
    assert Application.objects.filter(owner=alice, status="ghosted").count() == ROWS // 5


def test_a_workbook_is_read_by_the_worker_and_the_page_follows_to_its_columns(
    page: Page, site: str, alice, worker, tmp_path
):
    import openpyxl

    book = openpyxl.Workbook()
    book.active.title = "Read me"  # an empty first sheet: the data is on the second
    sheet = book.create_sheet("Applications")
    sheet.append(["Company Name", "Job Title", "Application Date", "Question And Answers"])
    sheet.append(["Škoda Auto", "BI Developer", "2025-10-04", "Years of SQL? : 5"])
    path = tmp_path / "search.xlsx"
    book.save(path)
    log_in(page, site, alice)
    page.goto(site + "/applications/import/")
    page.get_by_label("Your file").set_input_files(str(path))
    page.get_by_role("button", name="Read the file").click()
    # No worker yet: the page says it is reading, and polls.
    expect(
        page.get_by_text("Reading your workbook… A large one takes a few seconds.")
    ).to_be_visible()
    assert_accessible(page)
    worker.worker("reader")
    expect(page.get_by_role("heading", name="Check the columns")).to_be_visible(timeout=60_000)
    expect(page.get_by_text("read from the sheet “Applications”")).to_be_visible()
    expect(page.locator("#ignored-columns li")).to_have_text(["Question And Answers"])
    assert_accessible(page)
    page.set_viewport_size({"width": 390, "height": 844})
    assert_accessible(page)
    screenshot(page, "import-workbook-columns")
