"""The API in German (issue 27): its error messages in the reader's language, its tokens
pages and its reference page, every word.

Whose language an error is in: a script's request with a token answers in the token's
owner's language (chosen on Preferences), as their pages do; a request without one (an unknown
token, no token at all) in the browser's, from `Accept-Language`; the site's own session in
the signed-in user's. The language before the request is put back after it.
"""

import datetime as dt

import pytest
from django.test import Client
from django.urls import reverse
from django.utils import translation

from api.services import token_create
from applications import company_services
from applications import services as applications
from tests.factories import UserFactory
from tests.i18n.check import assert_german, english_left, page_in_both

NOW = dt.datetime(2026, 11, 25, 12, tzinfo=dt.UTC)
pytestmark = [pytest.mark.django_db, pytest.mark.frozen(NOW)]

DATA = ["Acme", "Analyst", "weekly script", "rbd", "Rebound API"]


@pytest.fixture
def greta():
    return UserFactory(email="greta@example.de", first_name="Greta", language="de")


def _token(user, **kwargs):
    kwargs.setdefault("can_write", True)
    _, text = token_create(owner=user, name="weekly script", **kwargs)
    return Client(headers={"Authorization": f"Bearer {text}"})


def _messages(response):
    return [e["message"] for e in response.json()["errors"]]


def send(client, method, url, data=None, **extra):
    return getattr(client, method)(url, data, content_type="application/json", **extra)


def _assert_german_messages(messages, allowed=()):
    assert messages
    for message in messages:
        assert not english_left(message, "", [*DATA, *allowed], html=False), message


# --- errors in the token owner's language ------------------------------------------------------


def test_a_german_owners_token_gets_its_errors_in_german(greta):
    client = _token(greta)
    acme = company_services.company_get_or_create(owner=greta, name="Acme")
    said = []
    # The form's own rules, the serializer's types, an unknown field, a read-only field.
    said += _messages(send(client, "post", "/api/v1/applications/", {"company": acme.pk}))
    said += _messages(
        send(client, "post", "/api/v1/applications/", {"role": 5, "company": "x", "nope": 1})
    )
    application = applications.application_create(owner=greta, company=acme, role="Analyst")
    said += _messages(
        send(client, "patch", f"/api/v1/applications/{application.pk}/", {"status": "offer"})
    )
    said += _messages(
        send(client, "post", "/api/v1/companies/", {"name": "x", "website": "not a url"})
    )
    # A rule of the service (409), a missing object (404), a bad page size, an unknown address.
    said += _messages(client.delete(f"/api/v1/companies/{acme.pk}/"))
    said += _messages(client.get("/api/v1/companies/999999/"))
    said += _messages(client.get("/api/v1/companies/?page_size=0"))
    said += _messages(client.get("/api/v1/nothing-here/", HTTP_ACCEPT_LANGUAGE="de"))
    said += _messages(
        send(client, "post", f"/api/v1/applications/{application.pk}/status/", {"to_status": "x"})
    )
    assert "Dieses Feld gibt es hier nicht." in " ".join(said)
    # The API's own names are the same in every language: fields, paths and values.
    names = ["nope", "company", "role", "status", "x", "/api/v1/applications/{id}/status/"]
    _assert_german_messages(said, [*names, '{"to_status": …}'])


def test_a_read_only_token_and_the_private_notes_scope_say_so_in_german(greta):
    client = _token(greta, can_write=False)
    said = _messages(send(client, "post", "/api/v1/companies/", {"name": "Acme"}))
    said += _messages(client.get("/api/v1/journal/"))
    assert said[0].startswith("Dieses Token darf nur lesen")
    _assert_german_messages(said)


def test_an_english_owners_token_stays_english_whatever_the_browser_says(alice):
    client = _token(alice)
    response = send(client, "post", "/api/v1/companies/", {"nope": 1}, HTTP_ACCEPT_LANGUAGE="de")
    assert _messages(response)[0].startswith("There is no such field here.")


def test_without_a_token_the_browsers_language_is_used():
    bad = Client(headers={"Authorization": "Bearer rbd_nothing_here"})
    german = _messages(bad.get("/api/v1/companies/", HTTP_ACCEPT_LANGUAGE="de-DE,de;q=0.9"))
    english = _messages(bad.get("/api/v1/companies/"))
    assert english[0].startswith("That token is unknown")
    _assert_german_messages(german)
    anonymous = _messages(Client().get("/api/v1/companies/", HTTP_ACCEPT_LANGUAGE="de"))
    _assert_german_messages(anonymous)
    unreadable = Client().post(
        "/api/v1/companies/", "name=Acme", content_type="application/x-www-form-urlencoded",
        HTTP_ACCEPT_LANGUAGE="de",
    )  # fmt: skip
    assert unreadable.status_code == 415
    _assert_german_messages(_messages(unreadable), ["Content-Type: application/json"])


