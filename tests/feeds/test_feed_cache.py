"""The calendar feed is built once per change: cached by its own version (feeds.stamps: which
the rows it shows bump), answered 304 from the version alone, never another user's."""

import datetime as dt

import icalendar
import pytest
import time_machine
from django.db import connection
from django.test.utils import CaptureQueriesContext
from django.urls import reverse

from feeds import services, tokens
from feeds.models import CalendarFeed
from interviews.models import Interview
from interviews.services import interview_save
from rebound.models import DataVersion
from reminders.models import Reminder
from reminders.services import reminder_cancel
from tests.factories import ApplicationFactory, CompanyFactory, reject

pytestmark = pytest.mark.django_db
NOW = dt.datetime(2026, 11, 25, 12, tzinfo=dt.UTC)


def _interview(application, start, location=""):
    return interview_save(
        interview=Interview(
            application=application,
            round_type="technical",
            starts_at=start,
            ends_at=start + dt.timedelta(hours=1),
            location=location,
        )
    )


@pytest.fixture
def feeds(alice, bob):
    with time_machine.travel(NOW, tick=False):
        acme = CompanyFactory(owner=alice, name="Acme")
        application = ApplicationFactory(company=acme, role="Analyst", status="interviewing")
        soon = _interview(application, NOW + dt.timedelta(days=3), "Room 4")
        # A rejection's plan schedules its check-ins: reminders in the feed.
        reject(ApplicationFactory(company=acme, role="Lead", status="interviewing"))
        bobs = _interview(
            ApplicationFactory(company=CompanyFactory(owner=bob, name="Bobco")),
            NOW + dt.timedelta(days=2),
        )
        urls = {
            user.email: reverse(
                "feeds:calendar",
                args=[tokens.make(user.pk, services.feed_enable(user=user).version)],
            )
            for user in (alice, bob)
        }
    return {"soon": soon, "bobs": bobs, "alice": urls[alice.email], "bob": urls[bob.email]}


def _get(client, url, at=NOW, **headers):
    with time_machine.travel(at, tick=False), CaptureQueriesContext(connection) as queries:
        response = client.get(url, headers=headers)
    response.queries = len(queries.captured_queries)
    return response


def _uids(response) -> set[str]:
    return {str(e["uid"]) for e in icalendar.Calendar.from_ical(response.content).walk("VEVENT")}


def test_a_second_fetch_is_not_built_again(client, feeds):
    first = _get(client, feeds["alice"])
    again = _get(client, feeds["alice"])
    assert first.status_code == again.status_code == 200
    # The feed's row (with its user), which holds its version; the first also loaded the
    # interviews, the reminders and their subjects.
    assert first.queries > 2 and again.queries == 1
    assert again.content == first.content and again["ETag"] == first["ETag"]
    assert again["Last-Modified"] == first["Last-Modified"]


def test_a_matching_etag_answers_304_from_the_version_alone(client, feeds):
    first = _get(client, feeds["alice"])
    again = _get(client, feeds["alice"], **{"If-None-Match": first["ETag"]})
    assert again.status_code == 304 and again.content == b""
    assert again.queries == 1  # the feed's row and version: nothing read from the cache or built
    assert again["ETag"] == first["ETag"]
    since = _get(client, feeds["alice"], **{"If-Modified-Since": first["Last-Modified"]})
    assert since.status_code == 304 and since.queries == 1


def test_a_changed_interview_changes_the_etag_and_the_body(client, feeds):
    first = _get(client, feeds["alice"])
    with time_machine.travel(NOW + dt.timedelta(minutes=5), tick=False):
        soon = Interview.objects.get(pk=feeds["soon"].pk)
        soon.location = "Room 9"
        interview_save(interview=soon)
    after = _get(client, feeds["alice"], **{"If-None-Match": first["ETag"]})
    assert after.status_code == 200 and after["ETag"] != first["ETag"]
    assert b"Room 9" in after.content and b"Room 4" not in after.content


def test_a_cancelled_reminder_changes_the_feed(alice, client, feeds):
    first = _get(client, feeds["alice"])
    reminder = Reminder.objects.filter(owner=alice, status__in=Reminder.OPEN).first()
    with time_machine.travel(NOW, tick=False):
        assert reminder_cancel(reminder=reminder)
    after = _get(client, feeds["alice"], **{"If-None-Match": first["ETag"]})
    assert after.status_code == 200 and after["ETag"] != first["ETag"]
    assert b"STATUS:CANCELLED" in after.content and b"STATUS:CANCELLED" not in first.content


def test_another_users_feed_never_comes_from_the_cache(alice, bob, client, feeds):
    # The same versions for both: only the owner tells their cached feeds apart.
    DataVersion.objects.filter(user_id__in=[alice.pk, bob.pk]).update(version=7)
    CalendarFeed.objects.filter(user_id__in=[alice.pk, bob.pk]).update(content_version=7)
    alices = _get(client, feeds["alice"])
    bobs = _get(client, feeds["bob"])
    assert bobs.queries > 2  # built, not found
    assert f"interview-{feeds['bobs'].pk}@rebound" in _uids(bobs)
    assert f"interview-{feeds['soon'].pk}@rebound" not in _uids(bobs)
    assert not _uids(alices) & _uids(bobs)
    assert bobs["ETag"] != alices["ETag"]
    # Alice's ETag on bob's link is no 304.
    assert _get(client, feeds["bob"], **{"If-None-Match": alices["ETag"]}).status_code == 200


def test_a_new_day_or_a_new_link_is_built_afresh(alice, client, feeds):
    first = _get(client, feeds["alice"])
    tomorrow = _get(client, feeds["alice"], at=NOW + dt.timedelta(days=1))
    assert tomorrow.queries > 2 and tomorrow["ETag"] != first["ETag"]
    with time_machine.travel(NOW, tick=False):
        new = services.feed_regenerate(user=alice)
    renewed = _get(client, reverse("feeds:calendar", args=[tokens.make(alice.pk, new.version)]))
    # Its own copy: the feed's row, then the digests (its chunks are the old link's, kept).
    assert renewed.queries == 2 and renewed["ETag"] != first["ETag"]


def test_without_a_data_version_it_is_built_every_time(client, feeds, settings):
    """As on SQLite (`make run`), where no triggers keep a version."""
    settings.FRAGMENT_CACHE = False
    first = _get(client, feeds["alice"])
    again = _get(client, feeds["alice"])
    assert first.status_code == again.status_code == 200
    assert again.queries == first.queries > 2
    assert again.content == first.content  # at the same moment, the same feed
    # Its ETag is the body's: still a 304 when nothing changed.
    same = _get(client, feeds["alice"], **{"If-None-Match": first["ETag"]})
    assert same.status_code == 304
