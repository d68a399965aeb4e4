import pytest
from django.db import connection
from django.test.utils import CaptureQueriesContext
from django.urls import reverse

from applications.pipeline import Status
from coping.services import journal_entry_create, net_goal_set
from tests.factories import ApplicationFactory, CompanyFactory, reject

pytestmark = pytest.mark.django_db


def _add(owner, n):
    plans = []
    for _ in range(n):
        app = ApplicationFactory(company=CompanyFactory(owner=owner), status=Status.INTERVIEWING)
        plan = reject(app)
        net_goal_set(plan=plan, target=3, weeks=2)
        journal_entry_create(owner=owner, plan=plan, mood=3, text="Entry")
        plans.append(plan)
    return plans


def _count(client, url):
    with CaptureQueriesContext(connection) as ctx:
        assert client.get(url).status_code == 200
    return len(ctx.captured_queries)


@pytest.mark.parametrize(
    "page", ["plan_list", "plan_detail", "journal", "reminder_list", "home", "feelings"]
)
def test_pages_make_a_constant_number_of_queries(alice_client, alice, page):
    first = _add(alice, 2)[0]
    urls = {
        "plan_list": reverse("coping:plan_list"),
        "plan_detail": first.get_absolute_url(),
        "journal": reverse("coping:journal"),
        "reminder_list": reverse("reminders:list"),
        "home": reverse("home"),
        "feelings": reverse("coping:plan_step", args=[first.pk, "feelings"]),
    }
    few = _count(alice_client, urls[page])
    _add(alice, 25)
    for _ in range(15):
        journal_entry_create(owner=alice, plan=first, mood=4, text="More")
    many = _count(alice_client, urls[page])
    assert few == many, f"{page}: {few} queries with 2 plans, {many} with 27"
