"""Keep warm: a nudge every N weeks since the last contact, turned on and off on the page."""

import datetime as dt

import pytest
from django.db import IntegrityError
from django.test import Client
from django.urls import reverse

from coping import services as coping_services
from coping.models import Outreach
from people import services
from people.models import KeepWarm
from reminders import emails, kinds
from reminders.dispatch_services import reminders_dispatch
from reminders.models import Reminder
from tests.factories import ContactFactory
from tests.people.histories import History

pytestmark = [pytest.mark.django_db, pytest.mark.frozen("2027-03-10 10:00Z")]

TODAY = dt.date(2027, 3, 10)  # 11:00 in Berlin: Alice's 09:00 reminder hour has passed


def nudge(keep_warm: KeepWarm) -> Reminder:
    return Reminder.objects.get(
        kind=services.KEEP_WARM, subject_id=keep_warm.pk, status__in=Reminder.OPEN
    )


def turn_on(client: Client, history: History, weeks: object) -> object:
    return client.post(reverse("people:keep_warm_set", args=[history.hana.pk]), {"weeks": weeks})


def test_it_nudges_n_weeks_after_the_last_contact(alice_client: Client, history: History) -> None:
    response = turn_on(alice_client, history, 4)
    assert response.status_code == 302
    keep_warm = KeepWarm.objects.get(contact=history.hana)
    # The last contact: her email of 20 February; 4 weeks on is 20 March, at 09:00 in Berlin.
    assert keep_warm.counted_from == dt.date(2027, 2, 20)
    reminder = nudge(keep_warm)
    assert reminder.local_date == dt.date(2027, 3, 20)
    assert reminder.due_at == dt.datetime(2027, 3, 20, 8, 0, tzinfo=dt.UTC)
    page = alice_client.get(reverse("people:contact_detail", args=[history.hana.pk]))
    assert "Next nudge: 20 Mar 2027." in page.content.decode()


def test_a_nudge_already_overdue_comes_at_the_next_sending_hour(
    alice_client: Client, history: History
) -> None:
    # 20 February + 2 weeks = 6 March, gone; today's 09:00 has passed too: tomorrow.
    turn_on(alice_client, history, 2)
    assert nudge(KeepWarm.objects.get()).local_date == TODAY + dt.timedelta(days=1)


def test_someone_never_met_counts_from_the_day_it_was_turned_on(alice) -> None:
    stranger = ContactFactory(owner=alice, company=None, kind="network", email="")
    keep_warm = services.keep_warm_set(contact=stranger, weeks=6)
    assert keep_warm.counted_from == TODAY
    assert nudge(keep_warm).local_date == dt.date(2027, 4, 21)


def test_changing_the_weeks_moves_the_one_nudge(alice_client: Client, history: History) -> None:
    turn_on(alice_client, history, 4)
    turn_on(alice_client, history, 8)
    keep_warm = KeepWarm.objects.get()
    assert keep_warm.weeks == 8
    # 20 February + 8 weeks.
    assert nudge(keep_warm).local_date == dt.date(2027, 4, 17)
    assert Reminder.objects.filter(kind=services.KEEP_WARM).count() == 1


def test_i_was_in_touch_logs_it_and_counts_the_nudge_from_today(
    alice_client: Client, history: History
) -> None:
    turn_on(alice_client, history, 4)
    response = alice_client.post(reverse("people:contact_touched", args=[history.hana.pk]))
    assert response.status_code == 302
    assert Outreach.objects.filter(contact=history.hana, on=TODAY).exists()
    keep_warm = KeepWarm.objects.get()
    assert keep_warm.counted_from == TODAY
    assert nudge(keep_warm).local_date == dt.date(2027, 4, 7)
    page = alice_client.get(reverse("people:contact_detail", args=[history.hana.pk]))
    assert page.context["last"].day == TODAY


@pytest.mark.parametrize(
    ("weeks", "error"),
    [
        (1, "At least 2 weeks: sooner would nag."),
        (27, "At most 26 weeks: half a year is the longest gap."),
        ("", "Say how many weeks, between 2 and 26."),
        ("soon", "Give a whole number of weeks, between 2 and 26."),
    ],
)
def test_it_says_what_is_wrong_with_the_weeks(
    alice_client: Client, history: History, weeks: object, error: str
) -> None:
    response = turn_on(alice_client, history, weeks)
    assert response.status_code == 200
    html = response.content.decode()
    assert error in html
    assert 'aria-invalid="true"' in html
    assert not KeepWarm.objects.exists()


def test_the_database_refuses_an_interval_out_of_bounds(history: History, alice) -> None:
    with pytest.raises(IntegrityError):
        KeepWarm.objects.create(owner=alice, contact=history.hana, weeks=27, counted_from=TODAY)


def test_turning_it_off_cancels_the_nudge(alice_client: Client, history: History) -> None:
    turn_on(alice_client, history, 4)
    reminder = nudge(KeepWarm.objects.get())
    response = alice_client.post(reverse("people:keep_warm_off", args=[history.hana.pk]))
    assert response.status_code == 302
    assert not KeepWarm.objects.exists()
    reminder.refresh_from_db()
    assert reminder.status == Reminder.Status.CANCELLED
    assert reminder.ended_reason == "You turned keep warm off."


def test_a_contact_since_it_was_planned_makes_the_nudge_obsolete(history: History, alice) -> None:
    keep_warm = services.keep_warm_set(contact=history.hana, weeks=4)
    kind = kinds.get(services.KEEP_WARM)
    assert kind.obsolete(keep_warm) == ""
    # Logged elsewhere (a plan's outreach step): no signal reaches people.
    coping_services.outreach_log(
        owner=alice, contact=history.hana, on=dt.date(2027, 3, 1), outcome="waiting"
    )
    assert (
        kind.obsolete(keep_warm) == "You were in touch with Hana Ito after this nudge was planned."
    )


