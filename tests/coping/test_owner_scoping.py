import pytest

from applications.pipeline import Status
from coping.models import CopingPlan, Incident, JournalEntry, Outreach
from coping.services import incident_record, journal_entry_create, outreach_log
from reminders.models import Reminder
from tests.factories import (
    ApplicationFactory,
    CompanyFactory,
    ContactFactory,
    reject,
    reminders_about,
)
from tests.scoping import object_urls

pytestmark = pytest.mark.django_db


@pytest.fixture
def alices_things(alice):
    application = ApplicationFactory(company=CompanyFactory(owner=alice), status=Status.OFFER)
    plan = reject(application)  # a rescinded offer: every step, legal included
    contact = ContactFactory(company=application.company)
    outreach = outreach_log(
        owner=alice, plan=plan, contact=contact, on=plan.opened_on, outcome="lead"
    )
    incident = incident_record(
        plan=plan,
        kind="rescinded_offer",
        happened_on=plan.opened_on,
        jurisdiction="uk",
        facts="Offer withdrawn after I mentioned IVF.",
    )
    entry = journal_entry_create(owner=alice, plan=plan, mood=2, text="Private thoughts")
    return {
        "plan_id": plan.pk,
        "step": "reflect",
        "outreach_id": outreach.pk,
        "incident_id": incident.pk,
        "entry_id": entry.pk,
        "reminder_id": reminders_about(plan).first().pk,
    }


def _snapshot():
    return [
        list(model.objects.order_by("pk").values())
        for model in (CopingPlan, Incident, JournalEntry, Outreach, Reminder)
    ]


def test_it_gives_bob_a_404_for_every_coping_url_of_alices(bob_client, alices_things):
    urls = object_urls("coping", alices_things)
    assert len(urls) >= 8
    urls += object_urls("reminders", alices_things)
    for step in ["feelings", "widen", "never_settle", "keep_in_touch", "legal"]:
        urls.append(f"/coping/plans/{alices_things['plan_id']}/{step}/")
    before = _snapshot()
    for url in urls:
        assert bob_client.get(url).status_code in {404, 405}, url
        r = bob_client.post(url, {"state": "done", "action": "journal", "mood": 1, "text": "x"})
        assert r.status_code == 404, url
    assert _snapshot() == before


def test_bob_never_sees_alices_journal_or_plans_in_his_lists(bob_client, alices_things):
    for url in ["/coping/journal/", "/coping/plans/", "/reminders/", "/home/"]:
        body = bob_client.get(url).content.decode()
        assert "Private thoughts" not in body, url
        assert f"/coping/plans/{alices_things['plan_id']}/" not in body, url


def test_anonymous_users_are_sent_to_log_in(client, alices_things):
    for url in [*object_urls("coping", alices_things), "/coping/journal/", "/reminders/"]:
        r = client.get(url)
        assert r.status_code in {302, 405}, url
        if r.status_code == 302:
            assert r.url.startswith("/accounts/login/"), url
