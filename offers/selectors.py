"""What the comparison page reads: the open offers (their applications in Offer), a page at a
time, and the best yearly total in each currency, in a constant number of queries."""

from dataclasses import dataclass

from django.db.models import Count, F, Max, QuerySet, Value
from django.db.models.functions import Coalesce

from applications.pipeline import Status
from rebound.models import User

from .models import Offer

# What the page shows of an offer and its application: not its notes.
COLUMNS = (
    "pk",
    "application_id",
    "application__role",
    "application__company__name",
    "currency",
    "base_salary",
    "bonus",
    "equity",
    "equity_value",
    "benefits",
    "start_date",
    "deadline",
)


def open_offers(*, owner: User) -> QuerySet[Offer]:
    """The owner's offers whose application is in Offer, the nearest deadline first (those
    without one last)."""
    return (
        Offer.objects.filter(owner=owner, application__status=Status.OFFER)
        .select_related("application__company")
        .only(*COLUMNS)
        .order_by(F("deadline").asc(nulls_last=True), "pk")
    )


@dataclass(frozen=True)
class CurrencySummary:
    currency: str
    offers: int
    best_total: int


def by_currency(*, owner: User) -> list[CurrencySummary]:
    """Per currency of the open offers: how many, and the highest yearly total (base, bonus and
    the equity's estimated value), computed by the database over all of them, not one page."""
    total = F("base_salary") + Coalesce("bonus", Value(0)) + Coalesce("equity_value", Value(0))
    rows = (
        Offer.objects.filter(owner=owner, application__status=Status.OFFER)
        .values("currency")
        .annotate(offers=Count("pk"), best_total=Max(total))
        .order_by("currency")
    )
    return [CurrencySummary(r["currency"], r["offers"], r["best_total"]) for r in rows]
