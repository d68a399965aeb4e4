"""The Insights CSV streams: the same bytes as the writer it replaced (which built every row
from the page's report first), in the same queries for 2 and for 30 applications, and in
memory that doesn't grow with the self-assessments and moods it lists (issue 24)."""

import datetime as dt
import re
import tracemalloc
from typing import Any

import pytest
from django.http import StreamingHttpResponse
from django.test import Client
from django.urls import reverse

from applications.models import Application, Company, StatusChange
from coping.models import JournalEntry
from insights import export
from insights.forms import PeriodForm
from insights.metrics import assessments, wellbeing
from insights.metrics.period import Period
from insights.views import report
from interviews.models import Interview, SelfAssessment
from rebound.lib.csvfile import csv_lines
from rebound.lib.localtime import local_to_utc, local_today
from rebound.models import User
from tests.factories import UserFactory
from tests.portability.builders import several

pytestmark = pytest.mark.django_db


# The view as it was before it streamed (issue 24), kept word for word: the file's reference.
# It computed the whole page's report and held every row in a list.
def _old_rows(user: User, period: Period) -> list[list[Any]]:
    data = report(user, period)
    funnel, responses = data["funnel"], data["responses"]
    rows: list[list[Any]] = [["period", "", period.label]]
    rows.append(["funnel", "applied", funnel.applied])
    rows += [["funnel", f"reached {stage}", n] for stage, n in funnel.reached.items()]
    rows += [
        ["funnel", f"{exit_} from {stage}", n]
        for exit_, stages in funnel.exits.items()
        for stage, n in stages.items()
    ]
    for group, items in (
        ("overall", [("all", responses.overall)]),
        ("source", responses.by_source),
        ("company", responses.by_company),
    ):
        for name, r in items:
            rows += [
                [f"responses by {group}", f"{name}: applied", r.applied],
                [f"responses by {group}", f"{name}: heard back", r.heard_back],
                [f"responses by {group}", f"{name}: ghosted", r.ghosted],
                [f"responses by {group}", f"{name}: median days to an answer", r.median_days],
            ]
    rows += [
        ["week", f"{w.monday.isoformat()}: applications", w.applications] for w in data["weeks"]
    ]
    rows += [["week", f"{w.monday.isoformat()}: interviews", w.interviews] for w in data["weeks"]]
    rows += [
        [
            "self-assessment",
            f"{p.day.isoformat()} {p.round_label}: {SelfAssessment.rating_labels()[k]}",
            v,
        ]
        for p in assessments.assessment_points(user, period)
        for k, v in p.ratings.items()
    ]
    rows += [["mood", m.day.isoformat(), m.mood] for m in wellbeing.mood_days(user, period)]
    return rows


def _old_file(user: User, query: dict[str, str]) -> bytes:
    period = PeriodForm(query or None, user=user).chosen_period()
    return "".join(csv_lines(export.HEADER, _old_rows(user, period))).encode()


@pytest.fixture
def casey() -> User:
    """Several of everything (contacts, tags, interviews, assessments, moods), in Tokyo so
    local days differ from UTC ones, and more of what a spreadsheet trips on: a company named
    like a formula with enough applications to be listed by company, markup and accents in
    names, sources left empty, an interview at local midnight, a ghosted application, moods
    that average to fractions; and a neighbour whose rows must stay out."""
    user = UserFactory(email="casey@example.com", first_name="Zoë", timezone="Asia/Tokyo")
    several(user, 8)
    today = local_today(user)
    odd = Company.objects.bulk_create(
        Company(owner=user, name=name) for name in ["=SUM(A1:A9)", "<b>Ünïcode</b> & 日本"]
    )
    extra = Application.objects.bulk_create(
        Application(
            owner=user, company=odd[i % 2], role=f"+Role {i}", status="ghosted" if i % 2 else
            "screening", status_changed_on=today - dt.timedelta(days=2), source="" if i % 3
            else "linkedin", date_applied=today - dt.timedelta(days=20 + i),
        )
        for i in range(7)
    )  # fmt: skip
    StatusChange.objects.bulk_create(
        change
        for i, a in enumerate(extra)
        for change in (
            StatusChange(application=a, to_status="applied", changed_on=a.date_applied),
            StatusChange(application=a, from_status="applied", to_status=a.status,
                         changed_on=today - dt.timedelta(days=2)),
        )
    )  # fmt: skip
    midnight = local_to_utc(today - dt.timedelta(days=1), dt.time(0), user.timezone)
    interview = Interview.objects.create(
        application=extra[0], owner=user, round_type="onsite", starts_at=midnight,
        ends_at=midnight + dt.timedelta(hours=1),
    )  # fmt: skip
    SelfAssessment.objects.create(
        interview=interview, qualification_fit=5, preparation=1, communication=3,
        technical_answers=4, rapport=2, confidence=5,
    )  # fmt: skip
    JournalEntry.objects.bulk_create(
        JournalEntry(owner=user, written_on=today - dt.timedelta(days=3), mood=m, text="")
        for m in (1, 2, 2)
    )
    several(UserFactory(email="neighbour@example.com"), 3)
    return user


