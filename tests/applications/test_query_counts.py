import pytest
from django.db import connection
from django.test.utils import CaptureQueriesContext
from django.urls import reverse

from applications.models import Attachment
from applications.pipeline import Status
from tests.factories import (
    ApplicationFactory,
    CompanyFactory,
    ContactFactory,
    InterviewFactory,
    SelfAssessmentFactory,
)

pytestmark = pytest.mark.django_db


def _populate(owner, n):
    companies = CompanyFactory.create_batch(3, owner=owner)
    apps = [
        ApplicationFactory(company=companies[i % 3], status=Status.values[i % len(Status.values)])
        for i in range(n)
    ]
    target = apps[0]
    for _ in range(min(n, 5)):
        interview = InterviewFactory(application=target)
        interview.interviewers.add(ContactFactory(company=target.company))
        SelfAssessmentFactory(interview=interview)
    return target


@pytest.mark.parametrize(
    "url_name", ["applications:application_list", "applications:board", "detail", "home"]
)
def test_it_makes_a_constant_number_of_queries(alice_client, alice, url_name):
    def count(url):
        with CaptureQueriesContext(connection) as ctx:
            assert alice_client.get(url).status_code == 200
        return len(ctx.captured_queries)

    def url_for(target):
        if url_name == "detail":
            return target.get_absolute_url()
        if url_name == "home":
            return reverse("home")
        return reverse(url_name)

    small = _populate(alice, 5)
    few = count(url_for(small))
    ApplicationFactory.create_batch(495, company=small.company)
    many = count(url_for(small))
    assert few == many, f"{url_name}: {few} queries with 5 applications, {many} with 500"


def test_the_table_makes_exactly_these_queries(alice_client, alice, django_assert_num_queries):
    _populate(alice, 30)
    # session, user, the user's data version (the key of the cached table), then on a miss:
    # count for the paginator, the page of applications with their companies, the filter's
    # company drop-down and tag drop-down (one plain read each), and the user's saved views
    # (one query, in the cached head).
    with django_assert_num_queries(8):
        alice_client.get(reverse("applications:application_list"))
    # The same again: the table is cached until something it shows changes.
    with django_assert_num_queries(3):
        alice_client.get(reverse("applications:application_list"))


def test_the_board_makes_exactly_these_queries(alice_client, alice, django_assert_num_queries):
    _populate(alice, 30)
    # session, user, the user's data version (the key of the cached columns), then on a miss:
    # the count per column, each column's first cards with their companies (one query), the
    # tags for the board's filter.
    with django_assert_num_queries(6):
        alice_client.get(reverse("applications:board"))
    # The same again: cached until something on the board changes.
    with django_assert_num_queries(3):
        alice_client.get(reverse("applications:board"))


def test_the_detail_page_makes_exactly_these_queries(
    alice_client, alice, django_assert_num_queries
):
    target = _populate(alice, 30)
    # session, user, the application with company (its owner is the request's user), its tags'
    # names and whether anything was sent with it (issue 24: the tags were a query of their own);
    # then one round trip for its timeline, the people linked to it, the company's contacts,
    # other applications there and its upcoming reminders (one more per kind with a note: none
    # here; rebound.lib.batch), and one for the other apps' sections ({% together %}): the
    # interviews (with assessments and their interviewers' names), coping's plans (with their
    # goals and steps), mail in's emails, the to-dos and the offer (issue 28). What was sent with
    # it is read only when there is any (none here).
    with django_assert_num_queries(5):
        alice_client.get(target.get_absolute_url())
    # Something sent: one query more to read it, as many as before issue 24's change.
    Attachment.objects.create(owner=alice, application=target, version="CV 2026")
    with django_assert_num_queries(6):
        alice_client.get(target.get_absolute_url())
