"""Offers' listener to applications' one domain event (see applications/signals.py)."""

from typing import Any

from django.dispatch import receiver

from applications.models import Application, StatusChange
from applications.pipeline import Status
from applications.signals import status_changed

from .models import Offer
from .services import offer_reminder_sync


@receiver(status_changed, dispatch_uid="offers.on_status_changed")
def on_status_changed(
    sender: Any,
    application: Application,
    change: StatusChange,
    previous_status: str,
    **kwargs: Any,
) -> None:
    """Leaving Offer cancels the deadline's reminder; coming back to it schedules it again."""
    if Status.OFFER not in {application.status, previous_status}:
        return
    offer = Offer.objects.filter(application=application).first()
    if offer is not None:
        offer.application = application
        offer_reminder_sync(offer=offer)
