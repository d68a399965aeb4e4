"""The private calendar feed: what it holds and what it never does, updates in place,
conditional GETs, and links that die when replaced."""

import datetime as dt

import icalendar
import pytest
import time_machine
from django.core.cache import cache
from django.db import connection
from django.test.utils import CaptureQueriesContext
from django.urls import reverse

from coping.services import journal_entry_create
from feeds import services, tokens
from interviews.models import Interview, SelfAssessment
from interviews.services import assessment_save, interview_save
from tests.factories import ApplicationFactory, CompanyFactory, reject

pytestmark = pytest.mark.django_db
NOW = dt.datetime(2026, 11, 25, 12, tzinfo=dt.UTC)


def _url(user, feed) -> str:
    return reverse("feeds:calendar", args=[tokens.make(user.pk, feed.version)])


def _interview(application, start, **fields):
    return interview_save(
        interview=Interview(
            application=application,
            round_type="technical",
            starts_at=start,
            ends_at=start + dt.timedelta(hours=1),
            **fields,
        )
    )


def _events(client, url) -> dict[str, icalendar.Event]:
    response = client.get(url)
    assert response.status_code == 200
    assert response["Content-Type"].startswith("text/calendar")
    calendar = icalendar.Calendar.from_ical(response.content)
    return {str(e["uid"]): e for e in calendar.walk("VEVENT")}


@pytest.fixture
def feed_setup(alice, bob):
    with time_machine.travel(NOW, tick=False):
        acme = CompanyFactory(owner=alice, name="Acme")
        application = ApplicationFactory(
            company=acme, role="Platform engineer", status="interviewing"
        )
        soon = _interview(
            application,
            NOW + dt.timedelta(days=3),
            location="Room 4",
            promised_reply_by=dt.date(2026, 12, 4),
            preparation_notes="My secret prep notes",
        )
        recent = _interview(application, NOW - dt.timedelta(days=20))
        assessment_save(
            assessment=SelfAssessment(
                interview=recent,
                qualification_fit=3, preparation=3, communication=3,
                technical_answers=3, rapport=3, confidence=3,
                went_well="Private reflection",
            )
        )  # fmt: skip
        old = _interview(application, NOW - dt.timedelta(days=120))
        plan = reject(ApplicationFactory(company=acme, role="Analyst", status="interviewing"))
        journal_entry_create(owner=alice, plan=plan, mood=2, text="Private journal")
        _interview(
            ApplicationFactory(company=CompanyFactory(owner=bob)), NOW + dt.timedelta(days=2)
        )
        feed = services.feed_enable(user=alice)
    return {"soon": soon, "recent": recent, "old": old, "plan": plan, "feed": feed}


def test_it_holds_interviews_promised_replies_and_reminders_but_nothing_private(
    alice, client, feed_setup
):
    with time_machine.travel(NOW, tick=False):
        response = client.get(_url(alice, feed_setup["feed"]))
        events = _events(client, _url(alice, feed_setup["feed"]))
    soon, recent, old = feed_setup["soon"], feed_setup["recent"], feed_setup["old"]
    assert f"interview-{soon.pk}@rebound" in events
    assert f"interview-{recent.pk}@rebound" in events  # 20 days ago: within the 90
    assert f"interview-{old.pk}@rebound" not in events  # 120 days ago
    event = events[f"interview-{soon.pk}@rebound"]
    assert str(event["summary"]) == "Technical interview — Platform engineer at Acme"
    assert str(event["location"]) == "Room 4"
    assert event.decoded("dtstart") == NOW + dt.timedelta(days=3)
    reply = events[f"reply-{soon.pk}@rebound"]
    assert reply.decoded("dtstart") == dt.date(2026, 12, 4)
    # The rejection's plan scheduled its check-ins: there, as all-day events.
    reminders = [e for uid, e in events.items() if uid.startswith("reminder-")]
    assert reminders and all(isinstance(e.decoded("dtstart"), dt.date) for e in reminders)
    body = response.content.decode()
    for private in ("My secret prep notes", "Private reflection", "Private journal"):
        assert private not in body
    assert "X-WR-CALNAME:Rebound" in body and "REFRESH-INTERVAL;VALUE=DURATION:PT1H" in body


def test_a_moved_interview_keeps_its_uid_with_a_higher_sequence(alice, client, feed_setup):
    url = _url(alice, feed_setup["feed"])
    uid = f"interview-{feed_setup['soon'].pk}@rebound"
    with time_machine.travel(NOW, tick=False):
        before = _events(client, url)[uid]
    with time_machine.travel(NOW + dt.timedelta(hours=2), tick=False):
        soon = Interview.objects.get(pk=feed_setup["soon"].pk)
        soon.starts_at += dt.timedelta(days=1)
        soon.ends_at += dt.timedelta(days=1)
        interview_save(interview=soon)
        after = _events(client, url)[uid]
    assert after.decoded("dtstart") == before.decoded("dtstart") + dt.timedelta(days=1)
    assert int(after["sequence"]) > int(before["sequence"])


