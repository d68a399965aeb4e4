import re

import pytest
from playwright.sync_api import Page, expect

from rebound.models import User
from tests.conftest import assert_accessible, screenshot

pytestmark = pytest.mark.browser


def test_it_signs_up_logs_in_changes_preferences_and_resets_password(
    page: Page, site: str, smtp_sink, eager_tasks
):
    page.goto(site + "/")
    assert_accessible(page)
    screenshot(page, "landing")
    page.get_by_role("link", name="Create a free account").click()

    assert_accessible(page)
    page.get_by_label("Email").fill("nia@example.com")
    page.get_by_label("First name (optional)").fill("Nia")
    page.get_by_label(re.compile(r"^\s*Password\W*$")).fill("a-long-pass-phrase")
    page.get_by_label("Password (again)").fill("a-long-pass-phrase")
    page.get_by_role("button", name="Sign up").click()
    # The address is confirmed first (issue 25): the link logs the new user in.
    expect(page.get_by_role("heading", name="Check your inbox")).to_be_visible()
    assert_accessible(page)
    (confirmation,) = smtp_sink.wait_for(1)
    body = confirmation.get_payload(decode=True).decode()
    page.goto(re.search(r"http://\S+/accounts/confirm-email/\S+/", body).group(0))
    assert_accessible(page)
    page.get_by_role("button", name="Confirm nia@example.com").click()
    expect(page.get_by_role("heading", name="Hello, Nia")).to_be_visible()
    # The browser's own zone was picked up at sign-up (Chromium here runs in UTC or TZ).
    assert User.objects.get(email="nia@example.com").timezone

    page.get_by_role("button", name="Log out").click()
    expect(page.get_by_role("link", name="Log in").first).to_be_visible()

    page.goto(site + "/accounts/login/")
    assert_accessible(page)
    page.get_by_label("Email").fill("nia@example.com")
    page.get_by_label("Password").fill("a-long-pass-phrase")
    page.get_by_role("button", name="Log in").click()
    expect(page.get_by_role("heading", name="Hello, Nia")).to_be_visible()

    page.get_by_role("link", name="Preferences").click()
    assert_accessible(page)
    page.get_by_label("Time zone").select_option("America/New_York")
    page.get_by_label("Reminder time").fill("08:15")
    page.get_by_label("Keep-in-touch check-in, months after a rejection").fill("4")
    page.get_by_role("button", name="Save preferences").click()
    expect(page.get_by_text("Preferences saved.")).to_be_visible()
    user = User.objects.get(email="nia@example.com")
    assert (user.timezone, user.keep_in_touch_months) == ("America/New_York", 4)
    assert user.reminder_time.strftime("%H:%M") == "08:15"

    page.get_by_role("button", name="Log out").click()
    page.goto(site + "/accounts/login/")
    page.get_by_role("link", name="Forgot your password?").click()
    assert_accessible(page)
    page.get_by_label("Email").fill("nia@example.com")
    page.get_by_role("button", name="Send the reset link").click()
    expect(page.get_by_role("heading", name="Check your email")).to_be_visible()
    assert_accessible(page)

    message = smtp_sink.wait_for(2)[-1]
    # The confirmation, then the reset: the browser that opened the link is no new device.
    assert [m["Subject"] for m in smtp_sink.messages] == [
        "Rebound: Confirm your address to start with Rebound",
        "Rebound: Choose a new password",
    ]
    assert message["To"] == "nia@example.com"
    body = message.get_payload(decode=True).decode()
    link = re.search(r"http://\S+/accounts/password/reset/key/\S+/", body).group(0)

    page.goto(link)
    expect(page.get_by_role("heading", name="Choose a new password")).to_be_visible()
    assert_accessible(page)
    page.get_by_label(re.compile(r"^\s*New password\W*$", re.I)).fill("another-long-phrase")
    page.get_by_label(re.compile(r"password \(again\)", re.I)).fill("another-long-phrase")
    page.get_by_role("button", name="Save the new password").click()
    expect(page.get_by_role("heading", name="Your password is changed")).to_be_visible()

    page.goto(site + "/accounts/login/")
    page.get_by_label("Email").fill("nia@example.com")
    page.get_by_label("Password").fill("another-long-phrase")
    page.get_by_role("button", name="Log in").click()
    expect(page.get_by_role("heading", name="Hello, Nia")).to_be_visible()
