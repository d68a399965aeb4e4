"""Accounts through django-allauth in Chromium (issue 25): a stranger's address, two-factor
with an authenticator app and recovery codes, passkeys through Chromium's virtual
authenticator, the email change, and signing other sessions out. Each page is checked with
axe at a phone's width and a laptop's."""

import datetime as dt
import re
from typing import Any

import pytest
from allauth.mfa.models import Authenticator
from allauth.mfa.recovery_codes.internal.auth import RecoveryCodes
from allauth.mfa.totp.internal.auth import (
    format_hotp_value,
    hotp_value,
    yield_hotp_counters_from_time,
)
from django.utils import timezone
from playwright.sync_api import Browser, Page, expect

from rebound.models import User
from reminders import dispatch_services
from reminders.models import Reminder
from tests.conftest import assert_accessible
from tests.factories import PASSWORD, ApplicationFactory, CompanyFactory, UserFactory, reject

pytestmark = pytest.mark.browser


@pytest.fixture(autouse=True)
def _emails_sent_inline(eager_tasks):
    """Account emails leave from a task after commit; here the task runs in the server."""
    yield


def _accessible_at_both_widths(page: Page) -> None:
    for width, height in ((390, 844), (1280, 900)):
        page.set_viewport_size({"width": width, "height": height})
        assert_accessible(page)


def _log_in(page: Page, site: str, email: str, password: str = PASSWORD) -> None:
    page.goto(site + "/accounts/login/")
    page.get_by_label("Email").fill(email)
    page.get_by_label("Password", exact=False).first.fill(password)
    page.get_by_role("button", name="Log in", exact=True).click()


def _confirm_password(page: Page) -> None:
    """Adding a second factor asks for the password again (allauth's re-authentication)."""
    expect(page).to_have_url(re.compile(r"/accounts/reauthenticate/"))
    _accessible_at_both_widths(page)
    page.get_by_label("Password").fill(PASSWORD)
    page.get_by_role("button", name="Confirm").click()


