"""The legal step for Germany: § 15 Abs. 4 AGG and § 61b Abs. 1 ArbGG, counted by §§ 187 Abs. 1,
188 Abs. 2 and 3 and 193 BGB with the user's Land's holidays. Every date is counted by hand in
the comments beside it, from the calendar and the Länder's holiday laws, not from the code."""

import datetime as dt

import pytest
from django.db import IntegrityError, transaction
from django.urls import reverse
from django.utils import translation

from applications.pipeline import Status
from coping import legal
from coping.models import CopingPlan, Incident
from coping.services import incident_record, plan_flag_legal
from rebound.models import User
from tests.factories import ApplicationFactory, CompanyFactory, reject

D = dt.date
# Late January 2027: the rejection of 31 December 2026 has arrived, its two months still run.
pytestmark = pytest.mark.frozen("2027-01-20 12:00")

# Weekdays used below, each counted from 1 January (2026 starts on a Thursday; 2026 and 2027
# have 365 days, so 2027 starts on a Friday and 2028 on a Saturday; 2028 is a leap year):
# - 2027: 1 Feb = Fri + 31 days = Monday, so 28 Feb (27 days later) is a Sunday and 1 Mar a
#   Monday; 1 Apr = Mon + 31 = Thursday, so 7 Apr is a Wednesday and 28 Apr a Wednesday;
#   1 May = Thu + 30 = Saturday, 1 Jun = Sat + 31 = Tuesday; 6 Jan = Fri + 5 = Wednesday.
# - 2028: 1 Feb = Sat + 31 = Tuesday, so 29 Feb is a Tuesday; 1 Mar = Tue + 29 = Wednesday,
#   1 Apr = Wed + 31 = Saturday, so 29 Apr is a Saturday, 30 Apr a Sunday, 1 May a Monday
#   (Tag der Arbeit everywhere) and 2 May a Tuesday. 1 Oct 2028 = Sat + 274 days (leap year)
#   = Sunday, so 31 Oct 2028 is a Tuesday and 1 Nov a Wednesday.
# - 2026: 1 Dec = Thu + 334 days = Tuesday, so 15 Dec 2026 is a Tuesday too.


@pytest.fixture(autouse=True)
def _english():
    """The sentences below are English: whatever language an earlier request left active."""
    with translation.override("en"):
        yield


def german(received_on, land, learned_on=None, claimed_on=None):
    return Incident(
        jurisdiction=Incident.Jurisdiction.DE,
        kind=Incident.Kind.DISCRIMINATORY_QUESTION,
        happened_on=received_on,
        received_on=received_on,
        learned_on=learned_on,
        land=land,
        claimed_on=claimed_on,
    )


def dates(incident):
    return [d.date for d in legal.deadlines(incident)]


# --- the two months of § 15 Abs. 4 AGG ---------------------------------------------------------


def test_a_rejection_received_on_the_31st_ends_on_the_last_day_of_february_then_moves():
    # 31 Dec 2026 is not counted (§ 187 (1)); two months later is "31 February 2027", which
    # doesn't exist: the last day of February, Sunday 28 February 2027 (§ 188 (2), (3)). A
    # Sunday: the next working day, Monday 1 March 2027 (§ 193).
    claim, action = legal.deadlines(german(D(2026, 12, 31), "NW"))
    assert claim.date == D(2027, 3, 1)
    assert claim.source == "https://www.gesetze-im-internet.de/agg/__15.html"
    assert claim.checked_on == legal.GERMANY_CHECKED_ON
    said = " ".join(claim.counting)
    assert "February 2027 has no day 31" in said and "(§ 188 Abs. 3 BGB)" in said
    assert "Sunday 28 February 2027" in said
    assert (
        "28 February 2027 is a Sunday, so the deadline moves to the next working day: "
        "Monday 1 March 2027 (§ 193 BGB)." in said
    )
    assert claim.moved_because == "28 February 2027 is a Sunday"
    # No written claim given: the latest the action can be, counted from the claim's last
    # day. 1 March 2027 + three months = Tuesday 1 June 2027, a working day in NRW.
    assert action.date == D(2027, 6, 1)
    assert action.source == "https://www.gesetze-im-internet.de/arbgg/__61b.html"
    assert "You haven’t said when your written claim reached the employer" in action.note
    assert "Monday 1 March 2027" in action.note


def test_the_end_of_february_counts_by_the_day_s_number_not_the_month_s_end():
    # 29 Feb 2028 (a leap year) + two months = 29 April 2028 (§ 188 (2): the same number, not
    # the end of April): a Saturday; Sunday 30 April; Monday 1 May is Tag der Arbeit in every
    # Land; so Tuesday 2 May 2028.
    claim, _action = legal.deadlines(german(D(2028, 2, 29), "BE"))
    assert claim.date == D(2028, 5, 2)
    assert claim.moved_because == (
        "29 April 2028 is a Saturday and 30 April 2028 is a Sunday and 1 May 2028 is a public "
        "holiday in Berlin (Labor Day)"
    )
    assert "has no day" not in " ".join(claim.counting)  # April has a 29th
    # 28 Feb 2027 + two months = Wednesday 28 April 2027, not 30 April.
    assert dates(german(D(2027, 2, 28), "BE"))[0] == D(2027, 4, 28)


