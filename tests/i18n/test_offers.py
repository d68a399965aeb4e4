"""Offers in German, every word: the comparison page (with offers, in two currencies, and
empty), the form to record and edit an offer with its errors, the confirmation before
deleting, the messages after each action, the section on an application's page, the
reminder's words on the reminders page, and its email (subject, text and HTML), rendered for
the same data in German and in English and checked with tests/i18n/check.py.

Alice reads German (`page_in_both` switches her to English for the second rendering); her own
words (benefits, notes, equity) are written in German, as she would write them."""

import datetime as dt

import pytest
from django.conf import settings
from django.template.loader import render_to_string
from django.urls import reverse
from django.utils import translation

from applications.pipeline import Status
from offers.models import Offer
from offers.reminder_kinds import OFFER_DEADLINE
from offers.services import offer_save
from offers.templatetags.offer_tags import application_offer
from reminders import emails, kinds
from reminders.models import Reminder
from tests.factories import ApplicationFactory, CompanyFactory, reminders_about
from tests.i18n.check import assert_german, english_left, page_in_both
from tests.offers.helpers import offered

pytestmark = [pytest.mark.django_db, pytest.mark.frozen("2027-03-10 10:00Z")]

# The test's own data that reads the same in both languages: names, roles, codes.
DATA = [
    "Acme",
    "Globex",
    "Umbrella",
    "Analyst",
    "Data Engineer",
    "Alice",
    "EUR",
    "USD",
    # Alice's own words, written in German as she would write them.
    "0,1 % über 4 Jahre",
    "30 Tage Urlaub, Jobrad",
    "Nach Homeoffice fragen",
]
LINKS = [f"{settings.SITE_URL}/{path}/" for path in ("offers", "applications", "reminders")]


@pytest.fixture
def german(alice):
    alice.language = "de"
    alice.save()
    return alice


@pytest.fixture
def acme(german):
    return offered(
        german,
        "Acme",
        base_salary=85_000,
        bonus=10_000,
        equity="0,1 % über 4 Jahre",
        equity_value=5_000,
        benefits="30 Tage Urlaub, Jobrad",
        start_date=dt.date(2027, 5, 1),
        deadline=dt.date(2027, 3, 20),
        notes="Nach Homeoffice fragen",
    )


def _check(client, user, url, *, method="get", data=None, allowed=()):
    german, english = page_in_both(client, user, url, method=method, data=data)
    assert_german(german, english, [*DATA, *allowed])
    return german


def test_the_comparison_page_with_offers_and_empty(german, alice_client, acme):
    offered(
        german, "Globex", role="Data Engineer", base_salary=90_000, deadline=dt.date(2027, 3, 9)
    )
    page = _check(alice_client, german, reverse("offers:compare"))
    assert "Ihre Angebote im Vergleich" in page and "Jahressumme" in page
    assert "100.000\xa0€" in page and "am höchsten in EUR" in page
    assert "20. März 2027" in page and "in 10 Tagen" in page and "abgelaufen" in page
    offered(german, "Umbrella", base_salary=120_000, currency="USD")
    page = _check(alice_client, german, reverse("offers:compare"))
    assert "Diese Angebote sind in verschiedenen Währungen (EUR, USD)." in page
    assert "120.000\xa0$" in page
    Offer.objects.all().delete()
    page = _check(alice_client, german, reverse("offers:compare"))
    assert "Zurzeit keine offenen Angebote" in page


def test_the_form_to_record_an_offer_and_its_errors(german, alice_client):
    application = ApplicationFactory(
        company=CompanyFactory(owner=german, name="Acme"), role="Analyst", status="interviewing"
    )
    url = reverse("offers:edit", args=[application.pk])
    page = _check(alice_client, german, url)
    assert "Angebot festhalten" in page and "Grundgehalt" in page
    assert "in den Status „Angebot“ verschoben" in page
    bad = {
        "currency": "XYZ",
        "base_salary": "85000,50",
        "bonus": "100000001",
        "remind_days_before": "31",
        "deadline": "2040-01-01",
        "start_date": "1900-01-01",
    }
    page = _check(alice_client, german, url, method="post", data=bad, allowed=["XYZ"])
    for said in (
        "„XYZ“ ist kein Währungscode, den Rebound kennt.",
        "Bitte geben Sie einen ganzen Betrag ohne Cent ein, z.\u00a0B. 85.000.",
        "höchstens 100.000.000 im Jahr",
        "Zwischen 0 und 30 Tagen (0 für keine Erinnerung).",
        "Die Entscheidungsfrist darf nicht nach dem 10. März 2032 liegen.",
        "Das Eintrittsdatum darf nicht vor dem 1. Januar 1970 liegen.",
    ):
        assert said in page, said
    page = _check(alice_client, german, url, method="post", data={"base_salary": "0"})
    assert "Dieses Feld ist zwingend erforderlich." in page
    assert "Das Grundgehalt muss größer als 0 sein." in page
    assert not Offer.objects.exists()


