"""Pages without a count: one row more than shown says whether there is a next page."""

import datetime as dt

import pytest
import time_machine
from django.db import connection
from django.test.utils import CaptureQueriesContext
from django.urls import reverse

from interviews.models import Interview
from rebound.lib.paging import Window
from tests.factories import ApplicationFactory, CompanyFactory, InterviewFactory

pytestmark = pytest.mark.django_db


@pytest.fixture
def past_interviews(alice):
    application = ApplicationFactory(company=CompanyFactory(owner=alice))
    start = dt.datetime(2026, 1, 1, 9, tzinfo=dt.UTC)
    return [
        InterviewFactory(application=application, starts_at=start + dt.timedelta(days=i))
        for i in range(21)
    ]


def test_a_window_reads_one_query_and_knows_its_neighbours(alice, past_interviews):
    queryset = Interview.objects.filter(owner=alice).order_by("starts_at")
    with CaptureQueriesContext(connection) as ctx:
        first = Window(queryset, "1", 10)
        assert [i.pk for i in first] == [i.pk for i in past_interviews[:10]]
    assert len(ctx.captured_queries) == 1  # no COUNT
    assert first.has_next() and not first.has_previous() and first.paginator is None
    third = Window(queryset, 3, 10)
    assert [i.pk for i in third] == [past_interviews[20].pk]
    assert not third.has_next() and third.previous_page_number() == 2
    # A stale or hand-made page number: the first page, as Django's get_page would clamp.
    assert Window(queryset, "99", 10).number == 1
    assert Window(queryset, "-3", 10).number == 1
    assert Window(queryset, "x", 10).number == 1


@time_machine.travel("2026-11-25 10:00Z", tick=False)
def test_the_interviews_page_pages_its_past_without_counting(alice, alice_client, past_interviews):
    url = reverse("interviews:list")
    first = alice_client.get(url).content.decode()
    assert first.count("Write self-assessment") == 20
    assert "Page 1</span>" in first and "page=2" in first
    second = alice_client.get(url + "?page=2").content.decode()
    assert second.count("Write self-assessment") == 1 and "page=1" in second
