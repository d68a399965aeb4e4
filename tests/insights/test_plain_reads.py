"""Insights' reads written out in plain SQL on PostgreSQL (issue 24, seventh pass): the mood
days, the latest rejections, offers and closed plans (insights.metrics.wellbeing), the
applications per day and the open goals (activity), the latest self-assessments and the
halves of the summary (assessments). Each must read, to the row, what the ORM's query (or
the NTILE it replaces) read, for the bench's two users, every period, in several time zones,
with another user's rows never in them; and the page must be, to the byte, what the ORM's
reads make of it, in English and German."""

import datetime as dt

import pytest
import time_machine
from django.db import connection
from django.test import Client
from django.utils import timezone

from coping.models import CopingPlan
from coping.services import net_goal_set, plan_close
from demo.bulk import load_heavy
from insights.metrics import activity, assessments, wellbeing
from insights.metrics.period import Period
from rebound.lib.localtime import local_today, utc_bounds
from tests.factories import UserFactory

pytestmark = pytest.mark.django_db


def _summary_ntile(user, period: Period) -> list[tuple]:
    """`assessments._summary_from_rollup` as it was read before: NTILE(2) over the newest first
    puts the later ceil(n / 2) in the first tile, so the second holds the earlier floor(n / 2)."""
    lower, upper = utc_bounds(period.start, period.end, user)
    fields = assessments.RATING_FIELDS
    with connection.cursor() as cursor:
        cursor.execute(
            f"SELECT round_type, half = 2, COUNT(*), {assessments._SUMS} FROM ("
            " SELECT round_type, NTILE(2) OVER (ORDER BY starts_at DESC, assessment_id DESC)"
            f" AS half, {', '.join(fields)} FROM insights_assessmentrollup"
            " WHERE owner_id = %s AND starts_at >= %s AND starts_at < %s"
            ") AS halves GROUP BY 1, 2",
            [user.pk, lower or dt.datetime.min.replace(tzinfo=dt.UTC), upper],
        )
        return cursor.fetchall()


NOW = dt.datetime(2026, 11, 25, 12, tzinfo=dt.UTC)
ZONES = ["Europe/Berlin", "America/Adak", "Asia/Kathmandu", "Pacific/Kiritimati", "Etc/GMT+12"]


@pytest.fixture
def users():
    """The bench's two users, smaller (the heavy one at 4%, the small one at 1%), and a
    stranger with nothing: each read of one must hold none of the others' rows (the two
    users' reads equal to the ORM's owner-scoped ones, the stranger's empty)."""
    with time_machine.travel(NOW, tick=False):
        heavy = load_heavy(email="heavy@bench.example", password="x", scale=0.04)
        small = load_heavy(email="small@bench.example", password="x", scale=0.01)
        empty = UserFactory(email="empty@bench.example")
        # Plans closed over the last weeks, one with a goal left open beside them: the seed
        # closes none.
        for user in (heavy, small):
            plans = list(CopingPlan.objects.filter(owner=user).order_by("pk"))
            for i, plan in enumerate(plans[:-1]):
                with time_machine.travel(NOW - dt.timedelta(days=3 * i, hours=i), tick=False):
                    plan_close(plan=plan)
            net_goal_set(plan=plans[-1], target=5, weeks=4)
    return heavy, small, empty


def _periods(user):
    today = local_today(user)
    return [
        Period(None, today, "all"),
        Period(dt.date(today.year, 1, 1), today, "year"),
        Period(today - dt.timedelta(days=89), today, "90"),
        Period(today - dt.timedelta(days=29), today, "30"),
        Period(today - dt.timedelta(days=6), today, "a week"),
        Period(dt.date(2001, 1, 1), dt.date(2001, 1, 31), "nothing"),
    ]


def _pairs(user, period):
    """Each written-out read beside the ORM's (or the NTILE's), as (name, new, old)."""
    lower, upper = utc_bounds(period.start, period.end, user)
    first = period.start or dt.date(1970, 1, 1)
    w, a, s = wellbeing, activity, assessments
    return [
        ("days", w._days_sql(user, period, 90), w._days_orm(user, period, 90)),
        ("every day", w._days_sql(user, period, None), w._days_orm(user, period, None)),
        ("events", w._events_sql(user, period), w._events_orm(user, period)),
        ("closed", w._closed_sql(user, lower, upper), w._closed_orm(user, lower, upper)),
        (
            "per day",
            sorted(a._per_day(user, first, period.end)),
            sorted(a._per_day_orm(user, first, period.end)),
        ),
        ("goals", sorted(a.open_goals(user)), sorted(a.open_goals_orm(user))),
        (
            "interview weeks",
            a.interviews_per_week(user, a.mondays(first, period.end), period.end),
            a._interviews_per_week_orm(user, a.mondays(first, period.end), period.end),
        ),
        ("latest", s._latest(user, period), s._latest_orm(user, period)),
        (
            "halves",
            sorted(s._summary_from_rollup(user, period)),
            sorted(_summary_ntile(user, period)),
        ),
    ]


