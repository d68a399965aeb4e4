"""The work-search log's facts (a company's address, how an application was sent) and the
reader's language travel in a backup; a backup written before they existed still restores,
with them blank (and the new account's own language)."""

import datetime as dt

import pytest
import time_machine

from applications import company_services
from applications import services as applications
from applications.models import Application, Company
from portability.document import BackupError
from portability.export import backup_export
from portability.services import backup_restore
from tests.factories import UserFactory

pytestmark = pytest.mark.django_db
NOW = dt.datetime(2026, 11, 25, 12, tzinfo=dt.UTC)
ADDRESS = "Torstraße 1\n10119 Berlin"


@pytest.fixture
def backup(alice):
    with time_machine.travel(NOW, tick=False):
        acme = company_services.company_get_or_create(owner=alice, name="Acme")
        company_services.company_save(company=acme, name="Acme", website="", address=ADDRESS)
        applications.application_create(
            owner=alice,
            company=acme,
            role="Analyst",
            date_applied=dt.date(2026, 11, 20),
            applied_via="post",
        )
        alice.language = "de"
        alice.save(update_fields=["language"])
        return backup_export(alice)


def test_the_address_how_it_was_sent_and_the_language_come_back(backup):
    (company,) = backup["data"]["applications.Company"]
    (application,) = backup["data"]["applications.Application"]
    assert (company["address"], application["applied_via"]) == (ADDRESS, "post")
    assert backup["preferences"]["language"] == "de"
    fresh = UserFactory(email="fresh@example.com", language="en")
    with time_machine.travel(NOW, tick=False):
        backup_restore(user=fresh, document=backup)
    assert Company.objects.get(owner=fresh).address == ADDRESS
    assert Application.objects.get(owner=fresh).applied_via == "post"
    fresh.refresh_from_db()
    assert fresh.language == "de"


def test_a_backup_from_before_they_existed_restores_them_blank(backup):
    for row in backup["data"]["applications.Company"]:
        del row["address"]
    for row in backup["data"]["applications.Application"]:
        del row["applied_via"]
    del backup["preferences"]["language"]
    fresh = UserFactory(email="fresh@example.com", language="de")
    with time_machine.travel(NOW, tick=False):
        restored = backup_restore(user=fresh, document=backup)
    assert restored.rows >= 2
    assert Company.objects.get(owner=fresh).address == ""
    assert Application.objects.get(owner=fresh).applied_via == ""
    fresh.refresh_from_db()
    assert fresh.language == "de"


def test_an_unknown_way_of_applying_is_refused_with_the_row_named(backup):
    backup["data"]["applications.Application"][0]["applied_via"] = "fax"
    fresh = UserFactory(email="fresh@example.com")
    with time_machine.travel(NOW, tick=False), pytest.raises(BackupError) as refused:
        backup_restore(user=fresh, document=backup)
    assert "Row 1 of applications.Application" in str(refused.value)
    assert not Application.objects.filter(owner=fresh).exists()
