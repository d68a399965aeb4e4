"""The legal step in German, every word (issue 27): the page before the step is added, the step
empty and with a note for every place (Germany with and without the later dates, the United
States' three cases, the United Kingdom, somewhere else), the form re-rendered with each of its
errors, and the messages after each action, rendered for the same data in German and in English
and checked with tests/i18n/check.py.

Alice reads German (`page_in_both` switches her to English for the second rendering)."""

import datetime as dt

import pytest
from django.urls import reverse
from django.utils import translation

from applications.pipeline import Status
from coping.models import CopingPlan, Incident
from coping.services import incident_record, plan_flag_legal
from rebound.models import User
from tests.factories import ApplicationFactory, CompanyFactory, reject
from tests.i18n.check import assert_german, page_in_both

pytestmark = [pytest.mark.django_db, pytest.mark.frozen("2027-01-20 12:00Z")]

D = dt.date
FACTS = "Im Gespräch wurde nach meiner Familienplanung gefragt."
# The test's own data, and what reads the same in both languages by right: the Länder's names,
# the laws' citations and the sources' addresses.
DATA = [
    "Beispiel GmbH",
    FACTS,
    *Incident.Land.labels,
    "§ 15 Abs. 4 AGG",
    "§ 61b Abs. 1 ArbGG",
    "§ 187 BGB",
    "§ 188 BGB",
    "§ 193 BGB",
    "https://www.eeoc.gov/time-limits",
    "https://www.acas.org.uk/early-conciliation",
    "https://www.gesetze-im-internet.de/agg/__15.html",
    "https://www.gesetze-im-internet.de/arbgg/__61b.html",
    "https://www.antidiskriminierungsstelle.de",
]


@pytest.fixture(autouse=True)
def _language_restored():
    """Each request leaves its reader's language active in this thread: not past this test."""
    with translation.override(None):
        yield


@pytest.fixture
def plan(alice: User) -> CopingPlan:
    User.objects.filter(pk=alice.pk).update(language="de")
    application = ApplicationFactory(
        company=CompanyFactory(owner=alice, name="Beispiel GmbH"),
        status=Status.APPLIED,
        status_changed_on=D(2026, 11, 2),
    )
    return reject(application, on=D(2026, 12, 31))


def url(plan: CopingPlan) -> str:
    return reverse("coping:plan_step", args=[plan.pk, "legal"])


def record(plan: CopingPlan, jurisdiction: str, **german: object) -> Incident:
    return incident_record(
        plan=plan,
        kind=Incident.Kind.DISCRIMINATORY_QUESTION,
        happened_on=D(2026, 12, 1),
        jurisdiction=jurisdiction,
        facts=FACTS,
        **german,  # type: ignore[arg-type]
    )


def test_the_step_before_it_is_added(alice_client, alice, plan):
    german, english = page_in_both(alice_client, alice, url(plan))
    assert "Schritt „Rechtliche Möglichkeiten“ hinzufügen" in german
    assert_german(german, english, DATA)


def test_the_step_empty_and_with_a_note_for_every_place(alice_client, alice, plan):
    plan_flag_legal(plan=plan)
    german, english = page_in_both(alice_client, alice, url(plan))
    assert "Wo Sie in Deutschland Hilfe bekommen" in german  # a German reader, before any note
    assert_german(german, english, DATA)

    # 1 Dec 2026 + 180 days is Sunday 30 May 2027, then Memorial Day: the reasons in German.
    for jurisdiction in ("us", "us_state", "us_federal", "uk", "other"):
        record(plan, jurisdiction)
    record(plan, "de", received_on=D(2026, 12, 31), land="NW")
    record(
        plan,
        "de",
        received_on=D(2026, 12, 31),
        learned_on=D(2027, 1, 5),
        claimed_on=D(2027, 1, 15),
        land="BY",
    )
    german, english = page_in_both(alice_client, alice, url(plan))
    assert "Montag, 1. März 2027" in german
    assert "Einen 31. Februar 2027 gibt es nicht" in german
    assert "Weil der 28. Februar 2027 ein Sonntag ist" in german
    assert "Dies ist keine Rechtsberatung." in german
    assert_german(german, english, DATA)


@pytest.mark.parametrize(
    "fields",
    [
        # Nothing chosen: Django's own "required" in German.
        {"kind": "", "happened_on": "", "jurisdiction": "", "facts": ""},
        # Germany without its dates.
        {"received_on": "", "land": ""},
        # Before the application.
        {"received_on": "2026-10-30"},
        # A day in the future.
        {"learned_on": "2027-02-01"},
        # Learned of it, or claimed, before the rejection arrived.
        {"learned_on": "2026-12-30", "claimed_on": "2026-12-01"},
    ],
)
def test_the_form_with_its_errors(alice_client, alice, plan, fields):
    plan_flag_legal(plan=plan)
    data = {
        "kind": "discriminatory_question",
        "happened_on": "2026-12-10",
        "jurisdiction": "de",
        "facts": FACTS,
        "received_on": "2026-12-31",
        "learned_on": "",
        "land": "NW",
        "claimed_on": "",
        **fields,
    }
    german, english = page_in_both(alice_client, alice, url(plan), method="post", data=data)
    assert "Fehler" in german or "Problem" in german
    assert_german(german, english, DATA)
    assert not Incident.objects.exists()


def test_the_messages_after_each_action(alice_client, alice, plan):
    def after(language: str, data: dict[str, str]) -> str:
        User.objects.filter(pk=alice.pk).update(language=language)
        return alice_client.post(url(plan), data, follow=True).content.decode()

    flag = {"action": "flag"}
    english = after("en", flag)
    german = after("de", flag)
    assert "Der Schritt „Rechtliche Möglichkeiten“ gehört jetzt zu Ihrem Plan." in german
    assert_german(german, english, DATA)

    note = {
        "kind": "other",
        "happened_on": "2026-12-10",
        "jurisdiction": "de",
        "facts": FACTS,
        "received_on": "2026-12-31",
        "land": "HE",
    }
    english = after("en", note)
    german = after("de", note)
    assert "Aufgeschrieben, mit Datum." in german
    assert_german(german, english, DATA)
