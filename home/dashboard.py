"""What the home page shows; it may read from every app (the project package sits on top)."""

import datetime as dt
from operator import attrgetter
from typing import Any

from django.db import connection
from django.db.models import Count, F, IntegerField, Value
from django.utils import timezone

from applications.models import Application
from applications.pipeline import Status
from coping.selectors import wellbeing
from insights.forms import preset_period
from insights.metrics.activity import applications_per_week
from insights.metrics.responses import Responsiveness, at_a_glance
from interviews.models import Interview, InterviewQuerySet
from rebound.lib.datefmt import day_month_of
from rebound.lib.localtime import local_today
from rebound.models import User
from todos.selectors import due_this_week


def for_user(user: User) -> dict[str, Any]:
    now = timezone.now()
    # COUNT(*), not COUNT(id): PostgreSQL then answers from (owner, status) alone, an index-only
    # scan, instead of reading every row of a heavy user's 5,000 (0.6 ms against 1.4).
    counts = dict(
        Application.objects.filter(owner=user)
        .values_list("status")
        .annotate(n=Count("*"))
        .values_list("status", "n")
    )
    # Only what the cards show, the company's name as a value: one model per row instead of
    # three, and a fifth of the columns to build and read.
    interviews = (
        Interview.objects.filter(owner=user)
        .only("round_type", "starts_at", "promised_reply_by", "application_id")
        .annotate(company_name=F("application__company__name"))
    )
    context: dict[str, Any] = {
        "status_counts": [(Status(value), counts.get(value, 0)) for value in Status.values],
        "total_applications": sum(counts.values()),
        **_interview_lists(
            {
                "upcoming_interviews": interviews.upcoming(now).order_by("starts_at"),
                "awaiting_assessment": interviews.past(now).unassessed().order_by("-starts_at"),
                "overdue_replies": interviews.filter(
                    promised_reply_by__lt=local_today(user),
                    application__status__in=[
                        Status.APPLIED,
                        Status.SCREENING,
                        Status.INTERVIEWING,
                    ],
                ).order_by("promised_reply_by"),
            }
        ),
    }
    context["has_past_interviews"] = bool(context["awaiting_assessment"]) or (
        interviews.past(now).exists()
    )
    context["weekly"] = weekly_applications(user)
    context.update(wellbeing(user))
    # Open to-dos due by Sunday, overdue ones first: one query.
    context.update(due_this_week(user))
    return context


# Each of home's interview lists shows this many.
LIST = 5
_LIST_COLUMNS = ("pk", "round_type", "starts_at", "promised_reply_by", "application_id")


def _interview_lists(lists: dict[str, InterviewQuerySet]) -> dict[str, list[Interview]]:
    """The first LIST of each ordered queryset: one UNION ALL where the database can slice and
    order each part (PostgreSQL), one query per list elsewhere. The cards read only these
    columns and the company's name."""
    if not connection.features.supports_slicing_ordering_in_compound:
        return {name: list(queryset[:LIST]) for name, queryset in lists.items()}
    names = list(lists)
    parts = [
        queryset.annotate(list_index=Value(i, output_field=IntegerField())).values_list(
            *_LIST_COLUMNS, "company_name", "list_index"
        )[:LIST]
        for i, queryset in enumerate(lists.values())
    ]
    found: dict[str, list[Interview]] = {name: [] for name in names}
    for *values, company_name, index in parts[0].union(*parts[1:], all=True):
        interview = Interview(**dict(zip(_LIST_COLUMNS, values, strict=True)))
        interview.company_name = company_name  # type: ignore[attr-defined]
        found[names[index]].append(interview)
    # A UNION promises no order: each list is put back in its own (a stable sort, the last
    # key first).
    for name, queryset in lists.items():
        for field in reversed(queryset.query.order_by):
            assert isinstance(field, str)  # each list orders by plain field names
            found[name].sort(key=attrgetter(field.removeprefix("-")), reverse=field[0] == "-")
    return found


def weekly_applications(user: User, weeks: int = 12) -> list[dict[str, Any]]:
    """The last `weeks` Monday-based weeks, oldest first, each with its applications counted
    as Insights counts them (insights.metrics.activity.applications_per_week)."""
    today = local_today(user)
    first_monday = today - dt.timedelta(days=today.weekday(), weeks=weeks - 1)
    counts = applications_per_week(user, first_monday, today)
    return [
        {
            "week": (monday := first_monday + dt.timedelta(weeks=i)).isoformat(),
            "label": day_month_of(monday),
            "count": counts.get(monday, 0),
        }
        for i in range(weeks)
    ]


def glance(user: User) -> Responsiveness:
    """The Insights page's first numbers, for the same period its "Last 30 days" shows."""
    return at_a_glance(user, preset_period(user, "30"))
