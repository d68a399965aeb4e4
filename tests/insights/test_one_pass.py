"""Insights reads the cohort's timelines once for the funnel and the answers by source
(insights.metrics.timeline.groups), and the self-assessments once for the averages per round
and both halves (a window numbers them: assessments._summary). Each must give what the
queries they replaced gave (kept here word for word) on a varied account, for several
periods, and the page costs three queries fewer."""

import datetime as dt
from collections import Counter

import pytest
import time_machine
from django.db import connection
from django.db.models import Avg, Case, CharField, Count, F, IntegerField, Max, Min, Q, Value, When
from django.test import Client
from django.test.utils import CaptureQueriesContext

from applications.pipeline import STAGES, Status
from demo.bulk import load_heavy
from insights.metrics import assessments
from insights.metrics.period import Period, cohort
from insights.metrics.timeline import groups
from insights.views import report
from interviews.models import RATING_FIELDS, Interview
from rebound.lib.localtime import local_today

pytestmark = pytest.mark.django_db
NOW = dt.datetime(2026, 11, 25, 10, tzinfo=dt.UTC)

# --- The queries as they were (insights/metrics/funnel.py, responses.py, assessments.py) ---
_FROM_APPLIED = STAGES[STAGES.index(Status.APPLIED) :]
FUNNEL_STAGES = _FROM_APPLIED[1:]
_RANK = {status: rank for rank, status in enumerate(_FROM_APPLIED, start=1)}
ANSWERS = (*FUNNEL_STAGES, Status.REJECTED)


def _rank(field):
    return Case(
        *(When(**{field: status}, then=Value(r)) for status, r in _RANK.items()),
        default=Value(0),
        output_field=IntegerField(),
    )


def old_funnel_counts(user, period):
    return (
        cohort(user, period)
        .annotate(top=Max(_rank("status_changes__to_status")))
        .aggregate(
            applied=Count("pk"),
            **{
                stage.value: Count("pk", filter=Q(top__gte=_RANK[stage])) for stage in FUNNEL_STAGES
            },
        )
    )


def old_answers(user, period, by=""):
    answered = Q(
        status_changes__to_status__in=[s.value for s in ANSWERS],
        status_changes__changed_on__gte=F("date_applied"),
    )
    per_application = (
        cohort(user, period)
        .annotate(
            key=F(by) if by else Value("", output_field=CharField()),
            first_answer=Min("status_changes__changed_on", filter=answered),
            ghosted=Count("status_changes", filter=Q(status_changes__to_status=Status.GHOSTED)),
        )
        .values("key", "date_applied", "first_answer", "ghosted")
        .order_by()
    )
    return Counter(
        (
            row["key"],
            (row["first_answer"] - row["date_applied"]).days if row["first_answer"] else None,
            row["ghosted"] > 0,
        )
        for row in per_application
    )


def old_averages(user, period):
    rows = assessments._assessed(user, period).order_by()
    rounds = dict(Interview.Round.choices)
    averages = {name: Avg(name) for name in RATING_FIELDS}
    per_round = [
        dict(r) for r in rows.values("interview__round_type").annotate(n=Count("pk"), **averages)
    ]
    count = sum(r["n"] for r in per_round)
    by_round = dict(
        sorted(
            (
                rounds.get(r["interview__round_type"], r["interview__round_type"]),
                {name: round(r[name], 2) for name in RATING_FIELDS},
            )
            for r in per_round
        )
    )
    trend = None
    if count >= 2:
        last = rows.order_by("interview__starts_at", "pk").values("interview__starts_at", "pk")[
            count // 2 - 1
        ]
        earlier = Q(interview__starts_at__lt=last["interview__starts_at"]) | Q(
            interview__starts_at=last["interview__starts_at"], pk__lte=last["pk"]
        )
        halves = rows.aggregate(
            **{
                f"{prefix}{name}": Avg(name, filter=q)
                for prefix, q in (("e_", earlier), ("l_", ~earlier))
                for name in RATING_FIELDS
            }
        )
        trend = {
            name: (round(halves[f"e_{name}"], 2), round(halves[f"l_{name}"], 2))
            for name in RATING_FIELDS
        }
    return count, by_round, trend


# --- The comparison ---


@pytest.fixture
def varied():
    with time_machine.travel(NOW, tick=False):
        return load_heavy(email="varied@example.com", password="x", scale=0.04)


