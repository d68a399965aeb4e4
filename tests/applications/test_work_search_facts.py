"""The two facts the German work-search log (Nachweis der Eigenbemühungen) reads from this
app: the employer's address, and how the application was sent. Both are optional, editable on
their forms, and held by the database's own checks."""

import pytest
from django.db import IntegrityError, transaction
from django.urls import reverse
from django.utils import translation

from applications import services
from applications.forms import ApplicationForm, CompanyForm
from applications.models import Application, AppliedVia, Company
from tests.factories import CompanyFactory

pytestmark = pytest.mark.django_db


@pytest.fixture
def acme(alice) -> Company:
    return CompanyFactory(owner=alice, name="Acme")


@pytest.fixture
def client(alice_client):
    return alice_client


def test_it_keeps_a_companys_address_up_to_500_characters(client, alice, acme):
    url = reverse("applications:company_update", args=[acme.pk])
    response = client.post(url, {"name": "Acme", "address": "Marktplatz 2\n20095 Hamburg"})
    assert response.status_code == 302
    acme.refresh_from_db()
    assert acme.address == "Marktplatz 2\n20095 Hamburg"
    form = CompanyForm({"name": "Acme", "address": "x" * 501}, instance=acme, owner=alice)
    assert not form.is_valid() and "address" in form.errors
    with pytest.raises(IntegrityError), transaction.atomic():
        Company.objects.filter(pk=acme.pk).update(address="x" * 501)
    page = client.get(acme.get_absolute_url()).content.decode()
    assert "Marktplatz 2" in page


def test_it_keeps_how_an_application_was_sent(client, alice, acme):
    form = ApplicationForm(owner=alice)
    names = list(form.fields)
    assert names.index("applied_via") == names.index("source") + 1
    assert not form.fields["applied_via"].required
    with translation.override("de"):
        labels = [str(label) for _, label in form.fields["applied_via"].choices][1:]
    assert labels == [
        "online",
        "per E-Mail",
        "schriftlich",
        "persönlich",
        "telefonisch",
    ]
    with translation.override("en"):
        assert [str(label) for _, label in AppliedVia.choices] == [
            "Online (form or portal)",
            "By email",
            "In writing (by post)",
            "In person",
            "By phone",
        ]
    response = client.post(
        reverse("applications:application_create"),
        {"company": acme.pk, "role": "Analyst", "excitement": "3", "applied_via": "phone"},
    )
    assert response.status_code == 302
    application = Application.objects.get(owner=alice, role="Analyst")
    assert application.applied_via == "phone"
    services.application_update(
        application=application,
        fields=["applied_via"],
        applied_via="in_person",
        date_applied=application.date_applied,
    )
    application.refresh_from_db()
    assert application.applied_via == "in_person"
    with pytest.raises(IntegrityError), transaction.atomic():
        Application.objects.filter(pk=application.pk).update(applied_via="fax")
