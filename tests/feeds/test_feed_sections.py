"""The calendar feed's sections are cached by a digest of the rows that decide them
(feeds.calendar, feeds.digests): a change the feed doesn't show rebuilds nothing, and every
change to what an event shows, however it was written (here behind the services' back, so no
reminder's row moves with it), is in the next feed, which is byte for byte the feed built
whole."""

import datetime as dt

import pytest
import time_machine
from django.core.cache import cache
from django.db import connection
from django.test.utils import CaptureQueriesContext

from applications.models import Application, Company, Contact
from coping.models import CopingPlan
from feeds import calendar
from feeds.digests import statement
from interviews.models import Interview
from offers.models import Offer
from people.models import KeepWarm
from rebound.lib.language import in_language_of
from rebound.models import User
from reminders.models import Reminder
from todos.models import Todo
from weekly.models import WeeklyLetter

from .test_feed_fast_reminders import NOW, _remind_of_everything

pytestmark = pytest.mark.django_db
LATER = NOW + dt.timedelta(minutes=5)


@pytest.fixture
def everything(alice: User, bob: User) -> None:
    cache.clear()
    with time_machine.travel(NOW, tick=False):
        _remind_of_everything(alice, ["Acme", "Globex"])
        _remind_of_everything(bob, ["Bob's secret", "Initech"])


def _build(user: User, cached: bool = True) -> bytes:
    fresh = User.objects.get(pk=user.pk)
    with time_machine.travel(LATER, tick=False), in_language_of(fresh):
        return calendar.build(fresh, LATER, events=cache if cached else None).body


def _first(model, owner: User, path: str = "owner"):
    return model.objects.filter(**{path: owner}).order_by("pk").first()


# Each a change behind the services' back to one column a line or an event shows.
CHANGES = {
    "a company renamed": lambda u: Company.objects.filter(pk=_first(Company, u).pk).update(
        name="Renamed Co"
    ),
    "a role changed": lambda u: Application.objects.filter(
        pk=_first(Offer, u, "application__owner").application_id
    ).update(role="New role"),
    "a to-do retitled": lambda u: Todo.objects.filter(pk=_first(Todo, u).pk).update(
        title="New title"
    ),
    "a contact renamed": lambda u: Contact.objects.filter(
        pk=_first(KeepWarm, u, "contact__owner").contact_id
    ).update(name="New name"),
    "a round changed": lambda u: Interview.objects.filter(owner=u).update(round_type="final"),
    "an interview moved": lambda u: Interview.objects.filter(pk=_first(Interview, u).pk).update(
        location="Room 99"
    ),
    "a to-do's subject gone": lambda u: Todo.objects.filter(pk=_first(Todo, u).pk).delete(),
    "a plan gone": lambda u: CopingPlan.objects.filter(pk=_first(CopingPlan, u).pk).delete(),
    "a letter gone": lambda u: WeeklyLetter.objects.filter(user=u).delete(),
    "a reminder cancelled": lambda u: Reminder.objects.filter(
        pk=Reminder.objects.filter(owner=u, status__in=Reminder.OPEN).order_by("pk")[0].pk
    ).update(status=Reminder.Status.CANCELLED, updated_at=LATER),
}


@pytest.mark.parametrize("change", CHANGES)
@pytest.mark.parametrize("language", ["en", "de"])
def test_every_change_shows_in_the_next_feed(
    alice: User, bob: User, everything: None, change: str, language: str
) -> None:
    User.objects.filter(pk=alice.pk).update(language=language)
    before = _build(alice)  # every section kept
    bobs = _build(bob)
    CHANGES[change](alice)
    after = _build(alice)
    assert after == _build(alice, cached=False)
    assert after != before  # the change shows
    assert _build(bob) == bobs == _build(bob, cached=False)  # another user's feed: untouched


def test_a_change_the_feed_doesnt_show_makes_nothing_again(
    alice: User, everything: None, made: list[str]
) -> None:
    whole = _build(alice)
    made.clear()
    Application.objects.filter(owner=alice).update(notes="Private words the feed never shows")
    with CaptureQueriesContext(connection) as queries:
        assert _build(alice) == whole
    assert made == []  # no event made again, nor read one by one
    # The owner (read by _build), then the digests, in one query: no section's rows read.
    assert len(queries) == 2 and "md5" in queries[1]["sql"]


def test_a_changed_section_is_the_only_one_read_again(alice: User, everything: None) -> None:
    _build(alice)
    Interview.objects.filter(pk=_first(Interview, alice).pk).update(location="Room 98")
    with CaptureQueriesContext(connection) as queries:
        _build(alice)
    # The owner (read by _build), the digests, then the interviews' own read alone: not the
    # reminders' nor the to-dos'.
    assert len(queries) == 3 and "md5" in queries[1]["sql"]
    assert '"interviews_interview"' in queries[2]["sql"]
    assert '"todos_todo"' not in queries[2]["sql"]
    assert '"reminders_reminder"' not in queries[2]["sql"]


@pytest.mark.parametrize("moment", [NOW, NOW + dt.timedelta(days=40)])
def test_the_statement_compiled_once_answers_as_one_compiled_now(
    alice: User, bob: User, everything: None, moment: dt.datetime
) -> None:
    since = calendar.window_start(moment)
    answers = {}
    for user in (alice, bob):
        sql, params = statement(calendar._sources(user.pk, since, since.date()))
        with connection.cursor() as cursor:
            cursor.execute(sql, params)
            fresh = list(cursor.fetchone())
        answers[user.pk] = calendar._DIGESTS(user.pk, since, since.date())
        assert answers[user.pk] == fresh
    assert answers[alice.pk] != answers[bob.pk]
