"""Each event of the calendar feed is cached by what it shows (feeds.calendar): the feed
rebuilt after a change is the feed built whole, shows the change even when the event's own row
wasn't written (a renamed company, a new role, a switch of language), makes again only the
events that changed, and reads and writes the cache once each whatever the feed's size."""

import datetime as dt

import icalendar
import pytest
import time_machine
from django.core.cache import cache
from django.test import Client
from django.urls import reverse

from applications.company_services import company_save
from applications.services import application_update
from feeds import services, tokens
from feeds.calendar import build
from interviews.models import Interview
from interviews.services import interview_save
from rebound.models import User
from reminders.models import Reminder
from reminders.services import reminder_cancel
from tests.factories import ApplicationFactory, CompanyFactory, reject, reminders_about
from todos import services as todo_services
from todos.models import Todo

from .test_calendar_feed import _interview

pytestmark = pytest.mark.django_db
NOW = dt.datetime(2026, 11, 25, 12, tzinfo=dt.UTC)
LATER = NOW + dt.timedelta(minutes=5)


@pytest.fixture
def data(alice):
    """Alice's interviews (one with a promised reply), a to-do, a rejection's scheduled
    check-ins and one of them cancelled: every kind of event the feed has."""
    with time_machine.travel(NOW, tick=False):
        acme = CompanyFactory(owner=alice, name="Acme")
        analyst = ApplicationFactory(company=acme, role="Analyst", status="interviewing")
        soon = _interview(
            analyst, NOW + dt.timedelta(days=3), location="Room 4",
            promised_reply_by=dt.date(2026, 12, 4),
        )  # fmt: skip
        later = _interview(analyst, NOW + dt.timedelta(days=9))
        todo = todo_services.todo_add(
            application=analyst, title="Send the portfolio", due_on=dt.date(2026, 11, 27)
        )
        reject(ApplicationFactory(company=acme, role="Lead", status="interviewing"))
        scheduled = Reminder.objects.filter(owner=alice, status__in=Reminder.OPEN)
        assert scheduled.count() >= 2
        assert reminder_cancel(reminder=scheduled.order_by("pk").last())
        feed = services.feed_enable(user=alice)
    url = reverse("feeds:calendar", args=[tokens.make(alice.pk, feed.version)])
    return {
        "acme": acme, "analyst": analyst, "soon": soon, "later": later, "todo": todo,
        "url": url,
    }  # fmt: skip


@pytest.fixture(autouse=True)
def empty_cache():
    cache.clear()


def _events(body: bytes) -> dict[str, icalendar.Event]:
    return {str(e["uid"]): e for e in icalendar.Calendar.from_ical(body).walk("VEVENT")}


def _properties(event: icalendar.Event) -> dict[str, bytes]:
    return {name: event[name].to_ical() for name in event}


@pytest.fixture
def round_trips(monkeypatch) -> dict[str, int]:
    """How many times the cache is read from and written to, many keys at once or one."""
    counts = dict.fromkeys(["get_many", "set_many", "get", "set"], 0)
    for name in counts:
        original = getattr(cache, name)

        def counting(*args, _name=name, _original=original, **kwargs):
            counts[_name] += 1
            return _original(*args, **kwargs)

        monkeypatch.setattr(cache, name, counting)
    return counts


def _build(user: User, cached: bool = True, at: dt.datetime = LATER) -> bytes:
    fresh = User.objects.get(pk=user.pk)
    with time_machine.travel(at, tick=False):
        return build(fresh, at, events=cache if cached else None).body


def test_the_cached_build_is_the_uncached_build_event_by_event(alice, data):
    whole = _build(alice, cached=False)
    first = _build(alice)  # every event made, and kept
    again = _build(alice)  # every event from the cache
    assert first == whole and again == whole
    expected = _events(whole)
    assert {uid.split("-")[0] for uid in expected} == {"interview", "reply", "todo", "reminder"}
    assert sum(e.get("status") == "CANCELLED" for e in expected.values()) == 1
    for built in (first, again):
        events = _events(built)
        assert list(events) == list(expected)  # the same events, in the same order
        for uid, event in events.items():
            assert _properties(event) == _properties(expected[uid]), uid
    # A valid calendar: its own lines once, the events inside it, lines ending CRLF.
    calendar = icalendar.Calendar.from_ical(again)
    assert str(calendar["prodid"]) == "-//Rebound//Calendar feed//EN"
    assert again.startswith(b"BEGIN:VCALENDAR\r\n") and again.endswith(b"END:VCALENDAR\r\n")
    assert again.count(b"BEGIN:VCALENDAR") == 1
    assert b"\n" not in again.replace(b"\r\n", b"")


def test_an_events_dtstamp_is_its_last_change_not_the_builds_moment(alice, data):
    today = _events(_build(alice))
    tomorrow = _events(_build(alice, at=NOW + dt.timedelta(days=1)))
    soon = today[f"interview-{data['soon'].pk}@rebound"]
    assert soon.decoded("dtstamp") == soon.decoded("last-modified") == NOW
    assert _properties(tomorrow[f"interview-{data['soon'].pk}@rebound"]) == _properties(soon)


