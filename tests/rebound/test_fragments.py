"""Cached fragments can't go stale: the database bumps the owner's data version with every
change to what they show, however it is made."""

import pytest
from django.db import transaction
from django.urls import reverse

from applications import services
from applications.models import Application, Company, Tag
from applications.pipeline import Status
from rebound.fragments import data_version
from rebound.models import DataVersion
from tests.factories import ApplicationFactory, CompanyFactory

pytestmark = pytest.mark.django_db


def _changes(user, change) -> int:
    before = data_version(user)
    change()
    return data_version(user) - before


def test_every_kind_of_write_bumps_the_owners_version_and_only_theirs(alice, bob):
    acme = CompanyFactory(owner=alice, name="Acme")
    application = ApplicationFactory(company=acme, role="Analyst", status=Status.APPLIED)
    bobs_version = data_version(bob)
    writes = {
        "create": lambda: ApplicationFactory(company=acme),
        "queryset update": lambda: Application.objects.filter(pk=application.pk).update(
            role="Senior analyst"
        ),
        "bulk create": lambda: Application.objects.bulk_create(
            Application(owner=alice, company=acme, role=f"Bulk {i}") for i in range(3)
        ),
        "service status change": lambda: services.application_change_status(
            application=application, to_status=Status.SCREENING
        ),
        "company rename": lambda: Company.objects.filter(pk=acme.pk).update(name="Acme Corp"),
        "tag created and added": lambda: application.tags.add(
            Tag.objects.create(owner=alice, name="remote")
        ),
        "tag removed": lambda: application.tags.clear(),
        "cascade delete": lambda: CompanyFactory(owner=alice).delete(),
    }
    for name, write in writes.items():
        assert _changes(alice, write) >= 1, name
    assert data_version(bob) == bobs_version


def test_a_rolled_back_change_leaves_the_version(alice):
    company = CompanyFactory(owner=alice)
    before = data_version(alice)
    with pytest.raises(RuntimeError), transaction.atomic():
        ApplicationFactory(company=company)
        raise RuntimeError
    assert data_version(alice) == before


def test_the_cached_table_and_board_show_every_change_at_once(alice, alice_client):
    company = CompanyFactory(owner=alice, name="Acme")
    application = ApplicationFactory(company=company, role="Analyst", status=Status.APPLIED)
    table, board = reverse("applications:application_list"), reverse("applications:board")
    assert ">Analyst</a>" in alice_client.get(table).content.decode()
    assert ">Analyst</a>" in alice_client.get(board).content.decode()
    # Behind the services' back, as a migration or a bulk job would.
    Application.objects.filter(pk=application.pk).update(role="Data analyst")
    Company.objects.filter(pk=company.pk).update(name="Acme Corp")
    page = alice_client.get(table).content.decode()
    assert ">Data analyst</a>" in page and ">Acme Corp</a>" in page
    assert ">Data analyst</a>" in alice_client.get(board).content.decode()
    # A move from the board answers with the board as it now is.
    response = alice_client.post(
        reverse("applications:application_change_status", args=[application.pk]),
        {"to_status": "screening"},
        headers={"HX-Request": "true"},
    )
    screening = response.content.decode().split('data-status="screening"', 1)[1]
    assert ">Data analyst</a>" in screening.split("</section>", 1)[0]
    board_now = alice_client.get(board).content.decode().split('data-status="screening"', 1)[1]
    assert ">Data analyst</a>" in board_now.split("</section>", 1)[0]


def test_a_deleted_users_version_goes_with_them(alice):
    ApplicationFactory(company=CompanyFactory(owner=alice))
    assert DataVersion.objects.filter(user_id=alice.pk).exists()
    pk = alice.pk
    alice.delete()
    assert not DataVersion.objects.filter(user_id=pk).exists()
