"""The comparison page, and the pages to record, edit and delete an offer: what they show,
what they refuse, whose they are, and what they cost."""

import datetime as dt
import re
from html import unescape

import pytest
from django.urls import reverse

from applications.models import Application, Company
from applications.pipeline import Status
from offers.models import Offer
from offers.templatetags.offer_tags import application_offer
from tests.factories import ApplicationFactory, CompanyFactory, reminders_about

from .helpers import offer_on, offered

pytestmark = [pytest.mark.django_db, pytest.mark.frozen("2027-03-10 10:00Z")]
COMPARE = reverse("offers:compare")


def _text(html: str) -> str:
    """The page's words without tags, whitespace collapsed (a non-breaking space kept: it is
    part of how German writes an amount)."""
    return re.sub(r"[ \t\r\n]+", " ", unescape(re.sub(r"<[^>]+>", " ", html))).strip()


def _rows(html: str) -> list[str]:
    """The table's rows (wide screens), each as its text."""
    body = html.split("<tbody>", 1)[1].split("</tbody>", 1)[0]
    return [_text(row) for row in body.split("</tr>")[:-1]]


@pytest.fixture
def offers(alice):
    """Three open offers and two that are not (accepted; another user's)."""
    acme = offered(
        alice,
        "Acme",
        role="Analyst",
        base_salary=85_000,
        bonus=10_000,
        equity="0.1 % over 4 years",
        equity_value=5_000,
        benefits="30 days off",
        start_date=dt.date(2027, 5, 1),
        deadline=dt.date(2027, 3, 20),
    )
    globex = offered(
        alice,
        "Globex",
        role="Data Engineer",
        base_salary=90_000,
        equity_value=2_000,
        deadline=dt.date(2027, 3, 15),
    )
    initech = offered(alice, "Initech", role="Consultant", base_salary=70_000)
    taken = offered(alice, "Hooli", base_salary=999_000, deadline=dt.date(2027, 3, 12))
    taken.application.status = Status.ACCEPTED
    Application.objects.filter(pk=taken.application_id).update(status=Status.ACCEPTED)
    return acme, globex, initech


def test_it_compares_the_open_offers_nearest_deadline_first(alice_client, offers, bob):
    offered(bob, "Bobcorp", base_salary=1_000_000, deadline=dt.date(2027, 3, 11))
    page = alice_client.get(COMPARE).content.decode()
    rows = _rows(page)
    # Globex (15 March), Acme (20 March), then Initech (no deadline); Hooli is accepted and
    # Bobcorp is Bob's.
    assert [row.split(" ")[0] for row in rows] == ["Data", "Analyst", "Consultant"]
    assert "Hooli" not in page and "Bobcorp" not in page
    globex, acme, initech = rows
    # Yearly totals by hand: 90,000 + 0 + 2,000; 85,000 + 10,000 + 5,000; 70,000.
    assert "€90,000 — about €2,000 a year €92,000 — —" in globex
    assert "€85,000 €10,000 0.1 % over 4 years about €5,000 a year €100,000 highest in EUR" in acme
    assert "€70,000 — — €70,000 —" in initech
    assert "15 Mar 2027 in 5 days" in globex and "20 Mar 2027 in 10 days" in acme
    assert "30 days off" in acme and "1 May 2027" in acme
    assert page.count("highest in EUR") == 1
    assert "different currencies" not in page
    # On a phone each row is a card (table-stack): every cell says what it is.
    assert page.count('data-label="Yearly total"') == 3


def test_offers_in_other_currencies_are_never_compared_as_equal(alice_client, offers, alice):
    offered(alice, "Umbrella", base_salary=120_000, currency="USD", deadline=dt.date(2027, 3, 9))
    page = alice_client.get(COMPARE).content.decode()
    text = _text(page)
    assert "These offers are in different currencies (EUR, USD)." in text
    assert "Rebound does not convert between them" in text
    (umbrella, *_rest) = _rows(page)
    # The highest figure on the page, but alone in its currency: not marked, and not the best.
    assert "$120,000" in umbrella and "highest" not in umbrella
    assert "9 Mar 2027 passed" in umbrella
    assert page.count("highest in EUR") == 1


