"""The tallies (insights.models.AnswerTally, CompanyTally) are kept by PostgreSQL triggers on
the rollup rows: whatever is written to the timelines and the applications, however many rows
at once, each user's tallies hold their applications with a date applied, counted here in
Python from the tables themselves. And Insights counts the same for all time from them as
from the rollup rows of the same cohort read by a period that names its start."""

import datetime as dt
from collections import Counter

import pytest
from django.db import connection
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from applications.models import Application, StatusChange
from insights import checks
from insights.metrics.activity import activity
from insights.metrics.funnel import funnel
from insights.metrics.period import Period
from insights.metrics.responses import responsiveness
from insights.models import AnswerTally, CompanyTally
from tests.factories import ApplicationFactory, CompanyFactory, UserFactory
from tests.insights.test_timeline_rollup import STATUSES, change, day, expected

pytestmark = [
    pytest.mark.django_db,
    pytest.mark.skipif(connection.vendor != "postgresql", reason="the triggers are PostgreSQL's"),
]


def counted_by_hand(user) -> tuple[Counter, Counter]:
    """The user's groups and companies, from each application's timeline (`expected`)."""
    answers: Counter = Counter()
    companies: Counter = Counter()
    for application in Application.objects.filter(owner=user):
        top, first_answer, ghosted, exits, (_, applied, source, company), _ = expected(application)
        if applied is None:
            continue  # a wishlist entry is in no cohort
        days = (first_answer - applied).days if first_answer else None
        answers[(source, top, days, ghosted, frozenset(exits))] += 1
        companies[company] += 1
    return answers, companies


def tallied(user) -> tuple[Counter, Counter]:
    answers = Counter(
        {
            (t.source, t.top_rank, t.days, t.ghosted, frozenset(t.exits.split())): t.n
            for t in AnswerTally.objects.filter(owner=user)
        }
    )
    companies = Counter(
        dict(CompanyTally.objects.filter(owner=user).values_list("company_id", "n"))
    )
    return answers, companies


# One step of a random history: (what, which application, a status, another, a day offset).
steps = st.lists(
    st.tuples(
        st.sampled_from(
            ["add", "add many", "correct", "remove", "redate", "undate", "resource", "move", "give"]
        ),
        st.integers(0, 3),
        st.sampled_from(STATUSES),
        st.sampled_from(["", *STATUSES]),
        st.integers(-5, 40),
    ),
    min_size=1,
    max_size=12,
)