def _download(user: User, query: dict[str, str]) -> StreamingHttpResponse:
    client = Client()
    client.force_login(user)
    response = client.get(reverse("insights:csv"), query)
    assert response.status_code == 200
    assert isinstance(response, StreamingHttpResponse)
    return response


@pytest.mark.parametrize("query", [{}, {"period": "all"}, {"period": "30"}])
def test_it_streams_the_same_bytes_as_the_old_writer(casey, query):
    response = _download(casey, query)
    assert response["Content-Type"] == "text/csv; charset=utf-8"
    streamed = b"".join(response.streaming_content)
    assert streamed == _old_file(casey, query)


def test_the_comparison_covers_every_section(casey):
    text = b"".join(_download(casey, {"period": "all"}).streaming_content).decode()
    sections = {line.split(",")[0] for line in text.splitlines()[1:]}
    assert {"funnel", "responses by company", "week", "self-assessment", "mood"} <= sections
    assert "'=SUM(A1:A9): applied" in text  # a company listed, its formula neutralised
    assert re.search(r"^mood,[\d-]+,\d\.\d*[1-9]", text, re.MULTILINE)  # an average
    assert sum(1 for line in text.splitlines() if line.startswith("self-assessment")) == 6 * 9


def test_it_reads_in_chunks_the_same_file(casey, monkeypatch):
    monkeypatch.setattr(export, "CHUNK", 2)
    period = PeriodForm({"period": "all"}, user=casey).chosen_period()
    streamed = "".join(csv_lines(export.HEADER, export.insights_rows(casey, period))).encode()
    assert streamed == _old_file(casey, {"period": "all"})


def _sized(n: int) -> User:
    user = UserFactory(email=f"sized{n}@example.com")
    several(user, n)
    return user


@pytest.mark.parametrize("n", [2, 30])
def test_its_queries_are_the_same_for_2_and_30_applications(n, django_assert_num_queries):
    user = _sized(n)
    client = Client()
    client.force_login(user)
    # 1 the session, 2 the user; the page's own aggregates (insights.metrics): 3 one pass over
    # the timelines (their rollup rows) for the funnel with its exits, the responses by
    # source and the first date applied, 4 the responses by company, 5-7 the weeks
    # (applications and interviews per week, the net goals); then one server-side cursor each
    # for the self-assessments (8) and the moods (9), read a chunk at a time.
    with django_assert_num_queries(9):
        response = client.get(reverse("insights:csv"), {"period": "all"})
        lines = b"".join(response.streaming_content).decode().splitlines()
    assert sum(1 for line in lines if line.startswith("self-assessment")) == 6 * n


def _peak(user: User) -> tuple[int, int]:
    """The most memory the streamed file held at once (Python's allocations), and its size."""
    period = PeriodForm({"period": "all"}, user=user).chosen_period()
    tracemalloc.start()
    try:
        size = sum(
            len(line) for line in csv_lines(export.HEADER, export.insights_rows(user, period))
        )
        return tracemalloc.get_traced_memory()[1], size
    finally:
        tracemalloc.stop()


def test_its_peak_memory_stays_flat_for_ten_times_the_data(monkeypatch):
    monkeypatch.setattr(export, "CHUNK", 25)
    small, large = _sized(30), _sized(300)
    _peak(small)  # the first run pays for Django's caches (SQL compilers, the labels)
    small_peak, small_size = _peak(small)
    large_peak, large_size = _peak(large)
    assert large_size > 5 * small_size
    assert large_peak < 1.5 * small_peak, (small_peak, large_peak)
