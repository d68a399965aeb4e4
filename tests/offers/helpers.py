"""Offers made as the page makes them: through offer_save."""

from typing import Any

from applications.models import Application
from offers.models import Offer
from offers.services import offer_save
from tests.factories import ApplicationFactory, CompanyFactory


def offer_on(application: Application, **fields: Any) -> Offer:
    values: dict[str, Any] = {"currency": "EUR", "base_salary": 85_000} | fields
    return offer_save(offer=Offer(application=application, **values))


def offered(owner: Any, company: str, role: str = "Analyst", **fields: Any) -> Offer:
    """An application in Offer at `company`, with its offer."""
    application = ApplicationFactory(
        company=CompanyFactory(owner=owner, name=company), role=role, status="offer"
    )
    return offer_on(application, **fields)