def test_the_numbers_follow_the_readers_language(alice_client, offers, alice):
    alice.language = "de"
    alice.save()
    page = alice_client.get(COMPARE).content.decode()
    acme = _rows(page)[1]
    assert "85.000\xa0€" in acme and "100.000\xa0€" in acme and "am höchsten in EUR" in acme


def test_the_empty_page_explains(alice_client, alice):
    # An offer not in Offer any more is not open.
    taken = offered(alice, "Hooli")
    Application.objects.filter(pk=taken.application_id).update(status=Status.ACCEPTED)
    page = alice_client.get(COMPARE).content.decode()
    assert "No open offers right now" in page
    assert "When an application reaches Offer, record what they offered on its page" in page
    assert "<table" not in page


@pytest.mark.parametrize("n", [5, 500])
def test_the_page_costs_the_same_for_5_or_500_offers(
    n, alice, alice_client, django_assert_num_queries
):
    companies = Company.objects.bulk_create(
        Company(owner=alice, name=f"Company {i}") for i in range(n)
    )
    applications = Application.objects.bulk_create(
        Application(owner=alice, company=c, role="Analyst", status=Status.OFFER) for c in companies
    )
    Offer.objects.bulk_create(
        Offer(
            application=a,
            owner=alice,
            currency="EUR" if i % 2 else "CHF",
            base_salary=50_000 + i,
            bonus=i if i % 3 else None,
            deadline=dt.date(2027, 3, 11) + dt.timedelta(days=i % 40) if i % 4 else None,
        )
        for i, a in enumerate(applications)
    )
    alice_client.get(COMPARE)  # the session, warmed
    # The session, the user, one page of offers with their applications and companies, and
    # the best total per currency.
    with django_assert_num_queries(4):
        response = alice_client.get(COMPARE)
    assert response.status_code == 200
    assert response.content.decode().count('<tr id="offer-') == min(n, 20)


# --- recording, editing, deleting --------------------------------------------------------


def _form(**fields):
    return {
        "currency": "EUR",
        "base_salary": "85000",
        "bonus": "",
        "equity": "",
        "equity_value": "",
        "benefits": "",
        "start_date": "",
        "deadline": "",
        "remind_days_before": "2",
        "notes": "",
    } | fields


@pytest.mark.application(status=Status.INTERVIEWING)
def test_recording_an_offer_moves_the_application_and_schedules_the_reminder(
    alice_client, application
):
    url = reverse("offers:edit", args=[application.pk])
    page = alice_client.get(url).content.decode()
    assert "Record the offer" in page
    assert "Saving records the offer and moves this application to Offer, dated today." in page
    response = alice_client.post(
        url,
        _form(base_salary="85.000", bonus="10,000", deadline="2027-03-20", currency="eur"),
        follow=True,
    )
    assert response.redirect_chain[-1][0] == application.get_absolute_url()
    assert [str(m) for m in response.context["messages"]] == [
        "Offer saved, and the application moved to Offer."
    ]
    offer = Offer.objects.get()
    assert (offer.currency, offer.base_salary, offer.bonus) == ("EUR", 85_000, 10_000)
    application.refresh_from_db()
    assert application.status == Status.OFFER
    assert reminders_about(offer, "offer_deadline").get().local_date == dt.date(2027, 3, 18)


@pytest.mark.application(status=Status.OFFER)
def test_editing_from_the_comparison_goes_back_there(alice_client, application):
    offer_on(application)
    url = reverse("offers:edit", args=[application.pk])
    page = alice_client.get(url + "?next=/offers/").content.decode()
    assert "Edit the offer" in page and "Delete the offer" in page and 'value="85000"' in page
    response = alice_client.post(url, _form(base_salary="90000", next="/offers/"))
    assert response["Location"] == "/offers/"
    response = alice_client.post(url, _form(next="https://elsewhere.example/"))
    assert response["Location"] == application.get_absolute_url()
    assert Offer.objects.get().base_salary == 85_000


