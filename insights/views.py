"""The Insights page: read-only, every number from insights.metrics (one module per concern)."""

from collections.abc import Iterable, Iterator
from itertools import islice
from typing import Any, TypeVar
from urllib.parse import urlencode

from django.contrib.auth.decorators import login_required
from django.http import HttpResponse, StreamingHttpResponse
from django.shortcuts import render
from django.utils import timezone, translation
from django.utils.functional import SimpleLazyObject
from django.utils.translation import gettext as _
from django.utils.translation import pgettext

from applications.pipeline import EXITS, Status
from interviews.models import RATING_FIELDS, SelfAssessment
from rebound.fragments import fragment_keys
from rebound.lib import batch
from rebound.lib.csvfile import csv_response
from rebound.lib.datefmt import date_writer
from rebound.lib.localtime import local_today
from rebound.lib.types import AuthedRequest
from rebound.models import User

from . import worklog, worklog_record
from .export import header, insights_rows
from .forms import PeriodForm, WorkLogForm, presets
from .metrics import activity, assessments, responses, timeline, wellbeing
from .metrics.funnel import FUNNEL_STAGES, funnel
from .metrics.period import Period
from .metrics.responses import responsiveness
from .metrics.timeline import groups

T = TypeVar("T")


def report(user: User, period: Period) -> dict[str, Any]:
    """Every number of the page. On PostgreSQL its ten reads go in two round trips
    (rebound.lib.batch): the weeks' need the first date applied, which the first finds."""
    # Local dates throughout: an interview at 00:30 in Berlin is on that Berlin day.
    with timezone.override(user.tzinfo):
        with batch.together(
            [
                timeline.statement(user, period, by="source", top=True),
                *responses.statements(user, period),
                *assessments.statements(user, period),
                *wellbeing.statements(user, period),
            ]
        ):
            # One pass over the cohort's timelines for the funnel and the answers by source.
            counted = groups(user, period, by="source", top=True)
            numbers = {
                "funnel": funnel(user, period, counted),
                "responses": responsiveness(user, period, counted),
                "assessments": assessments.assessments(user, period),
                "wellbeing": wellbeing.wellbeing(user, period),
            }
        sent = activity.statements(user, period, counted)
        with batch.together(sent):
            numbers["weeks"] = activity.activity(user, period, counted, sent)
        return numbers


@login_required
def insights(request: AuthedRequest) -> HttpResponse:
    form = PeriodForm(request.GET or None, user=request.user)
    period = form.chosen_period()

    def numbers() -> dict[str, Any]:
        # Computed only when the cached fragment is missing (rebound.fragments): it is keyed
        # by the data version, which every table these numbers read bumps.
        data = report(request.user, period)
        return {**data, "charts": _chart_data(data)}

    return render(
        request,
        "insights/insights.html",
        {
            "form": form,
            "period": period,
            "query": request.GET.urlencode(),
            # The language is part of the key: the fragment holds words (rebound.fragments may
            # add it too; twice is harmless).
            "insights_key": fragment_keys(request.user)(
                "insights", translation.get_language(), period.start, period.end
            ),
            "numbers": SimpleLazyObject(numbers),
            "rating_labels": SelfAssessment.rating_labels(),
            # Written once here: a lazy label is looked up again each time the page shows it.
            "stage_labels": {s.value: str(s.label) for s in FUNNEL_STAGES},
            "exit_labels": {s.value: str(s.label) for s in EXITS},
            "applied_label": str(Status.APPLIED.label),
            "mood_days": wellbeing.MOOD_DAYS,
            "events_shown": wellbeing.EVENTS,
            "themes_from": assessments.THEMES,
        },
    )


def _chart_data(data: dict[str, Any]) -> dict[str, Any]:
    """What the page's charts draw (static/js/insights.js); its tables show the same. Their
    words are the server's, in the reader's language: days as "3 Dec" or "3. Dez" (each
    written once per language: a heavy search's charts have ~230 days)."""
    day_month = date_writer(pgettext("insights: chart day", "j M"))
    mood_day = date_writer(pgettext("insights: chart mood day", "Y-m-d"))
    rating_labels = SelfAssessment.rating_labels()
    return {
        "activity": {
            "labels": [day_month(w.monday) for w in data["weeks"]],
            "applications": [w.applications for w in data["weeks"]],
            "interviews": [w.interviews for w in data["weeks"]],
            "goal": [w.goal for w in data["weeks"]],
        },
        "ratings": {
            "labels": [day_month(p.day) for p in data["assessments"].points],
            "series": {
                str(rating_labels[name]): [p.ratings[name] for p in data["assessments"].points]
                for name in RATING_FIELDS
            },
        },
        "mood": {
            # ISO in English, as it was; the reader's own form elsewhere ("20.11.2026").
            "labels": [mood_day(m.day) for m in data["wellbeing"].moods],
            "values": [m.mood for m in data["wellbeing"].moods],
        },
    }


