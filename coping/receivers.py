"""Reactions to what the applications app announces, inside the same transaction."""

import datetime as dt
from typing import Any

from django.dispatch import receiver
from django.utils import timezone

from applications.models import Application, Interview, StatusChange
from applications.signals import application_deleting, interview_saved, status_changed

from . import services
from .models import Reminder
from .reminders import reminder_schedule, reminders_cancel
from .timing import local_to_utc


@receiver(status_changed)
def on_status_changed(
    sender: Any, application: Application, change: StatusChange, **kwargs: Any
) -> None:
    # "They promised to reply by…" only matters while nothing has moved.
    reminders_cancel(application=application, kinds=(Reminder.Kind.PROMISED_REPLY,))
    services.plan_open(application=application, change=change)


@receiver(interview_saved)
def on_interview_saved(sender: Any, interview: Interview, created: bool, **kwargs: Any) -> None:
    owner = interview.application.owner
    now = timezone.now()
    morning_after = timezone.localtime(interview.ends_at, owner.tzinfo).date() + dt.timedelta(1)
    if local_to_utc(morning_after, owner.reminder_time, owner.timezone) > now:
        reminder_schedule(
            owner=owner,
            kind=Reminder.Kind.THANK_YOU,
            local_date=morning_after,
            interview=interview,
        )
    else:
        reminders_cancel(interview=interview, kinds=(Reminder.Kind.THANK_YOU,))
    if interview.promised_reply_by and not interview.application.is_closed:
        day_after = interview.promised_reply_by + dt.timedelta(days=1)
        if local_to_utc(day_after, owner.reminder_time, owner.timezone) > now:
            reminder_schedule(
                owner=owner,
                kind=Reminder.Kind.PROMISED_REPLY,
                local_date=day_after,
                interview=interview,
            )
            return
    reminders_cancel(interview=interview, kinds=(Reminder.Kind.PROMISED_REPLY,))


@receiver(application_deleting)
def on_application_deleting(sender: Any, application: Application, **kwargs: Any) -> None:
    reminders_cancel(application=application)
