"""Controls and columns that say one thing, clearly (issue 22)."""

import datetime as dt

import pytest
import time_machine
from django.urls import reverse

from tests.factories import ApplicationFactory, CompanyFactory

pytestmark = pytest.mark.django_db


@pytest.mark.parametrize("excitement", ["0", "-1", "6"])
def test_excitement_out_of_range_gets_one_message(alice, alice_client, excitement):
    company = CompanyFactory(owner=alice)
    r = alice_client.post(
        reverse("applications:application_create"),
        {"company": company.pk, "role": "Analyst", "excitement": excitement},
    )
    page = r.content.decode()
    assert "Excitement: Choose how excited you are from 1 to 5." in page
    assert "greater than or equal" not in page and "less than or equal" not in page
    assert 'min="1" max="5"' in page


def test_the_table_shows_every_date_the_same_way(alice, alice_client):
    with time_machine.travel(dt.datetime(2026, 12, 6, 12, tzinfo=dt.UTC), tick=False):
        application = ApplicationFactory(
            company=CompanyFactory(owner=alice), date_applied=dt.date(2026, 12, 6)
        )
        page = alice_client.get(reverse("applications:application_list")).content.decode()
    row = page.split(f'id="tick-{application.pk}"', 1)[1].split("</tr>", 1)[0]
    assert '<td data-label="Applied">6 Dec 2026</td>' in row
    assert '<td data-label="Updated">6 Dec 2026</td>' in row


def test_quick_add_starts_in_company(alice_client):
    page = alice_client.get(reverse("applications:quick_add")).content.decode()
    company = page.split('id="id_company"', 1)[0].rsplit("<input", 1)[1]
    assert "autofocus" in company


def test_the_table_filters_to_open_applications(alice, alice_client):
    company = CompanyFactory(owner=alice)
    open_ones = [
        ApplicationFactory(company=company, status=status, role=f"Open {status}")
        for status in ("wishlist", "applied", "screening", "interviewing", "offer")
    ]
    for status in ("rejected", "withdrawn", "ghosted", "accepted"):
        ApplicationFactory(company=company, status=status, role=f"Ended {status}")
    r = alice_client.get(reverse("applications:application_list") + "?status=open")
    page = r.content.decode()
    assert "5 applications match" in page
    assert all(a.role in page for a in open_ones) and "Ended" not in page
    assert '<option value="open" selected>Still open (not ended)</option>' in page
