"""Coping's listener to applications' one domain event (see applications/signals.py)."""

from typing import Any

from django.dispatch import receiver

from applications.models import Application, StatusChange
from applications.pipeline import is_exit
from applications.signals import NextStep, status_changed

from . import services


@receiver(status_changed, dispatch_uid="coping.on_status_changed")
def on_status_changed(
    sender: Any,
    application: Application,
    change: StatusChange,
    previous_status: str,
    **kwargs: Any,
) -> NextStep | None:
    if is_exit(previous_status) and not is_exit(change.to_status):
        services.plan_reminders_pause(application=application)
    plan = services.plan_open(application=application, change=change)
    if plan is None or plan.opened_by_id != change.pk:
        return None
    return NextStep(
        url=plan.get_absolute_url(),
        message=f"That’s hard news from {application.company.name}. When you are ready, here "
        "is a short plan to help you bounce back.",
        label="Open the plan",
    )
