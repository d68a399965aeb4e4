import datetime as dt

import pytest
import time_machine
from django.contrib.admin.sites import site as admin_site
from django.test import Client
from django.urls import reverse

from applications.pipeline import Status
from coping import legal
from coping.models import (
    FeedbackRequest,
    Incident,
    JournalEntry,
    NetGoal,
    Outreach,
    PlanStep,
)
from coping.services import (
    incident_record,
    journal_entry_create,
    outreach_log,
    plan_flag_legal,
    plan_step_set,
)
from tests.factories import (
    ApplicationFactory,
    CompanyFactory,
    ContactFactory,
    UserFactory,
    reminders_about,
)

pytestmark = pytest.mark.django_db


def step_url(plan, step):
    return reverse("coping:plan_step", args=[plan.pk, step])


def test_marking_rejected_lands_on_the_plan(alice_client, alice):
    application = ApplicationFactory(company=CompanyFactory(owner=alice), status=Status.APPLIED)
    r = alice_client.post(
        reverse("applications:application_change_status", args=[application.pk]),
        {"to_status": "rejected"},
    )
    plan = application.coping_plans.get()
    assert r.url == plan.get_absolute_url()
    page = alice_client.get(r.url).content.decode()
    assert "0 of 5 steps" in page and "That’s hard news" in page
    # The application's page says the same, and the plans page too.
    page = alice_client.get(application.get_absolute_url()).content.decode()
    assert "Bouncing back" in page and "0 of 5 steps" in page
    plan_step_set(plan=plan, step="feelings", state="skipped")
    page = alice_client.get(application.get_absolute_url()).content.decode()
    assert "1 of 5 steps" in page
    assert "1 of 5 steps" in alice_client.get(reverse("coping:plan_list")).content.decode()


def test_the_feelings_step_keeps_a_journal_and_tracks_feedback(alice_client, plan):
    url = step_url(plan, "feelings")
    page = alice_client.get(url).content.decode()
    assert "Dear Hana," in page  # the draft goes to HR by default
    alice_client.post(
        url, {"action": "journal", "mood": "2", "text": "Gutted.", "written_on": "2026-11-20"}
    )
    assert JournalEntry.objects.get().plan == plan
    alice_client.post(
        url,
        {
            "action": "draft",
            "contact": plan.follow_up.contact.pk,
            "subject": "Feedback please",
            "body": "Could you share feedback?",
        },
    )
    request = FeedbackRequest.objects.get()
    assert request.status == "drafted"
    assert (
        "mailto:hana%40acme.example?subject=Feedback%20please"
        in alice_client.get(url).content.decode()
    )
    alice_client.post(url, {"action": "sent"})
    request.refresh_from_db()
    assert request.status == "sent"
    assert reminders_about(plan).filter(kind="feedback_chase", status="scheduled").exists()
    alice_client.post(
        url,
        {
            "action": "received",
            "received_on": request.sent_on.isoformat(),  # not before it was asked for
            "feedback": "Strong, but we needed more Go.",
        },
    )
    request.refresh_from_db()
    assert (request.status, request.feedback) == ("received", "Strong, but we needed more Go.")
    assert reminders_about(plan).get(kind="feedback_chase").status == "cancelled"
    assert plan.steps.get(step="feelings").state == PlanStep.State.DONE


def test_invalid_journal_input_is_explained_and_not_saved(alice_client, plan):
    r = alice_client.post(
        step_url(plan, "feelings"),
        {"action": "journal", "mood": "9", "text": "x", "written_on": "2026-11-20"},
    )
    assert "Select a valid choice" in r.content.decode()
    assert not JournalEntry.objects.exists()


