"""The calendar feed in its owner's language: a calendar app fetches it without a session (and
with its own Accept-Language), so the events' titles follow the owner's choice, and a change of
language is a new feed, never the other language's cached one."""

import datetime as dt

import icalendar
import pytest
from django.contrib.messages import get_messages
from django.test import Client
from django.urls import reverse

from feeds import services, tokens
from interviews.models import Interview
from interviews.services import interview_save
from rebound.models import User
from tests.factories import ApplicationFactory, CompanyFactory, reject
from tests.i18n.check import assert_german

NOW = dt.datetime(2026, 11, 25, 12, tzinfo=dt.UTC)
pytestmark = [pytest.mark.django_db, pytest.mark.frozen(NOW)]
DATA = ["Platform engineer", "Acme", "Analyst"]


@pytest.fixture
def feed(alice: User) -> str:
    """Alice's feed: an interview with a promised reply, and a rejection's plan (its
    check-in reminders); the link to fetch."""
    acme = CompanyFactory(owner=alice, name="Acme")
    application = ApplicationFactory(company=acme, role="Platform engineer", status="applied")
    start = NOW + dt.timedelta(days=3)
    interview_save(
        interview=Interview(
            application=application,
            round_type="technical",
            starts_at=start,
            ends_at=start + dt.timedelta(hours=1),
            promised_reply_by=dt.date(2026, 12, 4),
        )
    )
    reject(ApplicationFactory(company=acme, role="Analyst", status="interviewing"))
    made = services.feed_enable(user=alice)
    return reverse("feeds:calendar", args=[tokens.make(alice.pk, made.version)])


def _summaries(url: str, language: str = "en") -> dict[str, str]:
    # A calendar app: no session, and a browser language of its own.
    response = Client(HTTP_ACCEPT_LANGUAGE=language).get(url)
    assert response.status_code == 200
    calendar = icalendar.Calendar.from_ical(response.content)
    return {str(e["uid"]).split("-")[0]: str(e["summary"]) for e in calendar.walk("VEVENT")}


def _in(alice: User, language: str) -> None:
    User.objects.filter(pk=alice.pk).update(language=language)


def test_a_german_owners_feed_is_german_whoever_fetches_it(alice, feed):
    _in(alice, "en")
    english = _summaries(feed, "de")
    assert english["interview"].endswith(" interview — Platform engineer at Acme")
    assert english["reply"] == "Acme promised a reply by today (Platform engineer at Acme)"
    _in(alice, "de")
    german = _summaries(feed, "en")
    assert german["interview"].startswith("Vorstellungsgespräch (")
    assert german["interview"].endswith(") – Platform engineer bei Acme")
    assert german["reply"] == "Acme wollte sich bis heute melden (Platform engineer bei Acme)"
    assert " – " in german["reminder"]
    assert_german("\n".join(german.values()), "\n".join(english.values()), DATA, html=False)


def test_a_change_of_language_is_a_new_feed_not_the_cached_one(alice, feed):
    _in(alice, "en")
    first = Client().get(feed)
    assert "Platform engineer at Acme" in first.content.decode()
    _in(alice, "de")
    second = Client().get(feed, HTTP_IF_NONE_MATCH=first["ETag"])
    assert second.status_code == 200 and second["ETag"] != first["ETag"]
    assert "Platform engineer bei Acme" in second.content.decode()
    _in(alice, "en")
    again = Client().get(feed, HTTP_IF_NONE_MATCH=first["ETag"])
    assert again.status_code == 304


def test_a_replaced_link_says_so_in_the_owners_language(alice, feed):
    _in(alice, "de")
    services.feed_regenerate(user=alice)
    response = Client(HTTP_ACCEPT_LANGUAGE="en").get(feed)
    assert response.status_code == 410
    assert response.content.decode() == (
        "Dieser Kalender-Link wurde in Rebound ersetzt oder abgeschaltet."
    )


def test_turning_the_link_on_and_off_says_so_in_german(alice, alice_client):
    _in(alice, "de")
    said = []
    for action in ("enable", "regenerate", "disable", "dance"):
        response = alice_client.post(reverse("feeds:switch"), {"action": action})
        said.append(str(list(get_messages(response.wsgi_request))[-1]))
    assert said == [
        "Ihr Kalender-Link ist bereit: Kopieren Sie ihn unten.",
        "Ein neuer Kalender-Link ist bereit. Der alte funktioniert nicht mehr.",
        "Ihr Kalender-Link ist abgeschaltet; Kalender erhalten nichts Neues mehr.",
        "Das kann der Kalender-Link nicht.",
    ]
