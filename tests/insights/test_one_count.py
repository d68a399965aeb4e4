"""Home shows two of Insights' numbers (the applications sent per week, and the last 30 days'
answers): both pages must say the same, and what a person counting by hand would say."""

import csv
import datetime as dt
import io
import json
import re

import pytest
import time_machine
from django.urls import reverse

from applications import services
from applications.archive_services import application_archive
from applications.pipeline import Status
from tests.factories import ApplicationFactory, CompanyFactory

pytestmark = pytest.mark.django_db
D = dt.date


@pytest.fixture
def sent(alice, bob):
    """Alice's applications over the last twelve weeks (today is Wednesday 25 November 2026,
    in Berlin), some moved on, one archived; and one of Bob's."""
    acme = CompanyFactory(owner=alice, name="Acme")

    def send(on, *moves):
        application = services.application_create(
            owner=alice, company=acme, role="Analyst", status=Status.APPLIED, date_applied=on
        )
        for status, day in moves:
            services.application_change_status(application=application, to_status=status, on=day)
        return application

    send(D(2026, 9, 6))  # a Sunday: the week before home's twelve
    send(D(2026, 9, 7))  # Monday of the first of the twelve weeks
    old = send(D(2026, 11, 4), (Status.REJECTED, D(2026, 11, 9)))
    application_archive(application=old)  # put away, still sent that week
    send(D(2026, 11, 16), (Status.SCREENING, D(2026, 11, 18)))  # Monday
    send(D(2026, 11, 22), (Status.GHOSTED, D(2026, 11, 24)))  # Sunday, same week
    send(D(2026, 11, 23))  # this Monday
    send(D(2026, 11, 25))  # today
    services.application_create(owner=alice, company=acme, role="Someday")  # wishlist, unsent
    ApplicationFactory(company=CompanyFactory(owner=bob), date_applied=D(2026, 11, 24))


# Worked out by hand from the fixture: Monday of each week → applications sent that week.
BY_HAND = {D(2026, 9, 7): 1, D(2026, 11, 2): 1, D(2026, 11, 16): 2, D(2026, 11, 23): 2}
TWELVE_MONDAYS = [D(2026, 9, 7) + dt.timedelta(weeks=i) for i in range(12)]


def _insights_csv(client, query) -> list[list[str]]:
    response = client.get(reverse("insights:csv"), query)
    return list(csv.reader(io.StringIO(b"".join(response.streaming_content).decode())))


@time_machine.travel(dt.datetime(2026, 11, 25, 12, tzinfo=dt.UTC), tick=False)
def test_home_and_insights_count_the_same_applications_each_week(alice_client, sent):
    expected = {monday: BY_HAND.get(monday, 0) for monday in TWELVE_MONDAYS}
    home = alice_client.get(reverse("home")).content.decode()
    data = re.search(r'<script id="weekly-data" type="application/json">(.*?)</script>', home)
    assert data is not None
    on_home = {D.fromisoformat(w["week"]): w["count"] for w in json.loads(data[1])}
    rows = _insights_csv(
        alice_client, {"period": "custom", "start": "2026-09-07", "end": "2026-11-25"}
    )
    on_insights = {
        D.fromisoformat(measure.split(":")[0]): int(value)
        for section, measure, value in rows
        if section == "week" and measure.endswith(": applications")
    }
    assert on_home == expected
    assert on_insights == expected


@time_machine.travel(dt.datetime(2026, 11, 25, 12, tzinfo=dt.UTC), tick=False)
def test_home_sums_up_the_last_30_days_with_insights_numbers(alice_client, sent):
    # The last 30 days are 27 October to 25 November: sent on 4, 16, 22, 23 and 25 November
    # (5); heard back: the rejection and the screening (2, 40%); marked ghosted: 1.
    glance = alice_client.get(reverse("home_glance")).content.decode()
    assert (
        "In the last 30 days you sent 5 applications: 2 heard back (40%), "
        "and you marked 1 as ghosted." in " ".join(glance.split())
    )
    rows = _insights_csv(alice_client, {"period": "30"})
    overall = {m: v for s, m, v in rows if s == "responses by overall"}
    assert overall["all: applied"] == "5"
    assert overall["all: heard back"] == "2"
    assert overall["all: ghosted"] == "1"
