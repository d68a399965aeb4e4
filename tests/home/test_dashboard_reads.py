"""Home's interview lists and pipeline counts are read in plain SQL on PostgreSQL
(home/dashboard.py, issue 24): the same rows, in the same order, as the querysets they stand
for (`interview_querysets`, which SQLite reads) and as a COUNT through the ORM."""

import datetime as dt

import pytest
import time_machine
from django.db.models import Count

from applications.models import Application
from applications.pipeline import Status
from home import dashboard
from tests.factories import (
    ApplicationFactory,
    CompanyFactory,
    InterviewFactory,
    SelfAssessmentFactory,
)

pytestmark = pytest.mark.django_db

NOW = dt.datetime(2026, 11, 25, 12, tzinfo=dt.UTC)
TODAY = NOW.date()


def _interviews(owner, tag: str) -> None:
    """Interviews on every side of each list's edges: ahead, in progress, just over, over for
    days (some assessed), ties in time, promised replies past, today and ahead, on open and
    closed applications."""
    for i, (hours, length, reply, status, assessed) in enumerate(
        [
            (48, 1, None, Status.INTERVIEWING, False),
            (48, 1, None, Status.INTERVIEWING, False),  # the same start: a tie
            (2, 1, None, Status.SCREENING, False),
            (-0.5, 1, None, Status.INTERVIEWING, False),  # in progress
            (-1, 1, -3, Status.APPLIED, False),  # just over
            (-24, 2, -1, Status.INTERVIEWING, True),
            (-30, 1, 0, Status.INTERVIEWING, False),  # promised for today
            (-50, 1, -10, Status.REJECTED, False),  # closed since
            (-72, 1, -10, Status.SCREENING, False),  # a tie in promise
            (-96, 1, -20, Status.INTERVIEWING, False),
            (-120, 1, 5, Status.INTERVIEWING, False),
            (-144, 1, -2, Status.APPLIED, True),
            (-168, 25, -30, Status.WISHLIST, False),
        ]
    ):
        application = ApplicationFactory(
            company=CompanyFactory(owner=owner, name=f"{tag} {i} <&>"),
            status=status,
            date_applied=dt.date(2026, 9, 1),
        )
        starts = NOW + dt.timedelta(hours=hours)
        interview = InterviewFactory(
            application=application,
            starts_at=starts,
            ends_at=starts + dt.timedelta(hours=length),
            promised_reply_by=None if reply is None else TODAY + dt.timedelta(days=reply),
        )
        if assessed:
            SelfAssessmentFactory(interview=interview)


def _as_querysets(user) -> dict[str, list[tuple]]:
    return {
        name: [(i.pk, i.company_name) for i in queryset[: dashboard.LIST]]
        for name, queryset in dashboard.interview_querysets(user, NOW).items()
    }


@time_machine.travel(NOW, tick=False)
def test_the_lists_are_the_querysets(alice, bob) -> None:
    _interviews(alice, "Alice")
    _interviews(bob, "Bob")
    # Past the first five of the upcoming list too.
    for days in range(1, 7):
        InterviewFactory(
            application=ApplicationFactory(
                company=CompanyFactory(owner=alice, name=f"Later {days}")
            ),
            starts_at=NOW + dt.timedelta(days=days),
        )
    found = dashboard.interview_lists(alice, NOW)
    read = {name: [(i.pk, i.company_name) for i in rows] for name, rows in found.items()}
    assert read == _as_querysets(alice)
    assert all(len(rows) == dashboard.LIST for rows in read.values())
    assert all("Bob" not in name for rows in read.values() for _, name in rows)
    # The cards' columns, as the querysets give them.
    first = found["overdue_replies"][0]
    plain = dashboard.interview_querysets(alice, NOW)["overdue_replies"].first()
    assert plain is not None
    assert (first.round_type, first.starts_at, first.promised_reply_by, first.application_id) == (
        plain.round_type,
        plain.starts_at,
        plain.promised_reply_by,
        plain.application_id,
    )


@time_machine.travel(NOW, tick=False)
def test_no_interviews_no_rows(alice) -> None:
    assert dashboard.interview_lists(alice, NOW) == {
        "upcoming_interviews": [],
        "awaiting_assessment": [],
        "overdue_replies": [],
    }


def test_the_counts_are_the_orms(alice, bob) -> None:
    company = CompanyFactory(owner=alice)
    for i, status in enumerate(Status.values[:-2] * 2):
        ApplicationFactory(company=company, status=status, role=f"R{i}")
    ApplicationFactory(company=CompanyFactory(owner=bob), status=Status.OFFER)
    expected = dict(
        Application.objects.filter(owner=alice)
        .values_list("status")
        .annotate(n=Count("*"))
        .values_list("status", "n")
    )
    assert dashboard.status_counts(alice) == expected
    assert sum(expected.values()) == 2 * (len(Status.values) - 2)
    assert dashboard.status_counts(bob) == {Status.OFFER: 1}
