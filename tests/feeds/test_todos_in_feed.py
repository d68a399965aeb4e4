"""Open to-dos with a due date are in the calendar feed as all-day events, in the owner's
language; a to-do's every change reaches the cached feed at once (the to-do table bumps the
owner's data version, by trigger, as the other tables the feed shows do)."""

import datetime as dt

import icalendar
import pytest
from django.db import connection
from django.test import Client
from django.urls import reverse

from feeds import services as feed_services
from feeds import tokens
from rebound import triggers
from rebound.models import DataVersion
from tests.factories import ApplicationFactory, CompanyFactory
from todos import services
from todos.models import Todo

pytestmark = [pytest.mark.django_db, pytest.mark.frozen("2026-11-25 12:00Z")]
D = dt.date


@pytest.fixture
def feed_url(alice) -> str:
    feed = feed_services.feed_enable(user=alice)
    return reverse("feeds:calendar", args=[tokens.make(alice.pk, feed.version)])


@pytest.fixture
def analyst(alice):
    return ApplicationFactory(
        company=CompanyFactory(owner=alice, name="Acme"), role="Analyst", status="interviewing"
    )


def _todo_events(url: str) -> dict[str, icalendar.Event]:
    body = Client().get(url).content
    calendar = icalendar.Calendar.from_ical(body)
    return {
        str(event["uid"]): event
        for event in calendar.walk("VEVENT")
        if str(event["uid"]).startswith("todo-")
    }


def test_open_todos_with_a_due_date_are_all_day_events(feed_url, analyst, bob):
    todo = services.todo_add(
        application=analyst, title="Send the portfolio", due_on=D(2026, 11, 27)
    )
    services.todo_add(application=analyst, title="Undated")
    done = services.todo_add(application=analyst, title="Done already", due_on=D(2026, 11, 26))
    services.todo_toggle(todo=done)
    # 91 days ago: before the feed's 90-day window.
    services.todo_add(application=analyst, title="Long ago", due_on=D(2026, 8, 26))
    services.todo_add(
        application=ApplicationFactory(company=CompanyFactory(owner=bob)),
        title="Bob's",
        due_on=D(2026, 11, 27),
    )
    events = _todo_events(feed_url)
    assert list(events) == [f"todo-{todo.pk}@rebound"]
    event = events[f"todo-{todo.pk}@rebound"]
    assert str(event["summary"]) == "To-do: Send the portfolio (Analyst at Acme)"
    assert event.decoded("dtstart") == D(2026, 11, 27)
    assert event.decoded("dtend") == D(2026, 11, 28)
    assert str(event["url"]).endswith(f"/applications/{analyst.pk}/#todos")


def test_the_feed_speaks_its_owners_language(feed_url, analyst, alice):
    services.todo_add(application=analyst, title="Mappe schicken", due_on=D(2026, 11, 27))
    alice.language = "de"
    alice.save(update_fields=["language"])
    (event,) = _todo_events(feed_url).values()
    assert str(event["summary"]) == "Aufgabe: Mappe schicken (Analyst bei Acme)"


def test_every_change_to_a_todo_reaches_the_cached_feed(feed_url, analyst, alice):
    todo = services.todo_add(application=analyst, title="Portfolio", due_on=D(2026, 11, 27))
    assert len(_todo_events(feed_url)) == 1  # built and cached
    version = DataVersion.objects.get(user=alice).version
    # Behind the services' back: the trigger alone moves the version, and the feed follows.
    Todo.objects.filter(pk=todo.pk).update(due_on=D(2026, 11, 30))
    assert DataVersion.objects.get(user=alice).version > version
    (event,) = _todo_events(feed_url).values()
    assert event.decoded("dtstart") == D(2026, 11, 30)
    services.todo_toggle(todo=Todo.objects.get(pk=todo.pk))
    assert _todo_events(feed_url) == {}
    services.todo_toggle(todo=Todo.objects.get(pk=todo.pk))
    assert len(_todo_events(feed_url)) == 1
    services.todo_delete(todo=Todo.objects.get(pk=todo.pk))
    assert _todo_events(feed_url) == {}


def test_the_todo_table_has_its_version_triggers():
    assert triggers.missing(connection, ["todos_todo"]) == []