@login_required
def insights_csv(request: AuthedRequest) -> StreamingHttpResponse:
    """The page's numbers, one per row, for a spreadsheet: streamed (insights.export)."""
    form = PeriodForm(request.GET or None, user=request.user)
    period = form.chosen_period()
    return csv_response(
        _("rebound-insights.csv"),
        header(),
        _in_language(translation.get_language(), insights_rows(request.user, period)),
    )


# Rows made under one switch of language: switching per row was a tenth of the log CSV's time.
_IN_LANGUAGE_ROWS = 500


def _in_language(language: str, rows: Iterable[T]) -> Iterator[T]:
    """`rows`, each made in `language`: a streamed file's rows are made after the view has
    returned, when the request's language may be gone. Made _IN_LANGUAGE_ROWS at a time, so
    memory stays bounded."""
    found = iter(rows)
    while True:
        with translation.override(language):
            made = list(islice(found, _IN_LANGUAGE_ROWS))
        if not made:
            return
        yield from made


def _layout(request: AuthedRequest) -> str:
    """The log's layout asked for, else the reader's language's (worklog_record.default_layout)."""
    asked = request.GET.get("layout", "")
    return asked if asked in worklog_record.LAYOUTS else worklog_record.default_layout()


@login_required
def work_search_log(request: AuthedRequest) -> HttpResponse:
    form = WorkLogForm(request.GET or None, user=request.user)
    start, end = form.chosen_range()
    layout = _layout(request)
    counts: dict[str, int] = {}
    if layout == worklog_record.APPLICATIONS:
        total = worklog_record.sent_count(request.user, start, end)
        pages = max(1, -(-total // worklog.PAGE_ROWS))
        number = _page_number(request.GET.get("page"), pages)
        rows: list[Any] = worklog_record.sent_page(request.user, start, end, number)
    else:
        counted = worklog.tally(request.user, start, end)
        total, counts = counted.total, counted.counts
        pages = max(1, -(-total // worklog.PAGE_ROWS))
        number = _page_number(request.GET.get("page"), pages)
        rows = worklog.page(request.user, start, end, number, counted)
    dates = {"start": start.isoformat(), "end": end.isoformat()}
    # The layout goes in the links only when it was asked for: the reader's own is the default.
    query = urlencode(
        dates | ({"layout": layout} if layout != worklog_record.default_layout() else {})
    )
    return render(
        request,
        "insights/work_search_log.html",
        {
            "form": form,
            "start": start,
            "end": end,
            "layout": layout,
            "default_layout": worklog_record.default_layout(),
            "columns": worklog_record.sent_header()
            if layout == worklog_record.APPLICATIONS
            else worklog.header(),
            "layouts": [
                (key, label, urlencode(dates | {"layout": key}))
                for key, label in worklog_record.LAYOUTS.items()
            ],
            "rows": rows,
            "total": total,
            "counts": counts,
            "page": number,
            "pages": pages,
            "first_row": (number - 1) * worklog.PAGE_ROWS + 1,
            "last_row": (number - 1) * worklog.PAGE_ROWS + len(rows),
            "presets": presets(local_today(request.user)),
            "query": query,
            "printed_on": local_today(request.user),
        },
    )


def _page_number(asked: str | None, pages: int) -> int:
    """The page asked for, within the range's pages: anything else is the first or last."""
    try:
        return min(max(1, int(asked or 1)), pages)
    except ValueError:
        return 1


@login_required
def work_search_log_csv(request: AuthedRequest) -> StreamingHttpResponse:
    form = WorkLogForm(request.GET or None, user=request.user)
    start, end = form.chosen_range()
    dates = {"start": start.isoformat(), "end": end.isoformat()}
    rows: Iterable[Any]
    if _layout(request) == worklog_record.APPLICATIONS:
        name = pgettext("work-search log: file name", "applications-%(start)s-to-%(end)s.csv")
        columns, rows = (
            worklog_record.sent_header(),
            worklog_record.sent_rows(request.user, start, end),
        )
    else:
        name = pgettext("work-search log: file name", "work-search-log-%(start)s-to-%(end)s.csv")
        columns, rows = worklog.header(), worklog.rows(request.user, start, end)
    return csv_response(
        name % dates,
        columns,
        # A generator: the rows are read as the response streams, a chunk at a time, each in
        # the reader's language.
        _in_language(translation.get_language(), (r.as_row() for r in rows)),
    )