def test_a_holiday_of_the_user_s_land_moves_the_deadline_and_another_land_s_does_not():
    # 6 Nov 2026 + two months = Wednesday 6 January 2027: Heilige Drei Könige in Bavaria,
    # Baden-Württemberg and Saxony-Anhalt (next working day Thursday 7 January), a working day
    # in Lower Saxony.
    for land in ("BY", "BW", "ST"):
        assert dates(german(D(2026, 11, 6), land))[0] == D(2027, 1, 7), land
    assert dates(german(D(2026, 11, 6), "NI"))[0] == D(2027, 1, 6)
    (claim, _action) = legal.deadlines(german(D(2026, 11, 6), "BY"))
    assert claim.moved_because == "6 January 2027 is a public holiday in Bayern (Epiphany)"
    # 31 Aug 2028 + two months = Tuesday 31 October 2028: Reformationstag in Lower Saxony
    # (so Wednesday 1 November), an ordinary Tuesday in North Rhine-Westphalia (whose
    # Allerheiligen on 1 November doesn't matter: the period already ended).
    assert dates(german(D(2028, 8, 31), "NI"))[0] == D(2028, 11, 1)
    assert dates(german(D(2028, 8, 31), "NW"))[0] == D(2028, 10, 31)


def test_a_later_day_of_learning_of_the_discrimination_starts_the_period_then():
    # Received 1 Oct 2026: two months end on Tuesday 1 December 2026. Learned on 15 Oct 2026:
    # they end on Tuesday 15 December 2026 instead (both working days in Hesse).
    assert dates(german(D(2026, 10, 1), "HE"))[0] == D(2026, 12, 1)
    claim, _action = legal.deadlines(german(D(2026, 10, 1), "HE", learned_on=D(2026, 10, 15)))
    assert claim.date == D(2026, 12, 15)
    assert "15 October 2026, the day you learned of the discrimination" in claim.counting[0]
    assert "LAG Hessen, 1 November 2016, 8 Sa 301/16" in claim.counting[0]
    # The same day as the rejection changes nothing.
    same = german(D(2026, 10, 1), "HE", learned_on=D(2026, 10, 1))
    assert dates(same)[0] == D(2026, 12, 1)


# --- the three months of § 61b Abs. 1 ArbGG ----------------------------------------------------


def test_the_action_counts_three_months_from_the_written_claim():
    # Claim reached the employer on 30 Nov 2026: three months later is "30 February 2027",
    # which doesn't exist: Sunday 28 February (§ 188 (3)), so Monday 1 March 2027 (§ 193).
    incident = german(D(2026, 10, 1), "HE", claimed_on=D(2026, 11, 30))
    _claim, action = legal.deadlines(incident)
    assert action.date == D(2027, 3, 1)
    assert action.note == ""
    assert (
        "30 November 2026, the day your written claim reached the employer" in (action.counting[0])
    )
    # Claim on 4 Dec 2026: Thursday 4 March 2027, a working day.
    assert dates(german(D(2026, 10, 1), "HE", claimed_on=D(2026, 12, 4)))[1] == D(2027, 3, 4)
    # Without a claim: three months from the claim's last day. In Bavaria 7 Jan 2027 (above)
    # + three months = Wednesday 7 April 2027 (Easter Monday was 29 March).
    assert dates(german(D(2026, 11, 6), "BY"))[1] == D(2027, 4, 7)


def test_a_note_for_germany_without_its_dates_gives_no_deadline_rather_than_a_wrong_one():
    assert legal.deadlines(german(D(2026, 12, 31), "")) == []


# --- the page --------------------------------------------------------------------------------


@pytest.fixture
def german_plan(alice: User) -> CopingPlan:
    """Beispiel GmbH: applied on 2 November 2026, the rejection recorded on 31 December."""
    application = ApplicationFactory(
        company=CompanyFactory(owner=alice, name="Beispiel GmbH"),
        status=Status.APPLIED,
        status_changed_on=D(2026, 11, 2),
    )
    plan = reject(application, on=D(2026, 12, 31))
    plan_flag_legal(plan=plan)
    return plan


def url(plan):
    return reverse("coping:plan_step", args=[plan.pk, "legal"])


def form(**fields):
    return {
        "kind": "discriminatory_question",
        "happened_on": "2026-12-10",
        "jurisdiction": "de",
        "facts": "Im Gespräch wurde nach meiner Familienplanung gefragt.",
        "received_on": "2026-12-31",
        "learned_on": "",
        "land": "NW",
        "claimed_on": "",
        **fields,
    }


