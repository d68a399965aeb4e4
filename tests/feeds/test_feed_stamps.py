"""The feed's own version (feeds.stamps) moves with what the feed shows and with nothing else:
every column its digests read is stamped (read off their statement, feeds.digests), each kind
of change it shows bumps it, and a note or a journal entry leave it, and a calendar's copy, as
they were."""

import pytest
import time_machine
from django.db import connection
from django.db.migrations.loader import MigrationLoader
from django.test import Client
from django.urls import reverse

from applications.models import Application
from applications.services import application_update
from coping.services import journal_entry_create
from feeds import stamps, tokens
from feeds.checks import check_stamp_triggers
from feeds.models import CalendarFeed
from feeds.services import feed_enable
from interviews.models import Interview
from rebound import triggers
from rebound.fragments import data_version
from rebound.models import User

from .statement import columns_read
from .test_feed_sections import CHANGES, LATER, everything  # noqa: F401 (a fixture)

pytestmark = pytest.mark.django_db


def _stamped() -> dict[str, tuple[str, list[str]]]:
    loader = MigrationLoader(connection)
    plan = loader.graph.forwards_plan(("feeds", loader.graph.leaf_nodes("feeds")[0][1]))
    return stamps.stamped_columns(loader.graph.nodes[node] for node in plan)


def test_every_column_the_feed_reads_is_stamped() -> None:
    read = columns_read()
    assert read["interviews_interview"] >= {"starts_at", "location", "updated_at"}
    assert read["applications_contact"] == {"id", "name"}
    stamped = _stamped()
    for table, columns in read.items():
        assert table in stamped, table
        owner, watched = stamped[table]
        assert sorted(columns - {"id", owner, *watched}) == [], table
    installed = set()
    with connection.cursor() as cursor:
        cursor.execute("SELECT tgname FROM pg_trigger WHERE tgname LIKE %s", ["%_of_feed"])
        installed = {row[0] for row in cursor.fetchall()}
    for table in read:
        assert set(stamps.trigger_names(table)) <= installed, table
        # Fired after the data version's: a user's version is locked before their feed.
        for ours, versions in zip(
            stamps.trigger_names(table), triggers.trigger_names(table), strict=True
        ):
            assert versions < ours


def _versions(*users: User) -> list[int]:
    feeds = dict(CalendarFeed.objects.values_list("user_id", "content_version"))
    return [feeds[user.pk] for user in users]


@pytest.mark.usefixtures("everything")
@pytest.mark.parametrize("change", CHANGES)
def test_each_change_the_feed_shows_bumps_its_version(alice: User, bob: User, change: str) -> None:
    feed_enable(user=alice)
    feed_enable(user=bob)
    before = _versions(alice, bob)
    with time_machine.travel(LATER, tick=False):
        CHANGES[change](alice)
    after = _versions(alice, bob)
    assert after[0] > before[0]
    assert after[1] == before[1]  # another user's feed: untouched


@pytest.mark.usefixtures("everything")
def test_a_change_the_feed_doesnt_show_keeps_a_calendars_copy(
    alice: User, django_assert_num_queries
) -> None:
    feed = feed_enable(user=alice)
    url = reverse("feeds:calendar", args=[tokens.make(alice.pk, feed.version)])
    application = Application.objects.filter(owner=alice, status="interviewing").first()
    with time_machine.travel(LATER, tick=False):
        first = Client().get(url)
        versions = _versions(alice), data_version(alice)
        application_update(
            application=application,
            date_applied=application.date_applied,
            fields=["notes"],
            notes="Asked about the team's on-call rota.",
        )
        journal_entry_create(owner=alice, mood=4, text="A good call today.")
        assert data_version(alice) > versions[1]  # the rest of the app sees the changes
        assert _versions(alice) == versions[0]
        # The feed's row, which holds its version: the copy is read whole.
        with django_assert_num_queries(1):
            again = Client().get(url)
        not_modified = Client().get(url, headers={"If-None-Match": first["ETag"]})
    assert again.content == first.content and again["ETag"] == first["ETag"]
    assert not_modified.status_code == 304


@pytest.mark.usefixtures("everything")
def test_a_change_of_many_rows_bumps_it_once(alice: User) -> None:
    """Statement triggers: a change of many rows bumps the version once."""
    feed_enable(user=alice)
    (before,) = _versions(alice)
    moved = Interview.objects.filter(owner=alice).update(location="Room 12")
    assert moved > 1
    assert _versions(alice) == [before + 1]


def test_the_system_check_names_a_stamp_trigger_that_was_dropped() -> None:
    assert check_stamp_triggers(databases=["default"]) == []
    # The test's transaction rolls the DROP back (PostgreSQL's DDL is transactional).
    with connection.cursor() as cursor:
        cursor.execute("DROP TRIGGER todos_todo_update_bumps_version_of_feed ON todos_todo")
    errors = check_stamp_triggers(databases=["default"])
    assert [error.id for error in errors] == ["feeds.E001"]
    assert "todos_todo_update_bumps_version_of_feed" in errors[0].msg
