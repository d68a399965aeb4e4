"""Wellbeing: the journal's mood over time, beside the rejections, offers and completed
plans, and a gentle note when the last two weeks were low."""

import datetime as dt
from dataclasses import dataclass
from typing import Any

from django.db import connection
from django.db.models import Avg, Count, Q, Sum
from django.utils.translation import gettext as _
from django.utils.translation import pgettext

from applications.models import StatusChange
from applications.pipeline import Status
from coping.models import CopingPlan, JournalEntry
from rebound.lib import batch
from rebound.lib.localtime import utc_bounds
from rebound.models import User

from .period import Period


@dataclass
class MoodDay:
    day: dt.date
    mood: float  # the average of that day's journal entries, 1 (low) to 5


@dataclass
class Wellbeing:
    moods: list[MoodDay]  # the latest MOOD_DAYS days with entries, oldest first
    # (date, what), the latest EVENTS: rejections, offers and completed plans, on the same
    # axis as the moods.
    events: list[tuple[dt.date, str]]
    # The last LOW_MOOD_DAYS of the period: the average mood, when there were at least
    # LOW_MOOD_ENTRIES entries and it is LOW_MOOD or below (a gentle note, no diagnosis).
    low_mood: float | None


LOW_MOOD_DAYS = 14
LOW_MOOD_ENTRIES = 3
LOW_MOOD = 2.0
# What the page shows; the CSV has every day's mood.
MOOD_DAYS = 90
EVENTS = 60


def mood_days(user: User, period: Period, latest: int | None = None) -> list[MoodDay]:
    """The average mood of each day of the period with journal entries, oldest first: every
    day, or the latest `latest`. One query."""
    return [MoodDay(day, round(total / n, 2)) for day, n, total in _days(user, period, latest)]


def _days(user: User, period: Period, latest: int | None) -> list[tuple[dt.date, int, int]]:
    """(day, entries, the sum of their moods) for each day of the period with entries, oldest
    first: every day, or the latest `latest`. One query; on PostgreSQL written out
    (`_days_sql`), the same query the ORM builds here, without building it."""
    if connection.vendor == "postgresql":
        return _days_sql(user, period, latest)
    return _days_orm(user, period, latest)


def _days_orm(user: User, period: Period, latest: int | None) -> list[tuple[dt.date, int, int]]:
    rows = (
        JournalEntry.objects.filter(
            Q(written_on__gte=period.start) if period.start else Q(),
            owner=user,
            written_on__lte=period.end,
        )
        .values("written_on")
        .annotate(n=Count("pk"), total=Sum("mood"))
        .order_by("-written_on")
        .values_list("written_on", "n", "total")
    )
    if latest is not None:
        rows = rows[:latest]
    return list(reversed(rows))


# The page's reads on PostgreSQL, written out: the ORM took longer to build each of these
# queries than PostgreSQL to answer it (a small search's page was mostly that). Each is the
# query the ORM path beside it builds, held equal to it by tests/insights/test_plain_reads.py.


def _days_sql(user: User, period: Period, latest: int | None) -> list[tuple[dt.date, int, int]]:
    return list(reversed(batch.fetch(*_days_statement(user, period, latest))))


def _days_statement(user: User, period: Period, latest: int | None) -> tuple[str, list[Any]]:
    since, params = _since("written_on", period.start)
    return (
        "SELECT written_on, COUNT(id), SUM(mood) FROM coping_journalentry"
        f" WHERE owner_id = %s AND written_on <= %s{since}"
        f" GROUP BY 1 ORDER BY 1 DESC{' LIMIT %s' if latest is not None else ''}",
        [user.pk, period.end, *params, *([latest] if latest is not None else [])],
    )


def _since(column: str, start: dt.date | None) -> tuple[str, list[Any]]:
    """The condition "`column` on or after `start`", when there is a start."""
    return (f" AND {column} >= %s", [start]) if start is not None else ("", [])


def _events_sql(user: User, period: Period) -> list[tuple[dt.date, str, str]]:
    return batch.fetch(*_events_statement(user, period))


def _events_statement(user: User, period: Period) -> tuple[str, list[Any]]:
    """The latest EVENTS rejections and offers of the period: (day, status, company).

    The status changes have no owner: found from the user's applications they were a join of
    every status change to every application (a hash of the whole table for a heavy search).
    Instead the applications that can hold them come off the rollup's (owner, last event)
    index (insights.models.TimelineRollup: the first and last day of each timeline's
    rejections and offers), and only their status changes are read:
    - those whose last event is in the period, from the EVENTS-th latest such last day on:
      an application whose last event is earlier has none of the latest EVENTS, as each of
      EVENTS others has a later one in the period;
    - those whose last event is after the period's end but whose first is not: events of
      theirs may be in it (none in a period that ends today, unless a day was set ahead).
    Their company is the rollup's (the application's, kept by the same triggers)."""
    since, params = _since("last_event_on", period.start)
    in_period = f"owner_id = %s AND last_event_on <= %s{since}"
    in_period_params = [user.pk, period.end, *params]
    changed_since, changed_params = _since("s.changed_on", period.start)
    return (
        "SELECT s.changed_on, s.to_status, c.name FROM ("
        " SELECT application_id, company_id FROM insights_timelinerollup"
        f" WHERE {in_period} AND last_event_on >= COALESCE(("
        f"  SELECT last_event_on FROM insights_timelinerollup WHERE {in_period}"
        "   ORDER BY last_event_on DESC OFFSET %s LIMIT 1), '-infinity'::date)"
        " UNION ALL"
        " SELECT application_id, company_id FROM insights_timelinerollup"
        " WHERE owner_id = %s AND last_event_on > %s AND first_event_on <= %s"
        ") AS r"
        " JOIN applications_statuschange s ON s.application_id = r.application_id"
        " JOIN applications_company c ON c.id = r.company_id"
        f" WHERE s.changed_on <= %s AND s.to_status IN (%s, %s){changed_since}"
        " ORDER BY 1 DESC, s.id DESC LIMIT %s",
        [
            *in_period_params,
            *in_period_params,
            EVENTS - 1,
            user.pk,
            period.end,
            period.end,
            period.end,
            Status.REJECTED.value,
            Status.OFFER.value,
            *changed_params,
            EVENTS,
        ],
    )


