"""offer_save and offer_delete: what an offer may hold, what saving one does to its
application, and the database's own checks when the services are bypassed."""

import datetime as dt

import pytest
from django.core.exceptions import ValidationError
from django.db import IntegrityError, transaction

from applications.pipeline import Status
from offers.models import Offer
from offers.services import offer_delete, offer_save
from tests.factories import ApplicationFactory, CompanyFactory, reminders_about

from .helpers import offer_on, offered

pytestmark = [pytest.mark.django_db, pytest.mark.frozen("2027-03-10 10:00Z")]
TODAY = dt.date(2027, 3, 10)


def _application(owner, status):
    return ApplicationFactory(
        company=CompanyFactory(owner=owner, name="Acme"),
        role="Analyst",
        status=status,
        status_changed_on=dt.date(2027, 3, 1),
    )


def test_it_records_every_component(alice):
    offer = offered(
        alice,
        "Acme",
        currency="eur",
        base_salary=85_000,
        bonus=10_000,
        equity="0.1 % over 4 years",
        equity_value=5_000,
        benefits="30 days off",
        start_date=dt.date(2027, 5, 1),
        deadline=dt.date(2027, 3, 20),
        remind_days_before=3,
        notes="Ask about remote days",
    )
    offer.refresh_from_db()
    assert offer.owner == alice
    assert offer.currency == "EUR"  # written as typed, kept as the code
    assert offer.yearly_total == 85_000 + 10_000 + 5_000
    assert (offer.start_date, offer.deadline, offer.remind_days_before) == (
        dt.date(2027, 5, 1),
        dt.date(2027, 3, 20),
        3,
    )


def test_a_first_offer_moves_an_interviewing_application_to_offer_dated_today(alice):
    application = _application(alice, Status.INTERVIEWING)
    offer_on(application)
    application.refresh_from_db()
    assert (application.status, application.status_changed_on) == (Status.OFFER, TODAY)
    assert application.status_changes.filter(to_status=Status.OFFER).count() == 1


@pytest.mark.parametrize("status", [Status.ACCEPTED, Status.REJECTED, Status.WISHLIST])
def test_an_offer_on_an_application_not_on_its_way_leaves_its_status(alice, status):
    application = _application(alice, status)
    offer_on(application, deadline=dt.date(2027, 3, 20))
    application.refresh_from_db()
    assert application.status == status
    # Not in Offer: nothing to decide, so no reminder either.
    assert not reminders_about(Offer.objects.get(), "offer_deadline").filter(status="scheduled")


def test_editing_an_offer_changes_it_in_place(alice):
    offer = offered(alice, "Acme", bonus=5_000)
    offer.base_salary, offer.bonus = 90_000, None
    offer_save(offer=offer)
    assert Offer.objects.count() == 1
    assert Offer.objects.values_list("base_salary", "bonus").get() == (90_000, None)


def test_there_is_one_offer_per_application(alice, monkeypatch):
    offer = offered(alice, "Acme")
    with pytest.raises(ValidationError) as caught:
        offer_on(offer.application, base_salary=70_000)
    assert caught.value.message_dict["application"] == ["This application already has an offer."]
    # Two first saves at once: both pass the check, the database refuses the second.
    monkeypatch.setattr(Offer, "validate_unique", lambda self, exclude=None: None)
    with pytest.raises(ValidationError) as caught:
        offer_on(offer.application, base_salary=70_000)
    assert caught.value.message_dict["application"] == ["This application already has an offer."]
    assert Offer.objects.get().base_salary == 85_000


@pytest.mark.parametrize(
    ("fields", "field", "message"),
    [
        ({"currency": "XYZ"}, "currency", "“XYZ” is not a currency code Rebound knows"),
        ({"currency": "EURO"}, "currency", "at most 3 characters"),
        ({"base_salary": 0}, "base_salary", "greater than or equal to 1"),
        ({"base_salary": 100_000_001}, "base_salary", "less than or equal to 100000000"),
        ({"bonus": 100_000_001}, "bonus", "less than or equal to 100000000"),
        ({"equity_value": 100_000_001}, "equity_value", "less than or equal to 100000000"),
        ({"remind_days_before": 31}, "remind_days_before", "less than or equal to 30"),
        ({"benefits": "x" * 2_001}, "benefits", "at most 2000 characters"),
        ({"notes": "x" * 5_001}, "notes", "at most 5000 characters"),
        ({"equity": "x" * 201}, "equity", "at most 200 characters"),
        # Five years ahead of Alice's today (10 March 2027) is 10 March 2032.
        ({"deadline": dt.date(2032, 3, 11)}, "deadline", "can’t be after 10 March 2032"),
        ({"start_date": dt.date(1969, 12, 31)}, "start_date", "can’t be before 1 January 1970"),
    ],
)
def test_it_refuses_what_is_out_of_bounds_with_a_sentence(alice, fields, field, message):
    application = _application(alice, Status.OFFER)
    with pytest.raises(ValidationError) as caught:
        offer_on(application, **fields)
    assert message in " ".join(caught.value.message_dict[field])
    assert not Offer.objects.exists()


@pytest.mark.parametrize(
    "change",
    [
        {"currency": "eur"},
        {"currency": "EU"},
        {"base_salary": 0},
        {"base_salary": 100_000_001},
        {"bonus": 100_000_001},
        {"equity_value": 100_000_001},
        {"remind_days_before": 31},
        {"start_date": dt.date(2200, 1, 1)},
        {"deadline": dt.date(1969, 12, 31)},
        {"benefits": "x" * 2_001},
        {"notes": "x" * 5_001},
    ],
)
def test_the_database_holds_the_same_bounds(alice, change):
    offer = offered(alice, "Acme")
    with pytest.raises(IntegrityError), transaction.atomic():
        Offer.objects.filter(pk=offer.pk).update(**change)


def test_the_database_holds_one_offer_per_application(alice):
    offer = offered(alice, "Acme")
    with pytest.raises(IntegrityError), transaction.atomic():
        Offer.objects.create(
            application=offer.application, owner=alice, currency="EUR", base_salary=1
        )


def test_deleting_an_offer_cancels_its_reminder_and_keeps_the_application(alice):
    offer = offered(alice, "Acme", deadline=dt.date(2027, 3, 20))
    (reminder,) = reminders_about(offer, "offer_deadline")
    assert reminder.status == "scheduled"
    application = offer_delete(offer=offer)
    assert not Offer.objects.exists()
    reminder.refresh_from_db()
    assert (reminder.status, reminder.ended_reason) == ("cancelled", "The offer was deleted.")
    application.refresh_from_db()
    assert application.status == Status.OFFER