def flat(response):
    return " ".join(response.content.decode().split())


def test_it_records_a_german_note_and_shows_its_deadlines(alice_client, german_plan):
    page = flat(alice_client.get(url(german_plan)))
    # The form starts with the day the rejection was recorded.
    assert 'name="received_on" value="2026-12-31"' in page
    assert 'min="2026-11-02"' in page  # not before the application
    r = alice_client.post(url(german_plan), form())
    assert r.status_code == 302
    incident = Incident.objects.get()
    assert (incident.received_on, incident.land, incident.learned_on, incident.claimed_on) == (
        D(2026, 12, 31),
        "NW",
        None,
        None,
    )
    page = flat(alice_client.get(url(german_plan)))
    assert "Claim damages or compensation from the employer in writing by Monday 1 March 2027" in (
        page
    )
    assert "File an action for compensation at the labour court by Tuesday 1 June 2027" in page
    assert "February 2027 has no day 31" in page
    assert "28 February 2027 is a Sunday, so the deadline moves to the next working day" in page
    for source in (
        "https://www.gesetze-im-internet.de/agg/__15.html",
        "https://www.gesetze-im-internet.de/arbgg/__61b.html",
        "https://www.gesetze-im-internet.de/bgb/__187.html",
        "https://www.gesetze-im-internet.de/bgb/__188.html",
        "https://www.gesetze-im-internet.de/bgb/__193.html",
        "https://www.antidiskriminierungsstelle.de",
    ):
        assert f'href="{source}"' in page, source
    assert "checked 6 Dec 2026" in page
    assert "Fachanwalt or Fachanwältin für Arbeitsrecht" in page
    assert "Your union" in page and "This is not legal advice." in page
    assert german_plan.steps.get(step="legal").state == "done"


def test_a_german_reader_gets_germany_first_and_german_dates(alice_client, alice, german_plan):
    User.objects.filter(pk=alice.pk).update(language="de")
    page = flat(alice_client.get(url(german_plan)))
    assert '<option value="de" selected>' in page
    alice_client.post(url(german_plan), form(claimed_on="2027-01-15"))
    page = flat(alice_client.get(url(german_plan)))
    assert "Montag, 1. März 2027" in page  # the written claim's deadline
    # The action: 15 Jan 2027 + three months = Thursday 15 April 2027.
    assert "Donnerstag, 15. April 2027" in page


def test_the_german_dates_are_checked(alice_client, german_plan):
    def errors(**fields):
        return flat(alice_client.post(url(german_plan), form(**fields)))

    page = errors(received_on="", land="")
    assert "For Germany, give the day the rejection reached you" in page
    assert "Choose your Land: its public holidays can move the deadline." in page
    assert "The rejection can’t have reached you before you applied (2 November 2026)." in (
        errors(received_on="2026-10-30")
    )
    assert "can’t be in the future" in errors(received_on="2027-01-21")
    assert "This can’t be before the rejection reached you (31 December 2026)." in errors(
        learned_on="2026-12-30"
    )
    assert (
        "Your claim can’t have reached the employer before the rejection reached you "
        "(31 December 2026)." in errors(claimed_on="2026-12-01")
    )
    assert "Select a valid choice." in errors(land="XX")
    assert not Incident.objects.exists()


def test_another_place_s_note_keeps_no_german_dates(alice_client, german_plan):
    # Even a German date that would be refused (in the future) is left out, not an error.
    r = alice_client.post(
        url(german_plan), form(jurisdiction="uk", learned_on="2027-01-02", claimed_on="2099-1-1")
    )
    assert r.status_code == 302
    incident = Incident.objects.get()
    assert (incident.received_on, incident.learned_on, incident.land) == (None, None, "")


def test_the_database_holds_the_german_invariants(german_plan):
    def record(**fields):
        values = {
            "plan": german_plan,
            "kind": "other",
            "happened_on": D(2026, 12, 10),
            "jurisdiction": "de",
            "facts": "x",
            "received_on": D(2026, 12, 31),
            "land": "NW",
            **fields,
        }
        with pytest.raises(IntegrityError), transaction.atomic():
            Incident.objects.create(**values)

    record(received_on=None)
    record(land="")
    record(land="XX")
    record(learned_on=D(2026, 12, 30))
    record(claimed_on=D(2026, 12, 30))
    record(jurisdiction="uk")  # German dates on a British note
    assert not Incident.objects.exists()
    # The service says it in words (full_clean checks the same constraints first).
    with pytest.raises(Exception, match="can’t be before the day the rejection reached you"):
        incident_record(
            plan=german_plan,
            kind="other",
            happened_on=D(2026, 12, 10),
            jurisdiction="de",
            facts="x",
            received_on=D(2026, 12, 31),
            learned_on=D(2026, 12, 1),
            land="NW",
        )
