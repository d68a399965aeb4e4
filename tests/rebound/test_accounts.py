import pytest
from django.test import Client
from django.urls import reverse

from rebound.models import User

pytestmark = pytest.mark.django_db


@pytest.mark.django_db(transaction=True)
def test_it_signs_up_with_email_and_browser_timezone(client, mailoutbox, eager_tasks):
    r = client.post(
        reverse("signup"),
        {
            "email": "New@Example.com",
            "first_name": "Nia",
            "password1": "a-long-pass-phrase",
            "password2": "a-long-pass-phrase",
            "timezone": "America/Chicago",
        },
    )
    # Asked to confirm the address first (issue 25): the link in the email logs them in.
    assert r.status_code == 302 and r.url == reverse("account_email_verification_sent")
    user = User.objects.get()
    assert user.email == "new@example.com"  # allauth stores addresses in lower case
    assert (user.timezone, user.first_name, user.email_verified) == (
        "America/Chicago",
        "Nia",
        False,
    )
    assert user.keep_in_touch_months == 3 and user.reminder_time.hour == 9
    (message,) = mailoutbox
    assert message.to == ["new@example.com"]
    assert message.subject == "Rebound: Confirm your address to start with Rebound"


def test_it_falls_back_to_default_timezone_for_unknown_zone(client, settings):
    client.post(
        reverse("signup"),
        {
            "email": "x@example.com",
            "password1": "a-long-pass-phrase",
            "password2": "a-long-pass-phrase",
            "timezone": "Mars/Olympus",
        },
    )
    assert User.objects.get().timezone == settings.DEFAULT_USER_TIMEZONE


@pytest.mark.django_db(transaction=True)
def test_an_existing_address_gets_the_same_answer_and_its_owner_an_email(
    client, alice, mailoutbox, eager_tasks
):
    data = {"password1": "a-long-pass-phrase", "password2": "a-long-pass-phrase"}
    fresh = client.post(reverse("signup"), {**data, "email": "nobody-yet@example.com"})
    taken = Client().post(reverse("signup"), {**data, "email": "ALICE@example.com"})
    assert (taken.status_code, taken.url) == (fresh.status_code, fresh.url)
    assert "already" not in Client().get(taken.url).content.decode()
    assert User.objects.count() == 2  # alice and the new one; no second alice
    owner_mail = [m for m in mailoutbox if m.to == ["alice@example.com"]]
    assert [m.subject for m in owner_mail] == [
        "Rebound: Someone tried to sign up with your address"
    ]
    assert (
        "/accounts/login/" in owner_mail[0].body
        and "/accounts/password/reset/" in owner_mail[0].body
    )


def test_it_rejects_mismatched_and_weak_passwords(client):
    r = client.post(
        reverse("signup"), {"email": "y@example.com", "password1": "123", "password2": "1234"}
    )
    assert r.status_code == 200
    assert "This password is too short." in r.content.decode()
    assert not User.objects.exists()


def test_it_logs_in_with_email_in_any_case(client, alice, password):
    r = client.post(reverse("login"), {"login": "Alice@Example.com", "password": password})
    assert r.status_code == 302 and r.url == reverse("home")


def test_it_refuses_a_wrong_password(client, alice):
    r = client.post(reverse("login"), {"login": "alice@example.com", "password": "nope"})
    assert r.status_code == 200
    assert "That email and password don’t match an account." in r.content.decode()


def test_it_logs_out_with_post(alice_client):
    r = alice_client.post(reverse("logout"))
    assert r.status_code == 302
    assert alice_client.get(reverse("home")).status_code == 302


@pytest.mark.parametrize("name", ["home", "preferences", "password_change"])
def test_it_sends_anonymous_users_to_log_in(client, name):
    r = client.get(reverse(name))
    assert r.status_code == 302
    assert r.url.startswith(reverse("login"))


def test_it_shows_the_landing_page_to_visitors_and_skips_it_for_users(client, alice_client):
    assert "Create a free account" in client.get(reverse("landing")).content.decode()
    assert alice_client.get(reverse("landing")).url == reverse("home")


def test_it_deletes_the_account_and_everything_in_it_after_the_password(
    alice_client, alice, bob, password
):
    from applications.models import Application, Company
    from coping.models import CopingPlan, JournalEntry
    from reminders.models import Reminder
    from tests.factories import ApplicationFactory, CompanyFactory, reject

    reject(ApplicationFactory(company=CompanyFactory(owner=alice), status="interviewing"))
    JournalEntry.objects.create(owner=alice, mood=2, text="x", written_on="2026-11-20")
    bobs = ApplicationFactory(company=CompanyFactory(owner=bob))
    url = reverse("account_delete")
    r = alice_client.post(url, {"password": "wrong"})
    assert "That is not your password." in r.content.decode()
    assert User.objects.filter(pk=alice.pk).exists()
    r = alice_client.post(url, {"password": password}, follow=True)
    assert "all its data are deleted" in r.content.decode()
    assert not User.objects.filter(pk=alice.pk).exists()
    for model in (Company, CopingPlan, JournalEntry, Reminder):
        assert not model.objects.exclude(owner=bob).exists(), model
    assert list(Application.objects.all()) == [bobs]
    assert alice_client.get(reverse("home")).status_code == 302