def _totp_now(secret: str) -> str:
    counters = list(yield_hotp_counters_from_time())
    return format_hotp_value(hotp_value(secret, counters[len(counters) // 2]))


def test_a_strangers_address_receives_only_the_confirmation(page: Page, site: str, smtp_sink):
    page.goto(site + "/accounts/signup/")
    _accessible_at_both_widths(page)
    page.get_by_label("Email").fill("stranger@elsewhere.test")
    page.get_by_label(re.compile(r"^\s*Password\W*$")).fill("a-long-pass-phrase")
    page.get_by_label("Password (again)").fill("a-long-pass-phrase")
    page.get_by_label("First name (optional)").fill("Mallory")
    page.get_by_role("button", name="Sign up").click()
    expect(page.get_by_role("heading", name="Check your inbox")).to_be_visible()
    _accessible_at_both_widths(page)
    # Not signed in: nothing to add applications to, so nothing to remind anyone of.
    page.goto(site + "/applications/")
    expect(page).to_have_url(re.compile(r"/accounts/login/"))

    # The same answer for an address that already has an account; its owner is told.
    UserFactory(email="owner@example.com")
    page.goto(site + "/accounts/signup/")
    page.get_by_label("Email").fill("OWNER@example.com")
    page.get_by_label(re.compile(r"^\s*Password\W*$")).fill("a-long-pass-phrase")
    page.get_by_label("Password (again)").fill("a-long-pass-phrase")
    page.get_by_role("button", name="Sign up").click()
    expect(page.get_by_role("heading", name="Check your inbox")).to_be_visible()

    messages = smtp_sink.wait_for(2)
    assert [(m["To"], m["Subject"]) for m in messages] == [
        ("stranger@elsewhere.test", "Rebound: Confirm your address to start with Rebound"),
        ("owner@example.com", "Rebound: Someone tried to sign up with your address"),
    ]
    assert not User.objects.get(email="stranger@elsewhere.test").email_verified


def test_two_factor_with_an_app_and_a_recovery_code(page: Page, site: str, smtp_sink):
    UserFactory(email="nia@example.com", first_name="Nia")
    _log_in(page, site, "nia@example.com")
    expect(page.get_by_role("heading", name="Hello, Nia")).to_be_visible()
    page.get_by_role("link", name="Preferences").click()
    page.get_by_role("link", name="Two-factor and passkeys").click()
    _accessible_at_both_widths(page)
    page.goto(site + "/accounts/2fa/totp/activate/")
    _confirm_password(page)
    expect(page).to_have_url(re.compile(r"/accounts/2fa/totp/activate/"))
    _accessible_at_both_widths(page)
    secret = page.locator("#authenticator_secret").input_value()
    page.get_by_label(re.compile("Authenticator code", re.I)).fill(_totp_now(secret))
    page.get_by_role("button", name="Activate").click()
    nia = User.objects.get(email="nia@example.com")
    expect(page.get_by_text(re.compile("recovery codes", re.I)).first).to_be_visible()
    assert Authenticator.objects.filter(user=nia, type=Authenticator.Type.TOTP).exists()
    page.goto(site + "/accounts/2fa/recovery-codes/")
    _accessible_at_both_widths(page)

    page.get_by_role("button", name="Log out").click()
    _log_in(page, site, "nia@example.com")
    expect(page).to_have_url(re.compile(r"/accounts/2fa/authenticate/"))
    _accessible_at_both_widths(page)
    page.get_by_label("Code").fill(_totp_now(secret))
    page.get_by_role("button", name=re.compile("Sign In|Log in", re.I)).click()
    expect(page.get_by_role("heading", name="Hello, Nia")).to_be_visible()

    page.get_by_role("button", name="Log out").click()
    codes = RecoveryCodes(
        Authenticator.objects.get(user=nia, type=Authenticator.Type.RECOVERY_CODES)
    ).get_unused_codes()
    _log_in(page, site, "nia@example.com")
    page.get_by_label("Code").fill(codes[0])
    page.get_by_role("button", name=re.compile("Sign In|Log in", re.I)).click()
    expect(page.get_by_role("heading", name="Hello, Nia")).to_be_visible()
    rc = Authenticator.objects.get(user=nia, type=Authenticator.Type.RECOVERY_CODES)
    assert codes[0] not in RecoveryCodes(rc).get_unused_codes()  # used once, then gone


def _virtual_authenticator(page: Page) -> Any:
    cdp = page.context.new_cdp_session(page)
    cdp.send("WebAuthn.enable")
    cdp.send(
        "WebAuthn.addVirtualAuthenticator",
        {
            "options": {
                "protocol": "ctap2",
                "transport": "internal",
                "hasResidentKey": True,
                "hasUserVerification": True,
                "isUserVerified": True,
            }
        },
    )
    return cdp


def test_a_passkey_is_registered_and_then_signs_in_without_a_password(
    page: Page, site: str, settings
):
    settings.MFA_WEBAUTHN_ALLOW_INSECURE_ORIGIN = True  # the test server speaks plain http
    _virtual_authenticator(page)
    UserFactory(email="nia@example.com", first_name="Nia")
    _log_in(page, site, "nia@example.com")
    expect(page.get_by_role("heading", name="Hello, Nia")).to_be_visible()
    page.goto(site + "/accounts/2fa/webauthn/add/")
    _confirm_password(page)
    expect(page).to_have_url(re.compile(r"/accounts/2fa/webauthn/add/"))
    _accessible_at_both_widths(page)
    page.get_by_label("Name").fill("This laptop")
    page.get_by_label("Passwordless").check()
    page.get_by_role("button", name="Add").click()
    nia = User.objects.get(email="nia@example.com")
    expect(page.get_by_text("Security key added.")).to_be_visible()
    assert Authenticator.objects.filter(user=nia, type=Authenticator.Type.WEBAUTHN).exists()
    page.goto(site + "/accounts/2fa/webauthn/")
    _accessible_at_both_widths(page)

    page.goto(site + "/")
    page.get_by_role("button", name="Log out").click()
    page.goto(site + "/accounts/login/")
    _accessible_at_both_widths(page)
    page.get_by_role("button", name="Use a passkey").click()
    expect(page.get_by_role("heading", name="Hello, Nia")).to_be_visible()


def test_email_change_and_signing_out_elsewhere(page: Page, browser: Browser, site: str, smtp_sink):
    UserFactory(email="nia@example.com", first_name="Nia")
    phone = browser.new_context(user_agent="Phone browser").new_page()
    _log_in(phone, site, "nia@example.com")
    expect(phone.get_by_role("heading", name="Hello, Nia")).to_be_visible()

    _log_in(page, site, "nia@example.com")
    expect(page.get_by_role("heading", name="Hello, Nia")).to_be_visible()
    page.goto(site + "/accounts/sessions/")
    _accessible_at_both_widths(page)
    expect(page.get_by_text("Phone browser")).to_be_visible()
    signs_out = re.compile("Sign out everywhere else|Sign out other|Log out other", re.I)
    page.get_by_role("button", name=signs_out).click()
    phone.reload()
    expect(phone).to_have_url(re.compile(r"/accounts/login/"))

    for path in ("/accounts/password/change/", "/accounts/logout/", "/accounts/2fa/"):
        page.goto(site + path)
        _accessible_at_both_widths(page)
    page.goto(site + "/accounts/email/")
    _accessible_at_both_widths(page)
    page.get_by_label("New address").fill("nia@new.test")
    page.get_by_role("button", name="Change address").click()
    expect(
        page.get_by_text("Until you open it, everything keeps going to nia@example.com.")
    ).to_be_visible()
    _accessible_at_both_widths(page)
    confirmation = next(m for m in smtp_sink.wait_for(2) if m["To"] == "nia@new.test")
    body = confirmation.get_payload(decode=True).decode()
    page.goto(re.search(r"http://\S+/accounts/confirm-email/\S+/", body).group(0))
    _accessible_at_both_widths(page)
    page.get_by_role("button", name="Confirm nia@new.test").click()
    page.goto(site + "/accounts/email/")
    expect(page.get_by_text("Reminders and notices go to nia@new.test.")).to_be_visible()
    assert User.objects.get(first_name="Nia").email == "nia@new.test"


def test_the_first_reminder_goes_out_only_after_the_address_is_confirmed(
    page: Page, site: str, smtp_sink
):
    page.goto(site + "/accounts/signup/")
    page.get_by_label("Email").fill("nia@example.com")
    page.get_by_label(re.compile(r"^\s*Password\W*$")).fill("a-long-pass-phrase")
    page.get_by_label("Password (again)").fill("a-long-pass-phrase")
    page.get_by_label("First name (optional)").fill("Nia")
    page.get_by_role("button", name="Sign up").click()
    expect(page.get_by_role("heading", name="Check your inbox")).to_be_visible()
    nia = User.objects.get(email="nia@example.com")
    # A reminder already due (as one made by an import or the API would be).
    plan = reject(ApplicationFactory(company=CompanyFactory(owner=nia), status="interviewing"))
    assert plan is not None
    past = timezone.now() - dt.timedelta(minutes=5)
    Reminder.objects.filter(owner=nia).update(run_at=past, due_at=past)

    assert dispatch_services.reminders_dispatch() == 0
    (confirmation,) = smtp_sink.wait_for(1)
    assert confirmation["Subject"] == "Rebound: Confirm your address to start with Rebound"

    body = confirmation.get_payload(decode=True).decode()
    page.goto(re.search(r"http://\S+/accounts/confirm-email/\S+/", body).group(0))
    page.get_by_role("button", name="Confirm nia@example.com").click()
    expect(page.get_by_role("heading", name="Hello, Nia")).to_be_visible()
    page.goto(site + "/reminders/")
    expect(page.get_by_text("reminders are waiting")).to_have_count(0)
    sent = dispatch_services.reminders_dispatch()
    assert sent == Reminder.objects.filter(owner=nia).count() >= 1
    messages = smtp_sink.wait_for(1 + sent)
    assert [m["To"] for m in messages] == ["nia@example.com"] * (1 + sent)
    assert all(m["X-Rebound-Reminder"] for m in messages[1:])
