"""Insights' date ranges are the user's local days, bounded in UTC (rebound.lib.localtime
.utc_bounds) so the (owner, starts_at) index serves them: an interview at 23:30 and one at
00:30 local on each edge of the range, in a zone far from UTC and across a daylight-saving
change. The expected counts are worked out by hand in the comments."""

import datetime as dt
from zoneinfo import ZoneInfo

import pytest
import time_machine

from applications import services as applications
from applications.pipeline import Status
from coping.models import CopingPlan
from insights.metrics import activity
from insights.metrics.period import Period
from insights.views import report
from interviews.models import Interview, SelfAssessment
from interviews.services import assessment_save, interview_save
from rebound.lib.localtime import utc_bounds
from tests.factories import ApplicationFactory, CompanyFactory, InterviewFactory, UserFactory

pytestmark = pytest.mark.django_db
D = dt.date


def _interview(application, day: dt.date, at: dt.time, zone: ZoneInfo) -> None:
    start = dt.datetime.combine(day, at, zone)
    interview = interview_save(
        interview=Interview(
            application=application,
            round_type="technical",
            starts_at=start,
            ends_at=start + dt.timedelta(minutes=20),
        )
    )
    ratings = dict.fromkeys(
        (
            "qualification_fit",
            "preparation",
            "communication",
            "technical_answers",
            "rapport",
            "confidence",
        ),
        3,
    )
    assessment_save(assessment=SelfAssessment(interview=interview, **ratings))


def _edges(user, zone_name: str, first: dt.date, last: dt.date):
    """An application applied the week before `first`, and four interviews: 23:30 the day
    before `first` (out), 00:30 on `first` (in), 23:30 on `last` (in), 00:30 the day after
    `last` (out)."""
    user.timezone = zone_name
    user.save()
    zone = ZoneInfo(zone_name)
    with time_machine.travel(dt.datetime(2026, 12, 1, 12, tzinfo=dt.UTC), tick=False):
        application = applications.application_create(
            owner=user,
            company=CompanyFactory(owner=user, name="Edge"),
            role="Analyst",
            status=Status.APPLIED,
            date_applied=first - dt.timedelta(weeks=1),
        )
        before, after = first - dt.timedelta(days=1), last + dt.timedelta(days=1)
        for day, at in [(before, 23), (first, 0), (last, 23), (after, 0)]:
            _interview(application, day, dt.time(at, 30), zone)
    return application


def test_adak_across_the_spring_change(alice):
    # America/Adak is UTC-10 until 02:00 on Sunday 8 March 2026, UTC-9 after. The range is
    # Monday 2 March (UTC-10) to Sunday 8 March (its midnight still UTC-10, the next one UTC-9).
    _edges(alice, "America/Adak", D(2026, 3, 2), D(2026, 3, 8))
    lower, upper = utc_bounds(D(2026, 3, 2), D(2026, 3, 8), alice)
    assert lower == dt.datetime(2026, 3, 2, 10, tzinfo=dt.UTC)
    assert upper == dt.datetime(2026, 3, 9, 9, tzinfo=dt.UTC)  # after the change: UTC-9
    data = report(alice, Period(D(2026, 3, 2), D(2026, 3, 8), "that week"))
    # One week, Monday 2 March: 00:30 on the 2nd and 23:30 on the 8th (Monday 9 March 08:30
    # UTC: a UTC week would put it in the next one). 23:30 on 1 March (2 March 09:30 UTC) and
    # 00:30 on 9 March (09:30 UTC, before 10:00 UTC: an upper bound at UTC-10 would take it)
    # are out.
    assert [(w.monday, w.interviews) for w in data["weeks"]] == [(D(2026, 3, 2), 2)]
    assert data["assessments"].count == 2
    assert [p.day for p in data["assessments"].points] == [D(2026, 3, 2), D(2026, 3, 8)]


def test_kiritimati_fourteen_hours_ahead(alice):
    # Pacific/Kiritimati is UTC+14 all year: local Monday 1 June starts on 31 May 10:00 UTC.
    _edges(alice, "Pacific/Kiritimati", D(2026, 6, 1), D(2026, 6, 7))
    lower, upper = utc_bounds(D(2026, 6, 1), D(2026, 6, 7), alice)
    assert (lower, upper) == (
        dt.datetime(2026, 5, 31, 10, tzinfo=dt.UTC),
        dt.datetime(2026, 6, 7, 10, tzinfo=dt.UTC),
    )
    data = report(alice, Period(D(2026, 6, 1), D(2026, 6, 7), "that week"))
    # In: 1 June 00:30 (31 May 10:30 UTC) and 7 June 23:30 (7 June 09:30 UTC). Out: 31 May
    # 23:30 (09:30 UTC) and 8 June 00:30 (7 June 10:30 UTC: UTC dates would take it).
    assert [(w.monday, w.interviews) for w in data["weeks"]] == [(D(2026, 6, 1), 2)]
    assert data["assessments"].count == 2
    assert [p.day for p in data["assessments"].points] == [D(2026, 6, 1), D(2026, 6, 7)]
    # Two weeks from the Monday before: the 31 May 23:30 interview is that week's one.
    data = report(alice, Period(D(2026, 5, 25), D(2026, 6, 7), "two weeks"))
    assert [(w.monday, w.interviews) for w in data["weeks"]] == [
        (D(2026, 5, 25), 1),
        (D(2026, 6, 1), 2),
    ]
    assert data["assessments"].count == 3


