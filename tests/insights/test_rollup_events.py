"""The wellbeing chart's latest rejections and offers are found through the timeline rollup's
first and last event days (insights.0004, insights.metrics.wellbeing._events_sql): whatever
the timelines hold (several rejections and offers each, days after the period's end, ties on
one day across the cut), the period and the number shown, they must be the rows the ORM's
join of every status change reads, and never another user's."""

import datetime as dt
from unittest import mock

import pytest
from django.db import connection
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from applications.models import Application, StatusChange
from insights.metrics import wellbeing
from insights.metrics.period import Period
from tests.factories import ApplicationFactory, CompanyFactory, UserFactory

pytestmark = [
    pytest.mark.django_db,
    pytest.mark.skipif(connection.vendor != "postgresql", reason="the rollup is PostgreSQL's"),
]

D0 = dt.date(2026, 1, 1)
HOSTILE = '<script>alert("x")</script> & Söhne\'s "Büro"'


def day(n: int) -> dt.date:
    return D0 + dt.timedelta(days=n)


# Each application's timeline: (to status, day offset) moves; rejections and offers mostly.
timelines = st.lists(
    st.lists(
        st.tuples(
            st.sampled_from(["rejected", "offer", "rejected", "offer", "screening", "ghosted"]),
            st.integers(0, 30),
        ),
        max_size=4,
    ),
    min_size=1,
    max_size=8,
)


@settings(max_examples=60, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(
    mine=timelines,
    theirs=timelines,
    start=st.one_of(st.none(), st.integers(-3, 30)),
    length=st.integers(0, 35),
    shown=st.integers(1, 6),
    moves=st.lists(st.tuples(st.integers(0, 7), st.integers(0, 30)), max_size=3),
)
def test_the_latest_events_are_the_orms(mine, theirs, start, length, shown, moves):
    user, stranger = UserFactory(), UserFactory()
    companies = [CompanyFactory(owner=user, name=HOSTILE), CompanyFactory(owner=user)]
    stranger_company = CompanyFactory(owner=stranger, name="Not yours")
    apps = []
    for owner, histories in ((user, mine), (stranger, theirs)):
        for i, history in enumerate(histories):
            company = companies[i % 2] if owner == user else stranger_company
            application = ApplicationFactory(owner=owner, company=company, date_applied=day(0))
            apps.append(application)
            StatusChange.objects.bulk_create(
                StatusChange(
                    application=application,
                    from_status="applied",
                    to_status=to,
                    changed_on=day(offset),
                )
                for to, offset in history
            )
    # Later corrections: an event moved to another day (after the period's end, at times).
    for which, offset in moves:
        StatusChange.objects.filter(
            pk__in=StatusChange.objects.filter(
                application__in=apps, to_status__in=["rejected", "offer"]
            ).order_by("pk")[which : which + 1]
        ).update(changed_on=day(offset))
    first = None if start is None else day(start)
    period = Period(first, day((start or 0) + length), "")
    with mock.patch.object(wellbeing, "EVENTS", shown):
        new = wellbeing._events_sql(user, period)
        assert new == wellbeing._events_orm(user, period)
        assert len(new) <= shown
        assert all(company != "Not yours" for _, _, company in new)
        assert wellbeing._events_sql(stranger, period) == wellbeing._events_orm(stranger, period)


def test_ties_on_the_last_day_shown_and_a_company_moved():
    """More events on one day than are shown, in two applications each holding several: the
    newest by id among them, as the ORM orders them; an application moved to another company
    shows that company."""
    user = UserFactory()
    acme, other = CompanyFactory(owner=user, name="Acme & Co"), CompanyFactory(owner=user)
    apps = [ApplicationFactory(owner=user, company=acme, date_applied=day(0)) for _ in range(3)]
    for application in apps:
        StatusChange.objects.bulk_create(
            StatusChange(
                application=application, from_status="applied", to_status=to, changed_on=on
            )
            for to, on in [("offer", day(5)), ("rejected", day(5)), ("rejected", day(2))]
        )
    Application.objects.filter(pk=apps[1].pk).update(company=other)
    for start in (None, day(3), day(5)):
        for end in (day(2), day(4), day(5), day(9)):
            period = Period(start, end, "")
            for shown in (1, 2, 4, 7, 60):
                with mock.patch.object(wellbeing, "EVENTS", shown):
                    new = wellbeing._events_sql(user, period)
                    assert new == wellbeing._events_orm(user, period), (start, end, shown)
    with mock.patch.object(wellbeing, "EVENTS", 60):
        companies = {c for _, _, c in wellbeing._events_sql(user, Period(None, day(9), ""))}
    assert companies == {"Acme & Co", other.name}
