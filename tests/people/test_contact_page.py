"""The contact page: who they are, the last contact, and the whole history, newest first."""

import datetime as dt

import pytest
from django.test import Client
from django.urls import reverse

from coping import services as coping_services
from coping.models import FollowUp, Outreach
from coping.reminder_kinds import KEEP_IN_TOUCH
from people.history import timeline
from people.models import KeepWarm
from people.services import keep_warm_set
from reminders.models import Reminder
from tests.factories import ApplicationFactory, ContactFactory, InterviewFactory
from tests.people.histories import History, mail_from
from tests.scoping import object_urls

pytestmark = [pytest.mark.django_db, pytest.mark.frozen("2027-03-10 10:00Z")]


def url(contact_id: int) -> str:
    return reverse("people:contact_detail", args=[contact_id])


def kinds_and_days(history: History) -> list[tuple[str, dt.date]]:
    return [(row[0], row[2]) for row in timeline(history.hana)]


def test_it_lists_the_whole_history_newest_first(history: History) -> None:
    assert kinds_and_days(history) == [
        ("check_in", dt.date(2027, 4, 1)),
        ("interview", dt.date(2027, 3, 20)),
        ("mail", dt.date(2027, 2, 20)),
        ("outreach", dt.date(2027, 2, 15)),
        ("feedback", dt.date(2027, 2, 3)),
        ("interview", dt.date(2027, 1, 20)),
        ("application", dt.date(2027, 1, 5)),
    ]


def test_it_shows_each_event_linked_to_where_it_lives(
    alice_client: Client, history: History
) -> None:
    response = alice_client.get(url(history.hana.pk))
    assert response.status_code == 200
    html = response.content.decode()
    plan = history.plan.pk
    for link in [
        history.application.get_absolute_url(),
        reverse("interviews:detail", args=[history.past_interview.pk]),
        reverse("interviews:detail", args=[history.next_interview.pk]),
        reverse("coping:plan_step", args=[plan, "never_settle"]),
        reverse("coping:plan_step", args=[plan, "keep_in_touch"]),
        reverse("coping:plan_step", args=[plan, "feelings"]),
        reverse("mailin:message_detail", args=[history.mail.pk]),
    ]:
        assert f'href="{link}"' in html, link
        assert alice_client.get(link).status_code == 200, link
    # The person, and the email of someone else left out.
    for text in [
        "Hana Ito",
        "Head of Data",
        "hana@acme.example",
        "+49 30 1234567",
        "Met at PyCon.",
    ]:
        assert text in html
    assert "Coffee next week?" in html
    assert "Newsletter" not in html
    assert "Got a lead" in html
    # The interview in her time zone: 14:00 in Berlin.
    assert "14:00" in html


def test_the_last_contact_is_the_latest_moment_they_actually_spoke(
    alice_client: Client, history: History
) -> None:
    # The email of 20 February; not the interview or check-in ahead, nor being on the
    # application.
    response = alice_client.get(url(history.hana.pk))
    assert response.context["last"].day == dt.date(2027, 2, 20)
    assert response.context["last"].kind == "mail"
    assert "20 Feb 2027: an email from them" in response.content.decode()


def test_a_keep_in_touch_check_in_counts_once_its_reminder_is_marked_done(
    alice_client: Client, history: History
) -> None:
    FollowUp.objects.filter(plan=history.plan).update(check_in_on=dt.date(2027, 3, 1))
    reminder = Reminder.objects.get(kind=KEEP_IN_TOUCH, subject_id=history.plan.pk)
    assert alice_client.get(url(history.hana.pk)).context["last"].day == dt.date(2027, 2, 20)
    Reminder.objects.filter(pk=reminder.pk).update(status=Reminder.Status.DONE)
    last = alice_client.get(url(history.hana.pk)).context["last"]
    assert (last.day, last.kind) == (dt.date(2027, 3, 1), "check_in")


def test_someone_never_met_has_an_empty_history(alice_client: Client, alice) -> None:
    nobody = ContactFactory(owner=alice, company=None, name="Nobody", email="")
    response = alice_client.get(url(nobody.pk))
    assert response.status_code == 200
    assert response.context["last"] is None
    assert "Nothing with them yet" in response.content.decode()
    assert "None yet" in response.content.decode()


def test_another_users_contact_is_a_404(bob_client: Client, history: History) -> None:
    urls = object_urls("people", {"contact_id": history.hana.pk})
    assert len(urls) == 4
    for page in urls:
        assert bob_client.get(page).status_code in {404, 405}, page
        assert bob_client.post(page, {"weeks": 4}).status_code in {404, 405}, page
    assert bob_client.get(url(history.hana.pk)).status_code == 404
    assert not KeepWarm.objects.exists()
    assert not Outreach.objects.filter(on=dt.date(2027, 3, 10)).exists()


def test_it_needs_a_log_in(client: Client, history: History) -> None:
    response = client.get(url(history.hana.pk))
    assert response.status_code == 302


def test_a_long_history_is_paged_in_sql(alice_client: Client, history: History, alice) -> None:
    for day in range(1, 31):
        coping_services.outreach_log(
            owner=alice, contact=history.hana, on=dt.date(2026, 12, day), outcome="no_reply"
        )
    first = alice_client.get(url(history.hana.pk))
    assert len(first.context["events"]) == 20
    assert first.context["page"].has_next()
    second = alice_client.get(url(history.hana.pk) + "?page=2")
    events = second.context["events"]
    assert len(events) == 37 - 20
    assert events[-1].kind == "outreach" and events[-1].day == dt.date(2026, 12, 1)
    seen = [(e.kind, e.id) for e in [*first.context["events"], *events]]
    assert len(set(seen)) == 37


def _events(alice, contact, application, n: int) -> None:
    """n events of every kind that grows (applications, interviews, outreach, emails)."""
    for i in range(n):
        other = ApplicationFactory(company=contact.company, role=f"Role {i}")
        other.contacts.add(contact)
        interview = InterviewFactory(application=application)
        interview.interviewers.add(contact)
        coping_services.outreach_log(
            owner=alice, contact=contact, on=dt.date(2027, 1, 1), outcome="waiting"
        )
        mail_from(
            alice,
            contact.email,
            subject=f"Mail {i}",
            sent_at=dt.datetime(2027, 1, 1, 8, i % 60, i % 60, tzinfo=dt.UTC),
        )


@pytest.mark.parametrize("n", [5, 125])
def test_the_page_costs_the_same_whatever_the_history(
    alice_client: Client, history: History, alice, n: int, django_assert_num_queries
) -> None:
    # 5 vs 500 events (four kinds × 125).
    _events(alice, history.hana, history.application, n)
    # session, user, the contact with its last contact (one query), the keep-warm reminder
    # (none: not on), one page of the timeline (one UNION), the page's applications.
    with django_assert_num_queries(5):
        response = alice_client.get(url(history.hana.pk))
    assert response.status_code == 200


@pytest.mark.parametrize("n", [5, 125])
def test_the_page_with_keep_warm_on_costs_the_same_whatever_the_history(
    alice_client: Client, history: History, alice, n: int, django_assert_num_queries
) -> None:
    keep_warm_set(contact=history.hana, weeks=4)
    _events(alice, history.hana, history.application, n)
    # As above, and the keep-warm nudge's reminder.
    with django_assert_num_queries(6):
        response = alice_client.get(url(history.hana.pk))
    assert "Next nudge: 20 Mar 2027." in response.content.decode()
