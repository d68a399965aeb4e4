"""Coping's listener to applications' one domain event (see applications/signals.py)."""

from typing import Any

from django.dispatch import receiver
from django.utils.translation import gettext as _

from applications.models import Application, StatusChange
from applications.pipeline import is_exit
from applications.signals import NextStep, status_changed
from rebound.lib.language import in_language_of

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
    # The owner's words, whatever made the change (a page, mail in, the API).
    with in_language_of(application.owner):
        return NextStep(
            url=plan.get_absolute_url(),
            message=_(
                "That’s hard news from %(company)s. When you are ready, here is a short plan "
                "to help you bounce back."
            )
            % {"company": application.company.name},
            label=_("Open the plan"),
        )