def _closed_sql(
    user: User, lower: dt.datetime | None, upper: dt.datetime
) -> list[tuple[dt.datetime, str]]:
    return batch.fetch(*_closed_statement(user, lower, upper))


def _closed_statement(
    user: User, lower: dt.datetime | None, upper: dt.datetime
) -> tuple[str, list[Any]]:
    """The latest EVENTS plans closed between `lower` and `upper`: (closed at, company)."""
    since, params = _since("p.closed_at", lower)
    return (
        "SELECT p.closed_at, c.name FROM coping_copingplan p"
        " JOIN applications_application a ON a.id = p.application_id"
        " JOIN applications_company c ON c.id = a.company_id"
        f" WHERE p.owner_id = %s AND p.closed_at < %s{since} ORDER BY 1 DESC LIMIT %s",
        [user.pk, upper, *params, EVENTS],
    )


def statements(user: User, period: Period) -> list[tuple[str, list[Any]]]:
    """What `wellbeing` reads on PostgreSQL (for rebound.lib.batch.together): the latest
    rejections and offers, the latest closed plans, the latest days' moods."""
    lower, upper = utc_bounds(period.start, period.end, user)
    return [
        _events_statement(user, period),
        _closed_statement(user, lower, upper),
        _days_statement(user, period, MOOD_DAYS),
    ]


def wellbeing(user: User, period: Period) -> Wellbeing:
    """Three queries: the latest days' moods (and from them the last two weeks' mood; a
    fourth query for a period shorter than that), the timeline's latest rejections and
    offers, the latest closed plans."""
    said = {
        Status.REJECTED: pgettext("insights: event", "Rejection: %(company)s"),
        Status.OFFER: pgettext("insights: event", "Offer: %(company)s"),
    }
    # The user's local dates, as UTC bounds: the (owner, closed_at, ...) index serves them.
    lower, upper = utc_bounds(period.start, period.end, user)
    if connection.vendor == "postgresql":
        changed, closed = _events_sql(user, period), _closed_sql(user, lower, upper)
    else:
        changed, closed = _events_orm(user, period), _closed_orm(user, lower, upper)
    events = [
        (day, said[Status(status)] % {"company": company}) for day, status, company in changed
    ]
    for closed_at, company in closed:
        day = closed_at.astimezone(user.tzinfo).date()
        events.append((day, _("Plan completed: %(company)s") % {"company": company}))
    events = sorted(events)[-EVENTS:]
    days = _days(user, period, MOOD_DAYS)
    since = period.end - dt.timedelta(days=LOW_MOOD_DAYS - 1)
    if period.start is None or period.start <= since:
        # The last two weeks are among the latest days the chart reads: counted from them.
        recent = [(n, total) for day, n, total in days if day >= since]
        entries, total = sum(n for n, _ in recent), sum(t for _, t in recent)
        mood = total / entries if entries else None
    else:  # a period shorter than two weeks: the weeks' own entries
        counted = JournalEntry.objects.filter(
            owner=user, written_on__gte=since, written_on__lte=period.end
        ).aggregate(n=Count("pk"), mood=Avg("mood"))
        entries, mood = counted["n"], counted["mood"]
    low = (
        round(mood, 1)
        if entries >= LOW_MOOD_ENTRIES and mood is not None and mood <= LOW_MOOD
        else None
    )
    moods = [MoodDay(day, round(total / n, 2)) for day, n, total in days]
    return Wellbeing(moods=moods, events=events, low_mood=low)


def _events_orm(user: User, period: Period) -> list[tuple[dt.date, str, str]]:
    """`_events_sql` through the ORM (SQLite)."""
    changes = StatusChange.objects.filter(
        Q(changed_on__gte=period.start) if period.start else Q(),
        application__owner=user,
        changed_on__lte=period.end,
        to_status__in=[Status.REJECTED, Status.OFFER],
    ).order_by("-changed_on", "-pk")
    return list(
        changes.values_list("changed_on", "to_status", "application__company__name")[:EVENTS]
    )


def _closed_orm(
    user: User, lower: dt.datetime | None, upper: dt.datetime
) -> list[tuple[dt.datetime, str]]:
    """`_closed_sql` through the ORM (SQLite)."""
    closed = CopingPlan.objects.filter(
        Q(closed_at__gte=lower) if lower else Q(),
        owner=user,
        closed_at__lt=upper,
    ).order_by("-closed_at")
    return list(closed.values_list("closed_at", "application__company__name")[:EVENTS])  # type: ignore[arg-type]