def test_the_edit_and_delete_pages(german, alice_client, acme):
    application = acme.application
    page = _check(alice_client, german, reverse("offers:edit", args=[application.pk]))
    assert "Angebot bearbeiten" in page and "Angebot löschen" in page
    page = _check(alice_client, german, reverse("offers:delete", args=[application.pk]))
    assert "Dieses Angebot löschen?" in page and "Die Bewerbung bleibt, wie sie ist" in page
    accepted = ApplicationFactory(
        company=CompanyFactory(owner=german, name="Globex"), role="Analyst", status="accepted"
    )
    page = _check(alice_client, german, reverse("offers:edit", args=[accepted.pk]))
    assert "Diese Bewerbung hat den Status „Angenommen“" in page


def test_the_messages_after_each_action(german, alice_client):
    application = ApplicationFactory(
        company=CompanyFactory(owner=german, name="Acme"), role="Analyst", status="interviewing"
    )
    url = reverse("offers:edit", args=[application.pk])
    form = {"currency": "EUR", "base_salary": "85.000", "remind_days_before": "2"}

    def said(response) -> list[str]:
        return [str(m) for m in response.context["messages"]]

    response = alice_client.post(url, {**form, "deadline": "2027-03-20"}, follow=True)
    assert said(response) == ["Angebot gespeichert; die Bewerbung steht jetzt im Status „Angebot“."]
    response = alice_client.post(url, {**form, "deadline": "2027-03-10"}, follow=True)
    assert said(response) == ["Angebot gespeichert."]
    # The reason written on the moved reminder is Alice's language too.
    reasons = set(Reminder.objects.values_list("ended_reason", flat=True))
    assert "Die Frist ist zu nah für eine Erinnerung." in reasons
    response = alice_client.post(reverse("offers:delete", args=[application.pk]), follow=True)
    assert said(response) == ["Angebot gelöscht; seine Erinnerung ist gestrichen."]


def test_the_section_on_an_application_page(german, acme):
    def section(language: str, application) -> str:
        with translation.override(language):
            return render_to_string(
                "offers/_application_offer.html", application_offer(application)
            )

    german_html, english_html = section("de", acme.application), section("en", acme.application)
    assert_german(german_html, english_html, DATA)
    assert "Das Angebot" in german_html and "Mit Ihren anderen Angeboten vergleichen" in german_html
    bare = ApplicationFactory(
        company=CompanyFactory(owner=german, name="Globex"), role="Analyst", status=Status.OFFER
    )
    german_html, english_html = section("de", bare), section("en", bare)
    assert_german(german_html, english_html, DATA)
    assert "Angebot festhalten" in german_html


def test_the_kinds_words_for_the_reminders_page(german, acme):
    declared = kinds.get(OFFER_DEADLINE)
    words = {}
    for language in ("de", "en"):
        with translation.override(language):
            words[language] = "\n".join(
                [
                    str(declared.label),
                    str(declared.when),
                    str(declared.send_now_note),
                    declared.describe(acme),
                    declared.obsolete(acme) or "-",
                ]
            )
    assert not english_left(words["de"], words["en"], DATA, html=False), words["de"]
    assert "Frist für ein Angebot" in words["de"]


def _rendered(reminder: Reminder, language: str) -> dict[str, str]:
    """The email as sent to its owner reading `language`, whatever the process speaks."""
    type(reminder.owner).objects.filter(pk=reminder.owner_id).update(language=language)
    reminder = Reminder.objects.select_related("owner").get(pk=reminder.pk)
    kind = kinds.get(reminder.kind)
    subject = kinds.load_subjects([(reminder.kind, reminder.subject_id)])[
        (reminder.kind, reminder.subject_id)
    ]
    with translation.override("en" if language == "de" else "de"):
        return emails.render(reminder, kind, subject)


@pytest.mark.parametrize(("deadline", "when"), [(20, "in 10 Tagen"), (11, "morgen")])
def test_the_email_in_german(german, acme, deadline, when):
    acme.deadline = dt.date(2027, 3, deadline)
    offer_save(offer=acme)
    reminder = reminders_about(acme, OFFER_DEADLINE).get(status="scheduled")
    de, en = _rendered(reminder, "de"), _rendered(reminder, "en")
    everything = [*DATA, *LINKS]
    assert_german(de["subject"], en["subject"], everything, html=False)
    assert_german(de["text"], en["text"], everything, html=False)
    assert_german(de["html"], en["html"], everything)
    assert '<html lang="de">' in de["html"]
    assert de["subject"] == f"Das Angebot von Acme: Ihre Entscheidung ist {when} fällig"
    assert (
        f"Analyst bei Acme: Man erwartet Ihre Entscheidung bis zum {deadline}. März 2027"
        in (de["text"])
    )
    for line in (
        "- Grundgehalt: 85.000\xa0€",
        "- Bonuszahlung: 10.000\xa0€",
        "- Beteiligung: 0,1 % über 4 Jahre, etwa 5.000\xa0€ im Jahr",
        "- Jahressumme: 100.000\xa0€",
        "- Eintrittsdatum: 1. Mai 2027",
        "- Zusatzleistungen: 30 Tage Urlaub, Jobrad",
    ):
        assert line in de["text"], line
    assert "<li>Jahressumme: 100.000\xa0€</li>" in de["html"]
