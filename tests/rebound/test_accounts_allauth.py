"""Accounts through django-allauth (issue 25): confirmed addresses before any email, email
change, the staff's second factor, new-device notices and existing accounts."""

import importlib
import re

import pytest
from allauth.account.models import EmailAddress
from allauth.mfa.models import Authenticator
from django.apps import apps
from django.test import Client
from django.urls import reverse
from django.utils import timezone

from rebound.models import User
from reminders import dispatch_services
from reminders.models import Reminder
from tests.factories import PASSWORD, ApplicationFactory, CompanyFactory, UserFactory, reject

# Committed transactions: account emails go out from a task after commit (run inline here).
pytestmark = pytest.mark.django_db(transaction=True)


@pytest.fixture(autouse=True)
def _emails_sent_inline(eager_tasks):
    yield


SIGNUP = {"password1": "a-long-pass-phrase", "password2": "a-long-pass-phrase"}


def _link(message) -> str:
    return re.search(r"https?://testserver(/accounts/\S+/)", message.body).group(1)


def _due_reminder_for(user) -> Reminder:
    plan = reject(ApplicationFactory(company=CompanyFactory(owner=user), status="interviewing"))
    assert plan is not None
    reminders = Reminder.objects.filter(owner=user)
    past = timezone.now() - timezone.timedelta(minutes=1)
    reminders.update(run_at=past, due_at=past)
    return reminders.first()


def test_it_sends_nothing_but_the_link_until_the_address_is_confirmed(mailoutbox):
    client = Client()
    r = client.post(reverse("signup"), {**SIGNUP, "email": "nia@example.com"})
    assert r.url == reverse("account_email_verification_sent")
    assert "_auth_user_id" not in client.session
    nia = User.objects.get(email="nia@example.com")
    assert not nia.email_verified
    reminder = _due_reminder_for(nia)

    assert dispatch_services.reminders_dispatch() == 0  # waits: not even claimed
    reminder.refresh_from_db()
    assert reminder.status == Reminder.Status.SCHEDULED
    assert [m.to for m in mailoutbox] == [["nia@example.com"]]  # the link, and nothing else

    # Opening the link (a page with a button, so mail scanners can't confirm) logs them in.
    link = _link(mailoutbox[0])
    assert "Confirm nia@example.com" in client.get(link).content.decode()
    r = client.post(link)
    assert r.status_code == 302 and r.url == reverse("home")
    nia.refresh_from_db()
    assert nia.email_verified
    assert dispatch_services.reminders_dispatch() >= 1
    reminder.refresh_from_db()
    assert reminder.status == Reminder.Status.SENT
    assert mailoutbox[-1].to == ["nia@example.com"]


def test_the_reminders_page_says_they_wait_for_the_confirmation():
    nia = UserFactory(email="nia@example.com", email_verified=False)
    client = Client()
    client.force_login(nia)
    body = client.get(reverse("reminders:list")).content.decode()
    assert "Your address isn’t confirmed yet, so these reminders are waiting" in body
    nia.email_verified = True
    nia.save()
    assert "reminders are waiting" not in client.get(reverse("reminders:list")).content.decode()


def test_a_reminder_claimed_as_the_address_stopped_being_confirmed_goes_back_to_wait(alice):
    reminder = _due_reminder_for(alice)
    ids, token = dispatch_services.reminders_claim_due()
    assert reminder.pk in ids
    User.objects.filter(pk=alice.pk).update(email_verified=False)
    outcome = dispatch_services.reminders_send_batch(reminder_ids=ids, lease_token=token)
    assert outcome.get("waiting") == len(ids)
    reminder.refresh_from_db()
    assert reminder.status == Reminder.Status.SCHEDULED and reminder.run_at <= timezone.now()


def test_reminders_keep_going_to_the_old_address_until_the_new_one_is_confirmed(
    alice, alice_client, mailoutbox
):
    r = alice_client.post(reverse("account_email"), {"action_add": "", "email": "al@new.test"})
    assert r.status_code == 302
    alice.refresh_from_db()
    assert (alice.email, alice.email_verified) == ("alice@example.com", True)
    (confirmation,) = [m for m in mailoutbox if m.to == ["al@new.test"]]
    assert confirmation.subject == "Rebound: Confirm your new address"
    page = alice_client.get(reverse("account_email")).content.decode()
    assert "Until you open it, everything keeps going to alice@example.com." in page

    reminder = _due_reminder_for(alice)
    dispatch_services.reminders_dispatch()
    reminder.refresh_from_db()
    assert reminder.status == Reminder.Status.SENT
    assert mailoutbox[-1].to == ["alice@example.com"]

    alice_client.post(_link(confirmation))
    alice.refresh_from_db()
    assert (alice.email, alice.email_verified) == ("al@new.test", True)
    assert list(EmailAddress.objects.filter(user=alice).values_list("email", flat=True)) == [
        "al@new.test"
    ]


