"""The period a number is about, and its cohort (see the package's conventions)."""

import datetime as dt
from dataclasses import dataclass

from django.db.models import Q, QuerySet

from applications.models import Application
from rebound.models import User


@dataclass(frozen=True)
class Period:
    start: dt.date | None  # None: since the beginning
    end: dt.date
    label: str

    def contains(self, day: dt.date) -> bool:
        return (self.start is None or day >= self.start) and day <= self.end

    def applied_filter(self) -> Q:
        q = Q(date_applied__lte=self.end)
        return (
            q & Q(date_applied__gte=self.start) if self.start else q & Q(date_applied__isnull=False)
        )


def cohort(user: User, period: Period) -> QuerySet[Application]:
    """The user's applications whose date applied is in the period, archived ones included."""
    return Application.objects.filter(period.applied_filter(), owner=user)
