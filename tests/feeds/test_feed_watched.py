"""A calendar's copy of the feed is cached by its owner's data version (feeds.views), so every
table the feed reads must bump that version on any change (rebound.triggers). The tables are
read here off the statement the feed's digests run (feeds.digests), which names every table its
parts and their lines read; and each kind of change, written behind the services' back, is in
the very next fetch of the feed's link. A contact renamed on its page once stayed under its
old name in calendars until the next day."""

import pytest
import time_machine
from django.db import connection
from django.db.migrations.loader import MigrationLoader
from django.test import Client
from django.urls import reverse

from applications import company_services
from applications.models import Contact
from feeds import tokens
from feeds.services import feed_enable
from people.models import KeepWarm
from rebound import triggers
from rebound.models import User

from .statement import columns_read
from .test_feed_sections import CHANGES, LATER, _build, everything  # noqa: F401 (a fixture)

pytestmark = pytest.mark.django_db


def test_every_table_the_feed_reads_bumps_its_owners_data_version() -> None:
    tables = set(columns_read())
    # The statement is read right: the parts' tables and their lines' are all found.
    assert {
        "interviews_interview",
        "applications_company",
        "todos_todo",
        "reminders_reminder",
        "applications_contact",
        "people_keepwarm",
        "offers_offer",
        "weekly_weeklyletter",
    } <= tables
    watched = triggers.watched_tables(MigrationLoader(connection).disk_migrations.values())
    assert sorted(tables - set(watched)) == []
    assert triggers.missing(connection, sorted(tables)) == []


def _link(user: User) -> str:
    feed = feed_enable(user=user)
    return reverse("feeds:calendar", args=[tokens.make(user.pk, feed.version)])


@pytest.mark.usefixtures("everything")
@pytest.mark.parametrize("change", CHANGES)
def test_every_change_is_in_the_next_fetch_of_the_link(alice: User, change: str) -> None:
    url = _link(alice)
    with time_machine.travel(LATER, tick=False):
        before = Client().get(url).content
        CHANGES[change](alice)
        after = Client().get(url).content
    assert after != before
    assert after == _build(alice, cached=False)


@pytest.mark.usefixtures("everything")
def test_a_contact_renamed_on_its_page_is_renamed_in_calendars(alice: User) -> None:
    url = _link(alice)
    contact = KeepWarm.objects.filter(owner=alice).order_by("pk").first().contact
    with time_machine.travel(LATER, tick=False):
        assert contact.name.encode() in Client().get(url).content
        contact.name = "Zebulon Newname"
        company_services.contact_save(contact=contact)
        after = Client().get(url).content
    assert b"Zebulon Newname" in after
    assert Contact.objects.get(pk=contact.pk).name == "Zebulon Newname"
