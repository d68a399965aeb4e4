"""One truth for the applied date, and a move along that defaults forward."""

import csv
import datetime as dt
import io
import json
import re

import pytest
from django.urls import reverse

from applications import services
from applications.models import Application
from applications.pipeline import Status
from home.dashboard import weekly_applications
from tests.factories import CompanyFactory

pytestmark = [
    pytest.mark.django_db,
    pytest.mark.frozen(dt.datetime(2026, 11, 25, 12, tzinfo=dt.UTC)),
]


def _edit(application, **changes):
    data = {
        "company": application.company_id,
        "role": application.role,
        "excitement": application.excitement,
        "date_applied": "",
        **changes,
    }
    return data


def test_the_applied_date_is_the_timelines_and_is_corrected_in_one_place(alice, alice_client):
    application = services.application_create(
        owner=alice, company=CompanyFactory(owner=alice), role="Analyst"
    )
    assert (application.status, application.date_applied) == (Status.WISHLIST, None)
    # Moving it to Applied sets the date applied: the move's date.
    services.application_change_status(
        application=application, to_status=Status.APPLIED, on=dt.date(2026, 11, 20)
    )
    application.refresh_from_db()
    assert application.date_applied == dt.date(2026, 11, 20)
    # Correcting "Date applied" on the form moves the timeline's entry and the header.
    url = reverse("applications:application_update", args=[application.pk])
    r = alice_client.post(url, _edit(application, date_applied="2026-11-18"))
    assert r.status_code == 302
    application.refresh_from_db()
    applied = application.status_changes.get(to_status=Status.APPLIED)
    assert applied.changed_on == application.date_applied == dt.date(2026, 11, 18)
    assert application.status_changed_on == dt.date(2026, 11, 18)
    page = alice_client.get(application.get_absolute_url()).content.decode()
    assert "since 18 Nov 2026" in page and "18 Nov 2026</dd>" in page
    # Correcting it on the timeline shows on the form's field and in the export alike.
    alice_client.post(
        reverse("applications:status_change_correct", args=[applied.pk]), {"on": "2026-11-17"}
    )
    application.refresh_from_db()
    assert application.date_applied == dt.date(2026, 11, 17)
    export = b"".join(
        alice_client.get(reverse("applications:application_export")).streaming_content
    ).decode()
    rows = list(csv.DictReader(io.StringIO(export)))
    assert {row["date applied"] for row in rows} == {"2026-11-17"}
    assert [r["changed on"] for r in rows if r["to status"] == "Applied"] == ["2026-11-17"]


def test_a_date_applied_on_a_wishlist_application_says_how_to_set_it(alice, alice_client):
    application = services.application_create(
        owner=alice, company=CompanyFactory(owner=alice), role="Analyst"
    )
    url = reverse("applications:application_update", args=[application.pk])
    page = alice_client.post(url, _edit(application, date_applied="2026-11-18")).content.decode()
    assert "use “Move along” to move it to Applied" in page
    application.refresh_from_db()
    assert application.date_applied is None


def test_the_weekly_chart_counts_by_the_date_applied(alice):
    company = CompanyFactory(owner=alice)
    # Backfilled today, applied three weeks ago (Berlin; Wednesday 4 November 2026).
    services.application_create(
        owner=alice,
        company=company,
        role="Old one",
        status=Status.APPLIED,
        date_applied=dt.date(2026, 11, 4),
    )
    services.application_create(owner=alice, company=company, role="Just saved")  # wishlist
    weeks = {w["week"]: w["count"] for w in weekly_applications(alice)}
    assert weeks["2026-11-02"] == 1  # the week of 2 November
    assert weeks["2026-11-23"] == 0  # not this week, when it was typed in
    assert sum(weeks.values()) == 1


def test_move_along_defaults_to_the_natural_next_step(alice, alice_client):
    application = services.application_create(
        owner=alice,
        company=CompanyFactory(owner=alice),
        role="Analyst",
        status=Status.APPLIED,
        date_applied=dt.date(2026, 11, 20),
    )
    assert application.next_status == Status.SCREENING
    page = alice_client.get(application.get_absolute_url()).content.decode()
    assert '<option value="screening" selected>' in page
    assert '<optgroup label="Back a step">' in page and '<option value="wishlist">' in page
    # The board's one move dialog offers the same groups and preselects the same step.
    board = alice_client.get(reverse("applications:board"))
    choices = json.loads(_json_script(board, "move-choices"))
    assert choices["applied"]["next"] == "screening"
    assert ["Back a step", [["wishlist", "Wishlist"]]] in choices["applied"]["groups"]
    assert choices["rejected"]["next"] == ""  # reopening is a deliberate choice
    # Without JavaScript a card's Move opens the application at its move form.
    detail = application.get_absolute_url()
    assert f'href="{detail}#move-heading" data-move>' in board.content.decode()
    # From an exit nothing is preselected: reopening is a deliberate choice.
    Application.objects.filter(pk=application.pk).update(status=Status.REJECTED)
    page = alice_client.get(application.get_absolute_url()).content.decode()
    assert '<option value="" selected disabled>Choose…</option>' in page
    assert '<optgroup label="Reopen">' in page


def _json_script(response, element_id: str) -> str:
    page = response.content.decode()
    found = re.search(rf'<script id="{element_id}" type="application/json">(.*?)</script>', page)
    assert found, f"no #{element_id} on the page"
    return found.group(1)
