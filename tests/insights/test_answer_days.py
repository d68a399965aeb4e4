"""Responsiveness counts answers' days in the database (a histogram); its median and
quartiles must equal the plain `statistics` ones over the same days, one per answer."""

import datetime as dt
import random
import statistics

import pytest
import time_machine
from django.db import connection

from applications import services as applications
from applications.pipeline import Status
from insights.metrics.period import Period
from insights.metrics.responses import Responsiveness, responsiveness
from tests.factories import CompanyFactory

D = dt.date


def test_histogram_median_and_quartiles_equal_the_plain_ones():
    rng = random.Random(24)
    for size in [*range(1, 12), 50, 51, 1000]:
        days = [rng.choice([0, 1, 2, 3, 5, 8, 13, 40]) for _ in range(size)]
        r = Responsiveness()
        for d in days:  # in any order, some repeated, some counted together
            r.count(d, ghosted=False)
        r.count(None, ghosted=True, n=3)
        assert sorted(r.days) == sorted(days)
        assert r.median_days == statistics.median(days)
        assert type(r.median_days) is type(statistics.median(days))  # 4 stays 4 in the CSV
        expected = statistics.quantiles(days, n=4, method="inclusive") if size >= 2 else None
        assert r.quartiles == (None if expected is None else (expected[0], expected[2]))
        assert (r.applied, r.heard_back, r.ghosted) == (size + 3, size, 3)


@pytest.mark.django_db
def test_the_portable_count_equals_the_postgres_one(alice, monkeypatch):
    """Postgres groups the per-application rows again in SQL; other databases fold them here.
    Both give the same report."""
    with time_machine.travel(dt.datetime(2026, 11, 25, 12, tzinfo=dt.UTC), tick=False):
        acme = CompanyFactory(owner=alice, name="Acme")
        for i, (source, answer_after, ghosted) in enumerate(
            [
                ("job_board", 3, False),
                ("job_board", 3, False),
                ("job_board", None, True),
                ("referral", 8, False),
                ("referral", None, False),
                ("", 1, True),  # answered, then marked ghosted: it heard back
            ]
        ):
            application = applications.application_create(
                owner=alice,
                company=acme if i < 4 else CompanyFactory(owner=alice, name=f"Other {i}"),
                role="Analyst",
                status=Status.APPLIED,
                date_applied=D(2026, 10, 1),
                source=source,
            )
            if answer_after is not None:
                applications.application_change_status(
                    application=application,
                    to_status=Status.SCREENING,
                    on=D(2026, 10, 1) + dt.timedelta(days=answer_after),
                )
            if ghosted:
                applications.application_change_status(
                    application=application, to_status=Status.GHOSTED, on=D(2026, 10, 20)
                )
    period = Period(D(2026, 10, 1), D(2026, 10, 31), "October")

    def flat(report):
        return [
            (name, r.applied, r.heard_back, r.ghosted, sorted(r.days), r.median_days)
            for name, r in [("all", report.overall), *report.by_source, *report.by_company]
        ]

    in_postgres = flat(responsiveness(alice, period))
    monkeypatch.setattr(connection, "vendor", "sqlite")
    assert flat(responsiveness(alice, period)) == in_postgres
    assert in_postgres[0] == ("all", 6, 4, 1, [1, 3, 3, 8], 3)
    assert ("Acme", 4, 3, 1, [3, 3, 8], 3) in in_postgres  # the third was ghosted