def _periods(user):
    today = local_today(user)
    return [
        Period(None, today, "all"),
        Period(today - dt.timedelta(days=364), today, "year"),
        Period(today - dt.timedelta(days=89), today, "90"),
        Period(today - dt.timedelta(days=29), today, "30"),
        Period(dt.date(2001, 1, 1), dt.date(2001, 1, 31), "nothing"),
    ]


@pytest.mark.parametrize("vendor", ["postgresql", "sqlite"])
def test_one_pass_counts_what_the_separate_queries_counted(varied, vendor, monkeypatch):
    with time_machine.travel(NOW, tick=False):
        for period in _periods(varied):
            old = old_funnel_counts(varied, period)
            by_source = old_answers(varied, period, "source")
            with monkeypatch.context() as patched:
                # The portable fold (make run's SQLite) reads the same rows in Python.
                patched.setattr(connection, "vendor", vendor)
                counted = groups(varied, period, by="source", top=True)
            data = report(varied, period)
            funnel = data["funnel"]
            assert funnel.applied == old["applied"], period.label
            assert funnel.reached == {s.value: old[s.value] for s in FUNNEL_STAGES}
            answers: Counter = Counter()
            for g in counted:
                answers[(g.key, g.days, g.ghosted)] += g.n
            assert answers == by_source, period.label
            assert sum(g.n for g in counted) == old["applied"]
            overall = data["responses"].overall
            assert overall.applied == old["applied"]
            assert overall.heard_back == sum(n for k, n in by_source.items() if k[1] is not None)


def test_one_window_averages_what_the_three_queries_averaged(varied):
    with time_machine.travel(NOW, tick=False):
        for period in _periods(varied):
            count, by_round, trend = old_averages(varied, period)
            new = report(varied, period)["assessments"]
            assert (new.count, new.by_round, new.trend) == (count, by_round, trend), period.label
        assert count == 0 and new.points == []  # the empty period: no points query


def test_the_halves_split_ties_by_pk_as_before(alice):
    """Assessments of interviews starting at the same instant: the earlier half is the first
    count // 2 by (start, pk), whatever the round."""
    from applications import services as applications
    from interviews.models import SelfAssessment
    from interviews.services import assessment_save, interview_save
    from tests.factories import CompanyFactory

    with time_machine.travel(NOW, tick=False):
        application = applications.application_create(
            owner=alice,
            company=CompanyFactory(owner=alice),
            role="Tie",
            status=Status.APPLIED,
            date_applied=dt.date(2026, 10, 1),
        )
        start = dt.datetime(2026, 10, 5, 9, tzinfo=dt.UTC)
        for i, (round_type, rating) in enumerate(
            [("technical", 1), ("final", 5), ("technical", 2), ("phone_screen", 4), ("final", 3)]
        ):
            interview = interview_save(
                interview=Interview(
                    application=application,
                    round_type=round_type,
                    starts_at=start + dt.timedelta(hours=i // 3),  # three at 9:00, two at 10:00
                    ends_at=start + dt.timedelta(hours=i // 3, minutes=30),
                )
            )
            assessment_save(
                assessment=SelfAssessment(
                    interview=interview, **dict.fromkeys(RATING_FIELDS, rating)
                )
            )
        period = Period(None, dt.date(2026, 11, 25), "all")
        new = report(alice, period)["assessments"]
        assert (new.count, new.by_round, new.trend) == old_averages(alice, period)
        # By hand: earlier = the first 2 by (9:00, pk) = ratings 1 and 5; later = 2, 4, 3.
        assert new.trend["confidence"] == (3.0, 3.0)
        assert new.by_round["Technical"]["rapport"] == 1.5


def test_the_page_reads_three_queries_fewer():
    with time_machine.travel(NOW, tick=False):
        user = load_heavy(email="counted@example.com", password="x", scale=0.002)
        client = Client()
        client.force_login(user)
        with CaptureQueriesContext(connection) as ctx:
            assert client.get("/insights/?period=all").status_code == 200
    # Was 20: the session, the user, the data version (the fragment's key) and 17 for the
    # numbers. Now 14: the timelines once for the funnel and the answers by source (was
    # twice), the self-assessments' averages once (was three queries). Then 10 (13 in all):
    # the funnel's exits and the first date applied come with that pass (the timelines'
    # rollup rows hold the exits), the chart's latest self-assessments with their latest
    # texts, the last two weeks' mood with the chart's days. Now 5: those ten go in two
    # round trips (rebound.lib.batch), seven together, then the weeks' three, which start at
    # the first date applied.
    assert len(ctx.captured_queries) == 5
