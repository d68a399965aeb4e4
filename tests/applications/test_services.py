import dataclasses
import datetime as dt

import pytest
import time_machine
from django.core.exceptions import ValidationError

from applications import company_services, services
from applications.forms import ApplicationForm
from applications.models import Application, StatusChange
from applications.pipeline import Status
from applications.signals import status_changed
from tests.factories import ContactFactory

pytestmark = pytest.mark.django_db


def test_it_creates_an_application_with_the_first_timeline_entry(alice):
    company = company_services.company_get_or_create(owner=alice, name="  Acme   Corp ")
    app = services.application_create(
        owner=alice,
        company=company,
        role="Data analyst",
        status=Status.APPLIED,
        date_applied=dt.date(2026, 11, 2),
    )
    (change,) = app.status_changes.all()
    assert (change.from_status, change.to_status, change.changed_on) == (
        "",
        "applied",
        dt.date(2026, 11, 2),
    )
    assert company_services.company_get_or_create(owner=alice, name="acme corp") == company


def test_it_records_each_status_change_with_its_date(application):
    services.application_change_status(
        application=application, to_status=Status.SCREENING, on=application.status_changed_on
    )
    services.application_change_status(application=application, to_status=Status.INTERVIEWING)
    application.refresh_from_db()
    assert application.status == Status.INTERVIEWING
    steps = list(
        application.status_changes.order_by("created_at").values_list("from_status", "to_status")
    )
    assert steps == [("", "applied"), ("applied", "screening"), ("screening", "interviewing")]


def test_it_refuses_transitions_the_pipeline_does_not_allow(application):
    services.application_change_status(application=application, to_status=Status.WITHDRAWN)
    with pytest.raises(ValidationError, match="can’t go from Withdrawn straight to Offer"):
        services.application_change_status(application=application, to_status=Status.OFFER)
    with pytest.raises(ValidationError, match="not a status"):
        services.application_change_status(application=application, to_status="hired")
    assert Application.objects.get().status == Status.WITHDRAWN


def test_it_ignores_a_repeated_change(application):
    received = []

    def receiver(**kwargs):
        received.append(kwargs["change"])

    status_changed.connect(receiver)
    try:
        first = services.application_change_status(
            application=application, to_status=Status.REJECTED
        )
        again = services.application_change_status(
            application=application, to_status=Status.REJECTED
        )
    finally:
        status_changed.disconnect(receiver)
    assert first is not None and again is None
    assert received == [first.change]
    assert StatusChange.objects.filter(to_status=Status.REJECTED).count() == 1


@time_machine.travel(dt.datetime(2026, 11, 20, 12, tzinfo=dt.UTC))
def test_it_refuses_a_date_in_the_future(application):
    with pytest.raises(ValidationError, match="future"):
        services.application_change_status(
            application=application, to_status=Status.SCREENING, on=dt.date(2026, 11, 21)
        )
    assert not StatusChange.objects.filter(to_status=Status.SCREENING).exists()


def test_it_corrects_the_date_of_a_change(application):
    # Applied in September (through the service), so a screening on 1 Oct is in order.
    services.status_change_correct_date(
        change=application.status_changes.get(), on=dt.date(2026, 9, 1)
    )
    change = services.application_change_status(
        application=application, to_status=Status.SCREENING
    ).change
    services.status_change_correct_date(change=change, on=dt.date(2026, 10, 1))
    change.refresh_from_db()
    application.refresh_from_db()
    assert change.changed_on == dt.date(2026, 10, 1)


def test_a_move_hands_its_next_step_back_in_its_result(application):
    moved = services.application_change_status(application=application, to_status=Status.REJECTED)
    assert moved.change == StatusChange.objects.get(to_status=Status.REJECTED)
    plan = application.coping_plans.get()
    assert [(step.url, step.label) for step in moved.next_steps] == [
        (plan.get_absolute_url(), "Open the plan")
    ]
    # The result is the only way back: nothing is patched onto the change.
    assert not hasattr(moved.change, "next_steps")
    with pytest.raises(dataclasses.FrozenInstanceError):
        moved.next_steps = ()  # type: ignore[misc]


def test_a_move_no_listener_answers_has_no_next_step(application):
    moved = services.application_change_status(application=application, to_status=Status.SCREENING)
    assert moved.change.to_status == Status.SCREENING and moved.next_steps == ()


def test_it_creates_from_the_forms_cleaned_data_whole(alice):
    person = ContactFactory(owner=alice, company=None)
    applied = dt.date.today() - dt.timedelta(days=30)
    form = ApplicationForm(
        {"new_company": "Globex", "role": "Analyst", "date_applied": applied, "excitement": 3,
         "contacts": [person.pk], "tag_text": "remote, Remote, fintech", "currency": ""},
        owner=alice,
    )  # fmt: skip
    assert form.is_valid(), form.errors
    app = services.application_create(owner=alice, **form.cleaned_data)
    assert (app.company.name, app.status, app.date_applied) == ("Globex", "applied", applied)
    assert list(app.contacts.all()) == [person]
    assert sorted(app.tags.values_list("name", flat=True)) == ["fintech", "remote"]
    assert list(app.status_changes.values_list("to_status", "changed_on")) == [("applied", applied)]


def test_an_edit_writes_only_what_it_names(application):
    with pytest.raises(TypeError):
        services.application_update(
            application=application, date_applied=application.date_applied, status="offer"
        )
    services.application_update(
        application=application,
        fields={"role"},
        date_applied=application.date_applied,
        role="Lead analyst",
        notes="not written",
        tag_text="remote",
    )
    application.refresh_from_db()
    assert (application.role, application.notes) == ("Lead analyst", "")
    assert list(application.tags.values_list("name", flat=True)) == ["remote"]
