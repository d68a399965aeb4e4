"""The work-search log's days (insights.worklog): which activities a range holds, and how
many on each day, so a page reads only the days its rows are on."""

import datetime as dt
import functools
from collections.abc import Iterable
from dataclasses import dataclass
from typing import Any

from django.db import connection
from django.db.models import Count, F, IntegerField, QuerySet, Value
from django.db.models.functions import TruncDate

from applications.models import Application
from coping.models import Outreach
from interviews.models import Interview
from rebound.lib.localtime import local_to_utc
from rebound.models import User

from .worklog_words import KINDS


def _local_bounds(user: User, start: dt.date, end: dt.date) -> tuple[dt.datetime, dt.datetime]:
    """The UTC instants of the range's local days (end excluded): a range over `starts_at`
    that its (owner, starts_at) index serves, where `starts_at__date` scanned every row."""
    zone = user.tzinfo
    first = dt.datetime.combine(start, dt.time.min, tzinfo=zone)
    after = dt.datetime.combine(end + dt.timedelta(days=1), dt.time.min, tzinfo=zone)
    return first, after


def _sources(user: User, start: dt.date, end: dt.date) -> dict[str, QuerySet[Any]]:
    first, after = _local_bounds(user, start, end)
    return {
        "application": Application.objects.filter(
            owner=user, date_applied__gte=start, date_applied__lte=end
        ),
        "interview": Interview.objects.filter(
            owner=user, starts_at__gte=first, starts_at__lt=after
        ),
        "outreach": Outreach.objects.filter(owner=user, on__gte=start, on__lte=end),
    }


@dataclass(frozen=True)
class Tally:
    """How many activities the range holds: of each kind, and on each day that has any."""

    counts: dict[str, int]
    days: list[tuple[dt.date, int]]  # (day, activities), oldest first

    @property
    def total(self) -> int:
        return sum(self.counts.values())

    def window(self, offset: int, limit: int) -> tuple[dt.date, dt.date, int] | None:
        """The first and last day of rows offset..offset+limit, and how many rows come
        before the first: a page reads those days only, not the whole range."""
        before, first = 0, None
        for day, n in self.days:
            if first is None:
                if before + n <= offset:
                    before += n
                    continue
                first, skipped = day, before
            last = day
            before += n
            if before >= offset + limit:
                break
        return None if first is None else (first, last, skipped)


def tally(user: User, start: dt.date, end: dt.date) -> Tally:
    """One query: activities per day and kind (at most 3 × MAX_DAYS rows), selected as the
    UNION's rows are (`_sources`), so the two always agree on what each day holds."""
    counts = dict.fromkeys(KINDS, 0)
    per_day: dict[dt.date, int] = {}
    kinds = list(KINDS)
    found = (
        _per_day(user, start, end)
        if connection.vendor == "postgresql"
        else _grouped(user, start, end)
    )
    for day, k, n in found:
        counts[kinds[k]] += n
        per_day[day] = per_day.get(day, 0) + n
    return Tally(counts=counts, days=sorted(per_day.items()))


def _grouped(user: User, start: dt.date, end: dt.date) -> Iterable[tuple[dt.date, int, int]]:
    """The counts per day and kind through the ORM: the portable way (make run's SQLite)."""
    days = {
        "application": F("date_applied"),
        "interview": TruncDate("starts_at", tzinfo=user.tzinfo),
        "outreach": F("on"),
    }
    grouped = [
        queryset.order_by()
        .annotate(day=days[kind], k=Value(list(KINDS).index(kind), output_field=IntegerField()))
        .values_list("day", "k")
        .annotate(n=Count("pk"))
        for kind, queryset in _sources(user, start, end).items()
    ]
    return grouped[0].union(*grouped[1:], all=True)


# A year's days and the instants they start at took ~1 ms of every log page, written
# again on every page for the same few ranges (the presets, a week, a year) and zones.
@functools.lru_cache(maxsize=128)  # a year's pair is ~12 kB
def _day_starts(start: dt.date, end: dt.date, zone: str) -> tuple[str, str]:
    """The range's local days, and the UTC instants each starts at in `zone`, as two array
    literals: adapting 700 values one by one cost more than the scan."""
    local_days = [start + dt.timedelta(days=i) for i in range((end - start).days + 1)]
    starts = [local_to_utc(day, dt.time(0), zone) for day in local_days]
    days_literal = "{" + ",".join(day.isoformat() for day in local_days) + "}"
    starts_literal = "{" + ",".join(instant.isoformat() for instant in starts) + "}"
    return days_literal, starts_literal


def _per_day(user: User, start: dt.date, end: dt.date) -> Iterable[tuple[dt.date, int, int]]:
    """`_grouped` on PostgreSQL, written out: the same rows (`_sources`' filters; the test
    holds the two equal), without building three ORM queries on every page. An interview's
    local day is found by comparing its start with the UTC instant each day of the range
    starts at (computed here once, `width_bucket`: the index alone is read) rather than by
    converting every start to local time (`AT TIME ZONE`, which read every row and cost
    1.7 to 10 times as much for a heavy year)."""
    first, after = _local_bounds(user, start, end)
    days_literal, starts_literal = _day_starts(start, end, user.timezone)
    kind = list(KINDS).index
    applications, interviews, outreach = (
        model._meta.db_table for model in (Application, Interview, Outreach)
    )
    with connection.cursor() as cursor:
        cursor.execute(
            f'SELECT date_applied, %s, COUNT(*) FROM "{applications}"'
            " WHERE owner_id = %s AND date_applied >= %s AND date_applied <= %s GROUP BY 1"
            " UNION ALL"
            " SELECT (%s::date[])[width_bucket(starts_at, %s::timestamptz[])], %s, COUNT(*)"
            f' FROM "{interviews}" WHERE owner_id = %s AND starts_at >= %s AND starts_at < %s'
            " GROUP BY 1 UNION ALL"
            f' SELECT "on", %s, COUNT(*) FROM "{outreach}"'
            ' WHERE owner_id = %s AND "on" >= %s AND "on" <= %s GROUP BY 1',
            [
                *(kind("application"), user.pk, start, end),
                *(days_literal, starts_literal, kind("interview"), user.pk, first, after),
                *(kind("outreach"), user.pk, start, end),
            ],
        )
        return cursor.fetchall()