@pytest.mark.parametrize("zone", ZONES)
def test_it_reads_what_the_orm_read(users, zone):
    heavy, small, empty = users
    with time_machine.travel(NOW, tick=False):
        for user in users:
            user.timezone = zone
            user.save(update_fields=["timezone"])
        seen = set()
        for user in (heavy, small):
            with timezone.override(user.tzinfo):
                for period in _periods(user):
                    for name, new, old in _pairs(user, period):
                        assert new == old, (user.email, period.label, name)
                        if new:
                            seen.add(name)
        assert seen == {name for name, *_ in _pairs(heavy, _periods(heavy)[0])}
        # The stranger's reads hold nothing of the two others'.
        for period in _periods(empty):
            for name, new, old in _pairs(empty, period):
                assert new == old, name
                if name in {"events", "closed", "latest", "per day"}:
                    assert new == [], name


def test_the_halves_are_the_ntile_halves_at_every_size(users):
    """Every count of assessments from 0 up, odd and even: the same earlier half."""
    heavy = users[0]
    with time_machine.travel(NOW, tick=False):
        total = sum(g[2] for g in _summary_ntile(heavy, _periods(heavy)[0]))
        assert total > 20
        # Periods ending earlier and earlier: each holds fewer of the assessments.
        today = local_today(heavy)
        sizes = set()
        for days in range(0, 800, 7):
            period = Period(None, today - dt.timedelta(days=days), "ends earlier")
            new = sorted(assessments._summary_from_rollup(heavy, period))
            assert new == sorted(_summary_ntile(heavy, period)), days
            sizes.add(sum(g[2] for g in new))
        assert {0, 1} <= sizes or len(sizes) > 10


def _orm_reads(monkeypatch):
    """Insights read through the ORM's queries, as before they were written out."""
    monkeypatch.setattr(wellbeing, "_days_sql", wellbeing._days_orm)
    monkeypatch.setattr(wellbeing, "_events_sql", wellbeing._events_orm)
    monkeypatch.setattr(wellbeing, "_closed_sql", wellbeing._closed_orm)
    monkeypatch.setattr(activity, "open_goals", activity.open_goals_orm)
    monkeypatch.setattr(activity, "_per_day", activity._per_day_orm)
    monkeypatch.setattr(
        activity,
        "interviews_per_week",
        lambda user, weeks_of, end, statement=None: activity._interviews_per_week_orm(
            user, weeks_of, end
        ),
    )
    monkeypatch.setattr(assessments, "_latest", assessments._latest_orm)
    monkeypatch.setattr(assessments, "_summary_from_rollup", _summary_ntile)


def _main(response):
    """The page's own part: the head's per-request nonce and token aside."""
    assert response.status_code == 200
    return response.content.split(b"<main", 1)[1].split(b"</main>", 1)[0]


@pytest.mark.parametrize("language", ["en", "de"])
def test_the_page_is_the_same_bytes(users, language, monkeypatch, settings):
    settings.FRAGMENT_CACHE = False
    for user in users:  # the user's own language is the page's (rebound.middleware)
        user.language = language
        user.save(update_fields=["language"])
    with time_machine.travel(NOW, tick=False):
        pages = {}
        for user in users:
            client = Client()
            client.force_login(user)
            for query in ("period=all", "period=30", "period=year", "period=90"):
                pages[(user.email, query)] = _main(client.get(f"/insights/?{query}"))
        with monkeypatch.context() as patched:
            _orm_reads(patched)
            for user in users:
                client = Client()
                client.force_login(user)
                for query in ("period=all", "period=30", "period=year", "period=90"):
                    old = _main(client.get(f"/insights/?{query}"))
                    assert pages[(user.email, query)] == old, (user.email, query)
    heavy_page = pages[("heavy@bench.example", "period=all")].decode()
    assert ("Absage:" if language == "de" else "Rejection:") in heavy_page
