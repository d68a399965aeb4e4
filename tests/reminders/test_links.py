import datetime as dt

import pytest
import time_machine
from django.test import Client

from applications.pipeline import Status
from reminders import links
from reminders import services as reminders
from reminders.models import Reminder
from tests.factories import ApplicationFactory, CompanyFactory, reject, reminders_about

pytestmark = pytest.mark.django_db


def _sent_reminder(owner):
    app = ApplicationFactory(company=CompanyFactory(owner=owner), status=Status.INTERVIEWING)
    reminder = reminders_about(reject(app)).get(kind="keep_in_touch")
    Reminder.objects.filter(pk=reminder.pk).update(
        status="sent", sent_at=dt.datetime(2026, 11, 1, tzinfo=dt.UTC)
    )
    reminder.refresh_from_db()
    return reminder


def _path(reminder, action):
    return links.link(reminder, action).split("://", 1)[1].split("/", 1)[1].join(["/", ""])


def test_done_works_once_from_a_logged_out_browser(alice):
    reminder = _sent_reminder(alice)
    client = Client(enforce_csrf_checks=True)
    url = _path(reminder, "done")
    page = client.get(url)
    assert page.status_code == 200 and "Mark it done?" in page.content.decode()
    reminder.refresh_from_db()
    assert reminder.status == "sent"  # a GET (a mail scanner) changes nothing
    r = client.post(url)
    assert "Marked as done" in r.content.decode()
    reminder.refresh_from_db()
    assert reminder.status == "done"
    again = client.post(url)
    assert again.status_code == 410 and "already used" in again.content.decode()
    # The link logged no one in.
    assert client.get("/home/").status_code == 302


@time_machine.travel(dt.datetime(2026, 11, 25, 12, tzinfo=dt.UTC), tick=False)
def test_snooze_reschedules_two_weeks_out_at_the_users_hour(alice):
    reminder = _sent_reminder(alice)
    Client().post(_path(reminder, "snooze"))
    reminder.refresh_from_db()
    assert reminder.status == "scheduled"
    assert reminder.due_at == dt.datetime(2026, 12, 9, 8, tzinfo=dt.UTC)  # 09:00 CET


def test_stop_cancels_and_a_mail_clients_one_click_post_works(alice):
    reminder = _sent_reminder(alice)
    Reminder.objects.filter(pk=reminder.pk).update(status="scheduled", sent_at=None)
    reminder.refresh_from_db()
    r = Client().post(_path(reminder, "stop"), {"List-Unsubscribe": "One-Click"})
    assert r.status_code == 200
    reminder.refresh_from_db()
    assert reminder.status == "cancelled"


def test_a_tampered_link_changes_nothing(alice, bob):
    mine, theirs = _sent_reminder(alice), _sent_reminder(bob)
    url = _path(mine, "done")
    token = url.split("/")[2]
    forged_payload = links.make_token(theirs, "done").split(":")[0]
    forged = f"/r/{forged_payload}:{token.split(':', 1)[1]}/"
    for bad in [url[:-5] + "xx/", forged, "/r/not-a-token/"]:
        r = Client().post(bad)
        assert r.status_code == 400 and "doesn’t work" in r.content.decode(), bad
    mine.refresh_from_db()
    theirs.refresh_from_db()
    assert (mine.status, theirs.status) == ("sent", "sent")


def test_a_link_acts_only_on_its_own_reminder_whoever_is_logged_in(alice, bob, bob_client):
    mine, theirs = _sent_reminder(alice), _sent_reminder(bob)
    bob_client.post(_path(mine, "stop"))
    theirs.refresh_from_db()
    assert theirs.status == "sent"


def test_a_snooze_makes_only_the_older_snooze_link_stale(alice):
    reminder = _sent_reminder(alice)
    snooze, done = _path(reminder, "snooze"), _path(reminder, "done")
    reminders.reminder_snooze(reminder=reminder)
    r = Client().post(snooze)
    assert r.status_code == 410 and "already used" in r.content.decode()
    # Done still means done, whatever happened since the email.
    assert "Marked as done" in Client().post(done).content.decode()
    reminder.refresh_from_db()
    assert reminder.status == "done"


