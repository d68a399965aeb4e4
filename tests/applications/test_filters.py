"""The applications list's filters are defined once (applications/filters.py) and the table
page and the API both use them: the same filters choose the same applications."""

import re

import pytest
from django.urls import reverse

from applications import archive_services, selectors, tag_services
from applications import services as applications
from applications.filters import OPEN_FILTER
from applications.pipeline import Status
from tests.factories import ApplicationFactory, CompanyFactory

pytestmark = pytest.mark.django_db


def _table(client, query: dict) -> set[str]:
    page = client.get(reverse("applications:application_list"), query).content.decode()
    body = page.split("<tbody>", 1)[1].split("</tbody>", 1)[0] if "<tbody>" in page else ""
    return set(re.findall(r'<td data-label="Role"><a href="[^"]+">([^<]+)</a>', body))


def _api(client, query: dict) -> set[str]:
    response = client.get("/api/v1/applications/", query)
    assert response.status_code == 200, response.content[:300]
    return {a["role"] for a in response.json()["results"]}


@pytest.fixture
def search(alice, bob):
    acme = CompanyFactory(owner=alice, name="Acme Robotics")
    globex = CompanyFactory(owner=alice, name="Globex")
    ApplicationFactory(company=acme, role="Platform engineer", status=Status.APPLIED)
    designer = ApplicationFactory(
        company=globex, role="Designer", status=Status.INTERVIEWING, notes="robotics team"
    )
    tag_services.application_set_tags(application=designer, names=["Remote"])
    ApplicationFactory(company=globex, role="Analyst", status=Status.WISHLIST)
    ApplicationFactory(company=CompanyFactory(owner=bob), role="Bob's", status=Status.APPLIED)
    return {"acme": acme.pk, "globex": globex.pk}


def test_the_table_and_the_api_choose_the_same_applications(alice_client, search):
    for query, roles in [
        ({}, {"Platform engineer", "Designer", "Analyst"}),
        ({"status": Status.APPLIED}, {"Platform engineer"}),
        ({"company": search["globex"]}, {"Designer", "Analyst"}),
        ({"tag": "Remote"}, {"Designer"}),
        ({"q": "ROBOTICS"}, {"Platform engineer", "Designer"}),
        ({"q": "robotics", "status": Status.INTERVIEWING}, {"Designer"}),
    ]:
        assert _table(alice_client, query) == roles, query
        assert _api(alice_client, query) == roles, query


def test_still_open_is_the_filter_a_plan_counts_by(alice, alice_client, search):
    offer = ApplicationFactory(
        company=CompanyFactory(owner=alice), role="Closed one", status=Status.APPLIED
    )
    applications.application_change_status(application=offer, to_status=Status.REJECTED)
    opened = {a.role for a in selectors.open_applications(alice)}
    assert opened == {"Platform engineer", "Designer", "Analyst"}
    assert _table(alice_client, {"status": OPEN_FILTER}) == opened


def test_archived_ones_show_when_searched_or_asked_for_and_always_in_the_api(
    alice, alice_client, search
):
    gone = ApplicationFactory(
        company=CompanyFactory(owner=alice), role="Archived analyst", status=Status.APPLIED
    )
    applications.application_change_status(application=gone, to_status=Status.WITHDRAWN)
    assert archive_services.application_archive(application=gone)
    assert "Archived analyst" not in _table(alice_client, {})
    assert "Archived analyst" in _table(alice_client, {"archived": "on"})
    assert "Archived analyst" in _table(alice_client, {"q": "archived"})
    assert "Archived analyst" in _api(alice_client, {})


def test_the_selector_refuses_a_filter_its_caller_did_not_check(alice):
    # Callers check their input first, in their own words: a value that slipped through is
    # a mistake to see, not a filter to drop silently.
    with pytest.raises(ValueError, match="status"):
        selectors.application_list(owner=alice, filters={"status": "nearly"})


def test_a_table_filter_the_form_refuses_shows_the_unfiltered_table(alice_client, bob, search):
    # Bob's company isn't one of Alice's choices.
    strangers = CompanyFactory(owner=bob).pk
    query = {"company": strangers, "q": "robotics"}
    assert _table(alice_client, query) == {"Platform engineer", "Designer", "Analyst"}
