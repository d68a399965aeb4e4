"""The API says what it does and does what it says: responses match the schema, writes refuse
what they can't do (read-only and unknown fields, the wrong types, bad page sizes), and every
error under /api/, whoever produced it, comes in the documented shape."""

import datetime as dt
import json

import jsonschema
import pytest
from django.test import Client

from api.services import token_create
from applications import company_services
from applications import services as applications
from applications.models import Application
from applications.pipeline import Status

D = dt.date
NOW = dt.datetime(2026, 11, 25, 12, tzinfo=dt.UTC)
pytestmark = [pytest.mark.django_db, pytest.mark.frozen(NOW)]


@pytest.fixture
def client(alice):
    _, text = token_create(owner=alice, name="script", can_write=True)
    return Client(headers={"Authorization": f"Bearer {text}"}, raise_request_exception=False)


@pytest.fixture
def analyst(alice):
    acme = company_services.company_get_or_create(owner=alice, name="Acme")
    return applications.application_create(
        owner=alice, company=acme, role="Analyst", status=Status.APPLIED,
        date_applied=D(2026, 11, 2),
    )  # fmt: skip


def the_error(response, status: int) -> list[dict]:
    assert response.status_code == status, response.content[:300]
    assert response["Content-Type"] == "application/json"
    body = response.json()
    assert set(body) == {"errors"} and body["errors"]
    for error in body["errors"]:
        assert set(error) == {"field", "code", "message"} and error["message"]
    return body["errors"]


def test_the_timelines_first_entry_is_null_where_the_schema_says_so(client, analyst):
    timeline = client.get(f"/api/v1/applications/{analyst.pk}/timeline/").json()
    assert [(c["from_status"], c["to_status"]) for c in timeline] == [(None, "applied")]
    schema = json.loads(Client().get("/api/schema/", {"format": "json"}).content)
    component = schema["components"]["schemas"]["StatusChange"]
    resolver = jsonschema.RefResolver.from_schema(schema)
    jsonschema.validate(timeline[0], component, resolver=resolver)


def test_a_patch_of_the_status_is_refused_and_points_to_the_status_endpoint(client, analyst):
    response = client.patch(
        f"/api/v1/applications/{analyst.pk}/", {"status": "offer"}, content_type="application/json"
    )
    [error] = the_error(response, 400)
    assert (error["field"], error["code"]) == ("status", "read_only")
    assert "POST /api/v1/applications/{id}/status/" in error["message"]
    assert Application.objects.get(pk=analyst.pk).status == Status.APPLIED


def test_unknown_fields_are_refused_by_name(client, analyst):
    response = client.patch(
        f"/api/v1/applications/{analyst.pk}/",
        {"role": "Senior analyst", "salary": 50000, "colour": "red"},
        content_type="application/json",
    )
    errors = the_error(response, 400)
    assert {(e["field"], e["code"]) for e in errors} == {
        ("salary", "unknown_field"),
        ("colour", "unknown_field"),
    }
    assert "salary_min" in errors[0]["message"]  # it lists the fields there are
    assert Application.objects.get(pk=analyst.pk).role == "Analyst"  # nothing half-applied


@pytest.mark.parametrize("size", ["0", "abc", "", "201", "-1", "1.5"])
def test_a_page_size_out_of_bounds_says_the_bounds(client, analyst, size):
    [error] = the_error(client.get("/api/v1/applications/", {"page_size": size}), 400)
    assert error["field"] == "page_size"
    assert error["message"] == "page_size is a whole number from 1 to 200."


def test_a_number_where_the_schema_says_text_is_refused(client, alice):
    response = client.post(
        "/api/v1/companies/", {"name": 12345, "notes": True}, content_type="application/json"
    )
    errors = the_error(response, 400)
    assert {e["field"] for e in errors} == {"name", "notes"}
    assert errors[0]["message"] == "Send this as text (a JSON string)."
    text_number = client.post(
        "/api/v1/applications/",
        {"new_company": "Initech", "role": "Analyst", "excitement": "5"},
        content_type="application/json",
    )
    [error] = the_error(text_number, 400)
    assert error["field"] == "excitement"
    assert not Application.objects.filter(role="Analyst").exists()


def test_a_multipart_post_of_garbage_gets_the_error_shape(client, analyst):
    response = client.generic(
        "POST",
        f"/api/v1/applications/{analyst.pk}/status/",
        b"--xx\r\nnot a part at all",
        content_type="multipart/form-data; boundary=",
    )
    [error] = the_error(response, 400)
    assert error["code"] == "parse_error" and "application/json" in error["message"]
    form = client.post(f"/api/v1/applications/{analyst.pk}/status/", {"to_status": "offer"})
    [error] = the_error(form, 415)  # fields in a form would be dropped: said, not ignored
    assert "application/json" in error["message"]
    assert Application.objects.get(pk=analyst.pk).status == Status.APPLIED


def test_a_body_over_the_limit_is_413_in_the_shape(client, analyst, settings):
    settings.DATA_UPLOAD_MAX_MEMORY_SIZE = 1000
    response = client.patch(
        f"/api/v1/applications/{analyst.pk}/",
        {"notes": "x" * 100_000},
        content_type="application/json",
    )
    [error] = the_error(response, 413)
    assert error["code"] == "too_large"
    assert Application.objects.get(pk=analyst.pk).notes == ""


def test_unknown_addresses_and_methods_under_api_get_the_shape(client):
    for url in ("/api/", "/api/v2/applications/", "/api/nothing-here"):
        [error] = the_error(client.get(url), 404)
        assert error["code"] == "not_found", url
    [error] = the_error(client.put("/api/v1/applications/"), 405)
    assert error["code"] == "method_not_allowed"
    [error] = the_error(client.delete("/api/schema/"), 405)  # a view that renders YAML
    assert error["code"] == "method_not_allowed"
    # Outside /api/ pages stay pages.
    assert Client().get("/nothing-here/")["Content-Type"].startswith("text/html")


def test_an_unexpected_failure_is_a_500_in_the_shape(client, monkeypatch):
    def broken(*args, **kwargs):
        raise RuntimeError("a bug")

    monkeypatch.setattr("api.companies.CompanyViewSet.get_queryset", broken)
    [error] = the_error(client.get("/api/v1/companies/"), 500)
    assert error["code"] == "server_error" and "a bug" not in error["message"]


def test_a_session_write_without_its_csrf_token_gets_the_shape(alice, analyst):
    browser = Client(enforce_csrf_checks=True)
    browser.force_login(alice)
    response = browser.post(
        f"/api/v1/applications/{analyst.pk}/status/",
        {"to_status": "screening"},
        content_type="application/json",
    )
    [error] = the_error(response, 403)
    assert "CSRF" in error["message"]
    assert Application.objects.get(pk=analyst.pk).status == Status.APPLIED


def test_a_services_rule_comes_out_as_a_400_with_its_code(client, analyst):
    applications.application_change_status(application=analyst, to_status="rejected")
    response = client.post(
        f"/api/v1/applications/{analyst.pk}/status/",
        {"to_status": "wishlist"},
        content_type="application/json",
    )
    [error] = the_error(response, 400)
    assert error == {
        "field": None,
        "code": "invalid_transition",
        "message": "An application can’t go from Rejected straight to Wishlist.",
    }
