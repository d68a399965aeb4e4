import datetime as dt

import pytest
import time_machine
from django.urls import reverse

from applications import services
from applications.models import Application
from applications.pipeline import Status
from home.dashboard import weekly_applications
from tests.factories import ApplicationFactory, CompanyFactory, InterviewFactory, reject

pytestmark = pytest.mark.django_db


@time_machine.travel(dt.datetime(2026, 11, 25, 12, tzinfo=dt.UTC), tick=False)
def test_it_counts_applications_per_week_by_the_date_applied(alice):
    company = CompanyFactory(owner=alice)
    apps = ApplicationFactory.create_batch(4, company=company)
    for app, applied in zip(
        apps,
        [dt.date(2026, 11, 23), dt.date(2026, 11, 18), dt.date(2026, 11, 25), None],
        strict=True,
    ):
        # All typed in today; they count in the week they were sent (a Monday-based week).
        Application.objects.filter(pk=app.pk).update(date_applied=applied)
    weeks = weekly_applications(alice)
    assert len(weeks) == 12
    assert weeks[-1] == {"week": "2026-11-23", "label": "23 Nov", "count": 2}
    assert weeks[-2]["count"] == 1 and weeks[0]["week"] == "2026-09-07"


def test_the_home_page_shows_the_chart_with_a_table_fallback(alice_client, alice):
    ApplicationFactory(company=CompanyFactory(owner=alice))
    page = alice_client.get(reverse("home")).content.decode()
    assert 'id="weekly-chart"' in page and 'id="weekly-data"' in page
    assert "Show as a table" in page and "chart.umd.min.js" in page


def test_a_new_user_sees_a_welcome_instead_of_empty_charts(alice_client):
    page = alice_client.get(reverse("home")).content.decode()
    assert "Add your first application" in page and "weekly-chart" not in page


def test_the_home_page_lists_three_open_plans_and_points_to_the_rest(alice_client, alice):
    company = CompanyFactory(owner=alice, name="Acme")
    for _ in range(3):
        reject(ApplicationFactory(company=company, status=Status.INTERVIEWING))
    page = alice_client.get(reverse("home")).content.decode()
    assert "3 open plans" in page and "All your plans" not in page
    assert page.count(">After Acme</a>") == 3
    reject(ApplicationFactory(company=company, status=Status.INTERVIEWING))
    page = alice_client.get(reverse("home")).content.decode()
    # Four open: three shown, and no number that would be wrong.
    assert page.count(">After Acme</a>") == 3 and "All your plans" in page
    assert "4 open plans" not in page and "3 open plans" not in page
    assert "Your latest open plans" in page


@time_machine.travel(dt.datetime(2026, 11, 25, 12, tzinfo=dt.UTC), tick=False)
def test_home_sums_up_the_last_30_days_as_insights_counts_them(alice_client, alice, bob):
    acme = CompanyFactory(owner=alice, name="Acme")

    def sent(on, *moves):
        application = services.application_create(
            owner=alice, company=acme, role="R", status=Status.APPLIED, date_applied=on
        )
        for status, day in moves:
            services.application_change_status(application=application, to_status=status, on=day)

    D = dt.date
    sent(D(2026, 10, 27), (Status.SCREENING, D(2026, 11, 2)))  # first day of the 30: answered
    sent(D(2026, 11, 10), (Status.REJECTED, D(2026, 11, 12)))  # answered (a rejection)
    sent(D(2026, 11, 11), (Status.GHOSTED, D(2026, 11, 24)))  # marked ghosted
    sent(D(2026, 11, 20))  # waiting
    sent(D(2026, 10, 26), (Status.SCREENING, D(2026, 10, 30)))  # 31 days ago: not counted
    ApplicationFactory(company=CompanyFactory(owner=bob))  # someone else's
    home = alice_client.get(reverse("home")).content.decode()
    # The page loads the summary once it is shown (htmx), and links to Insights without it.
    assert 'hx-get="/home/glance/" hx-trigger="load"' in home
    assert 'href="/insights/?period=30"' in home
    page = alice_client.get(reverse("home_glance")).content.decode()
    # 4 sent; 2 heard back: 2 / 4 = 50%; 1 marked ghosted.
    assert (
        "In the last 30 days you sent 4 applications: 2 heard back (50%), "
        "and you marked 1 as ghosted." in " ".join(page.split())
    )
    assert 'href="/insights/?period=30"' in page
    # Behind the services' back: the cached summary follows at once (rebound.fragments).
    Application.objects.filter(owner=alice).update(date_applied=D(2026, 1, 5))
    page = alice_client.get(reverse("home_glance")).content.decode()
    assert "Nothing sent in the last 30 days." in page


@time_machine.travel(dt.datetime(2026, 11, 25, 12, tzinfo=dt.UTC), tick=False)
def test_home_makes_exactly_these_queries(alice_client, alice, django_assert_num_queries):
    company = CompanyFactory(owner=alice, name="Acme")
    for status in Status.values:
        ApplicationFactory(company=company, status=status, date_applied=dt.date(2026, 11, 2))
    InterviewFactory(application=ApplicationFactory(company=company, status=Status.INTERVIEWING))
    reject(ApplicationFactory(company=company, status=Status.INTERVIEWING))
    # session, user, the count per status, the interviews coming up, awaiting a
    # self-assessment (one is, so whether any is past needs no query) and with an overdue
    # reply (one query for the three lists), the applications per week (Insights' count),
    # the open plans with their steps and the journal's latest mood (one read), the to-dos
    # due this week.
    with django_assert_num_queries(7):
        alice_client.get(reverse("home"))
    # The summary (an htmx fragment): session, user, the data version that keys the cached
    # fragment, then on a miss the last 30 days' answers (Insights' one query); on a hit none.
    with django_assert_num_queries(4):
        alice_client.get(reverse("home_glance"))
    with django_assert_num_queries(3):
        alice_client.get(reverse("home_glance"))
