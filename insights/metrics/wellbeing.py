"""Wellbeing: the journal's mood over time, beside the rejections, offers and completed
plans, and a gentle note when the last two weeks were low."""

import datetime as dt
from dataclasses import dataclass

from django.db.models import Avg, Count, Q
from django.utils.translation import gettext as _
from django.utils.translation import pgettext

from applications.models import StatusChange
from applications.pipeline import Status
from coping.models import CopingPlan, JournalEntry
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
    rows = (
        JournalEntry.objects.filter(
            Q(written_on__gte=period.start) if period.start else Q(),
            owner=user,
            written_on__lte=period.end,
        )
        .values("written_on")
        .annotate(mood=Avg("mood"))
        .order_by("-written_on")
    )
    if latest is not None:
        rows = rows[:latest]
    return [MoodDay(row["written_on"], round(row["mood"], 2)) for row in reversed(rows)]


def wellbeing(user: User, period: Period) -> Wellbeing:
    """Four queries: the latest days' moods, the timeline's latest rejections and offers, the
    latest closed plans, the last two weeks' mood."""
    changes = StatusChange.objects.filter(
        Q(changed_on__gte=period.start) if period.start else Q(),
        application__owner=user,
        changed_on__lte=period.end,
        to_status__in=[Status.REJECTED, Status.OFFER],
    ).order_by("-changed_on", "-pk")
    said = {
        Status.REJECTED: pgettext("insights: event", "Rejection: %(company)s"),
        Status.OFFER: pgettext("insights: event", "Offer: %(company)s"),
    }
    events = [
        (day, said[Status(status)] % {"company": company})
        for day, status, company in changes.values_list(
            "changed_on", "to_status", "application__company__name"
        )[:EVENTS]
    ]
    # The user's local dates, as UTC bounds: the (owner, closed_at, ...) index serves them.
    lower, upper = utc_bounds(period.start, period.end, user)
    closed = CopingPlan.objects.filter(
        Q(closed_at__gte=lower) if lower else Q(),
        owner=user,
        closed_at__lt=upper,
    ).order_by("-closed_at")
    for closed_at, company in closed.values_list("closed_at", "application__company__name")[
        :EVENTS
    ]:
        day = closed_at.astimezone(user.tzinfo).date()  # type: ignore[union-attr]
        events.append((day, _("Plan completed: %(company)s") % {"company": company}))
    events = sorted(events)[-EVENTS:]
    since = period.end - dt.timedelta(days=LOW_MOOD_DAYS - 1)
    recent = JournalEntry.objects.filter(
        owner=user, written_on__gte=since, written_on__lte=period.end
    ).aggregate(n=Count("pk"), mood=Avg("mood"))
    low = (
        round(recent["mood"], 1)
        if recent["n"] >= LOW_MOOD_ENTRIES and recent["mood"] <= LOW_MOOD
        else None
    )
    return Wellbeing(moods=mood_days(user, period, MOOD_DAYS), events=events, low_mood=low)
