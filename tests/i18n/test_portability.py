"""Backup and restore in German (issue 27): the page for an empty account and for one that
holds data, each refused file said again in German on the page, and what a restore says when
it is done, rendered for the same data in German and in English."""

import datetime as dt
import json

import pytest
from django.contrib.messages import get_messages
from django.core.files.uploadedfile import SimpleUploadedFile
from django.test import Client
from django.urls import reverse

from applications import company_services
from applications import services as applications
from portability.export import backup_export
from tests.factories import UserFactory
from tests.i18n.check import assert_german, english_left, page_in_both

NOW = dt.datetime(2026, 11, 25, 12, tzinfo=dt.UTC)
pytestmark = [pytest.mark.django_db, pytest.mark.frozen(NOW)]

DATA = ["Acme", "Analyst", "rebound-backup", "applications.Application", "backup.json"]


@pytest.fixture
def greta():
    return UserFactory(email="greta@example.de", first_name="Greta", language="de")


@pytest.fixture
def client(greta):
    client = Client()
    client.force_login(greta)
    return client


def _upload(content: str) -> SimpleUploadedFile:
    return SimpleUploadedFile("backup.json", content.encode(), content_type="application/json")


def _document(owner) -> dict:
    acme = company_services.company_get_or_create(owner=owner, name="Acme")
    applications.application_create(
        owner=owner, company=acme, role="Analyst", date_applied=dt.date(2026, 11, 20)
    )
    return backup_export(owner)


def test_the_page_for_an_empty_account(client, greta):
    german, english = page_in_both(client, greta, reverse("backup"))
    assert "Sicherung und Wiederherstellung" in german
    assert_german(german, english, DATA)


def test_the_page_for_an_account_that_holds_data(client, greta):
    _document(greta)
    german, english = page_in_both(client, greta, reverse("backup"))
    assert "nur in ein leeres Konto" in german
    assert_german(german, english, DATA)


@pytest.mark.parametrize(
    "content",
    [
        "not json",
        json.dumps({"format": "something else"}),
        json.dumps({"format": "rebound-backup", "version": 9, "data": {}}),
        json.dumps({"format": "rebound-backup", "version": 1}),
        '{"format": "rebound-backup", "version": 1, "data": {}, "data": {}}',
        json.dumps(
            {
                "format": "rebound-backup",
                "version": 1,
                "data": {"applications.Application": [{"role": "Analyst"}]},
            }
        ),
        json.dumps({"format": "rebound-backup", "version": 1, "data": {}, "reminders": [1]}),
    ],
)
def test_a_refused_file_is_said_in_german(client, greta, content):
    pages = []
    for language in ("de", "en"):
        type(greta).objects.filter(pk=greta.pk).update(language=language)
        response = client.post(reverse("backup"), {"file": _upload(content)})
        assert response.status_code == 400
        pages.append(response.content.decode())
    german, english = pages
    assert "Es wurde nichts wiederhergestellt." in german
    assert_german(german, english, DATA)


def test_a_restore_says_what_it_brought_back_in_german(client, greta):
    source = UserFactory(email="old@example.de")
    document = _document(source)
    response = client.post(reverse("backup"), {"file": _upload(json.dumps(document))})
    assert response.status_code == 302
    (said,) = [str(m) for m in get_messages(response.wsgi_request)]
    assert said.startswith("3 Einträge wiederhergestellt")
    assert not english_left(said, "", DATA, html=False)


def test_restoring_into_an_account_with_data_is_refused_in_german(client, greta):
    _document(greta)
    source = UserFactory(email="old@example.de")
    response = client.post(reverse("backup"), {"file": _upload(json.dumps(_document(source)))})
    page = response.content.decode()
    assert "Ihr Konto enthält schon Daten." in page
