"""Tags, the archive and bulk actions, each through the services."""

import re

import pytest
from django.urls import reverse

from applications.models import Application, Tag
from applications.pipeline import Status
from coping.models import CopingPlan
from tests.factories import ApplicationFactory, CompanyFactory

pytestmark = pytest.mark.django_db


def _rows(page: str) -> str:
    return page.split("<tbody>", 1)[1].split("</tbody>", 1)[0] if "<tbody>" in page else ""


def test_tags_are_set_on_the_form_and_filter_the_table_and_board(alice, alice_client):
    company = CompanyFactory(owner=alice, name="Acme")
    alice_client.post(
        reverse("applications:application_create"),
        {
            "company": company.pk,
            "role": "Remote analyst",
            "excitement": 3,
            "tag_text": "remote, Fintech, REMOTE",
        },
    )
    ApplicationFactory(company=company, role="Office analyst")
    tagged = Application.objects.get(role="Remote analyst")
    assert sorted(t.name for t in tagged.tags.all()) == ["Fintech", "remote"]
    table = _rows(
        alice_client.get(reverse("applications:application_list") + "?tag=remote").content.decode()
    )
    assert "Remote analyst" in table and "Office analyst" not in table
    board = alice_client.get(reverse("applications:board") + "?tag=fintech").content.decode()
    assert "Remote analyst" in board and "Office analyst" not in board
    # Editing replaces the tags; "Remote" reuses the existing tag whatever the case.
    alice_client.post(
        reverse("applications:application_update", args=[tagged.pk]),
        {"company": company.pk, "role": "Remote analyst", "excitement": 3, "tag_text": "Remote"},
    )
    assert [t.name for t in tagged.tags.all()] == ["remote"]
    assert Tag.objects.filter(owner=alice).count() == 2


def test_closed_applications_can_be_archived_and_are_still_searchable(alice, alice_client):
    company = CompanyFactory(owner=alice, name="Acme")
    closed = ApplicationFactory(company=company, role="Old role", status=Status.REJECTED)
    open_one = ApplicationFactory(company=company, role="Live role")
    r = alice_client.post(
        reverse("applications:application_archive", args=[open_one.pk]), follow=True
    )
    assert "Only a closed application can be archived." in r.content.decode()
    alice_client.post(reverse("applications:application_archive", args=[closed.pk]))
    closed.refresh_from_db()
    assert closed.archived_at is not None
    table = _rows(alice_client.get(reverse("applications:application_list")).content.decode())
    assert "Live role" in table and "Old role" not in table
    board = alice_client.get(reverse("applications:board")).content.decode()
    assert "Old role" not in board
    found = _rows(
        alice_client.get(reverse("applications:application_list") + "?q=Old").content.decode()
    )
    assert "Old role" in found and "archived" in found
    shown = _rows(
        alice_client.get(reverse("applications:application_list") + "?archived=on").content.decode()
    )
    assert "Old role" in shown
    # Reopening brings it back out of the archive.
    from applications.services import application_change_status

    application_change_status(application=closed, to_status=Status.INTERVIEWING)
    closed.refresh_from_db()
    assert closed.archived_at is None


def test_bulk_actions_review_first_then_go_through_the_services(alice, alice_client, bob):
    company = CompanyFactory(owner=alice, name="Acme")
    a, b = (ApplicationFactory(company=company, status=Status.INTERVIEWING) for _ in range(2))
    wishlist = ApplicationFactory(company=company, status=Status.WISHLIST)
    theirs = ApplicationFactory(company=CompanyFactory(owner=bob))
    url = reverse("applications:applications_bulk")
    data = {"ids": [a.pk, b.pk, wishlist.pk], "action": "move", "to_status": "rejected"}
    review = alice_client.post(url, data).content.decode()
    assert "Move to a status: 3 applications?" in review and "a rejection opens its plan" in review
    assert Application.objects.filter(status="rejected").count() == 0  # nothing yet
    r = alice_client.post(url, {**data, "confirm": "1"}, follow=True)
    page = r.content.decode()
    assert "Done for 2 of 3." in page and "can’t go from Wishlist straight to Rejected" in page
    assert CopingPlan.objects.filter(application__in=[a, b]).count() == 2  # as from the page
    # Tag, archive and delete the same way.
    alice_client.post(url, {"ids": [a.pk, b.pk], "action": "tag", "tag": "2026", "confirm": "1"})
    assert set(Tag.objects.get(owner=alice, name="2026").applications.all()) == {a, b}
    alice_client.post(url, {"ids": [a.pk, wishlist.pk], "action": "archive", "confirm": "1"})
    a.refresh_from_db()
    wishlist.refresh_from_db()
    assert a.archived_at is not None and wishlist.archived_at is None
    review = alice_client.post(url, {"ids": [b.pk], "action": "delete"}).content.decode()
    assert "deletes them for good" in review
    alice_client.post(url, {"ids": [b.pk], "action": "delete", "confirm": "1"})
    assert not Application.objects.filter(pk=b.pk).exists()
    # Someone else's application is not a valid choice, and nothing happens to it.
    alice_client.post(url, {"ids": [theirs.pk], "action": "delete", "confirm": "1"})
    assert Application.objects.filter(pk=theirs.pk).exists()


def test_a_full_column_shows_its_first_cards_and_offers_the_rest(alice, alice_client):
    company = CompanyFactory(owner=alice)
    for i in range(25):
        ApplicationFactory(
            company=company, status=Status.APPLIED, role=f"Role {i:02d}", excitement=3
        )
    ApplicationFactory(company=company, status=Status.APPLIED, role="Dream job", excitement=5)
    ApplicationFactory(company=company, status=Status.REJECTED, role="Gone")
    board = alice_client.get(reverse("applications:board")).content.decode()
    assert board.count('class="card board-card') == 13  # 12 applied, 1 rejected
    # The most wanted first, then the most recently updated.
    roles = re.findall(r'class="fw-semibold d-block" href="[^"]+">([^<]+)</a>', board)
    assert roles[:3] == ["Dream job", "Role 24", "Role 23"]
    assert "Show all 26" in board and "Closed: Rejected 1" in board
    everything = alice_client.get(reverse("applications:board") + "?show=applied").content.decode()
    assert everything.count('class="card board-card') == 27
    assert "Show all" not in everything


def test_the_sqlite_board_query_picks_the_same_cards_as_postgresqls(alice):
    from applications.selectors import _board_cards_portable, board_cards

    company = CompanyFactory(owner=alice)
    remote = Tag.objects.create(owner=alice, name="remote")
    for i in range(8):
        app = ApplicationFactory(
            company=company,
            status=[Status.APPLIED, Status.SCREENING][i % 2],
            excitement=1 + i % 5,
            role=f"Role {i}",
        )
        if i % 3 == 0:
            app.tags.add(remote)
    limits = {"applied": 3, "screening": 2}
    for tag in (None, remote):
        assert board_cards(owner=alice, limits=limits, tag=tag) == _board_cards_portable(
            owner=alice, limits=limits, tag=tag
        )