@settings(max_examples=60, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(history=steps)
def test_the_tallies_count_what_the_timelines_say(history):
    users = [UserFactory(), UserFactory()]
    companies = [CompanyFactory(owner=u) for u in users for _ in range(2)]
    # Two applications each; the fourth on the second user's first company.
    apps = [
        ApplicationFactory(owner=users[0], company=companies[0], date_applied=day(10)),
        ApplicationFactory(owner=users[0], company=companies[1], date_applied=day(12)),
        ApplicationFactory(owner=users[1], company=companies[2], date_applied=day(10)),
        ApplicationFactory(owner=users[1], company=companies[2], date_applied=None),
    ]
    for user in users:
        assert tallied(user) == counted_by_hand(user)
    for what, which, to, from_, offset in history:
        application = Application.objects.get(pk=apps[which].pk)
        if what == "move":  # to the owner's other company
            mine = [c for c in companies if c.owner_id == application.owner_id]
            Application.objects.filter(pk=application.pk).update(company=mine[offset % 2])
        elif what == "give":  # to the other user, with one of their companies: both move
            other = [c for c in companies if c.owner_id != application.owner_id][offset % 2]
            Application.objects.filter(pk=application.pk).update(
                owner=other.owner_id, company=other
            )
        else:  # a timeline's own step (test_timeline_rollup's)
            assert change(what, application, apps, to, from_, offset), what
        for user in users:
            assert tallied(user) == counted_by_hand(user), (what, user.pk)
    # No empty group is kept, and nothing is left once the applications are gone.
    assert not AnswerTally.objects.filter(n=0).exists()
    assert not CompanyTally.objects.filter(n=0).exists()
    Application.objects.filter(pk=apps[0].pk).delete()
    assert tallied(users[0]) == counted_by_hand(users[0])
    for user in users:
        user.delete()
    assert not AnswerTally.objects.exists()
    assert not CompanyTally.objects.exists()


def test_a_bulk_import_counts_once_per_group():
    user = UserFactory()
    company = CompanyFactory(owner=user)
    Application.objects.bulk_create(
        Application(owner=user, company=company, role=f"R{i}", source="referral",
                    date_applied=day(i % 3), status="applied")
        for i in range(30)
    )  # fmt: skip
    # No timeline yet (a bulk insert skips the service): 30 alike, at rank 0, unanswered.
    assert list(AnswerTally.objects.filter(owner=user).values_list("top_rank", "days", "n")) == [
        (0, None, 30)
    ]
    assert list(CompanyTally.objects.filter(owner=user).values_list("company_id", "n")) == [
        (company.pk, 30)
    ]


def report(user, period: Period) -> tuple:
    f, r = funnel(user, period), responsiveness(user, period)
    weeks = activity(user, period)
    return (
        f.applied,
        f.reached,
        f.exits,
        [(name, x.applied, x.heard_back, x.ghosted, sorted(x.days)) for name, x in r.by_source],
        [(name, x.applied, x.heard_back, x.ghosted, sorted(x.days)) for name, x in r.by_company],
        weeks[0].monday,
        sum(w.applications for w in weeks),
    )


def test_all_time_counts_the_same_from_the_tallies_as_from_the_rollup():
    user = UserFactory()
    end = day(60)
    busy, quiet = CompanyFactory(owner=user, name="Busy"), CompanyFactory(owner=user, name="Quiet")
    histories = [
        (busy, 0, [("applied", "screening", 3), ("screening", "rejected", 9)]),
        (busy, 2, [("applied", "ghosted", 30)]),
        (busy, 5, [("applied", "interviewing", 5), ("interviewing", "offer", 8)]),
        (busy, 7, []),
        (quiet, 1, [("applied", "rejected", 4)]),
        # Applied after the period's end (a date typed in the future): in no cohort of it.
        (busy, 65, [("applied", "screening", 66)]),
        (busy, 70, []),
    ]
    for company, applied, history in histories:
        application = ApplicationFactory(
            owner=user, company=company, date_applied=day(applied), source="referral"
        )
        StatusChange.objects.bulk_create(
            StatusChange(
                application=application, from_status=f, to_status=t, changed_on=day(applied + o)
            )
            for f, t, o in history
        )
    all_time = report(user, Period(None, end, ""))
    # The same cohort, read off the rollup rows (the weeks of a named start begin there).
    assert all_time[:5] == report(user, Period(dt.date(1, 1, 1), end, ""))[:5]
    # By hand: five applied by day 60; screening reached by the first and third; Busy has
    # four (its two after day 60 don't count, or it would lead with six), Quiet one (under
    # the three a company needs to be listed); the weeks start at day 0's; five applied in them.
    assert all_time[0] == 5
    assert all_time[1]["screening"] == 2
    assert [(name, n) for name, n, *_ in all_time[4]] == [("Busy", 4)]
    assert all_time[5] == day(0) - dt.timedelta(days=day(0).weekday())
    assert all_time[6] == 5


def test_a_dropped_tally_trigger_is_named():
    with connection.cursor() as cursor:
        cursor.execute("DROP TRIGGER insights_tally_update ON insights_timelinerollup")
    errors = checks.check_rollup_triggers(databases=["default"])
    assert [error.id for error in errors] == ["insights.E001"]
    assert "insights_tally_update" in errors[0].msg
