"""The companies page's rows are written in Python (applications/templatetags/company_tags.py):
to the byte what the template loop gave for the same companies, in English and German,
whatever the names and counts (issue 24's tenth pass); and the page shows them."""

import pytest
from django.template import Context, Template
from django.test import Client
from django.utils import translation

from applications.models import Company
from applications.templatetags.company_tags import company_items
from tests.factories import ApplicationFactory, CompanyFactory, ContactFactory
from tests.hostile import HOSTILE

pytestmark = pytest.mark.django_db

# The list as company_list.html wrote it before its rows were built in Python.
LOOP = Template(
    "{% load i18n %}"
    "  {% for company in page %}\n"
    '  <a class="list-group-item list-group-item-action d-flex justify-content-between"'
    ' href="{{ company.get_absolute_url }}">\n'
    "    <span>{{ company.name }}</span>\n"
    '    <span class="small text-body-secondary">{% blocktranslate trimmed count'
    " n=company.application_count %}{{ n }} application{% plural %}{{ n }} applications"
    "{% endblocktranslate %} · {% blocktranslate trimmed count n=company.contact_count %}"
    "{{ n }} contact{% plural %}{{ n }} contacts{% endblocktranslate %}</span>\n"
    "  </a>\n"
    "  {% endfor %}"
)


@pytest.mark.parametrize("language", ["en", "de"])
def test_the_rows_are_the_loops_rows(alice, language: str) -> None:
    companies = []
    counts = [(0, 0), (1, 1), (2, 5), (1, 0), (1000, 12345)]
    for name, (applications, contacts) in zip(HOSTILE, counts, strict=True):
        company = CompanyFactory(owner=alice, name=name)
        company.application_count, company.contact_count = applications, contacts
        companies.append(company)
    with translation.override(language):
        loop = LOOP.render(Context({"page": companies}))
        assert "  " + company_items(companies) == loop
    assert company_items([]) == ""
    with translation.override("de"):
        assert "2 Bewerbungen · 5 Kontakte" in company_items(companies)


def test_the_page_shows_each_company_with_its_counts(alice, alice_client: Client) -> None:
    acme = CompanyFactory(owner=alice, name="Acme & Co")
    ApplicationFactory(company=acme)
    ApplicationFactory(company=acme)
    ContactFactory(owner=alice, company=acme)
    CompanyFactory(owner=alice, name="Beta")
    html = alice_client.get("/applications/companies/").content.decode()
    assert f'href="/applications/companies/{acme.pk}/"' in html
    assert "<span>Acme &amp; Co</span>" in html
    assert "2 applications · 1 contact</span>" in html
    assert "0 applications · 0 contacts</span>" in html
    assert Company.objects.filter(owner=alice).count() == 2