def test_the_net_goal_counts_real_applications(alice_client, alice, plan):
    alice_client.post(step_url(plan, "widen"), {"target": "3", "weeks": "2"})
    goal = NetGoal.objects.get()
    assert (goal.target, goal.weeks) == (3, 2)
    ApplicationFactory.create_batch(2, company=CompanyFactory(owner=alice))
    ApplicationFactory(company=CompanyFactory(owner=UserFactory()))  # someone else's
    page = alice_client.get(step_url(plan, "widen")).content.decode()
    assert "2 of 3 so far" in page
    home = alice_client.get(reverse("home")).content.decode()
    assert "2 of 3 new applications" in home
    r = alice_client.post(step_url(plan, "widen"), {"target": "0", "weeks": "60"})
    assert "greater than or equal to 1" in r.content.decode()


def test_outreach_uses_the_users_own_contacts(alice_client, alice, plan, bob):
    friend = ContactFactory(company=CompanyFactory(owner=alice), kind="network", name="Old Friend")
    stranger = ContactFactory(company=CompanyFactory(owner=bob), name="Bob's Agent")
    url = step_url(plan, "never_settle")
    assert "Bob&#x27;s Agent" not in alice_client.get(url).content.decode()
    r = alice_client.post(url, {"contact": stranger.pk, "on": "2026-11-21", "outcome": "lead"})
    assert "Select a valid choice" in r.content.decode()
    alice_client.post(url, {"contact": friend.pk, "on": "2026-11-21", "outcome": "lead"})
    assert Outreach.objects.get().contact == friend


@time_machine.travel(dt.datetime(2026, 11, 25, 12, tzinfo=dt.UTC))
def test_keep_in_touch_schedules_or_cancels_the_check_in(alice_client, plan):
    url = step_url(plan, "keep_in_touch")
    assert "I interviewed for the" in alice_client.get(url).content.decode()
    r = alice_client.post(
        url, {"interested": "yes", "check_in_on": "2027-03-01", "note": "Hi Hana, any openings?"}
    )
    assert r.status_code == 302
    reminder = reminders_about(plan).get(kind="keep_in_touch", status="scheduled")
    assert reminder.local_date == dt.date(2027, 3, 1)
    r = alice_client.post(url, {"interested": "yes", "check_in_on": "2026-01-01"})
    assert "The date can’t be before 26 November 2026." in r.content.decode()
    r = alice_client.post(url, {"interested": "yes", "check_in_on": "9999-12-31"})
    assert "The date can’t be after 25 November 2031." in r.content.decode()
    reminder.refresh_from_db()
    assert reminder.local_date == dt.date(2027, 3, 1)  # bad dates changed nothing
    alice_client.post(url, {"interested": "no"})
    reminder.refresh_from_db()
    assert reminder.status == "cancelled"


def test_steps_can_be_skipped_and_the_plan_completes_and_closes(alice_client, plan):
    for step in ["reflect", "feelings", "widen", "never_settle", "keep_in_touch"]:
        alice_client.post(
            reverse("coping:plan_step_state", args=[plan.pk, step]), {"state": "skipped"}
        )
    page = alice_client.get(plan.get_absolute_url()).content.decode()
    assert "Plan complete." in page
    alice_client.post(reverse("coping:plan_close", args=[plan.pk]))
    plan.refresh_from_db()
    assert plan.closed_at is not None
    assert reminders_about(plan).get(kind="coping_check_in").status == "cancelled"
    assert reminders_about(plan).get(kind="keep_in_touch").status == "scheduled"


def test_the_legal_step_computes_deadlines_and_says_it_is_not_advice(alice_client, plan):
    url = step_url(plan, "legal")
    assert "Add the legal step" in alice_client.get(url).content.decode()
    alice_client.post(url, {"action": "flag"})
    # 2026-06-01 + 180 days = Saturday 2026-11-28, which moves to Monday 2026-11-30.
    alice_client.post(
        url,
        {
            "kind": "discriminatory_question",
            "happened_on": "2026-06-01",
            "jurisdiction": "us",
            "facts": "Asked about my plans for children.",
        },
    )
    page = alice_client.get(url).content.decode()
    assert "This is not legal advice." in page
    assert "Monday 30 November 2026" in page
    assert "https://www.eeoc.gov/time-limits" in page and "checked 25 November 2026" in page


