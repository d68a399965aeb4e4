"""Throttling, lock-out, headers, hashing, secrets, sessions and redirects (docs/security.md)."""

import re

import pytest
from django.contrib.auth.hashers import get_hasher
from django.contrib.sessions.models import Session
from django.core import mail
from django.test import Client, override_settings
from django.urls import reverse

from rebound.models import User
from tests.factories import PASSWORD, ApplicationFactory, CompanyFactory, reject, reminders_about

pytestmark = pytest.mark.django_db

ROOT_HASHERS = [
    "django.contrib.auth.hashers.Argon2PasswordHasher",
    "django.contrib.auth.hashers.PBKDF2PasswordHasher",
]


def _log_in(client, password, email="alice@example.com"):
    return client.post(reverse("login"), {"login": email, "password": password})


def test_wrong_passwords_lock_the_account_on_this_address_with_a_kind_way_back(client, alice):
    for _ in range(4):
        r = _log_in(client, "wrong")
        assert r.status_code == 200 and "don’t match an account" in r.content.decode()
    assert _log_in(client, "wrong").status_code == 429  # the fifth failure locks
    r = _log_in(client, PASSWORD)  # the right one, too late: still locked
    page = r.content.decode()
    assert r.status_code == 429 and "Log-in paused for a while" in page
    assert reverse("password_reset") in page  # the way back
    assert "_auth_user_id" not in client.session
    # Another address is not locked out of the same account, nor this one out of others.
    other = Client(REMOTE_ADDR="10.1.2.3")
    assert _log_in(other, PASSWORD).status_code == 302


def test_the_admin_log_in_is_locked_out_too(client, alice):
    # The admin's log-in is the site's (issue 25): its own form no longer checks passwords.
    r = client.post("/admin/login/", {"username": "alice@example.com", "password": PASSWORD})
    assert r.status_code == 302 and r.url.startswith(reverse("login"))
    assert "_auth_user_id" not in client.session
    for _ in range(5):
        _log_in(client, "x")
    assert _log_in(client, PASSWORD).status_code == 429


def test_a_successful_log_in_resets_the_count(client, alice):
    for _ in range(4):
        _log_in(client, "wrong")
    assert _log_in(client, PASSWORD).status_code == 302
    client.logout()
    for _ in range(4):
        _log_in(client, "wrong")
    assert _log_in(client, PASSWORD).status_code == 302


def test_sign_ups_from_one_client_are_limited(client):
    for i in range(5):
        client.post(reverse("signup"), {"email": f"x{i}@example.com", "password1": "short"})
    r = client.post(
        reverse("signup"),
        {"email": "real@example.com", "password1": "a-Long-pass-1", "password2": "a-Long-pass-1"},
    )
    assert r.status_code == 429 and "Too many tries for now" in r.content.decode()
    assert not User.objects.filter(email="real@example.com").exists()


def test_reset_answers_alike_for_known_and_unknown_addresses_and_sends_one(
    client, alice, django_capture_on_commit_callbacks, eager_tasks
):
    with django_capture_on_commit_callbacks(execute=True) as known_tasks:
        known = client.post(reverse("password_reset"), {"email": "alice@example.com"})
    with django_capture_on_commit_callbacks(execute=True) as unknown_tasks:
        unknown = client.post(reverse("password_reset"), {"email": "nobody@example.com"})
    assert (known.status_code, known.url) == (unknown.status_code, unknown.url)
    # Only the known address gets an email, and from a task after the answer (no SMTP in
    # the request, so the answer takes the same time either way).
    assert (len(known_tasks), len(unknown_tasks)) == (1, 0)
    (email,) = mail.outbox
    assert email.to == ["alice@example.com"]
    link = re.search(r"http://\S+/accounts/password/reset/key/\S+/", email.body).group(0)
    r = client.get(link, follow=True)
    assert r.status_code == 200 and "Choose a new password" in r.content.decode()


def test_resets_are_limited_per_address(
    client, alice, django_capture_on_commit_callbacks, eager_tasks
):
    with django_capture_on_commit_callbacks(execute=True):
        for i in range(4):
            r = Client(REMOTE_ADDR=f"10.0.0.{i}").post(
                reverse("password_reset"), {"email": "Alice@example.com"}
            )
    assert r.status_code == 429
    assert len(mail.outbox) == 3


def test_pages_carry_an_enforcing_csp_and_a_permissions_policy(alice_client):
    r = alice_client.get(reverse("home"))
    csp = r["Content-Security-Policy"]
    directives = dict(part.strip().split(" ", 1) for part in csp.split(";") if part.strip())
    # Scripts from this site only (a nonce joins when a page uses one); never inline or eval.
    assert directives["script-src"].split()[0] == "'self'"
    assert "unsafe" not in directives["script-src"]
    assert directives["frame-ancestors"] == "'none'"
    assert directives["object-src"] == "'none'"
    assert directives["base-uri"] == "'self'"
    assert directives["form-action"] == "'self'"
    assert "camera=()" in r["Permissions-Policy"]
    assert "<script>" not in r.content.decode()  # no inline script for the policy to block


@override_settings(PASSWORD_HASHERS=ROOT_HASHERS)
def test_passwords_are_hashed_with_argon2_and_old_hashes_upgrade(client):
    from rebound.settings import PASSWORD_HASHERS

    assert PASSWORD_HASHERS[0].endswith("Argon2PasswordHasher")
    user = User.objects.create_user(email="old@example.com")
    user.password = get_hasher("pbkdf2_sha256").encode(PASSWORD, "saltsaltsalt")
    user.save()
    assert _log_in(client, PASSWORD, "old@example.com").status_code == 302
    user.refresh_from_db()
    assert user.password.startswith("argon2$")


def test_deleting_an_account_ends_its_sessions_everywhere(alice, password):
    laptop, phone = Client(), Client()
    laptop.force_login(alice)
    phone.force_login(alice)
    bob_session = Client()
    bob_session.force_login(User.objects.create_user(email="bob2@example.com"))
    laptop.post(reverse("account_delete"), {"password": password})
    assert phone.get(reverse("home")).status_code == 302
    assert Session.objects.count() == 1  # only the other user's


def test_next_never_leaves_the_site(alice_client, alice):
    app = ApplicationFactory(company=CompanyFactory(owner=alice), status="interviewing")
    reminder = reminders_about(reject(app)).first()
    url = reverse("reminders:cancel", args=[reminder.pk])
    for evil in ["https://evil.example", "//evil.example/x", "/\\evil.example"]:
        r = alice_client.post(url, {"next": evil})
        assert r.status_code == 302 and r.url == reverse("reminders:list"), evil
    r = alice_client.post(url, {"next": "/applications/"})
    assert r.url == "/applications/"


def test_the_development_key_is_made_per_checkout_not_kept_in_the_repository(tmp_path):
    from rebound.devsecret import dev_secret_key

    first = dev_secret_key(tmp_path)
    assert len(first) >= 50 and dev_secret_key(tmp_path) == first
    assert (tmp_path / "secret_key").stat().st_mode & 0o077 == 0
    assert first != dev_secret_key(tmp_path / "elsewhere")
    settings_text = (
        __import__("pathlib").Path(__file__).parents[2] / "rebound" / "settings.py"
    ).read_text()
    assert "insecure" not in settings_text


def test_nul_bytes_in_a_query_get_a_clear_answer(alice_client):
    r = alice_client.get("/applications/companies/?q=%00")
    assert r.status_code == 400 and "NUL" in r.content.decode()