def test_the_nudge_is_sent_unless_obsolete(history: History, alice, mailoutbox) -> None:
    keep_warm = services.keep_warm_set(contact=history.hana, weeks=4)
    Reminder.objects.filter(kind=services.KEEP_WARM).update(
        run_at=dt.datetime(2027, 3, 10, 9, tzinfo=dt.UTC)
    )
    reminders_dispatch(enqueue=None)
    (sent,) = [m for m in mailoutbox if "Hana" in m.subject]
    assert sent.subject == "Time to get back in touch with Hana Ito"
    assert "You were last in touch with Hana Ito on 20 Feb 2027." in sent.body
    assert nudge_gone(keep_warm) == Reminder.Status.SENT


def test_an_obsolete_nudge_is_cancelled_with_its_reason(history: History, alice) -> None:
    keep_warm = services.keep_warm_set(contact=history.hana, weeks=4)
    coping_services.outreach_log(owner=alice, contact=history.hana, on=TODAY, outcome="waiting")
    Reminder.objects.filter(kind=services.KEEP_WARM).update(
        run_at=dt.datetime(2027, 3, 10, 9, tzinfo=dt.UTC)
    )
    reminders_dispatch(enqueue=None)
    reminder = Reminder.objects.get(kind=services.KEEP_WARM, subject_id=keep_warm.pk)
    assert reminder.status == Reminder.Status.CANCELLED
    assert reminder.ended_reason == "You were in touch with Hana Ito after this nudge was planned."
    # The page says none is planned, and saving plans the next from that contact.
    services.keep_warm_set(contact=history.hana, weeks=4)
    assert nudge(keep_warm).local_date == dt.date(2027, 4, 7)


def nudge_gone(keep_warm: KeepWarm) -> str:
    return Reminder.objects.get(kind=services.KEEP_WARM, subject_id=keep_warm.pk).status


def test_the_email_offers_i_was_in_touch(history: History) -> None:
    keep_warm = services.keep_warm_set(contact=history.hana, weeks=4)
    kind = kinds.get(services.KEEP_WARM)
    rendered = emails.render(nudge(keep_warm), kind, keep_warm)
    assert "I was in touch" in rendered["text"]
    assert "4 weeks" in rendered["text"]
    assert reverse("people:contact_detail", args=[history.hana.pk]) in rendered["html"]
    # Its action logs the contact and counts the next nudge from today.
    said = kind.action("touched").run(keep_warm)
    assert said == (
        "Noted: you were in touch with Hana Ito today. The next nudge comes in 4 weeks."
    )
    assert nudge(keep_warm).local_date == dt.date(2027, 4, 7)


def test_a_nudge_left_alone_comes_back_weeks_after_it_went_out(history: History) -> None:
    keep_warm = services.keep_warm_set(contact=history.hana, weeks=4)
    Reminder.objects.filter(kind=services.KEEP_WARM).update(
        status=Reminder.Status.SENT,
        local_date=dt.date(2027, 3, 8),
        sent_at=dt.datetime(2027, 3, 8, 8, tzinfo=dt.UTC),
    )
    assert services.keep_warm_rearm_all() == 1
    # Not every day from now on: 8 March + 4 weeks.
    assert nudge(keep_warm).local_date == dt.date(2027, 4, 5)
    assert services.keep_warm_rearm_all() == 0


def test_after_an_obsolete_nudge_the_next_counts_from_that_contact(history: History, alice) -> None:
    keep_warm = services.keep_warm_set(contact=history.hana, weeks=4)
    coping_services.outreach_log(
        owner=alice, contact=history.hana, on=dt.date(2027, 3, 1), outcome="waiting"
    )
    Reminder.objects.filter(kind=services.KEEP_WARM).update(
        run_at=dt.datetime(2027, 3, 10, 9, tzinfo=dt.UTC)
    )
    reminders_dispatch(enqueue=None)
    assert nudge_gone(keep_warm) == Reminder.Status.CANCELLED
    assert services.keep_warm_rearm_all() == 1
    # 1 March + 4 weeks.
    assert nudge(keep_warm).local_date == dt.date(2027, 3, 29)


def test_the_daily_task_rearms(history: History) -> None:
    from people.tasks import keep_warm_rearm_task

    keep_warm = services.keep_warm_set(contact=history.hana, weeks=4)
    Reminder.objects.filter(kind=services.KEEP_WARM).update(status=Reminder.Status.CANCELLED)
    keep_warm_rearm_task()
    assert nudge(keep_warm).local_date == dt.date(2027, 3, 20)


def test_a_restored_nudge_counts_from_its_backed_up_day(alice) -> None:
    stranger = ContactFactory(owner=alice, company=None, kind="network", email="")
    keep_warm = services.keep_warm_set(contact=stranger, weeks=3, counted_from=dt.date(2027, 3, 1))
    assert keep_warm.counted_from == dt.date(2027, 3, 1)
    assert nudge(keep_warm).local_date == dt.date(2027, 3, 22)


def test_i_was_in_touch_twice_in_a_day_is_one_outreach(
    alice_client: Client, history: History
) -> None:
    for _ in range(2):
        alice_client.post(reverse("people:contact_touched", args=[history.hana.pk]))
    assert Outreach.objects.filter(contact=history.hana, on=TODAY).count() == 1
