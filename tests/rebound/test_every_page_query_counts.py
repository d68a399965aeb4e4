"""Every main page makes the same number of queries for a small account and a large one."""

import pytest
import time_machine
from django.core.cache import cache
from django.db import connection
from django.test import Client
from django.test.utils import CaptureQueriesContext

from demo.bulk import load_heavy, main_pages

pytestmark = pytest.mark.django_db


def _counts(user) -> dict[str, int]:
    client = Client()
    client.force_login(user)
    counts = {}
    for name, url in main_pages(user):
        # Once before counting: what a process reads once and keeps (another test may have
        # emptied such a cache, whichever of the two accounts came first would pay for it)
        # is not a cost of the account's size. The shared cache is emptied again, so the
        # pages' cached fragments are still counted as built.
        client.get(url)
        cache.clear()
        with CaptureQueriesContext(connection) as ctx:
            response = client.get(url)
        assert response.status_code == 200, (name, url, response.status_code)
        counts[name] = len(ctx.captured_queries)
    return counts


@time_machine.travel("2026-11-25 10:00Z", tick=False)
def test_every_main_page_costs_the_same_queries_at_50_and_500_applications():
    small = load_heavy(email="small@example.com", password="x", scale=0.01)
    large = load_heavy(email="large@example.com", password="x", scale=0.1)
    from applications.models import Application

    assert Application.objects.filter(owner=small).count() == 50
    assert Application.objects.filter(owner=large).count() == 500
    few, many = _counts(small), _counts(large)
    # The reminders page loads the subjects of the reminders it shows with one query per kind
    # of subject on it (applications, interviews, plans): which are on the first pages
    # depends on the data, not its size. Session, user, a count and a page for each of its
    # three lists, and at most three subject queries.
    assert few.pop("reminders") <= 2 + 3 * 2 + 3
    assert many.pop("reminders") <= 2 + 3 * 2 + 3
    assert few == many
