"""Issue 28, "the table at a glance": the table's headings sort it, both ways, as plain links
that keep the filters; the column sorting now says so (aria-sort, an arrow, the link's name).
Each order is checked against one written out by hand for four applications."""

import datetime as dt
import re

import pytest
from django.urls import reverse

from applications.forms import ApplicationFilterForm
from applications.models import Application
from applications.pipeline import Status
from tests.factories import ApplicationFactory, CompanyFactory

pytestmark = [pytest.mark.django_db, pytest.mark.frozen("2027-03-10 10:00Z")]

TABLE = reverse("applications:application_list")


@pytest.fixture
def four(alice):
    """Four applications whose every sortable column differs, and orders each differently."""
    made = {}
    for role, company, status, applied, excitement, updated in [
        ("Analyst", "Globex", Status.INTERVIEWING, dt.date(2027, 1, 10), 2, 1),
        ("Designer", "Acme", Status.WISHLIST, None, 5, 4),
        ("Engineer", "Initech", Status.REJECTED, dt.date(2027, 1, 5), 4, 2),
        ("Buyer", "Hooli", Status.OFFER, dt.date(2027, 2, 1), 1, 3),
    ]:
        application = ApplicationFactory(
            company=CompanyFactory(owner=alice, name=company),
            role=role,
            status=status,
            excitement=excitement,
            date_applied=applied,
        )
        # update(), not save(): the model's auto_now would stamp every one with now.
        Application.objects.filter(pk=application.pk).update(
            date_applied=applied,
            updated_at=dt.datetime(2027, 3, updated, 9, tzinfo=dt.UTC),
        )
        made[role] = application
    return made


# Each heading: the order its first click gives, written out by hand from the fixture.
FIRST_CLICK = {
    "Role": ["Analyst", "Buyer", "Designer", "Engineer"],  # A–Z
    "Company": ["Designer", "Analyst", "Buyer", "Engineer"],  # Acme, Globex, Hooli, Initech
    # Wishlist, interviewing, offer, rejected: the pipeline's order, not the alphabet's
    # (which would start with "interviewing" and end with "wishlist").
    "Status": ["Designer", "Analyst", "Buyer", "Engineer"],
    # 1 Feb, 10 Jan, 5 Jan, then the one not applied yet.
    "Applied": ["Buyer", "Analyst", "Engineer", "Designer"],
    "Excitement": ["Designer", "Engineer", "Analyst", "Buyer"],  # 5, 4, 2, 1
    "Updated": ["Designer", "Buyer", "Engineer", "Analyst"],  # 4, 3, 2, 1 March
}
# The second click: reversed, except that the application not applied yet stays last.
SECOND_CLICK = {
    heading: list(reversed(order)) for heading, order in FIRST_CLICK.items() if heading != "Applied"
} | {"Applied": ["Engineer", "Analyst", "Buyer", "Designer"]}


def _roles(page: str) -> list[str]:
    body = page.split("<tbody>", 1)[1].split("</tbody>", 1)[0]
    return re.findall(r'<td data-label="Role"><a href="[^"]+">([^<]+)</a>', body)


def _headers(page: str) -> dict[str, tuple[str, str, str]]:
    """Each sortable heading: (its <th>'s attributes, its link's href, its link's text)."""
    head = page.split("<thead", 1)[1].split("</thead>", 1)[0]
    found = re.findall(
        r'<th scope="col" class="sortable"([^>]*)><a class="table-sort" href="([^"]+)">'
        r'([^<]+)<span class="visually-hidden">([^<]+)</span>',
        head,
    )
    return {
        label: (attrs, href.replace("&amp;", "&"), f"{label}{said}")
        for attrs, href, label, said in found
    }


