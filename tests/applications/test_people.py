"""People linked to an application, and companies made from the contact form."""

import pytest
from django.urls import reverse

from applications.models import Application, Company, Contact
from tests.factories import ApplicationFactory, CompanyFactory, ContactFactory

pytestmark = pytest.mark.django_db


def test_it_links_people_to_an_application_and_shows_them(alice, alice_client, bob):
    company = CompanyFactory(owner=alice, name="Acme")
    recruiter = ContactFactory(company=company, kind="recruiter", name="Rita Recruiter")
    referrer = ContactFactory(company=None, owner=alice, kind="referrer", name="Ray Referrer")
    bobs = ContactFactory(company=CompanyFactory(owner=bob), name="Bob's Friend")
    form = alice_client.get(reverse("applications:application_create")).content.decode()
    assert "Rita Recruiter" in form and "Bob&#x27;s Friend" not in form
    r = alice_client.post(
        reverse("applications:application_create"),
        {
            "company": company.pk,
            "role": "Analyst",
            "excitement": 3,
            "contacts": [recruiter.pk, referrer.pk],
        },
    )
    application = Application.objects.get(role="Analyst")
    assert r.url == application.get_absolute_url()
    assert set(application.contacts.all()) == {recruiter, referrer}
    page = alice_client.get(application.get_absolute_url()).content.decode()
    people = page.split('id="people-heading"', 1)[1].split("</section>", 1)[0]
    assert "Rita Recruiter" in people and "Recruiter, Acme" in people and "Ray Referrer" in people
    # Someone else's contact is not a choice.
    r = alice_client.post(
        reverse("applications:application_update", args=[application.pk]),
        {"company": company.pk, "role": "Analyst", "excitement": 3, "contacts": [bobs.pk]},
    )
    assert "Select a valid choice" in r.content.decode()
    # Editing changes who is linked.
    alice_client.post(
        reverse("applications:application_update", args=[application.pk]),
        {"company": company.pk, "role": "Analyst", "excitement": 3, "contacts": [referrer.pk]},
    )
    assert list(application.contacts.all()) == [referrer]


def test_the_contact_form_can_create_the_company(alice, alice_client):
    r = alice_client.post(
        reverse("applications:contact_create"),
        {"name": "Amy Agent", "kind": "staffing_agency", "new_company": "BrightPath Staffing"},
    )
    assert r.status_code == 302
    contact = Contact.objects.get(name="Amy Agent")
    assert contact.company == Company.objects.get(owner=alice, name="BrightPath Staffing")
    # An existing company of that name is reused, whatever the case.
    alice_client.post(
        reverse("applications:contact_create"),
        {"name": "Ben Agent", "kind": "staffing_agency", "new_company": "brightpath staffing"},
    )
    assert Company.objects.filter(owner=alice).count() == 1


def test_linked_people_survive_as_contacts_when_the_application_goes(alice):
    application = ApplicationFactory(company=CompanyFactory(owner=alice))
    person = ContactFactory(company=application.company)
    application.contacts.add(person)
    from applications.services import application_delete

    application_delete(application=application)
    assert Contact.objects.filter(pk=person.pk).exists()
