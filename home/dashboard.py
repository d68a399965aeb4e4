"""What the home page shows; it may read from every app (the project package sits on top)."""

import datetime as dt
from typing import Any

from django.db.models import Count, F
from django.utils import timezone

from applications.models import Application
from applications.pipeline import Status
from coping.selectors import wellbeing
from insights.forms import preset_period
from insights.metrics.activity import applications_per_week
from insights.metrics.responses import Responsiveness, at_a_glance
from interviews.models import Interview
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
        "upcoming_interviews": interviews.upcoming(now).order_by("starts_at")[:5],
        "awaiting_assessment": interviews.past(now).unassessed().order_by("-starts_at")[:5],
        "overdue_replies": interviews.filter(
            promised_reply_by__lt=local_today(user),
            application__status__in=[Status.APPLIED, Status.SCREENING, Status.INTERVIEWING],
        ).order_by("promised_reply_by")[:5],
    }
    context["has_past_interviews"] = bool(context["awaiting_assessment"]) or (
        interviews.past(now).exists()
    )
    context["weekly"] = weekly_applications(user)
    context.update(wellbeing(user))
    # Open to-dos due by Sunday, overdue ones first: one query.
    context.update(due_this_week(user))
    return context


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