def test_an_unchanged_feed_answers_304(alice, client, feed_setup):
    url = _url(alice, feed_setup["feed"])
    with time_machine.travel(NOW, tick=False):
        first = client.get(url)
        again = client.get(url, headers={"If-None-Match": first["ETag"]})
        assert again.status_code == 304
        since = client.get(url, headers={"If-Modified-Since": first["Last-Modified"]})
        assert since.status_code == 304


def test_a_head_request_gets_the_feeds_headers_and_no_body(alice, client, feed_setup):
    """Calendar apps check a subscription with HEAD; it answered 405."""
    url = _url(alice, feed_setup["feed"])
    with time_machine.travel(NOW, tick=False):
        got = client.get(url)
        head = client.head(url)
    assert head.status_code == 200 and head.content == b""
    for header in ("Content-Type", "ETag", "Last-Modified", "Cache-Control", "Content-Disposition"):
        assert head[header] == got[header], header
    assert int(head["Content-Length"]) == len(got.content)


def test_a_replaced_or_turned_off_link_is_gone_and_a_forged_one_is_not_found(
    alice, bob, client, feed_setup
):
    old = _url(alice, feed_setup["feed"])
    with time_machine.travel(NOW, tick=False):
        assert client.get(old).status_code == 200
        new_feed = services.feed_regenerate(user=alice)
        assert client.get(old).status_code == 410
        new = _url(alice, new_feed)
        assert client.get(new).status_code == 200
        services.feed_disable(user=alice)
        assert client.get(new).status_code == 410
        # Turned on again: a new link, and the earlier ones stay dead.
        again = services.feed_enable(user=alice)
        assert client.get(new).status_code == 410
        assert client.get(_url(alice, again)).status_code == 200
        # A token made up for bob, or tampered with, finds nothing.
        forged = tokens.make(alice.pk, again.version).replace(f"{alice.pk}-", f"{bob.pk}-", 1)
        assert client.get(reverse("feeds:calendar", args=[forged])).status_code == 404
        assert client.get("/calendar/nonsense.ics").status_code == 404
        # Bob has no feed: even a genuine-looking token of his gets 404.
        bobs = reverse("feeds:calendar", args=[tokens.make(bob.pk, 1)])
        assert client.get(bobs).status_code == 404


def test_the_feed_costs_the_same_queries_for_few_and_many(alice, client, feed_setup):
    url = _url(alice, feed_setup["feed"])
    with time_machine.travel(NOW, tick=False):
        # Built in full both times: no section's bytes kept from an earlier build.
        cache.clear()
        with CaptureQueriesContext(connection) as few:
            client.get(url)
        # Interviewing, as the few are: an applied one would add a kind (no reply yet), and
        # each kind costs one query to load its subjects, however many there are.
        application = ApplicationFactory(company=CompanyFactory(owner=alice), status="interviewing")
        for day in range(30):
            _interview(application, NOW + dt.timedelta(days=day + 1))
        cache.clear()
        with CaptureQueriesContext(connection) as many:
            client.get(url)
    assert len(few.captured_queries) == len(many.captured_queries)


def test_the_preferences_page_offers_shows_and_replaces_the_link(alice, alice_client):
    page = alice_client.get(reverse("preferences")).content.decode()
    assert "Get a calendar link" in page and ".ics" not in page
    alice_client.post(reverse("feeds:switch"), {"action": "enable"})
    page = alice_client.get(reverse("preferences")).content.decode()
    first = page.split('id="feed-url" type="text" readonly value="', 1)[1].split('"', 1)[0]
    assert "/calendar/" in first and first.endswith(".ics")
    assert "Never your notes" in page
    alice_client.post(reverse("feeds:switch"), {"action": "regenerate"})
    page = alice_client.get(reverse("preferences")).content.decode()
    assert first not in page
    response = alice_client.post(reverse("feeds:switch"), {"action": "explode"}, follow=True)
    assert "isn’t something the calendar link can do" in response.content.decode()


def test_a_hammered_feed_answers_429(alice, client, feed_setup, settings):
    settings.CALENDAR_FEED_RATE = "3/h"
    url = _url(alice, feed_setup["feed"])
    with time_machine.travel(NOW, tick=False):
        codes = [client.get(url).status_code for _ in range(5)]
    assert codes[:3] == [200, 200, 200] and codes[3:] == [429, 429]
