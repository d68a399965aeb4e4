"""Money in the reader's language, and the offer section of an application's page (owned here,
so applications/ need not import offers/; docs/architecture.md)."""

from typing import Any

from django import template

from applications.models import Application
from applications.pipeline import Status
from offers.models import Offer
from offers.money import money as _money
from rebound.lib import batch

register = template.Library()


@register.filter
def money(amount: int | None, currency: str) -> str:
    """{{ offer.base_salary|money:offer.currency }} → „85.000 €“, "€85,000"; "" for None."""
    if amount is None:
        return ""
    return _money(amount, currency)


@register.simple_tag
def offer_reads(application: Application) -> list[tuple[str, list[Any]]]:
    """What `application_offer` reads, for {% together %} (rebound_tags)."""
    return [(f"SELECT * FROM {Offer._meta.db_table} WHERE application_id = %s", [application.pk])]


@register.inclusion_tag("offers/_application_offer.html")
def application_offer(application: Application) -> dict[str, Any]:
    """The offer on an application, or the way to record one when it is in Offer: one query.
    Written out: as a queryset (`.first()`) the read cost twice its round trip to build and
    compile, on every application's page, most of which have no offer (issue 24)."""
    (read,) = offer_reads(application)
    offer = next(iter(batch.raw(Offer, *read)), None)
    if offer is not None:
        offer.application = application
    return {
        "application": application,
        "offer": offer,
        "in_offer": application.status == Status.OFFER,
    }
