"""Single sign-on against a real OpenID Connect provider (tools/oidc: panva/oidc-provider, run
on the machine's Node.js), started by the test: log-in there, back here signed in."""

import copy
import os
import socket
import subprocess
import sys
from collections.abc import Iterator
from pathlib import Path

import pytest
from allauth.socialaccount.models import SocialAccount
from playwright.sync_api import Browser, Page, expect

from rebound.models import User
from tests.conftest import assert_accessible
from tests.factories import UserFactory

pytestmark = pytest.mark.browser

OIDC = Path(__file__).resolve().parents[2] / "tools" / "oidc"
LABEL = "Log in with Example Corp"
CLIENT_ID, CLIENT_SECRET = "rebound-tests", "a-client-secret-for-tests-only"
VERIFIED, UNVERIFIED = "ada@example.com", "bo@example.com"


def _free_port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return s.getsockname()[1]


@pytest.fixture
def provider(site: str, settings) -> Iterator[str]:
    """The provider's issuer URL, with Rebound configured for it as OIDC_* would."""
    subprocess.run([str(OIDC / "ensure-installed")], check=True, timeout=300)
    port = _free_port()
    process = subprocess.Popen(
        ["node", "server.js"],
        cwd=OIDC,
        env={
            **os.environ,
            "OIDC_PORT": str(port),
            "OIDC_CLIENT_ID": CLIENT_ID,
            "OIDC_CLIENT_SECRET": CLIENT_SECRET,
            "OIDC_REDIRECT_URI": f"{site}/accounts/oidc/sso/login/callback/",
            "OIDC_VERIFIED_EMAIL": VERIFIED,
            "OIDC_UNVERIFIED_EMAIL": UNVERIFIED,
        },
        stdout=subprocess.PIPE,
        stderr=subprocess.DEVNULL,
        text=True,
    )
    try:
        assert process.stdout is not None
        line = process.stdout.readline()  # "ready <issuer>" once it listens
        assert line.startswith("ready "), f"the OpenID provider did not start: {line!r}"
        issuer = line.split()[1]
        settings.SOCIALACCOUNT_PROVIDERS = {
            "openid_connect": {
                "OAUTH_PKCE_ENABLED": True,
                "APPS": [
                    {
                        "provider_id": "sso",
                        "name": LABEL,
                        "client_id": CLIENT_ID,
                        "secret": CLIENT_SECRET,
                        "settings": {"server_url": issuer, "fetch_userinfo": True},
                    }
                ],
            }
        }
        policy = copy.deepcopy(settings.CONTENT_SECURITY_POLICY)
        policy["DIRECTIVES"]["form-action"] = ["'self'", issuer]  # as rebound/settings.py does
        settings.CONTENT_SECURITY_POLICY = policy
        yield issuer
    finally:
        process.terminate()
        process.wait(timeout=10)


def _sign_in_at_the_provider(page: Page, site: str, issuer: str, login: str) -> None:
    page.goto(site + "/accounts/login/")
    page.get_by_role("button", name=LABEL).click()
    page.wait_for_url(lambda url: url.startswith(issuer + "/"))
    # The provider's own (development) log-in page: any password.
    page.locator("input[name=login]").fill(login)
    page.locator("input[name=password]").fill("anything")
    page.locator("button[type=submit]").click()


def test_it_signs_in_to_the_account_with_the_same_verified_address(
    browser: Browser, site: str, provider: str
):
    ada = UserFactory(email=VERIFIED, first_name="Ada")
    # The site's CSP enforced, as for anyone: the log-in form's redirect to the provider is
    # held to form-action.
    page = browser.new_context().new_page()
    violations: list[str] = []
    page.on(
        "console",
        lambda msg: violations.append(msg.text) if "Content Security Policy" in msg.text else None,
    )

    _sign_in_at_the_provider(page, site, provider, "verified")

    expect(page.get_by_role("heading", name="Hello, Ada")).to_be_visible()
    assert page.url.startswith(site)
    (account,) = SocialAccount.objects.all()
    assert (account.user, account.provider, account.uid) == (ada, "sso", "verified")
    ada.refresh_from_db()
    assert ada.has_usable_password()  # her own password still works
    assert violations == []


def test_an_unverified_address_at_the_provider_never_reaches_the_account(
    page: Page, site: str, provider: str
):
    bo = UserFactory(email=UNVERIFIED, first_name="Bo")
    page.goto(site + "/accounts/login/")
    assert_accessible(page)  # with the button

    _sign_in_at_the_provider(page, site, provider, "unverified")

    # The same answer as any sign-up with an address: confirm it first. Nothing says whether
    # an account has it, and nobody is signed in.
    expect(page.get_by_role("heading", name="Check your inbox")).to_be_visible()
    assert page.url.startswith(site)
    assert_accessible(page)
    assert not SocialAccount.objects.exists()
    assert list(User.objects.values_list("email", flat=True)) == [UNVERIFIED]
    page.goto(site + "/")
    expect(page.get_by_role("heading", name="Hello, Bo")).to_have_count(0)
    bo.refresh_from_db()
    assert bo.has_usable_password()


def test_without_an_issuer_there_is_no_button(page: Page, site: str):
    page.goto(site + "/accounts/login/")
    expect(page.get_by_role("button", name="Log in with")).to_have_count(0)
    expect(page.get_by_role("link", name="Log in with")).to_have_count(0)


def test_the_environment_configures_the_provider_and_the_button(tmp_path):
    script = (
        "from django.conf import settings as s; "
        "app = s.SOCIALACCOUNT_PROVIDERS['openid_connect']['APPS'][0]; "
        "print(app['name'], app['client_id'], app['secret'], app['settings']['server_url']); "
        "print(s.CONTENT_SECURITY_POLICY['DIRECTIVES']['form-action'])"
    )
    env = {
        **{k: v for k, v in os.environ.items() if not k.startswith("OIDC_")},
        "DJANGO_SETTINGS_MODULE": "rebound.settings",
        "ENV_FILE": "/dev/null",
        "DEBUG": "1",
        "REBOUND_VAR_DIR": str(tmp_path),
        "OIDC_ISSUER": "https://id.example.org/realms/team/",
        "OIDC_CLIENT_ID": "rebound",
        "OIDC_CLIENT_SECRET": "s3cret",
        "OIDC_BUTTON_LABEL": "Log in with Example Corp",
    }
    r = subprocess.run(
        [sys.executable, "manage.py", "shell", "--no-imports", "-c", script],
        cwd=OIDC.parents[1],
        env=env,
        capture_output=True,
        text=True,
        timeout=120,
    )
    assert r.returncode == 0, r.stderr[-2000:]
    app, form_action = r.stdout.strip().splitlines()[-2:]
    assert app == "Log in with Example Corp rebound s3cret https://id.example.org/realms/team"
    # The log-in form's redirect to the provider is allowed by the page's CSP.
    assert form_action == str(["'self'", "https://id.example.org"])
