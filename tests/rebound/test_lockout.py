"""The lock-out counts per account, however its address is typed (issue 21, point 1).

Log-in finds the account whatever the case of the address, spaces around it or the Unicode
compatibility form of its letters; five wrong passwords in any mix of those must lock every
one of them. The log-in is django-allauth's (issue 25), and the admin's log-in page sends
people to it, so there is one lock-out to get past, not two. What log-in does not treat as
the same address (PostgreSQL leaves "ß" alone) is not counted together either.
"""

import pytest
from axes.models import AccessAttempt, AccessFailureLog, AccessLog
from django.test import Client
from django.urls import reverse

from rebound.accounts.services import login_identifier
from rebound.models import User
from tests.factories import PASSWORD, UserFactory

pytestmark = pytest.mark.django_db

SITE = "/accounts/login/"
ADMIN = "/admin/login/"


def _post(client: Client, path: str, email: str, password: str):
    # allauth's log-in form calls the address "login".
    return client.post(path, {"login": email, "password": password})


def _logged_in(client: Client) -> bool:
    return "_auth_user_id" in client.session


def _assert_each_variant_logs_in(path: str, variants: list[str]) -> None:
    """Each variant really reaches the account (from another address, so nothing is counted
    where the attack below comes from)."""
    for variant in variants:
        client = Client(REMOTE_ADDR="10.9.9.9")
        r = _post(client, path, variant, PASSWORD)
        assert r.status_code == 302, variant
        assert _logged_in(client), variant


def _fail_five_times_then_try_each(path: str, variants: list[str]) -> None:
    attacker = Client(REMOTE_ADDR="10.0.0.66")
    for i in range(4):
        r = _post(attacker, path, variants[i % len(variants)], "wrong-guess")
        assert r.status_code == 200, variants[i % len(variants)]
    assert _post(attacker, path, variants[4 % len(variants)], "wrong-guess").status_code == 429
    for variant in variants:
        r = _post(attacker, path, variant, PASSWORD)
        assert r.status_code == 429, variant
        assert "Log-in paused for a while" in r.content.decode(), variant
        assert not _logged_in(attacker), variant


ASCII_VARIANTS = [
    "victim@x.test",
    "VICTIM@X.TEST",
    " victim@x.test",
    "Victim@X.Test  ",
    "\tvICTIM@x.TEST\n",
    "ｖｉｃｔｉｍ@x.test",  # fullwidth letters: NFKC makes them plain ones, as Django's admin does
]


def test_case_space_and_width_variants_are_one_account_for_the_lock_out():
    UserFactory(email="victim@x.test")
    _assert_each_variant_logs_in(SITE, ASCII_VARIANTS)
    _fail_five_times_then_try_each(SITE, ASCII_VARIANTS)


UNICODE_VARIANTS = ["alice@ärzte.test", "ALICE@ÄRZTE.TEST", " Alice@Ärzte.Test", "aLiCe@äRzTe.test"]


def test_unicode_case_variants_are_one_account_for_the_lock_out():
    UserFactory(email="alice@ärzte.test")
    _assert_each_variant_logs_in(SITE, UNICODE_VARIANTS)
    _fail_five_times_then_try_each(SITE, UNICODE_VARIANTS)


def test_the_admin_log_in_is_the_sites_so_its_lock_out_counts_there_too():
    """The admin's own form would be a second door (with no second factor); it now sends
    everyone to the site's log-in, where a locked account stays locked."""
    UserFactory(email="victim@x.test", is_staff=True)
    attacker = Client(REMOTE_ADDR="10.0.0.66")
    r = _post(attacker, ADMIN, "victim@x.test", PASSWORD)
    assert r.status_code == 302 and r.url == "/accounts/login/?next=%2Fadmin%2F"
    assert not _logged_in(attacker)
    assert attacker.get(ADMIN + "?next=/admin/rebound/user/").url == (
        "/accounts/login/?next=%2Fadmin%2Frebound%2Fuser%2F"
    )
    for variant in ["VICTIM@x.test", " victim@X.TEST", "Victim@x.test", "victim@x.test "]:
        assert _post(attacker, SITE, variant, "nope").status_code == 200
    assert _post(attacker, SITE, "VICTIM@X.TEST", "nope").status_code == 429
    assert _post(attacker, SITE, " ViCtIm@x.test", PASSWORD).status_code == 429
    assert not _logged_in(attacker)


