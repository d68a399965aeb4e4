"""The work-search log's two facts through the API: a company's address and how an
application was sent (`applied_via`), read and written, checked by the pages' own forms."""

import datetime as dt

import pytest
from django.test import Client

from api.services import token_create
from applications import company_services
from applications.models import ADDRESS_MAX, Application, Company

NOW = dt.datetime(2026, 11, 25, 12, tzinfo=dt.UTC)
pytestmark = [pytest.mark.django_db, pytest.mark.frozen(NOW)]

ADDRESS = "Torstraße 1\n10119 Berlin"


@pytest.fixture
def client(alice) -> Client:
    _, text = token_create(owner=alice, name="script", can_write=True)
    return Client(headers={"Authorization": f"Bearer {text}"})


def send(client: Client, method: str, url: str, data: dict | None = None):
    return getattr(client, method)(url, data, content_type="application/json")


def test_it_writes_and_reads_a_companys_address(alice, client):
    made = send(client, "post", "/api/v1/companies/", {"name": "Acme", "address": ADDRESS})
    assert made.status_code == 201, made.json()
    assert made.json()["address"] == ADDRESS
    pk = made.json()["id"]
    assert Company.objects.get(pk=pk).address == ADDRESS
    # A PATCH that leaves the address out keeps it.
    renamed = send(client, "patch", f"/api/v1/companies/{pk}/", {"notes": "Met at a fair"})
    assert renamed.json()["address"] == ADDRESS
    cleared = send(client, "patch", f"/api/v1/companies/{pk}/", {"address": ""})
    assert cleared.json()["address"] == ""
    assert client.get("/api/v1/companies/").json()["results"][0]["address"] == ""


def test_an_address_too_long_is_refused_naming_the_field(client):
    response = send(
        client, "post", "/api/v1/companies/", {"name": "Acme", "address": "x" * (ADDRESS_MAX + 1)}
    )
    assert response.status_code == 400
    assert [e["field"] for e in response.json()["errors"]] == ["address"]


def test_it_writes_and_reads_how_an_application_was_sent(alice, client):
    acme = company_services.company_get_or_create(owner=alice, name="Acme")
    made = send(
        client,
        "post",
        "/api/v1/applications/",
        {"company": acme.pk, "role": "Analyst", "applied_via": "email"},
    )
    assert made.status_code == 201, made.json()
    assert made.json()["applied_via"] == "email"
    pk = made.json()["id"]
    assert Application.objects.get(pk=pk).applied_via == "email"
    # A PATCH that names it changes only it; one that doesn't keeps it.
    moved = send(client, "patch", f"/api/v1/applications/{pk}/", {"applied_via": "in_person"})
    assert moved.json()["applied_via"] == "in_person"
    kept = send(client, "patch", f"/api/v1/applications/{pk}/", {"notes": "Sent on paper"})
    assert kept.json()["applied_via"] == "in_person"
    cleared = send(client, "patch", f"/api/v1/applications/{pk}/", {"applied_via": ""})
    assert cleared.json()["applied_via"] == ""


def test_an_unknown_way_of_applying_is_refused(alice, client):
    acme = company_services.company_get_or_create(owner=alice, name="Acme")
    response = send(
        client,
        "post",
        "/api/v1/applications/",
        {"company": acme.pk, "role": "Analyst", "applied_via": "fax"},
    )
    assert response.status_code == 400
    (error,) = response.json()["errors"]
    assert (error["field"], error["code"]) == ("applied_via", "invalid_choice")


def test_an_application_made_without_it_says_it_is_not_recorded(alice, client):
    acme = company_services.company_get_or_create(owner=alice, name="Acme")
    made = send(client, "post", "/api/v1/applications/", {"company": acme.pk, "role": "Analyst"})
    assert made.json()["applied_via"] == ""


def test_the_schema_lists_both(client):
    schema = Client().get("/api/schema/?format=json").json()
    components = schema["components"]["schemas"]
    assert "address" in components["Company"]["properties"]
    assert "applied_via" in components["Application"]["properties"]