def test_all_time_has_no_lower_bound(alice):
    _edges(alice, "America/Adak", D(2026, 3, 2), D(2026, 3, 8))
    lower, _ = utc_bounds(None, D(2026, 3, 8), alice)
    assert lower is None
    data = report(alice, Period(None, D(2026, 3, 8), "all time"))
    # From the week of the first date applied (23 February): 1 March 23:30 is that week's
    # Sunday; every self-assessment up to 8 March counts: three.
    assert [(w.monday, w.interviews) for w in data["weeks"]] == [
        (D(2026, 2, 23), 1),
        (D(2026, 3, 2), 2),
    ]
    assert data["assessments"].count == 3


def test_closed_plans_by_local_day_across_the_autumn_change(alice):
    # America/Adak returns to UTC-10 at 02:00 on Sunday 1 November 2026. The range is Sunday
    # 1 November alone: [1 Nov 09:00 UTC (UTC-9), 2 Nov 10:00 UTC (UTC-10)).
    zone = ZoneInfo("America/Adak")
    alice.timezone = "America/Adak"
    alice.save()
    closes = {
        "late before": dt.datetime(2026, 10, 31, 23, 30, tzinfo=zone),  # out
        "early on": dt.datetime(2026, 11, 1, 0, 30, tzinfo=zone),  # in
        "late on": dt.datetime(2026, 11, 1, 23, 30, tzinfo=zone),  # in (2 Nov 09:30 UTC)
        "early after": dt.datetime(2026, 11, 2, 0, 30, tzinfo=zone),  # out (10:30 UTC)
    }
    with time_machine.travel(dt.datetime(2026, 10, 20, 12, tzinfo=dt.UTC), tick=False):
        for name, closed_at in closes.items():
            application = applications.application_create(
                owner=alice,
                company=CompanyFactory(owner=alice, name=name),
                role="Analyst",
                status=Status.APPLIED,
                date_applied=D(2026, 10, 1),
            )
            applications.application_change_status(
                application=application, to_status=Status.REJECTED, on=D(2026, 10, 20)
            )
            CopingPlan.objects.filter(application=application).update(closed_at=closed_at)
    data = report(alice, Period(D(2026, 11, 1), D(2026, 11, 1), "that Sunday"))
    assert data["wellbeing"].events == [
        (D(2026, 11, 1), "Plan completed: early on"),
        (D(2026, 11, 1), "Plan completed: late on"),
    ]


def test_no_range_is_a_function_of_the_column(alice):
    """What keeps the ranges index-friendly: no WHERE clause converts a stored instant to a
    local date (`(starts_at AT TIME ZONE tz)::date` reads every row of every user)."""
    from django.db import connection
    from django.test.utils import CaptureQueriesContext

    _edges(alice, "America/Adak", D(2026, 3, 2), D(2026, 3, 8))
    for start in (D(2026, 3, 2), None):
        with CaptureQueriesContext(connection) as queries:
            report(alice, Period(start, D(2026, 3, 8), "range"))
        wheres = [
            q["sql"].split(" WHERE ", 1)[1].split(" GROUP BY ")[0].split(" ORDER BY ")[0]
            for q in queries.captured_queries
            if " WHERE " in q["sql"]
        ]
        assert wheres
        for where in wheres:
            assert "AT TIME ZONE" not in where and "django_datetime" not in where, where


def test_a_week_that_starts_within_an_hour_counts_its_interviews_by_the_minute():
    """Kathmandu is 5:45 ahead of UTC: its Mondays start at 18:15 UTC on Sundays, inside an
    hour, whose interviews fall in two weeks (activity.interviews_per_week compares each
    interview's start with the week's UTC bounds)."""
    user = UserFactory(timezone="Asia/Kathmandu")
    application = ApplicationFactory(owner=user)
    utc = [
        dt.datetime(2026, 3, 1, 17, 0),  # Sunday 22:45 there: the week of 23 February
        dt.datetime(2026, 3, 1, 18, 10),  # Sunday 23:55
        dt.datetime(2026, 3, 1, 18, 20),  # Monday 00:05: the week of 2 March
        dt.datetime(2026, 3, 1, 18, 50),
        dt.datetime(2026, 3, 2, 10, 0),
        dt.datetime(2026, 3, 8, 18, 14),  # Sunday 23:59
        dt.datetime(2026, 3, 8, 18, 15),  # Monday 00:00: the week of 9 March
    ]
    for starts_at in utc:
        InterviewFactory(application=application, starts_at=starts_at.replace(tzinfo=dt.UTC))
    InterviewFactory(starts_at=utc[2].replace(tzinfo=dt.UTC))  # another user's
    weeks_of = activity.mondays(dt.date(2026, 2, 23), dt.date(2026, 3, 10))
    counted = activity.interviews_per_week(user, weeks_of, dt.date(2026, 3, 10))
    assert counted == {dt.date(2026, 2, 23): 2, dt.date(2026, 3, 2): 4, dt.date(2026, 3, 9): 1}
    assert counted == activity._interviews_per_week_orm(user, weeks_of, dt.date(2026, 3, 10))