def test_sharp_s_is_counted_exactly_as_log_in_matches_it():
    """PostgreSQL's UPPER() keeps "ß" (it doesn't become "SS"), so "x@strasse.test" is not the
    account "x@straße.test": it neither logs in nor shares its count. "X@STRAßE.TEST" is."""
    UserFactory(email="x@straße.test")
    assert not User.objects.filter(email__iexact="x@strasse.test").exists()
    _assert_each_variant_logs_in(SITE, ["X@STRAßE.TEST", " x@Straße.test"])
    attacker = Client(REMOTE_ADDR="10.0.0.66")
    for variant in ["X@STRAßE.TEST", "x@straße.test ", "x@Straße.test", "X@straße.TEST"]:
        assert _post(attacker, SITE, variant, "nope").status_code == 200
    assert _post(attacker, SITE, "x@STRAßE.test", "nope").status_code == 429
    # Another address altogether, as far as log-in goes: not locked, and no way in.
    r = _post(attacker, SITE, "x@strasse.test", PASSWORD)
    assert r.status_code == 200 and "don’t match an account" in r.content.decode()
    assert _post(attacker, SITE, "X@STRAßE.TEST", PASSWORD).status_code == 429
    assert not _logged_in(attacker)


def test_the_key_is_what_the_database_compares():
    assert login_identifier("  Victim@X.test\t") == "VICTIM@X.TEST"
    assert login_identifier("alice@ärzte.test") == login_identifier("ALICE@ÄRZTE.TEST")
    assert login_identifier("ｖｉｃｔｉｍ@x.test") == "VICTIM@X.TEST"
    assert login_identifier("x@straße.test") != login_identifier("x@strasse.test")
    assert login_identifier("") == login_identifier("   ") == ""


def test_password_reset_throttle_counts_every_variant_of_an_address(client):
    UserFactory(email="victim@x.test")
    variants = ["victim@x.test", " VICTIM@X.TEST", "ｖｉｃｔｉｍ@x.test"]
    for i, variant in enumerate(variants):
        # From three addresses, so only the per-address limit (3 an hour) can answer.
        sender = Client(REMOTE_ADDR=f"10.1.0.{i}")
        r = sender.post(reverse("password_reset"), {"email": variant})
        assert r.status_code == 302, variant
    r = Client(REMOTE_ADDR="10.1.0.9").post(reverse("password_reset"), {"email": "Victim@x.Test"})
    assert r.status_code == 429 and "Too many tries for now" in r.content.decode()


def test_deleting_an_account_forgets_its_address_in_the_lock_out_records(password):
    alice = UserFactory(email="alice@example.com")
    bob = UserFactory(email="bob@example.com")
    client = Client(REMOTE_ADDR="10.2.0.1")
    for variant in ["ALICE@example.com", " alice@EXAMPLE.com", "bob@example.com"]:
        _post(client, SITE, variant, "wrong")
    # Written before the lock-out counted per account: the address as it was typed.
    AccessLog.objects.create(username=" Alice@Example.COM ", ip_address="10.2.0.2")
    AccessFailureLog.objects.create(username="alice@example.com", ip_address="10.2.0.2")
    assert _post(client, SITE, "alice@example.com", PASSWORD).status_code == 302
    assert AccessLog.objects.filter(username__icontains="alice").exists()
    assert AccessAttempt.objects.filter(username__icontains="bob").exists()

    r = client.post(reverse("account_delete"), {"password": PASSWORD})
    assert r.status_code == 302
    assert not User.objects.filter(pk=alice.pk).exists()
    for model in (AccessAttempt, AccessLog, AccessFailureLog):
        assert not model.objects.filter(username__icontains="alice").exists(), model.__name__
    # Someone else's records stay: they may still be under attack.
    assert AccessAttempt.objects.filter(username=login_identifier(bob.email)).exists()


def test_an_address_signs_up_as_log_in_will_read_it(client):
    """Log-in reads fullwidth letters as plain ones (NFKC), so sign-up stores them so: the
    address typed at sign-up, typed again, logs in."""
    r = client.post(
        reverse("signup"),
        {"email": " new@ＸＹ.test ", "password1": "a-Long-pass-1", "password2": "a-Long-pass-1"},
    )
    assert r.status_code == 302
    assert User.objects.get(email__iexact="new@xy.test").email == "new@xy.test"
    for typed in ["new@ＸＹ.test", "NEW@xy.TEST"]:
        other = Client(REMOTE_ADDR="10.4.0.1")
        assert _post(other, SITE, typed, "a-Long-pass-1").status_code == 302, typed
