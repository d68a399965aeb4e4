"""The calendar feed's sections are cached by a digest of the rows that decide them
(feeds.calendar, feeds.digests): a change the feed doesn't show rebuilds nothing, and every
change to what an event shows, however it was written (here behind the services' back, so no
reminder's row moves with it), is in the next feed, which is byte for byte the feed built
whole."""

import datetime as dt
import random

import pytest
import time_machine
from django.core.cache import cache
from django.db import connection
from django.test.utils import CaptureQueriesContext

from applications.models import Application, Company, Contact
from coping.models import CopingPlan
from feeds import calendar
from feeds.digests import CHUNK, statement
from interviews.models import Interview
from offers.models import Offer
from people.models import KeepWarm
from rebound.lib.language import in_language_of
from rebound.models import User
from reminders.models import Reminder
from tests.factories import ApplicationFactory, CompanyFactory
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


@pytest.fixture
def many(alice: User, bob: User) -> list[int]:
    """Alice's 150 interviews (three chunks of the interviews' part, feeds.digests.CHUNK) and
    a few of Bob's, in bulk: the services schedule reminders, which these tests don't need."""
    cache.clear()
    interviews = []
    with time_machine.travel(NOW, tick=False):
        for owner, count in ((alice, 150), (bob, 5)):
            application = ApplicationFactory(
                company=CompanyFactory(owner=owner), status="interviewing"
            )
            for n in range(count):
                start = NOW + dt.timedelta(hours=7 * n + 1)
                interviews.append(
                    Interview(
                        owner=owner, application=application, round_type="technical",
                        starts_at=start, ends_at=start + dt.timedelta(hours=1),
                        location=f"Room {n}",
                        promised_reply_by=(start + dt.timedelta(days=3)).date() if n % 3 else None,
                    )
                )  # fmt: skip
        Interview.objects.bulk_create(interviews)
    shown = Interview.objects.filter(owner=alice).order_by("starts_at", "pk")
    return list(shown.values_list("pk", flat=True))


def test_an_edit_makes_again_its_chunk_alone(alice: User, many: list[int], made: list[str]) -> None:
    assert CHUNK < len(many) < 3 * CHUNK
    _build(alice)
    made.clear()
    edited = many[CHUNK + 3]  # in the second chunk
    Interview.objects.filter(pk=edited).update(location="Room 999")
    with CaptureQueriesContext(connection) as queries:
        after = _build(alice)
    # Made again: the edited interview's event alone (the rest of its chunk, its promised
    # reply included, from the events' cache); read: the owner, the digests, then the chunk's
    # own rows (its 64 interviews).
    assert made == [f"interview-{edited}@rebound"]
    assert len(queries) == 3 and f"OFFSET {CHUNK}" in queries[2]["sql"]
    assert after == _build(alice, cached=False) and b"Room 999" in after


def test_any_change_shows_however_it_moves_the_chunks(
    alice: User, bob: User, many: list[int]
) -> None:
    """Adds, removals and moves shift every later row to another chunk: each next feed is still
    the feed built whole, step after step, and Bob's is never in it."""
    steps = random.Random(24)
    bobs = _build(bob)
    for step in range(12):
        kept = list(Interview.objects.filter(owner=alice).values_list("pk", flat=True))
        picked = Interview.objects.get(pk=steps.choice(kept))
        action = step % 4
        if action == 0:  # one more, early: every later row moves down a place
            picked.pk = None
            picked.starts_at -= dt.timedelta(minutes=steps.randint(1, 600))
            picked.ends_at = picked.starts_at + dt.timedelta(hours=1)
            picked.save()
        elif action == 1:  # one fewer
            picked.delete()
        elif action == 2:  # moved to another place in the order
            moved = picked.starts_at + dt.timedelta(hours=steps.randint(-500, 500))
            Interview.objects.filter(pk=picked.pk).update(
                starts_at=moved, ends_at=moved + dt.timedelta(hours=1)
            )
        else:  # renamed, in place
            Interview.objects.filter(pk=picked.pk).update(location=f"Room {step} <&>")
        after = _build(alice)
        assert after == _build(alice, cached=False), step
        assert b"Bob" not in after
    assert _build(bob) == bobs
