import datetime as dt
import re

import pytest
from django.core.management import call_command
from playwright.sync_api import Page, expect

from applications.pipeline import Status
from reminders.models import Reminder
from tests.conftest import assert_accessible
from tests.factories import ApplicationFactory, CompanyFactory, reject, reminders_about

pytestmark = pytest.mark.browser


def test_a_link_from_a_real_email_works_once_in_a_logged_out_browser(
    page: Page, site: str, alice, smtp_sink
):
    app = ApplicationFactory(
        company=CompanyFactory(owner=alice, name="Northwind"), status=Status.INTERVIEWING
    )
    plan = reject(app)
    reminders_about(plan).exclude(kind="keep_in_touch").update(status="cancelled")
    keep = reminders_about(plan).get(kind="keep_in_touch")
    past = dt.datetime(2026, 1, 1, tzinfo=dt.UTC)
    Reminder.objects.filter(pk=keep.pk).update(due_at=past, run_at=past)
    call_command("dispatch_reminders")

    (email,) = smtp_sink.wait_for(1)
    text = next(p for p in email.walk() if p.get_content_type() == "text/plain")
    body = text.get_payload(decode=True).decode()
    done = re.search(r"Done:\s+(\S+)", body).group(1)
    assert done.startswith(site)

    page.goto(done)
    expect(page.get_by_role("heading", name="Mark it done?")).to_be_visible()
    assert_accessible(page)
    page.get_by_role("button", name="Mark it done").click()
    expect(page.get_by_role("heading", name="Marked as done")).to_be_visible()
    keep.refresh_from_db()
    assert keep.status == "done"

    page.goto(done)
    expect(page.get_by_role("heading", name="This link was already used")).to_be_visible()
    page.goto(site + "/home/")
    expect(page).to_have_url(re.compile(r"/accounts/login/"))  # the link logged no one in
