"""The Insights page: read-only, every number from insights.metrics (one module per concern)."""

from typing import Any
from urllib.parse import urlencode

from django.contrib.auth.decorators import login_required
from django.http import HttpResponse, StreamingHttpResponse
from django.shortcuts import render
from django.utils import timezone
from django.utils.functional import SimpleLazyObject

from applications.pipeline import EXITS, Status
from interviews.models import RATING_FIELDS, SelfAssessment
from rebound.fragments import fragment_keys
from rebound.lib.csvfile import csv_response
from rebound.lib.localtime import local_today
from rebound.lib.types import AuthedRequest
from rebound.models import User

from . import worklog
from .export import HEADER, insights_rows
from .forms import PeriodForm, WorkLogForm, presets
from .metrics import assessments, wellbeing
from .metrics.activity import activity
from .metrics.funnel import FUNNEL_STAGES, funnel
from .metrics.period import Period
from .metrics.responses import responsiveness

RATING_LABELS = SelfAssessment.rating_labels()


def report(user: User, period: Period) -> dict[str, Any]:
    # Local dates throughout: an interview at 00:30 in Berlin is on that Berlin day.
    with timezone.override(user.tzinfo):
        return {
            "funnel": funnel(user, period),
            "responses": responsiveness(user, period),
            "weeks": activity(user, period),
            "assessments": assessments.assessments(user, period),
            "wellbeing": wellbeing.wellbeing(user, period),
        }


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
            "insights_key": fragment_keys(request.user)("insights", period.start, period.end),
            "numbers": SimpleLazyObject(numbers),
            "rating_labels": RATING_LABELS,
            "stage_labels": {s.value: s.label for s in FUNNEL_STAGES},
            "exit_labels": {s.value: s.label for s in EXITS},
            "applied_label": Status.APPLIED.label,
            "mood_days": wellbeing.MOOD_DAYS,
            "events_shown": wellbeing.EVENTS,
            "themes_from": assessments.THEMES,
        },
    )


def _chart_data(data: dict[str, Any]) -> dict[str, Any]:
    """What the page's charts draw (static/js/insights.js); its tables show the same."""
    return {
        "activity": {
            "labels": [f"{w.monday:%-d %b}" for w in data["weeks"]],
            "applications": [w.applications for w in data["weeks"]],
            "interviews": [w.interviews for w in data["weeks"]],
            "goal": [w.goal for w in data["weeks"]],
        },
        "ratings": {
            "labels": [f"{p.day:%-d %b}" for p in data["assessments"].points],
            "series": {
                RATING_LABELS[name]: [p.ratings[name] for p in data["assessments"].points]
                for name in RATING_FIELDS
            },
        },
        "mood": {
            "labels": [m.day.isoformat() for m in data["wellbeing"].moods],
            "values": [m.mood for m in data["wellbeing"].moods],
        },
    }


@login_required
def insights_csv(request: AuthedRequest) -> StreamingHttpResponse:
    """The page's numbers, one per row, for a spreadsheet: streamed (insights.export)."""
    form = PeriodForm(request.GET or None, user=request.user)
    period = form.chosen_period()
    return csv_response("rebound-insights.csv", HEADER, insights_rows(request.user, period))


@login_required
def work_search_log(request: AuthedRequest) -> HttpResponse:
    form = WorkLogForm(request.GET or None, user=request.user)
    start, end = form.chosen_range()
    counted = worklog.tally(request.user, start, end)
    total = counted.total
    pages = max(1, -(-total // worklog.PAGE_ROWS))
    number = _page_number(request.GET.get("page"), pages)
    rows = worklog.page(request.user, start, end, number, counted)
    query = urlencode({"start": start.isoformat(), "end": end.isoformat()})
    return render(
        request,
        "insights/work_search_log.html",
        {
            "form": form,
            "start": start,
            "end": end,
            "rows": rows,
            "total": total,
            "counts": counted.counts,
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
    return csv_response(
        f"work-search-log-{start.isoformat()}-to-{end.isoformat()}.csv",
        worklog.HEADER,
        # A generator: the rows are read as the response streams, a chunk at a time.
        (r.as_row() for r in worklog.rows(request.user, start, end)),
    )