def test_each_heading_sorts_the_table_and_a_second_click_reverses_it(alice_client, four):
    start = alice_client.get(TABLE).content.decode()
    assert set(_headers(start)) == set(FIRST_CLICK), "every heading but Source sorts"
    # The table opens sorted by Updated, newest first: its heading's first click reverses.
    assert _roles(start) == FIRST_CLICK["Updated"]
    updated = alice_client.get(TABLE + _headers(start)["Updated"][1]).content.decode()
    assert _roles(updated) == SECOND_CLICK["Updated"]
    # From another column's order, each heading's first click and the next.
    for heading, order in FIRST_CLICK.items():
        other = "-updated_at" if heading == "Role" else "role"
        start = alice_client.get(TABLE, {"sort": other}).content.decode()
        href = _headers(start)[heading][1]
        page = alice_client.get(TABLE + href).content.decode()
        assert _roles(page) == order, heading
        again = alice_client.get(TABLE + _headers(page)[heading][1]).content.decode()
        assert _roles(again) == SECOND_CLICK[heading], f"{heading}, clicked again"
        # And a third click goes back to the first order.
        third = alice_client.get(TABLE + _headers(again)[heading][1]).content.decode()
        assert _roles(third) == order, f"{heading}, clicked a third time"


def test_every_heading_order_is_a_choice_of_the_sort_drop_down_with_its_reverse(alice_client, four):
    sorts = dict(ApplicationFilterForm.SORTS)
    page = alice_client.get(TABLE).content.decode()
    for heading, (_attrs, href, _name) in _headers(page).items():
        sort = href.rsplit("sort=", 1)[1]
        reverse_sort = sort[1:] if sort.startswith("-") else f"-{sort}"
        assert sort in sorts and reverse_sort in sorts, heading
    assert str(sorts["-company__name"]) == "Company (Z–A)"
    assert str(sorts["excitement"]) == "Excitement (lowest)"
    assert str(sorts["updated_at"]) == "Updated (oldest first)"
    assert str(sorts["-status"]) == "Status (reverse)"


def test_the_column_sorting_now_says_so_and_only_it(alice_client, four):
    page = alice_client.get(TABLE).content.decode()
    headers = _headers(page)
    # The table opens recently updated first.
    assert headers["Updated"][0] == ' aria-sort="descending"'
    assert [h for h, (attrs, _, _) in headers.items() if "aria-sort" in attrs] == ["Updated"]
    assert headers["Updated"][2] == "Updated (sorted newest first, click to sort oldest first)"
    assert headers["Company"][2] == "Company (sort A–Z)"
    assert headers["Excitement"][2] == "Excitement (sort most exciting first)"

    page = alice_client.get(TABLE, {"sort": "company__name"}).content.decode()
    headers = _headers(page)
    assert headers["Company"][0] == ' aria-sort="ascending"'
    assert headers["Company"][2] == "Company (sorted A–Z, click to sort Z–A)"
    assert [h for h, (attrs, _, _) in headers.items() if "aria-sort" in attrs] == ["Company"]
    # The arrow is seen, not read: the link's name says it in words.
    assert 'aria-hidden="true">▲</span>' in page

    page = alice_client.get(TABLE, {"sort": "-company__name"}).content.decode()
    headers = _headers(page)
    assert headers["Company"][0] == ' aria-sort="descending"'
    assert headers["Company"][2] == "Company (sorted Z–A, click to sort A–Z)"
    assert 'aria-hidden="true">▼</span>' in page
    # Source doesn't sort: a plain heading.
    assert '<th scope="col">Source</th>' in page


def test_the_headings_keep_the_filters_and_go_back_to_the_first_page(alice, alice_client, four):
    page = alice_client.get(
        TABLE, {"status": "open", "q": "e", "page": "2", "sort": "role"}
    ).content.decode()
    headers = _headers(page)
    assert headers["Company"][1] == "?status=open&q=e&sort=company__name"
    assert headers["Role"][1] == "?status=open&q=e&sort=-role"
    for _attrs, href, _name in headers.values():
        assert "page=" not in href


def test_a_sort_the_table_doesnt_know_shows_the_default_order(alice_client, four):
    page = alice_client.get(TABLE, {"sort": "owner__password"}).content.decode()
    assert _roles(page) == FIRST_CLICK["Updated"]
    assert _headers(page)["Updated"][0] == ' aria-sort="descending"'
