"""Backup and restore: a whole account goes out as one JSON document and comes back into a
new, empty account on another server, equal but for ids and creation times."""

import datetime as dt
import json

import pytest
import time_machine
from django.apps import apps
from django.core.files.uploadedfile import SimpleUploadedFile
from django.test import Client
from django.urls import reverse

from applications import company_services, tag_services
from applications import services as applications
from applications.models import Application, SavedView
from applications.pipeline import Status
from applications.saved_view_services import saved_view_save
from coping.models import CopingPlan, Incident
from coping.services import journal_entry_create, net_goal_set, outreach_log
from portability.export import backup_export
from reminders.models import Reminder
from tests.factories import ContactFactory, UserFactory
from tests.insights.test_metrics import search  # noqa: F401 - a crafted search, a fixture

from .builders import normalised

pytestmark = pytest.mark.django_db
NOW = dt.datetime(2026, 11, 25, 12, tzinfo=dt.UTC)


@pytest.fixture
def account(alice, search):  # noqa: F811 - the imported fixture
    """Alice's search, with the rest of what an account holds on top."""
    with time_machine.travel(NOW, tick=False):
        a1 = Application.objects.get(owner=alice, role="A1")
        dana = ContactFactory(company=a1.company, name="Dana", email="dana@acme.example")
        applications.application_update(
            application=a1, date_applied=a1.date_applied, contacts=[dana]
        )
        tag_services.application_set_tags(application=a1, names=["remote", "python"])
        interview = a1.interviews.first()
        interview.interviewers.set([dana])
        plan = CopingPlan.objects.filter(owner=alice).first()
        net_goal_set(plan=plan, target=8, weeks=3)
        outreach_log(owner=alice, contact=dana, on=dt.date(2026, 11, 20), outcome="lead", plan=plan)
        journal_entry_create(
            owner=alice, mood=4, text="Better day", written_on=dt.date(2026, 11, 25), plan=plan
        )
        Incident.objects.create(
            plan=plan, kind="discriminatory_question", happened_on=dt.date(2026, 10, 15),
            jurisdiction="us", facts="Asked about my age.",
        )  # fmt: skip
        # A saved view whose filters name a company by its id (it has a new one restored).
        saved_view_save(owner=alice, name="At A1's", query=f"company={a1.company_id}&sort=role")
        alice.timezone, alice.keep_in_touch_months, alice.first_name = "Asia/Tokyo", 4, "Alicia"
        alice.save()
    return alice


def test_export_delete_sign_up_restore_export_gives_the_same_account(account):
    with time_machine.travel(NOW, tick=False):
        owner = Client()
        owner.force_login(account)
        response = owner.get(reverse("backup_download"))
        assert response["Content-Disposition"].startswith('attachment; filename="rebound-backup-')
        content = b"".join(response.streaming_content)
        before = json.loads(content)
        counts = {label: len(rows) for label, rows in before["data"].items()}
        assert counts["applications.Application"] == 7 and counts["interviews.SelfAssessment"] == 3
        assert counts["coping.Incident"] == 1 and counts["coping.Outreach"] == 1
        assert before["reminders"], "the plans' reminders still to come"
        assert before["preferences"]["timezone"] == "Asia/Tokyo"
        # The account goes; a new one on "another server" restores the file.
        account.delete()
        assert not Application.objects.exists()
        carol = UserFactory(email="carol@example.com")
        client = Client()
        client.force_login(carol)
        upload = SimpleUploadedFile("backup.json", content, "application/json")
        answer = client.post(reverse("backup"), {"file": upload}, follow=True)
        page = answer.content.decode()
        rows = sum(counts.values())
        assert f"Restored {rows} items and scheduled {len(before['reminders'])} reminders." in page
        carol.refresh_from_db()
        after = backup_export(carol)
    assert normalised(after) == normalised(before)
    # What restoring must not do: open plans or send anything of its own.
    assert CopingPlan.objects.filter(owner=carol).count() == counts["coping.CopingPlan"]
    assert Reminder.objects.filter(owner=carol).count() == len(before["reminders"])
    a1 = Application.objects.get(owner=carol, role="A1")
    assert [s.to_status for s in a1.status_changes.order_by("changed_on", "pk")] == [
        "applied", "screening", "interviewing", "offer", "accepted",
    ]  # fmt: skip
    assert a1.date_applied == dt.date(2026, 10, 1)
    assert sorted(a1.tags.values_list("name", flat=True)) == ["python", "remote"]
    view = SavedView.objects.get(owner=carol)
    assert view.query == f"company={a1.company_id}&sort=role"


def test_restore_refuses_a_non_empty_account_and_bad_files_saving_nothing(alice, alice_client, bob):
    good = json.dumps(backup_export(bob)).encode()

    def restore(content, name="backup.json"):
        upload = SimpleUploadedFile(name, content, "application/json")
        response = alice_client.post(reverse("backup"), {"file": upload})
        assert response.status_code == 400  # refused, with the page saying why
        return " ".join(response.content.decode().split())

    cases = {
        b"Company,Role\nAcme,Analyst\n": "That file isn’t a Rebound backup (it isn’t JSON).",
        b'{"format": "something else"}': "That file isn’t a Rebound backup.",
        b'{"format": "rebound-backup", "version": 99, "data": {}}': "version 99",
        b"\xff\xfe\x00": "it isn’t JSON",
    }
    for content, message in cases.items():
        page = restore(content)
        assert message in page and "Nothing was restored." in page, content
        assert "<title>Error:" in page
    # A row pointing at a company the file doesn't hold: refused whole, nothing half-saved.
    broken = {
        "format": "rebound-backup", "version": 1, "preferences": {}, "reminders": [],
        "data": {
            "applications.Company": [{"id": 1, "name": "Acme", "website": "", "notes": ""}],
            "applications.Application": [{"id": 5, "company_id": 2, "role": "Analyst"}],
        },
    }  # fmt: skip
    page = restore(json.dumps(broken).encode())
    assert "points at nothing in the backup" in page and "Nothing was restored." in page
    assert not Application.objects.filter(owner=alice).exists()
    assert not apps.get_model("applications.Company").objects.filter(owner=alice).exists()
    # An account with data can't restore, and the page says so before anyone tries.
    applications.application_create(
        owner=alice,
        company=company_services.company_get_or_create(owner=alice, name="Mine"),
        role="Mine",
        status=Status.APPLIED,
    )
    assert "This account already holds data" in alice_client.get(reverse("backup")).content.decode()
    page = restore(good)
    assert "Your account already holds data." in page
    assert Application.objects.filter(owner=alice).count() == 1


def test_the_deletion_page_offers_the_whole_backup(alice_client):
    page = alice_client.get(reverse("account_delete")).content.decode()
    assert 'href="/accounts/backup.json"' in page