def _summaries(client: Client, url: str) -> dict[str, str]:
    return {uid: str(e["summary"]) for uid, e in _events(client.get(url).content).items()}


def test_a_change_the_events_row_never_saw_reaches_the_feed(alice, client, data):
    soon, todo = f"interview-{data['soon'].pk}@rebound", f"todo-{data['todo'].pk}@rebound"
    reply = f"reply-{data['soon'].pk}@rebound"
    with time_machine.travel(LATER, tick=False):
        before = _summaries(client, data["url"])
        assert before[soon] == "Technical interview — Analyst at Acme"
        # The company renamed: no interview, to-do or reminder is written.
        company_save(company=data["acme"], name="Acme Corp")
        renamed = _summaries(client, data["url"])
        assert renamed[soon] == "Technical interview — Analyst at Acme Corp"
        assert renamed[reply] == "Acme Corp promised a reply by today (Analyst at Acme Corp)"
        assert renamed[todo] == "To-do: Send the portfolio (Analyst at Acme Corp)"
        # The role changed: the application's row only.
        application_update(
            application=data["analyst"], date_applied=data["analyst"].date_applied,
            fields=["role"], role="Data analyst",
        )  # fmt: skip
        assert _summaries(client, data["url"])[soon] == (
            "Technical interview — Data analyst at Acme Corp"
        )
        # A reminder cancelled.
        reminder = Reminder.objects.filter(owner=alice, status__in=Reminder.OPEN).first()
        assert reminder_cancel(reminder=reminder)
        cancelled = _events(client.get(data["url"]).content)[f"reminder-{reminder.pk}@rebound"]
        assert cancelled["status"] == "CANCELLED"
        # A to-do done leaves the feed.
        todo_services.todo_toggle(todo=Todo.objects.get(pk=data["todo"].pk))
        assert todo not in _summaries(client, data["url"])
        # The owner's language: the titles follow it.
        User.objects.filter(pk=alice.pk).update(language="de")
        german = _summaries(client, data["url"])
        assert german[soon].endswith(" – Data analyst bei Acme Corp")
        assert (
            german[reply] == "Acme Corp wollte sich bis heute melden (Data analyst bei Acme Corp)"
        )


def test_a_changed_interview_is_the_only_one_made_again(alice, data, made):
    everything = _build(alice)
    assert len(made) == len(_events(everything))  # every event, once
    made.clear()
    assert _build(alice) == everything and made == []  # nothing changed: all from the cache
    soon = data["soon"]
    # The interview's row alone (behind the services' back, as a trigger-only change): its
    # event and its promised reply are made again, nothing else.
    with time_machine.travel(LATER, tick=False):
        Interview.objects.filter(pk=soon.pk).update(location="Room 9", updated_at=LATER)
    body = _build(alice)
    assert made == [f"interview-{soon.pk}@rebound", f"reply-{soon.pk}@rebound"]
    assert b"Room 9" in body and b"Room 4" not in body


def test_an_interview_saved_makes_again_its_events_and_its_reminders_only(alice, data, made):
    before = _events(_build(alice))
    made.clear()
    soon = data["soon"]
    with time_machine.travel(LATER, tick=False):
        soon = Interview.objects.get(pk=soon.pk)
        soon.location = "Room 10"
        interview_save(interview=soon)
    after = _events(_build(alice))
    # The service reschedules the interview's own reminders too, but a new room moves none
    # of them: they keep their version (their SEQUENCE in calendars), so only the interview's
    # own two events are made again.
    changed = {uid for uid, e in after.items() if _properties(e) != _properties(before[uid])}
    its_reminders = {f"reminder-{r.pk}@rebound" for r in reminders_about(soon)}
    assert its_reminders & set(after)  # they are in the feed, unchanged
    assert changed == {f"interview-{soon.pk}@rebound", f"reply-{soon.pk}@rebound"}
    assert sorted(made) == sorted(changed)


def test_the_cache_is_read_at_most_twice_and_written_at_most_twice(alice, data, round_trips):
    few = dict(round_trips)
    # The first build: the sections (none kept yet), then their events; both written.
    _build(alice)
    assert round_trips == {"get_many": 2, "set_many": 2, "get": 0, "set": 0}
    # Nothing changed: every section read in one piece, nothing else read or written.
    _build(alice)
    assert round_trips == {"get_many": 3, "set_many": 2, "get": 0, "set": 0}
    # Many more events: still one read of the sections, one of the changed ones' events, and
    # one write of each.
    with time_machine.travel(NOW, tick=False):
        for day in range(40):
            todo_services.todo_add(
                application=data["analyst"], title=f"Step {day}",
                due_on=dt.date(2026, 11, 26) + dt.timedelta(days=day),
            )  # fmt: skip
        _interview(
            data["analyst"], NOW + dt.timedelta(days=20), promised_reply_by=dt.date(2026, 12, 24)
        )
    _build(alice)
    assert round_trips == {"get_many": 5, "set_many": 4, "get": 0, "set": 0}
    assert few == dict.fromkeys(few, 0)


def test_without_a_cache_every_event_is_made(alice, data, made, round_trips):
    body = _build(alice, cached=False)
    assert len(made) == len(_events(body)) and round_trips["get_many"] == 0
    assert round_trips["set_many"] == 0
