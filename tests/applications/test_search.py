"""The table's search: what it finds, and that PostgreSQL answers it from the trigram index."""

import re

import pytest
from django.db import connection
from django.urls import reverse

from applications import search
from applications.models import Application
from tests.factories import ApplicationFactory, CompanyFactory

pytestmark = pytest.mark.django_db


def _found(client, term: str) -> set[str]:
    page = client.get(reverse("applications:application_list"), {"q": term}).content.decode()
    body = page.split("<tbody>", 1)[1].split("</tbody>", 1)[0] if "<tbody>" in page else ""
    return set(re.findall(r'<td data-label="Role"><a href="[^"]+">([^<]+)</a>', body))


def test_it_finds_by_role_location_notes_and_company_in_any_case(alice, alice_client, bob):
    acme = CompanyFactory(owner=alice, name="Acme Robotics")
    other = CompanyFactory(owner=alice, name="Globex")
    ApplicationFactory(company=acme, role="Platform engineer")
    ApplicationFactory(company=other, role="Data analyst", location="Zürich")
    ApplicationFactory(company=other, role="Designer", notes="Referred by Priya from robotics")
    ApplicationFactory(company=CompanyFactory(owner=bob, name="Acme Robotics"), role="Bob's")

    assert _found(alice_client, "ROBOTICS") == {"Platform engineer", "Designer"}
    assert _found(alice_client, "zürich") == {"Data analyst"}
    assert _found(alice_client, "analyst") == {"Data analyst"}
    assert _found(alice_client, "nothing like it") == set()
    # Wildcards are text, not patterns.
    assert _found(alice_client, "%") == set()


def test_the_search_is_answered_from_the_trigram_index(alice):
    ApplicationFactory(company=CompanyFactory(owner=alice), role="Platform engineer")
    queryset = Application.objects.alias(search_text=search.text()).filter(
        search.matches(owner=alice, term="platform")
    )
    # The table is tiny, so tell the planner to avoid a sequential scan if it can: it can
    # only when the migration's index expression is still the query's.
    with connection.cursor() as cursor:
        cursor.execute("SET LOCAL enable_seqscan = off")
    assert "application_search_trgm_idx" in queryset.explain()
    assert list(queryset.values_list("role", flat=True)) == ["Platform engineer"]