def test_the_sites_session_answers_in_the_signed_in_users_language(greta):
    client = Client()
    client.force_login(greta)
    said = _messages(client.get("/api/v1/companies/?page_size=900"))
    assert said == ["page_size ist eine ganze Zahl von 1 bis 200."]


def test_the_language_before_the_request_is_put_back(greta):
    client = _token(greta)
    with translation.override("en"):
        send(client, "post", "/api/v1/companies/", {"nope": 1})
        assert translation.get_language() == "en"


# --- the tokens pages and the reference ---------------------------------------------------------


def test_the_tokens_page_empty_and_with_tokens(greta):
    client = Client()
    client.force_login(greta)
    german, english = page_in_both(client, greta, reverse("api:tokens"))
    assert "Noch keine Tokens." in german
    assert_german(german, english, DATA)
    token_create(owner=greta, name="weekly script", can_write=True, private_notes=True)
    token_create(owner=greta, name="weekly script", can_write=False, expires_on=dt.date(2027, 1, 3))
    german, english = page_in_both(client, greta, reverse("api:tokens"))
    assert "3. Jan. 2027" in german and "nie" in german
    prefixes = [f"rbd_{t.prefix}_…" for t in greta.apitoken_set.all()]
    assert_german(german, english, [*DATA, *prefixes])


def test_the_token_form_with_its_errors_and_a_new_token_shown(greta):
    client = Client()
    client.force_login(greta)
    data = {"name": "", "access": "all", "expires_on": "2030-01-01"}
    german, english = page_in_both(client, greta, reverse("api:tokens"), method="post", data=data)
    assert "Das Ablaufdatum" in german
    assert_german(german, english, DATA)
    made = {"name": "weekly script", "access": "read"}
    german, english = page_in_both(client, greta, reverse("api:tokens"), method="post", data=made)
    assert "Ihr neues Token." in german
    # Each language made a token of its own: the secrets differ, and are the data.
    secrets = [line for line in german.split('"') if line.startswith("rbd_")]
    secrets += [line for line in english.split('"') if line.startswith("rbd_")]
    prefixes = [f"rbd_{t.prefix}_…" for t in greta.apitoken_set.all()]
    assert_german(german, english, [*DATA, *secrets, *prefixes])


def test_revoking_a_token_asks_first_and_says_it_is_done_in_german(greta):
    client = Client()
    client.force_login(greta)
    token, _ = token_create(owner=greta, name="weekly script", can_write=False)
    url = reverse("api:token_revoke", args=[token.pk])
    german, english = page_in_both(client, greta, url)
    assert "„weekly script“ widerrufen?" in german
    assert_german(german, english, DATA)
    response = client.post(url, follow=True)
    assert "„weekly script“ widerrufen: Es funktioniert nicht mehr." in response.content.decode()


def test_the_reference_page_in_german(greta):
    client = Client()
    client.force_login(greta)
    german, english = page_in_both(client, greta, reverse("api:docs"))
    assert "Bewerbungen" in german and "Pflichtfeld" in german
    # The schema's names are the API's own words: paths, fields, types, codes and values.
    assert_german(german, english, DATA)


def test_the_reference_page_follows_the_browser_when_signed_out():
    german = Client().get(reverse("api:docs"), HTTP_ACCEPT_LANGUAGE="de").content.decode()
    english = Client().get(reverse("api:docs"), HTTP_ACCEPT_LANGUAGE="en").content.decode()
    assert "API-Referenz" in german and "API reference" in english


def test_a_reminder_cancelled_through_the_api_says_why_in_its_owners_language(greta):
    from reminders.models import Reminder
    from tests.factories import ApplicationFactory, reject

    plan = reject(ApplicationFactory(owner=greta))
    assert plan is not None
    reminder = Reminder.objects.filter(owner=greta, status__in=Reminder.OPEN).first()
    with translation.override("en"):
        response = _token(greta).post(f"/api/v1/reminders/{reminder.pk}/cancel/")
    assert response.status_code == 200
    reminder.refresh_from_db()
    assert reminder.ended_reason == "Über die API gestrichen"
