"""Home's three interview lists (coming up, awaiting a self-assessment, a promised reply
overdue): the first five of each in its own order, the owner's only. On PostgreSQL they come
from one UNION ALL (home/dashboard.py); the expected lists here are written out by hand."""

import datetime as dt

import pytest
import time_machine
from django.urls import reverse

from applications.pipeline import Status
from tests.factories import (
    ApplicationFactory,
    CompanyFactory,
    InterviewFactory,
    SelfAssessmentFactory,
)

pytestmark = pytest.mark.django_db

NOW = dt.datetime(2026, 11, 25, 12, tzinfo=dt.UTC)
TODAY = NOW.date()


def _interview(owner, company, *, days: float, reply_days: int | None = None, status=None):
    application = ApplicationFactory(
        company=CompanyFactory(owner=owner, name=company),
        status=status or Status.INTERVIEWING,
        date_applied=dt.date(2026, 9, 1),
    )
    return InterviewFactory(
        application=application,
        starts_at=NOW + dt.timedelta(days=days),
        promised_reply_by=None if reply_days is None else TODAY + dt.timedelta(days=reply_days),
    )


@time_machine.travel(NOW, tick=False)
def test_each_list_shows_its_first_five_in_its_own_order(alice, alice_client, bob):
    # Coming up: seven, made out of order; the five soonest show, soonest first.
    ahead = {d: _interview(alice, f"Ahead {d}", days=d) for d in (3, 1, 7, 2, 6, 4, 5)}
    # Past and not assessed: seven; the five latest show, latest first. One assessed: never.
    behind = {d: _interview(alice, f"Behind {d}", days=-d) for d in (5, 2, 7, 1, 3, 6, 4)}
    SelfAssessmentFactory(interview=_interview(alice, "Assessed", days=-0.5))
    # A promised reply overdue (the application still open): six, oldest promise first; one
    # whose application was rejected since, and one promised for today: neither is overdue.
    late = {
        d: _interview(alice, f"Late {d}", days=-30 - d, reply_days=-d) for d in (4, 9, 2, 6, 3, 8)
    }
    _interview(alice, "Rejected since", days=-40, reply_days=-20, status=Status.REJECTED)
    _interview(alice, "Due today", days=-41, reply_days=0)
    _interview(bob, "Bob's", days=1, reply_days=-5)

    context = alice_client.get(reverse("home")).context
    pks = {name: [i.pk for i in context[name]] for name in
           ("upcoming_interviews", "awaiting_assessment", "overdue_replies")}  # fmt: skip
    assert pks["upcoming_interviews"] == [ahead[d].pk for d in (1, 2, 3, 4, 5)]
    assert pks["awaiting_assessment"] == [behind[d].pk for d in (1, 2, 3, 4, 5)]
    assert pks["overdue_replies"] == [late[d].pk for d in (9, 8, 6, 4, 3)]
    names = [i.company_name for i in context["overdue_replies"]]
    assert names == ["Late 9", "Late 8", "Late 6", "Late 4", "Late 3"]

    page = alice_client.get(reverse("home")).content.decode()
    assert page.index("Ahead 1") < page.index("Ahead 5") and "Ahead 6" not in page
    assert f'href="/interviews/{behind[1].pk}/assessment/"' in page
    assert f'<a href="/applications/{late[9].application_id}/">Late 9</a> promised a reply' in page
    assert "Bob&#x27;s" not in page and "Rejected since" not in page


@time_machine.travel(NOW, tick=False)
def test_empty_lists_say_so(alice_client):
    page = alice_client.get(reverse("home")).content.decode()
    assert "No interviews scheduled." in page
    assert "After your first interview, a short self-assessment will be waiting here." in page
    assert "No promised replies are overdue." in page
