"""What the home page shows; it may read from every app (the project package sits on top)."""

import datetime as dt
from operator import attrgetter
from typing import Any

from django.db import connection
from django.db.models import F
from django.utils import timezone

from applications.pipeline import Status
from coping.selectors import wellbeing
from insights.forms import preset_period
from insights.metrics.activity import applications_per_week
from insights.metrics.responses import Responsiveness, at_a_glance
from interviews.models import MAX_LENGTH, Interview, InterviewQuerySet
from rebound.lib.datefmt import day_month_of
from rebound.lib.localtime import local_today
from rebound.models import User
from todos.selectors import due_this_week


def for_user(user: User) -> dict[str, Any]:
    now = timezone.now()
    counts = status_counts(user)
    context: dict[str, Any] = {
        "status_counts": [(Status(value), counts.get(value, 0)) for value in Status.values],
        "total_applications": sum(counts.values()),
        **interview_lists(user, now),
    }
    context["has_past_interviews"] = bool(context["awaiting_assessment"]) or (
        Interview.objects.filter(owner=user).past(now).exists()
    )
    context["weekly"] = weekly_applications(user)
    context.update(wellbeing(user))
    # Open to-dos due by Sunday, overdue ones first: one query.
    context.update(due_this_week(user))
    return context


# COUNT(*), not COUNT(id): PostgreSQL then answers from (owner, status) alone, an index-only
# scan, instead of reading every row of a heavy user's 5,000 (0.6 ms against 1.4). Written
# out: the same GROUP BY as a queryset (values, annotate) cost 0.8 ms more to build and
# compile than to run (issue 24). Portable SQL.
_STATUS_COUNTS = """
    SELECT status, COUNT(*) FROM applications_application WHERE owner_id = %s GROUP BY status"""


def status_counts(user: User) -> dict[str, int]:
    """How many of the owner's applications are in each status (the statuses with none are
    missing)."""
    with connection.cursor() as cursor:
        cursor.execute(_STATUS_COUNTS, [user.pk])
        return dict(cursor.fetchall())


# Each of home's interview lists shows this many.
LIST = 5
_LIST_COLUMNS = ("pk", "round_type", "starts_at", "promised_reply_by", "application_id")
# The applications whose promised reply can be overdue: still waiting to hear.
_WAITING = (Status.APPLIED, Status.SCREENING, Status.INTERVIEWING)


def interview_querysets(user: User, now: dt.datetime) -> dict[str, InterviewQuerySet]:
    """Home's three interview lists, each in its order: coming up, past and not assessed (the
    latest first), a promised reply overdue. Only what the cards show, the company's name as
    a value: one model per row instead of three, and a fifth of the columns to build and
    read."""
    interviews = (
        Interview.objects.filter(owner=user)
        .only(*_LIST_COLUMNS)
        .annotate(company_name=F("application__company__name"))
    )
    return {
        "upcoming_interviews": interviews.upcoming(now).order_by("starts_at", "pk"),
        "awaiting_assessment": interviews.past(now).unassessed().order_by("-starts_at", "-pk"),
        "overdue_replies": interviews.filter(
            promised_reply_by__lt=local_today(user), application__status__in=_WAITING
        ).order_by("promised_reply_by", "pk"),
    }


# interview_querysets' first LIST of each, as one UNION ALL in which PostgreSQL slices and
# orders each part, the company's name joined once to the few rows found. Written out: the
# same union built and compiled from the querysets cost 3.8 ms of a heavy user's home page,
# and with a join in each part its planning alone took 1.4 ms (issue 24). The conditions are
# the querysets' (InterviewQuerySet.upcoming, past, unassessed): tests/home/ holds the two
# ways equal.
_PART = """(
    SELECT i.id, i.round_type, i.starts_at, i.promised_reply_by, i.application_id,
           {index} AS list
    FROM interviews_interview i {join}
    WHERE i.owner_id = %(owner)s AND {where}
    ORDER BY {order} LIMIT %(n)s)"""
_PARTS = (
    (0, "", "i.starts_at > %(since)s AND i.ends_at >= %(now)s", "i.starts_at, i.id"),
    (
        1,
        "",
        "i.starts_at < %(now)s AND i.ends_at < %(now)s AND NOT EXISTS ("
        "SELECT 1 FROM interviews_selfassessment s WHERE s.interview_id = i.id)",
        "i.starts_at DESC, i.id DESC",
    ),
    (
        2,
        "JOIN applications_application a ON a.id = i.application_id",
        "a.status = ANY(%(waiting)s) AND i.promised_reply_by < %(today)s",
        "i.promised_reply_by, i.id",
    ),
)
_UNION = " UNION ALL ".join(
    _PART.format(index=index, join=join, where=where, order=order)
    for index, join, where, order in _PARTS
)
_LISTS = f"""
    SELECT l.id, l.round_type, l.starts_at, l.promised_reply_by, l.application_id, c.name, l.list
    FROM ({_UNION}) l
    JOIN applications_application a ON a.id = l.application_id
    JOIN applications_company c ON c.id = a.company_id"""


def interview_lists(user: User, now: dt.datetime) -> dict[str, list[Interview]]:
    """The first LIST of each of interview_querysets' lists: one query on PostgreSQL, one
    per list elsewhere. Each interview has its `company_name`."""
    names = ["upcoming_interviews", "awaiting_assessment", "overdue_replies"]
    if connection.vendor != "postgresql":
        return {name: list(qs[:LIST]) for name, qs in interview_querysets(user, now).items()}
    params: dict[str, Any] = {
        "owner": user.pk,
        "now": now,
        "since": now - MAX_LENGTH,
        "today": local_today(user),
        "waiting": list(_WAITING),
        "n": LIST,
    }
    found: dict[str, list[Interview]] = {name: [] for name in names}
    with connection.cursor() as cursor:
        cursor.execute(_LISTS, params)
        for *values, company_name, index in cursor.fetchall():
            interview = Interview(**dict(zip(_LIST_COLUMNS, values, strict=True)))
            interview.company_name = company_name  # type: ignore[attr-defined]
            found[names[index]].append(interview)
    # A UNION (and the join after it) promises no order: each list is put back in its own,
    # the id breaking ties as in each part.
    found["upcoming_interviews"].sort(key=attrgetter("starts_at", "pk"))
    found["awaiting_assessment"].sort(key=attrgetter("starts_at", "pk"), reverse=True)
    found["overdue_replies"].sort(key=attrgetter("promised_reply_by", "pk"))
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
