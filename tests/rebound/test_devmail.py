"""`make run`'s emails: saved as .eml files, readable at /dev/mail/ only with DEBUG on, and
only by staff (they hold every user's mail, reset links included)."""

import pytest
from django.core.mail import EmailMultiAlternatives
from django.test import Client

from tests.factories import UserFactory

pytestmark = pytest.mark.django_db


@pytest.fixture
def staff_client() -> Client:
    client = Client()
    client.force_login(UserFactory(is_staff=True))
    return client


def test_emails_are_saved_and_listed_in_development(settings, tmp_path, staff_client):
    settings.VAR_DIR = tmp_path
    settings.EMAIL_BACKEND = "rebound.devmail.EmlFileBackend"
    message = EmailMultiAlternatives("Time to check in", "Plain words", to=["alice@example.com"])
    message.attach_alternative("<p>HTML words</p>", "text/html")
    message.send()
    (saved,) = (tmp_path / "mail").glob("*.eml")
    assert b"Time to check in" in saved.read_bytes()
    settings.DEBUG = True
    listing = staff_client.get("/dev/mail/").content.decode()
    assert "Time to check in" in listing
    detail = staff_client.get(f"/dev/mail/{saved.stem}/").content.decode()
    assert "Plain words" in detail and "HTML words" in detail
    assert staff_client.get("/dev/mail/..%2F..%2Fetc%2Fpasswd/").status_code == 404
    settings.DEBUG = False
    assert staff_client.get("/dev/mail/").status_code == 404


def test_only_staff_read_the_saved_mail(settings, tmp_path, alice_client, client, staff_client):
    settings.VAR_DIR = tmp_path
    settings.EMAIL_BACKEND = "rebound.devmail.EmlFileBackend"
    settings.DEBUG = True
    EmailMultiAlternatives(
        "Reset your password", "https://rebound.test/reset/MQ/secret-token/", to=["bob@x.test"]
    ).send()
    (saved,) = (tmp_path / "mail").glob("*.eml")
    for who in (client, alice_client):  # a stranger, and a user who isn't staff
        for path in ("/dev/mail/", f"/dev/mail/{saved.stem}/"):
            r = who.get(path)
            assert r.status_code == 302 and r["Location"].startswith("/admin/login/?next="), path
            assert "secret-token" not in r.content.decode()
    assert "secret-token" in staff_client.get(f"/dev/mail/{saved.stem}/").content.decode()
