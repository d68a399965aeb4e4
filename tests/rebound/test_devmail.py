"""`make run`'s emails: saved as .eml files, readable at /dev/mail/ only with DEBUG on."""

import pytest
from django.core.mail import EmailMultiAlternatives

pytestmark = pytest.mark.django_db


def test_emails_are_saved_and_listed_in_development(settings, tmp_path, alice_client):
    settings.VAR_DIR = tmp_path
    settings.EMAIL_BACKEND = "rebound.devmail.EmlFileBackend"
    message = EmailMultiAlternatives("Time to check in", "Plain words", to=["alice@example.com"])
    message.attach_alternative("<p>HTML words</p>", "text/html")
    message.send()
    (saved,) = (tmp_path / "mail").glob("*.eml")
    assert b"Time to check in" in saved.read_bytes()
    settings.DEBUG = True
    listing = alice_client.get("/dev/mail/").content.decode()
    assert "Time to check in" in listing
    detail = alice_client.get(f"/dev/mail/{saved.stem}/").content.decode()
    assert "Plain words" in detail and "HTML words" in detail
    assert alice_client.get("/dev/mail/..%2F..%2Fetc%2Fpasswd/").status_code == 404
    settings.DEBUG = False
    assert alice_client.get("/dev/mail/").status_code == 404
