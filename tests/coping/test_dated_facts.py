"""Feedback can't arrive before it was asked for; a journal entry can't be dated in the
future; an EEOC deadline on a federal holiday moves to the next business day."""

import datetime as dt

import pytest
from django.core.exceptions import ValidationError
from django.urls import reverse

from applications.pipeline import Status
from coping import legal
from coping.models import FeedbackRequest, Incident, JournalEntry
from coping.services import (
    feedback_request_draft,
    feedback_request_mark_received,
    feedback_request_mark_sent,
    incident_record,
    journal_entry_create,
    plan_flag_legal,
)
from coping.validators import FEEDBACK_BEFORE_REQUEST, validate_feedback_received
from tests.factories import ApplicationFactory, CompanyFactory, ContactFactory, reject

NOW = dt.datetime(2026, 12, 8, 12, tzinfo=dt.UTC)
pytestmark = [pytest.mark.django_db, pytest.mark.frozen(NOW)]
D = dt.date


@pytest.fixture
def plan(alice):
    application = ApplicationFactory(
        company=CompanyFactory(owner=alice, name="Acme"),
        status=Status.INTERVIEWING,
        status_changed_on=D(2026, 11, 20),
    )
    ContactFactory(company=application.company, kind="hr", name="Hana Ito")
    return reject(application, on=D(2026, 12, 2))


@pytest.fixture
def sent(plan):
    """Feedback asked for on 6 Dec."""
    request = feedback_request_draft(plan=plan)
    return feedback_request_mark_sent(request=request, on=D(2026, 12, 6))


def test_the_feedback_rule_once():
    validate_feedback_received(sent_on=D(2026, 12, 6), received_on=D(2026, 12, 6))
    validate_feedback_received(sent_on=None, received_on=D(2026, 12, 1))  # never marked sent
    with pytest.raises(ValidationError) as caught:
        validate_feedback_received(sent_on=D(2026, 12, 6), received_on=D(2026, 12, 1))
    assert caught.value.code == FEEDBACK_BEFORE_REQUEST


def test_the_page_refuses_feedback_received_before_it_was_asked_for(alice_client, plan, sent):
    url = reverse("coping:plan_step", args=[plan.pk, "feelings"])
    r = alice_client.post(
        url, {"action": "received", "received_on": "2026-12-01", "feedback": "Needed more Go."}
    )
    page = " ".join(r.content.decode().split())
    assert (
        "Feedback can’t have arrived on 1 Dec 2026, before you asked for it (6 Dec 2026)." in page
    )
    sent.refresh_from_db()
    assert (sent.status, sent.received_on, sent.feedback) == ("sent", None, "")
    r = alice_client.post(
        url, {"action": "received", "received_on": "2026-12-07", "feedback": "Needed more Go."}
    )
    sent.refresh_from_db()
    assert (sent.status, sent.received_on) == ("received", D(2026, 12, 7))


def test_the_service_refuses_it_for_every_other_way_in(sent):
    with pytest.raises(ValidationError, match="before you asked for it"):
        feedback_request_mark_received(request=sent, on=D(2026, 12, 1), feedback="x")
    with pytest.raises(ValidationError, match="can’t be in the future"):
        feedback_request_mark_received(request=sent, on=D(2099, 1, 1), feedback="x")
    assert FeedbackRequest.objects.get().status == "sent"


def test_a_journal_entry_in_2099_is_refused(alice):
    with pytest.raises(ValidationError, match="The journal entry’s date can’t be in the future"):
        journal_entry_create(owner=alice, mood=3, text="From the future", written_on=D(2099, 1, 1))
    assert not JournalEntry.objects.exists()


# --- deadlines: counted by hand ---------------------------------------------------------------
# 1 Dec 2026 + 180 days: 30 days to 31 Dec, 31 to 31 Jan (61), 28 to 28 Feb (89), 31 to 31 Mar
# (120), 30 to 30 Apr (150), 30 more to 30 May 2027 (180): a Sunday. Monday 31 May is Memorial
# Day, so Tuesday 1 June 2027. + 300 days: 31 May is day 181, 30 Jun 211, 31 Jul 242, 31 Aug
# 273, 27 Sep 300: Monday 27 September 2027, an ordinary working day.


def _incident(plan, happened_on, jurisdiction):
    plan_flag_legal(plan=plan)
    return incident_record(
        plan=plan, kind="discriminatory_question", happened_on=happened_on,
        jurisdiction=jurisdiction, facts="Asked about my plans for children.",
    )  # fmt: skip


def test_the_eeoc_deadline_skips_memorial_day(alice_client, plan):
    _incident(plan, D(2026, 12, 1), Incident.Jurisdiction.US)
    page = " ".join(
        alice_client.get(reverse("coping:plan_step", args=[plan.pk, "legal"]))
        .content.decode()
        .split()
    )
    assert "File a charge with the EEOC by Tuesday 1 June 2027" in page
    assert "Monday 31 May 2027" not in page.split("File a charge")[1].split("</strong>")[0]
    assert (
        "Sunday 30 May 2027 falls on a weekend and Monday 31 May 2027 is Memorial Day, so the "
        "deadline moves to the next business day." in page
    )
    assert "if a state or local agency also applies Monday 27 September 2027" in page


def test_other_federal_holidays_move_it_too(plan):
    # 4 May 2027 + 45 days = 18 June (27 days to 31 May, 18 more): Friday, the day Juneteenth
    # (Saturday 19 June) is observed, so Monday 21 June.
    incident = Incident(plan=plan, happened_on=D(2027, 5, 4), jurisdiction="us_federal")
    (deadline,) = legal.deadlines(incident)
    assert deadline.date == D(2027, 6, 21)
    assert "Juneteenth" in deadline.moved_because
    # 11 Oct 2027 + 45 days = 25 Nov (20 days to 31 Oct, 25 more): Thanksgiving, so Friday 26.
    incident = Incident(plan=plan, happened_on=D(2027, 10, 11), jurisdiction="us_federal")
    assert legal.deadlines(incident)[0].date == D(2027, 11, 26)
    # A day that is neither stays put, and says nothing about moving.
    incident = Incident(plan=plan, happened_on=D(2026, 11, 20), jurisdiction="us_federal")
    (deadline,) = legal.deadlines(incident)
    assert (deadline.date, deadline.moved_because) == (D(2027, 1, 4), "")
