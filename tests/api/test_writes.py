"""The API's writes: the body's shape checked by its serializer, its rules by the page's own
form (one validation), the write made by the same services as the pages."""

import datetime as dt

import pytest
from django.core.exceptions import ValidationError
from django.test import Client
from django.urls import reverse

from api.models import ApiToken
from api.services import MAX_TOKENS, token_create
from applications import company_services, tag_services
from applications import services as applications
from applications.models import Application, Company, Contact
from applications.pipeline import Status
from tests.factories import ContactFactory

NOW = dt.datetime(2026, 11, 25, 12, tzinfo=dt.UTC)
pytestmark = [pytest.mark.django_db, pytest.mark.frozen(NOW)]


@pytest.fixture
def client(alice) -> Client:
    _, text = token_create(owner=alice, name="script", can_write=True)
    return Client(headers={"Authorization": f"Bearer {text}"})


def send(client: Client, method: str, url: str, data: dict | None = None):
    return getattr(client, method)(url, data, content_type="application/json")


def test_it_adds_renames_and_deletes_a_company(alice, client):
    made = send(client, "post", "/api/v1/companies/", {"name": "  Acme   Robotics "})
    assert made.status_code == 201, made.json()
    pk = made.json()["id"]
    assert Company.objects.get(pk=pk, owner=alice).name == "Acme Robotics"
    renamed = send(client, "patch", f"/api/v1/companies/{pk}/", {"notes": "Met at a fair"})
    assert renamed.json()["name"] == "Acme Robotics"
    assert renamed.json()["notes"] == "Met at a fair"
    assert client.delete(f"/api/v1/companies/{pk}/").status_code == 204
    assert not Company.objects.filter(pk=pk).exists()


def test_a_second_company_of_the_same_name_is_refused_in_the_forms_words(alice, client):
    company_services.company_get_or_create(owner=alice, name="Acme")
    response = send(client, "post", "/api/v1/companies/", {"name": "ACME"})
    assert response.status_code == 400
    assert response.json()["errors"] == [
        {
            "field": "name",
            "code": "invalid",
            "message": "You already have a company with this name.",
        }
    ]


def test_a_company_applications_use_is_a_409_the_service_words(alice, client):
    acme = company_services.company_get_or_create(owner=alice, name="Acme")
    applications.application_create(owner=alice, company=acme, role="Analyst")
    response = client.delete(f"/api/v1/companies/{acme.pk}/")
    assert response.status_code == 409
    [error] = response.json()["errors"]
    assert error["code"] == "conflict" and "still has applications" in error["message"]
    assert Company.objects.filter(pk=acme.pk).exists()


def test_a_contact_is_added_with_a_new_company_changed_and_deleted(alice, client):
    made = send(client, "post", "/api/v1/contacts/", {"name": "Dana", "new_company": "Initech"})
    assert made.status_code == 201, made.json()
    contact = Contact.objects.get(pk=made.json()["id"], owner=alice)
    assert contact.company.name == "Initech" and contact.kind == Contact.Kind.OTHER
    changed = send(client, "patch", f"/api/v1/contacts/{contact.pk}/", {"title": "Recruiter"})
    assert changed.json()["title"] == "Recruiter"
    assert changed.json()["company"] == contact.company_id  # what the PATCH didn't name stays
    assert client.delete(f"/api/v1/contacts/{contact.pk}/").status_code == 204
    assert not Contact.objects.filter(pk=contact.pk).exists()


def test_a_patch_sets_people_and_tags_only_when_it_names_them(alice, client):
    acme = company_services.company_get_or_create(owner=alice, name="Acme")
    dana = ContactFactory(company=acme, name="Dana")
    analyst = applications.application_create(
        owner=alice, company=acme, role="Analyst", contacts=[dana], tag_text="remote"
    )
    url = f"/api/v1/applications/{analyst.pk}/"
    kept = send(client, "patch", url, {"role": "Lead analyst"})
    assert kept.status_code == 200, kept.json()
    assert (kept.json()["role"], kept.json()["tags"], kept.json()["contacts"]) == (
        "Lead analyst", ["remote"], [dana.pk],
    )  # fmt: skip
    cleared = send(client, "patch", url, {"tags": [], "contacts": []})
    assert (cleared.json()["tags"], cleared.json()["contacts"]) == ([], [])
    assert Application.objects.get(pk=analyst.pk).role == "Lead analyst"


def test_a_patch_is_checked_against_what_is_stored(alice, client):
    acme = company_services.company_get_or_create(owner=alice, name="Acme")
    analyst = applications.application_create(
        owner=alice, company=acme, role="Analyst", salary_min=50_000, salary_max=60_000,
        currency="EUR",
    )  # fmt: skip
    response = send(client, "patch", f"/api/v1/applications/{analyst.pk}/", {"salary_max": 1})
    assert response.status_code == 400
    [error] = response.json()["errors"]
    assert (error["field"], error["code"]) == ("salary_max", "invalid")
    assert Application.objects.get(pk=analyst.pk).salary_max == 60_000


def test_a_move_through_the_api_answers_with_the_services_next_steps(alice, client):
    acme = company_services.company_get_or_create(owner=alice, name="Acme")
    analyst = applications.application_create(
        owner=alice, company=acme, role="Analyst", status=Status.APPLIED,
        date_applied=dt.date(2026, 11, 2),
    )  # fmt: skip
    url = f"/api/v1/applications/{analyst.pk}/status/"
    moved = send(client, "post", url, {"to_status": "rejected", "note": "Form letter"})
    assert moved.status_code == 200, moved.json()
    answer = moved.json()
    assert answer["change"]["to_status"] == "rejected" and answer["change"]["note"] == "Form letter"
    assert answer["next_steps"] and answer["next_steps"][0]["url"].startswith("http://")
    assert answer["application"]["status"] == "rejected"
    again = send(client, "post", url, {"to_status": "rejected"})
    assert again.json()["change"] is None and again.json()["next_steps"] == []


def test_tags_sent_are_read_as_the_form_reads_typed_tags(alice, client):
    response = send(
        client, "post", "/api/v1/applications/",
        {"new_company": "Initech", "role": "Analyst", "tags": ["x" * 41]},
    )  # fmt: skip
    assert response.status_code == 400
    assert [e["field"] for e in response.json()["errors"]] == ["tags.0"]
    made = send(
        client, "post", "/api/v1/applications/",
        {"new_company": "Initech", "role": "Analyst", "tags": ["Remote", "remote", "EU"]},
    )  # fmt: skip
    assert made.status_code == 201, made.json()
    assert sorted(tag_services.tag_names("Remote, EU")) == sorted(made.json()["tags"])


def test_the_token_service_refuses_one_beyond_the_limit(alice, alice_client):
    for n in range(MAX_TOKENS):
        token_create(owner=alice, name=f"tool {n}", can_write=False)
    with pytest.raises(ValidationError) as refused:
        token_create(owner=alice, name="one more", can_write=False)
    assert refused.value.code == "too_many"
    page = alice_client.post(reverse("api:tokens"), {"name": "one more", "access": "read"})
    assert f"You have {MAX_TOKENS} tokens: revoke one you no longer use." in page.content.decode()
    assert ApiToken.objects.filter(owner=alice).count() == MAX_TOKENS
