"""The preferences page: the user's own settings, saved through home.services."""

import pytest
from django.urls import reverse

pytestmark = pytest.mark.django_db


def test_it_saves_preferences(alice_client, alice):
    r = alice_client.post(
        reverse("preferences"),
        {
            "first_name": "Al",
            "timezone": "Asia/Tokyo",
            "reminder_time": "07:30",
            "keep_in_touch_months": "4",
            "no_reply_days": "10",
            "prep_time": "18:00",
        },
    )
    assert r.status_code == 302
    alice.refresh_from_db()
    assert (alice.first_name, alice.timezone, alice.keep_in_touch_months) == ("Al", "Asia/Tokyo", 4)
    assert alice.reminder_time.strftime("%H:%M") == "07:30"


def test_it_explains_bad_preferences_and_saves_nothing(alice_client, alice):
    r = alice_client.post(
        reverse("preferences"),
        {
            "first_name": "Al",
            "timezone": "Nowhere/City",
            "reminder_time": "25:00",
            "keep_in_touch_months": "0",
            "no_reply_days": "10",
            "prep_time": "18:00",
        },
    )
    assert r.status_code == 200
    body = r.content.decode()
    assert "Select a valid choice" in body
    assert "Enter a valid time" in body
    assert "greater than or equal to 1" in body
    alice.refresh_from_db()
    assert alice.timezone == "Europe/Berlin"
