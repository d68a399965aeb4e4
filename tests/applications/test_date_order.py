"""Dates keep their order on every path: the shared validators once per rule, then each way in
(the page, the API, the date correction, the import) showing it uses them."""

import datetime as dt
import json

import pytest
from django.core.exceptions import ValidationError
from django.test import Client
from django.urls import reverse

from api.services import token_create
from applications import services
from applications.imports import selectors as import_selectors
from applications.imports.services import work as import_work
from applications.models import Application, ImportJob, StatusChange
from applications.pipeline import Status
from applications.validators import (
    BEFORE_APPLIED,
    validate_event_date,
    validate_past_date,
    validate_timeline,
)
from tests.factories import CompanyFactory

NOW = dt.datetime(2026, 12, 6, 12, tzinfo=dt.UTC)
pytestmark = [pytest.mark.django_db, pytest.mark.frozen(NOW)]
D = dt.date


@pytest.fixture
def applied(alice):
    """Applied on 20 Nov 2026, through the service, as the page does it."""
    return services.application_create(
        owner=alice,
        company=CompanyFactory(owner=alice, name="Acme"),
        role="Analyst",
        status=Status.APPLIED,
        date_applied=D(2026, 11, 20),
    )


def _timeline(application):
    return list(
        application.status_changes.order_by("created_at", "pk").values_list(
            "to_status", "changed_on"
        )
    )


# --- the validators, once per rule ------------------------------------------------------------


def test_a_past_date_lies_between_1970_and_the_owners_today(alice):
    validate_past_date(D(1970, 1, 1), owner=alice)
    validate_past_date(D(2026, 12, 6), owner=alice)
    with pytest.raises(ValidationError, match="can’t be before 1 January 1970"):
        validate_past_date(D(1899, 1, 1), owner=alice, what="The date applied")
    with pytest.raises(ValidationError, match="The date applied can’t be in the future"):
        validate_past_date(D(9999, 12, 31), owner=alice, what="The date applied")


def test_an_event_date_may_be_up_to_five_years_ahead(alice):
    validate_event_date(D(2031, 12, 6), owner=alice)
    with pytest.raises(ValidationError, match="can’t be after 6 December 2031"):
        validate_event_date(D(3000, 1, 1), owner=alice, what="The interview’s date")


def test_nothing_after_applying_is_dated_before_the_date_applied():
    validate_timeline([("applied", D(2026, 11, 20)), ("screening", D(2026, 11, 20))])
    with pytest.raises(ValidationError) as caught:
        validate_timeline([("applied", D(2026, 11, 20)), ("rejected", D(2000, 1, 1))])
    assert caught.value.code == BEFORE_APPLIED
    assert caught.value.messages == [
        "It can’t have moved to Rejected on 1 Jan 2000: that’s before the date applied "
        "(20 Nov 2026)."
    ]
    # Before applying there is no date applied to respect: a wishlist entry, a withdrawal.
    validate_timeline(
        [("wishlist", D(2026, 11, 25)), ("withdrawn", D(2026, 11, 26)), ("applied", D(2026, 11, 1))]
    )
    # Applying again sets a new date applied for what follows.
    validate_timeline(
        [("applied", D(2026, 11, 20)), ("wishlist", D(2026, 11, 21)),
         ("applied", D(2026, 10, 1)), ("screening", D(2026, 10, 5))]
    )  # fmt: skip


def test_a_date_applied_cant_be_moved_past_what_followed_it():
    steps = [("applied", D(2026, 11, 30)), ("screening", D(2026, 11, 25))]
    with pytest.raises(ValidationError, match="so the date applied can’t be later than that"):
        validate_timeline(steps, checking=0)
    # An old timeline already out of order doesn't block judging a later, unrelated step.
    validate_timeline([*steps, ("interviewing", D(2026, 12, 1))], checking=2)


# --- each path --------------------------------------------------------------------------------


