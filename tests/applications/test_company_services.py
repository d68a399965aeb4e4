"""Companies and contacts: the pages write only through company_services, with their forms'
cleaned data whole."""

import pytest
from django.core.exceptions import ValidationError
from django.urls import reverse

from applications import company_services
from applications.models import Company, Contact
from tests.factories import ApplicationFactory, CompanyFactory, ContactFactory

pytestmark = pytest.mark.django_db


def test_it_refuses_to_delete_a_company_applications_use(alice, alice_client):
    application = ApplicationFactory(owner=alice, company=CompanyFactory(owner=alice))
    with pytest.raises(ValidationError) as refused:
        company_services.company_delete(company=application.company)
    assert refused.value.code == "company_in_use"
    r = alice_client.post(
        reverse("applications:company_delete", args=[application.company_id]), follow=True
    )
    assert "This company still has applications." in r.content.decode()
    assert Company.objects.filter(pk=application.company_id).exists()


def test_a_deleted_company_leaves_its_people_without_one(alice, alice_client):
    company = CompanyFactory(owner=alice)
    person = ContactFactory(owner=alice, company=company)
    alice_client.post(reverse("applications:company_delete", args=[company.pk]))
    assert not Company.objects.filter(pk=company.pk).exists()
    person.refresh_from_db()
    assert person.company is None


def test_it_saves_a_company_from_the_forms_cleaned_data(alice, alice_client):
    alice_client.post(
        reverse("applications:company_create"),
        {"name": "  Acme   Corp ", "website": "https://acme.example", "notes": "Big"},
    )
    company = Company.objects.get(owner=alice)
    assert (company.name, company.website, company.notes) == (
        "Acme Corp",
        "https://acme.example",
        "Big",
    )
    alice_client.post(
        reverse("applications:company_update", args=[company.pk]),
        {"name": "Acme", "website": "", "notes": "Big"},
    )
    company.refresh_from_db()
    assert (company.name, company.website) == ("Acme", "")


def test_it_refuses_a_field_a_company_has_not(alice):
    with pytest.raises(TypeError):
        company_services.company_save(company=Company(owner=alice), name="Acme", owner_id=2)


def test_editing_a_contact_can_name_a_company_already_tracked(alice, alice_client):
    acme = CompanyFactory(owner=alice, name="Acme")
    person = ContactFactory(owner=alice, company=None, name="Rita", kind="recruiter")
    r = alice_client.post(
        reverse("applications:contact_update", args=[person.pk]),
        {"name": "Rita R.", "kind": "recruiter", "new_company": "acme"},
    )
    assert r.status_code == 302
    person.refresh_from_db()
    assert (person.name, person.company) == ("Rita R.", acme)
    assert Company.objects.filter(owner=alice).count() == 1


def test_a_deleted_contact_leaves_the_applications_they_were_on(alice, alice_client):
    application = ApplicationFactory(owner=alice)
    person = ContactFactory(owner=alice, company=application.company)
    application.contacts.add(person)
    alice_client.post(reverse("applications:contact_delete", args=[person.pk]))
    assert not Contact.objects.filter(pk=person.pk).exists()
    application.refresh_from_db()
    assert list(application.contacts.all()) == []