def test_deadlines_follow_each_jurisdiction():
    def first(jurisdiction, day):
        return legal.deadlines(Incident(jurisdiction=jurisdiction, happened_on=day))

    us = first("us", dt.date(2026, 1, 5))
    assert [d.date for d in us] == [dt.date(2026, 7, 6), dt.date(2026, 11, 2)]
    assert first("us_federal", dt.date(2026, 1, 5))[0].date == dt.date(2026, 2, 19)
    uk = first("uk", dt.date(2026, 1, 31))[0]
    assert uk.date == dt.date(2026, 4, 29) and uk.source.startswith("https://www.acas.org.uk")
    assert first("other", dt.date(2026, 1, 5)) == []


def test_the_journal_works_outside_any_plan(alice_client, alice):
    url = reverse("coping:journal")
    alice_client.post(url, {"mood": "4", "text": "Good call today.", "written_on": "2026-11-20"})
    entry = JournalEntry.objects.get()
    assert (entry.owner, entry.plan, entry.mood) == (alice, None, 4)
    assert "Good call today." in alice_client.get(url).content.decode()
    r = alice_client.post(url, {"mood": "3", "text": "x", "written_on": "2099-01-01"})
    assert "The date can’t be in the future." in r.content.decode()


def test_the_journal_stays_private_even_in_admin(alice, settings):
    JournalEntry.objects.create(
        owner=alice, mood=1, text="My secret worry", written_on="2026-11-20"
    )
    admin = UserFactory(is_staff=True, is_superuser=True)
    client = Client()
    client.force_login(admin)
    listing = client.get("/admin/coping/journalentry/").content.decode()
    assert "My secret worry" not in listing and "Journal entry #" in listing
    assert admin_site._registry[JournalEntry].list_display == ("__str__", "owner", "written_on")


def test_a_journal_entry_can_be_edited_and_deleted(alice_client, alice):
    entry = journal_entry_create(
        owner=alice, mood=2, text="Rough day.", written_on=dt.date(2026, 11, 2)
    )
    edit = reverse("coping:journal_entry_update", args=[entry.pk])
    r = alice_client.post(edit, {"mood": "3", "text": "x", "written_on": "2099-01-01"})
    assert "The date can’t be in the future." in r.content.decode()
    alice_client.post(edit, {"mood": "4", "text": "Better now.", "written_on": "2026-11-03"})
    entry.refresh_from_db()
    assert (entry.mood, entry.text, entry.written_on) == (4, "Better now.", dt.date(2026, 11, 3))
    delete = reverse("coping:journal_entry_delete", args=[entry.pk])
    assert "Your entry of 3 November 2026" in alice_client.get(delete).content.decode()
    assert JournalEntry.objects.exists()  # asking is not deleting
    alice_client.post(delete)
    assert not JournalEntry.objects.exists()


def test_a_logged_outreach_and_a_written_down_incident_can_be_removed(alice_client, alice, plan):
    friend = ContactFactory(company=CompanyFactory(owner=alice), kind="network")
    outreach = outreach_log(
        owner=alice, plan=plan, contact=friend, on=dt.date(2026, 11, 21), outcome="lead"
    )
    plan_flag_legal(plan=plan)
    incident = incident_record(
        plan=plan,
        kind="discriminatory_question",
        happened_on=dt.date(2026, 6, 1),
        jurisdiction="us",
        facts="Asked about my plans for children.",
    )
    r = alice_client.post(reverse("coping:outreach_delete", args=[outreach.pk]))
    assert r.url == step_url(plan, "never_settle") and not Outreach.objects.exists()
    r = alice_client.post(reverse("coping:incident_delete", args=[incident.pk]))
    assert r.url == step_url(plan, "legal") and not Incident.objects.exists()