def test_the_admin_refuses_staff_without_a_second_factor():
    staff = UserFactory(
        email="ops@example.com", is_staff=True, is_superuser=True, second_factor=False
    )
    client = Client()
    client.force_login(staff)
    r = client.get("/admin/", follow=True)
    assert r.redirect_chain[-1][0] == reverse("mfa_index")
    assert "The admin needs a second factor." in r.content.decode()
    assert client.get("/admin/rebound/user/").url == reverse("mfa_index")
    # Recovery codes alone don't count; an authenticator app does.
    Authenticator.objects.create(user=staff, type=Authenticator.Type.RECOVERY_CODES, data={})
    assert client.get("/admin/").url == reverse("mfa_index")
    Authenticator.objects.create(user=staff, type=Authenticator.Type.TOTP, data={"secret": "x"})
    assert client.get("/admin/").status_code == 200


def test_a_user_without_staff_rights_is_not_sent_to_set_up_two_factor(alice_client):
    r = alice_client.get("/admin/")
    assert r.status_code == 302 and "mfa" not in r.url


@pytest.fixture
def _log_in(django_capture_on_commit_callbacks):
    def log_in(agent: str) -> Client:
        client = Client(HTTP_USER_AGENT=agent)
        with django_capture_on_commit_callbacks(execute=True):
            r = client.post(reverse("login"), {"login": "alice@example.com", "password": PASSWORD})
        assert r.status_code == 302
        return client

    return log_in


def test_a_new_device_gets_a_notice_and_a_known_one_does_not(alice, mailoutbox, _log_in):
    _log_in("Firefox on a laptop")
    assert [m.subject for m in mailoutbox] == ["Rebound: Your account signed in on a new device"]
    assert "Firefox on a laptop" in mailoutbox[0].body
    assert "/accounts/sessions/" in mailoutbox[0].body
    _log_in("Firefox on a laptop")  # that browser is still signed in: not new
    assert len(mailoutbox) == 1
    _log_in("Safari on a phone")
    assert len(mailoutbox) == 2 and mailoutbox[1].to == ["alice@example.com"]


def test_a_browser_that_signed_in_before_is_known_after_logging_out(
    alice, mailoutbox, _log_in, django_capture_on_commit_callbacks
):
    laptop = _log_in("Firefox on a laptop")
    laptop.post(reverse("logout"))
    with django_capture_on_commit_callbacks(execute=True) as callbacks:
        again = laptop.post(reverse("login"), {"login": "alice@example.com", "password": PASSWORD})
    assert again.status_code == 302 and "_auth_user_id" in laptop.session
    assert len(callbacks) >= 0 and len(mailoutbox) == 1  # only the first time


def test_no_notice_when_opted_out(alice, mailoutbox, _log_in):
    alice.notify_new_sign_in = False
    alice.save()
    _log_in("Firefox on a laptop")
    assert mailoutbox == []


def test_the_sessions_page_signs_out_the_other_devices(alice, _log_in):
    laptop, phone = _log_in("Firefox on a laptop"), _log_in("Safari on a phone")
    page = laptop.get(reverse("usersessions_list")).content.decode()
    assert "Firefox on a laptop" in page and "Safari on a phone" in page
    r = laptop.post(reverse("usersessions_list"), {"action": "logout_other"})
    assert r.status_code == 302
    assert laptop.get(reverse("home")).status_code == 200
    assert phone.get(reverse("home")).status_code == 302


def test_existing_accounts_keep_their_reminders_their_addresses_count_as_confirmed():
    migration = importlib.import_module("rebound.migrations.0005_existing_addresses_verified")
    old = UserFactory(email="Old.Timer@Example.com", email_verified=False)
    assert not EmailAddress.objects.filter(user=old).exists()
    migration.mark_existing_verified(apps, None)
    old.refresh_from_db()
    assert old.email_verified
    address = EmailAddress.objects.get(user=old)
    assert (address.email, address.verified, address.primary) == (
        "old.timer@example.com",
        True,
        True,
    )