@pytest.mark.application(status=Status.OFFER)
@pytest.mark.parametrize(
    ("fields", "message"),
    [
        ({"base_salary": ""}, "This field is required."),
        ({"base_salary": "85000.50"}, "Enter a whole amount without cents, e.g. 85,000."),
        ({"base_salary": "0"}, "The base salary must be more than 0."),
        ({"bonus": "100000001"}, "That is more than Rebound takes (up to 100,000,000 a year)"),
        ({"currency": "XYZ"}, "“XYZ” is not a currency code Rebound knows."),
        ({"currency": ""}, "This field is required."),
        ({"remind_days_before": "31"}, "Between 0 and 30 days (0 for no reminder)."),
        ({"remind_days_before": "-1"}, "Between 0 and 30 days (0 for no reminder)."),
        ({"deadline": "2040-01-01"}, "The decision deadline can’t be after 10 March 2032."),
        ({"start_date": "0001-01-01"}, "The start date can’t be before 1 January 1970."),
        ({"benefits": "x" * 2_001}, "at most 2000 characters"),
    ],
)
def test_the_form_says_what_is_wrong(alice_client, application, fields, message):
    url = reverse("offers:edit", args=[application.pk])
    response = alice_client.post(url, _form(**fields))
    assert response.status_code == 200
    page = unescape(response.content.decode())
    assert message in page and "There is a problem" in page
    assert not Offer.objects.exists()


@pytest.mark.application(status=Status.ACCEPTED)
def test_an_offer_on_an_accepted_application_says_it_is_not_compared(alice_client, application):
    page = alice_client.get(reverse("offers:edit", args=[application.pk])).content.decode()
    assert "so this offer is not on the comparison page" in unescape(page)


@pytest.mark.application(status=Status.OFFER)
def test_deleting_asks_first_then_deletes(alice_client, application):
    offer_on(application, deadline=dt.date(2027, 3, 20))
    url = reverse("offers:delete", args=[application.pk])
    page = unescape(alice_client.get(url).content.decode())
    assert "Delete this offer?" in page
    assert "the reminder before its deadline is cancelled" in page
    assert Offer.objects.exists()
    response = alice_client.post(url)
    assert response["Location"] == application.get_absolute_url()
    assert not Offer.objects.exists()
    # Nothing left to delete.
    assert alice_client.get(url).status_code == 404


@pytest.mark.application(status=Status.OFFER)
def test_another_users_offer_is_a_404(bob_client, application):
    offer_on(application)
    for url in (
        reverse("offers:edit", args=[application.pk]),
        reverse("offers:delete", args=[application.pk]),
    ):
        assert bob_client.get(url).status_code == 404
        assert bob_client.post(url, _form(base_salary="1")).status_code == 404
    assert Offer.objects.get().base_salary == 85_000
    assert "Acme" not in bob_client.get(COMPARE).content.decode()


def test_signed_out_people_are_sent_to_log_in(client, application):
    for url in (COMPARE, reverse("offers:edit", args=[application.pk])):
        response = client.get(url)
        assert response.status_code == 302 and "login" in response["Location"]


def test_the_section_on_the_application_page(alice, django_assert_num_queries):
    application = ApplicationFactory(
        company=CompanyFactory(owner=alice, name="Acme"), status=Status.OFFER
    )
    with django_assert_num_queries(1):
        context = application_offer(application)
    assert context["offer"] is None and context["in_offer"]
    offer_on(application, bonus=5_000)
    with django_assert_num_queries(1):
        context = application_offer(application)
    assert context["offer"].yearly_total == 90_000