def test_the_page_refuses_a_status_change_before_the_date_applied(alice_client, applied):
    r = alice_client.post(
        reverse("applications:application_change_status", args=[applied.pk]),
        {"to_status": "rejected", "on": "2000-01-01"},
        follow=True,
    )
    page = " ".join(r.content.decode().split())
    assert (
        "It can’t have moved to Rejected on 1 Jan 2000: that’s before the date applied "
        "(20 Nov 2026)." in page
    )
    applied.refresh_from_db()
    assert applied.status == Status.APPLIED
    assert _timeline(applied) == [("applied", D(2026, 11, 20))]
    assert not applied.coping_plans.exists()  # no plan opened by a refused move


def test_the_api_refuses_a_status_change_before_the_date_applied(alice, applied):
    _, secret = token_create(owner=alice, name="script", can_write=True)
    api = Client(headers={"Authorization": f"Bearer {secret}"})
    r = api.post(
        f"/api/v1/applications/{applied.pk}/status/",
        json.dumps({"to_status": "screening", "on": "2000-01-01"}),
        content_type="application/json",
    )
    assert r.status_code == 400
    assert r.json()["errors"][0]["message"] == (
        "It can’t have moved to Screening on 1 Jan 2000: that’s before the date applied "
        "(20 Nov 2026)."
    )
    assert _timeline(Application.objects.get(pk=applied.pk)) == [("applied", D(2026, 11, 20))]
    # In order, the same request is taken.
    r = api.post(
        f"/api/v1/applications/{applied.pk}/status/",
        json.dumps({"to_status": "screening", "on": "2026-11-24"}),
        content_type="application/json",
    )
    assert r.status_code == 200


def test_correcting_a_date_keeps_the_order_on_the_page(alice_client, applied):
    change = services.application_change_status(
        application=applied, to_status=Status.SCREENING, on=D(2026, 11, 25)
    ).change
    # The screening can't be moved before the application went in...
    r = alice_client.post(
        reverse("applications:status_change_correct", args=[change.pk]), {"on": "2026-11-19"}
    )
    assert "that’s before the date applied (20 Nov 2026)" in r.content.decode()
    # ...nor the date applied after the screening, from the edit form's date applied.
    r = alice_client.post(
        reverse("applications:application_update", args=[applied.pk]),
        {"company": applied.company_id, "role": "Analyst", "date_applied": "2026-11-30",
         "excitement": 3, "currency": ""},
    )  # fmt: skip
    assert "It moved to Screening on 25 Nov 2026, after applying" in r.content.decode()
    assert _timeline(Application.objects.get(pk=applied.pk)) == [
        ("applied", D(2026, 11, 20)),
        ("screening", D(2026, 11, 25)),
    ]


def test_the_service_refuses_a_date_applied_out_of_bounds(alice):
    company = CompanyFactory(owner=alice)
    for day, message in ((D(1899, 1, 1), "before 1 January 1970"), (D(9999, 12, 31), "future")):
        with pytest.raises(ValidationError, match=message):
            services.application_create(
                owner=alice, company=company, role="R", status=Status.APPLIED, date_applied=day
            )
    assert not Application.objects.exists()


def test_an_import_row_whose_status_comes_before_the_date_applied_is_skipped_with_why(alice):
    job = ImportJob.objects.create(
        owner=alice,
        filename="tracker.csv",
        header=["Company", "Role", "Date applied", "Status", "Status date"],
        rows=[
            ["Acme", "Analyst", "2026-12-06", "Rejected", "2026-12-01"],
            ["Globex", "Engineer", "2026-11-20", "Rejected", "2026-11-28"],
        ],
        mapping={"company": 0, "role": 1, "applied": 2, "status": 3, "status_date": 4},
        statuses={"rejected": "rejected"},
    )
    backwards, fine = import_selectors.import_records(job)
    assert backwards.errors == [
        "It can’t have moved to Rejected on 1 Dec 2026: that’s before the date applied "
        "(6 Dec 2026)."
    ]
    assert fine.errors == []
    ImportJob.objects.filter(pk=job.pk).update(state=ImportJob.State.QUEUED)
    import_work.import_run(job_id=job.pk)
    assert list(Application.objects.values_list("company__name", flat=True)) == ["Globex"]
    job.refresh_from_db()
    assert job.skipped_rows[0]["line"] == 2
    assert "before the date applied" in job.skipped_rows[0]["why"]
    assert StatusChange.objects.filter(changed_on=D(2026, 12, 1)).count() == 0
