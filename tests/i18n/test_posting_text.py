"""The posting's text in German: the panel on the application's page and on the interview's,
with a posting and without, the form's field and its error, quick add, and the import's
preview words, rendered for the same data in German and in English (tests/i18n/check.py).

The posting itself is Alice's data, written in German as a German posting would be."""

import pytest
from django.urls import reverse
from django.utils import translation

from applications.imports import mapping
from applications.posting_models import POSTING_MAX
from applications.posting_services import posting_set
from tests.factories import ApplicationFactory, CompanyFactory, InterviewFactory
from tests.i18n.check import assert_german, page_in_both

pytestmark = [pytest.mark.django_db, pytest.mark.frozen("2027-03-10 10:00Z")]

POSTING = "Ihre Aufgaben\n\n• Berichte bauen\n• Daten pflegen\n\nWir bieten: Kantine"


@pytest.fixture
def setting(alice):
    company = CompanyFactory(owner=alice, name="Nordwind")
    application = ApplicationFactory(company=company, role="Datenanalyst")
    interview = InterviewFactory(application=application, questions="Warum wir?")
    return application, interview


@pytest.mark.parametrize("with_posting", [True, False])
def test_the_panels_are_german(alice, alice_client, setting, with_posting):
    application, interview = setting
    if with_posting:
        posting_set(application=application, text=POSTING, origin="bookmarklet")
    allowed = ["Nordwind", "Datenanalyst", "Warum wir?", *POSTING.split("\n")]
    for url in (application.get_absolute_url(), interview.get_absolute_url()):
        german, english = page_in_both(alice_client, alice, url)
        assert_german(german, english, allowed)
        if with_posting:
            assert "Stellenanzeige zeigen (9 Wörter)" in german
            assert "Von der Seite der Stellenanzeige gelesen" in german
        else:
            assert "Noch keine Stellenanzeige gespeichert." in german


def test_the_form_its_error_and_quick_add_are_german(alice, alice_client, setting):
    application, _ = setting
    url = reverse("applications:application_update", args=[application.pk])
    german, english = page_in_both(alice_client, alice, url)
    assert_german(german, english, ["Nordwind", "Datenanalyst"])
    data = {
        "company": application.company_id,
        "role": application.role,
        "excitement": 3,
        "posting": "x" * (POSTING_MAX + 1),
    }
    german, english = page_in_both(alice_client, alice, url, method="post", data=data)
    assert "länger als 100.000 Zeichen" in german
    assert_german(german, english, ["Nordwind", "Datenanalyst", data["posting"]])
    german, english = page_in_both(alice_client, alice, reverse("applications:quick_add"))
    assert "Die Stellenanzeige" in german
    assert_german(german, english)


def test_the_import_names_the_column_in_german():
    header = ["Company", "Role", "Stellenbeschreibung"]
    found = mapping.auto_mapping(header)
    record = mapping.parse(header, [["Nordwind", "Analyst", "<p>Text</p>"]], found, {})[0]
    with translation.override("de"):
        assert "Text der Stellenanzeige" in record.details