def test_stop_after_it_was_sent_is_final_and_says_so(alice):
    reminder = _sent_reminder(alice)
    stop, snooze, done = (_path(reminder, a) for a in ("stop", "snooze", "done"))
    page = Client().post(stop).content.decode()
    assert "It had already been sent" in page and "won’t come back" in page
    reminder.refresh_from_db()
    assert (reminder.status, reminder.ended_reason) == ("sent", "You stopped it from its email.")
    # Nothing of that email can act any more (the snooze can't bring it back), and each link
    # says where it stands rather than "already used".
    for url in (snooze, done, stop):
        r = Client().post(url)
        page = r.content.decode()
        assert r.status_code == 410 and "This reminder is finished" in page, url
        assert "It was sent on 1 November 2026, then stopped from its email." in page, url
        assert "already used" not in page
    reminder.refresh_from_db()
    assert reminder.status == "sent"


def test_stop_before_it_was_sent_says_it_never_will_be(alice):
    reminder = _sent_reminder(alice)
    Reminder.objects.filter(pk=reminder.pk).update(status="scheduled", sent_at=None)
    reminder.refresh_from_db()
    page = Client().post(_path(reminder, "stop")).content.decode()
    assert "It had not gone out yet, and now it never will." in page
    reminder.refresh_from_db()
    assert reminder.status == "cancelled"


def test_an_expired_link_says_it_expired_and_changes_nothing(alice):
    with time_machine.travel(dt.datetime(2026, 1, 10, 12, tzinfo=dt.UTC)):
        reminder = _sent_reminder(alice)
        url = _path(reminder, "done")
    with time_machine.travel(dt.datetime(2027, 1, 11, 12, tzinfo=dt.UTC)):
        for r in (Client().get(url), Client().post(url)):
            page = r.content.decode()
            assert r.status_code == 410 and "This link has expired" in page
            assert "/reminders/" in page  # the way to the reminders page
            assert "changed or cut short" not in page
    reminder.refresh_from_db()
    assert reminder.status == "sent"


def test_after_a_snooze_stop_and_one_click_unsubscribe_still_work(alice):
    # Issue 22: "remind me in two weeks", then the same email's stop link, or the mail
    # client's RFC 8058 one-click POST to the List-Unsubscribe address, must still stop it.
    for how in ("button", "one-click"):
        reminder = _sent_reminder(alice)
        snooze, stop = _path(reminder, "snooze"), _path(reminder, "stop")
        assert "Snoozed for two weeks" in Client().post(snooze).content.decode()
        reminder.refresh_from_db()
        assert reminder.status == "scheduled"
        if how == "button":
            page = Client(enforce_csrf_checks=True).get(stop).content.decode()
            assert "Stop this reminder?" in page
            r = Client(enforce_csrf_checks=True).post(stop)
        else:
            r = Client(enforce_csrf_checks=True).post(
                stop,
                "List-Unsubscribe=One-Click",
                content_type="application/x-www-form-urlencoded",
            )
        assert r.status_code == 200, how
        assert "It had not gone out yet, and now it never will." in r.content.decode()
        reminder.refresh_from_db()
        assert (reminder.status, reminder.ended_reason) == (
            "cancelled",
            "You stopped it from its email.",
        )
        # The snooze link was used; what it answers now says where the reminder stands.
        page = Client().post(snooze).content.decode()
        assert "This reminder is finished" in page
        assert "It was stopped from its email before it went out." in page
        assert "it is now" not in page.lower()


def test_done_after_a_snooze_finishes_it_and_only_done_then_says_already_used(alice):
    reminder = _sent_reminder(alice)
    snooze, done, stop = (_path(reminder, a) for a in ("snooze", "done", "stop"))
    Client().post(snooze)
    assert "Marked as done" in Client().post(done).content.decode()
    again = Client().post(done)
    assert again.status_code == 410 and "already marked done" in again.content.decode()
    finished = Client().post(stop).content.decode()
    assert "This reminder is finished" in finished and "It is marked done." in finished
    reminder.refresh_from_db()
    assert reminder.status == "done"
