"""Money in the reader's language, and the offer section of an application's page (owned here,
so applications/ need not import offers/; docs/architecture.md)."""

from typing import Any

from django import template

from applications.models import Application
from applications.pipeline import Status
from offers.models import Offer
from offers.money import money as _money

register = template.Library()


@register.filter
def money(amount: int | None, currency: str) -> str:
    """{{ offer.base_salary|money:offer.currency }} → „85.000 €“, "€85,000"; "" for None."""
    if amount is None:
        return ""
    return _money(amount, currency)


@register.inclusion_tag("offers/_application_offer.html")
def application_offer(application: Application) -> dict[str, Any]:
    """The offer on an application, or the way to record one when it is in Offer: one query."""
    offer = Offer.objects.filter(application=application).first()
    if offer is not None:
        offer.application = application
    return {
        "application": application,
        "offer": offer,
        "in_offer": application.status == Status.OFFER,
    }
