"""The weekly letter in German: its settings page (empty, on, with errors), the preview of a
good week and of a hard one, and the email as the engine sends it."""

import datetime as dt

import pytest
import time_machine
from django.core import mail
from django.urls import reverse

from applications.pipeline import Status
from reminders.dispatch_services import reminders_dispatch
from tests.factories import ApplicationFactory, CompanyFactory, InterviewFactory, reject
from tests.i18n.check import assert_german, page_in_both
from weekly.services import letter_settings_save

pytestmark = [pytest.mark.django_db, pytest.mark.frozen("2027-03-10 12:00Z")]

TODAY = dt.date(2027, 3, 10)
SETTINGS = reverse("weekly:settings")
PREVIEW = reverse("weekly:preview")
DATA = ["Alice", "Northwind", "Fabrikam", "Analystin", "Datenleitung", "Europe/Berlin"]


@pytest.fixture
def week(alice):
    company = CompanyFactory(owner=alice, name="Northwind")
    ApplicationFactory(company=company, role="Analystin", status_changed_on=TODAY)
    app = ApplicationFactory(company=company, role="Datenleitung", status=Status.INTERVIEWING)
    InterviewFactory(application=app, starts_at=dt.datetime(2027, 3, 11, 9, tzinfo=dt.UTC))
    return alice


def test_the_settings_page_in_german(alice, alice_client):
    german, english = page_in_both(alice_client, alice, SETTINGS)
    assert "Der Wochenbrief ist abbestellt." in german
    assert_german(german, english, DATA)
    letter_settings_save(user=alice, enabled=True, weekday=4, goal=5)
    german, english = page_in_both(alice_client, alice, SETTINGS)
    assert "Ihr nächster Brief kommt am Fr, 12. März 2027, 09:00." in german
    assert_german(german, english, DATA)
    bad = {"enabled": "on", "weekday": "9", "goal": "0"}
    german, english = page_in_both(alice_client, alice, SETTINGS, method="post", data=bad)
    assert "Wochentag" in german
    assert_german(german, english, DATA)


def test_the_preview_in_german(week, alice_client):
    letter_settings_save(user=week, enabled=True, weekday=4, goal=3)
    german, english = page_in_both(alice_client, week, PREVIEW)
    assert "In den letzten sieben Tagen haben Sie 1 Bewerbung verschickt." in german
    assert "Mit 2 weiteren erreichen Sie es." in german
    assert "Do, 11. März 2027, 10:00: Datenleitung bei Northwind (Fachgespräch)" in german
    assert_german(german, english, DATA)


def test_the_preview_of_a_hard_week_in_german(alice, alice_client):
    company = CompanyFactory(owner=alice, name="Fabrikam")
    for ago in (3, 1):
        app = ApplicationFactory(company=company, status_changed_on=dt.date(2027, 1, 4))
        reject(app, on=TODAY - dt.timedelta(days=ago))
    german, english = page_in_both(alice_client, alice, PREVIEW)
    assert "Die letzten Wochen waren schwer: 2 Absagen in den letzten zwei Wochen." in german
    assert "hat einen nächsten Schritt: Zurückblicken." in german
    assert_german(german, english, [*DATA, "Engineer", "Company"])


def test_the_email_in_german(week):
    emails = {}
    for language in ("de", "en"):
        week.language = language
        week.save()
        mail.outbox.clear()
        with time_machine.travel(dt.datetime(2027, 3, 10, 12, tzinfo=dt.UTC), tick=False):
            letter = letter_settings_save(user=week, enabled=True, weekday=4, goal=3)
        with time_machine.travel(dt.datetime(2027, 3, 12, 8, tzinfo=dt.UTC), tick=False):
            assert reminders_dispatch() == 1
        emails[language] = mail.outbox[0]
        letter_settings_save(user=week, enabled=False, weekday=4, goal=3)
        assert letter.pk
    german, english = emails["de"], emails["en"]
    assert german.subject == "Ihre Woche: 1 Bewerbung verschickt"
    assert "Vorstellungsgespräche in den nächsten sieben Tagen:" in german.body
    assert_german(german.subject, english.subject, DATA, html=False)
    assert_german(german.body, english.body, DATA, html=False)
    html = {lang: e.alternatives[0][0] for lang, e in emails.items()}
    assert_german(html["de"], html["en"], DATA)
