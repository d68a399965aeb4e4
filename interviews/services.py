"""Interviews' verbs; views, admin, the demo and tests all call these."""

import datetime as dt
from collections.abc import Iterable

from django.db import transaction
from django.utils import timezone
from django.utils.translation import gettext_lazy as _

from applications.models import Application, Contact
from applications.pipeline import Status
from applications.services import application_change_status, status_change_correct_date
from rebound.lib.localtime import local_date_of, local_to_utc, local_today
from reminders.kinds import scope_of
from reminders.services import reminder_schedule, reminders_cancel

from .models import Interview, SelfAssessment
from .reminder_kinds import INTERVIEW_PREP, PROMISED_REPLY, THANK_YOU
from .validators import validate_interview_after_applied, validate_interview_date


@transaction.atomic
def interview_save(
    *,
    interview: Interview,
    interviewers: Iterable[Contact] = (),
    new_interviewer_names: Iterable[str] = (),
    move_applied_date: bool = False,
) -> Interview:
    """Log or update an interview round; new names become contacts at the company.

    An interview before the date applied is refused, unless `move_applied_date` (the
    user said yes when the page asked): the date applied then moves to the interview's day,
    on the timeline, before the interview is saved."""
    created = interview.pk is None
    application = interview.application
    interview.owner_id = application.owner_id
    interview.full_clean(exclude=["application", "owner"])
    day = local_date_of(interview.starts_at, application.owner)
    validate_interview_date(day, owner=application.owner)
    # Locked: a move or a correction of the date applied can't slip between check and save.
    date_applied = (
        Application.objects.select_for_update()
        .values_list("date_applied", flat=True)
        .get(pk=application.pk)
    )
    if move_applied_date and date_applied is not None and day < date_applied:
        applied = (
            application.status_changes.filter(to_status=Status.APPLIED)
            .order_by("-changed_on", "-created_at")
            .first()
        )
        if applied is not None:
            status_change_correct_date(change=applied, on=day)
            date_applied = application.date_applied = day
    validate_interview_after_applied(day=day, date_applied=date_applied)
    interview.save()
    people = list(interviewers)
    for name in new_interviewer_names:
        people.append(
            Contact.objects.create(
                owner=application.owner,
                company=application.company,
                name=name,
                kind=Contact.Kind.INTERVIEWER,
            )
        )
    interview.interviewers.set(people)
    # Logging a round moves an early-stage application to "interviewing" on that date.
    if application.status in {Status.APPLIED, Status.SCREENING} and created:
        on = min(
            local_date_of(interview.starts_at, application.owner), local_today(application.owner)
        )
        application_change_status(application=application, to_status=Status.INTERVIEWING, on=on)
    interview_reminders_sync(interview=interview)
    return interview


def interview_reminders_sync(*, interview: Interview, promised_reply: bool = True) -> None:
    """Schedule, move or cancel the interview's reminders to fit it as it is now.

    `promised_reply=False` leaves that reminder alone: after the application moves it is no
    longer awaited, whatever the interview says.
    """
    application = interview.application
    owner = application.owner
    now = timezone.now()
    scope = scope_of(application)
    evening_before = local_date_of(interview.starts_at, owner) - dt.timedelta(days=1)
    if (
        not application.is_closed
        and local_to_utc(evening_before, owner.prep_time, owner.timezone) > now
    ):
        reminder_schedule(
            owner=owner,
            kind=INTERVIEW_PREP,
            subject=interview,
            local_date=evening_before,
            local_time=owner.prep_time,
            scope=scope,
        )
    else:
        reminders_cancel(
            subject=interview, kinds=[INTERVIEW_PREP], reason=_("Too late to prepare.")
        )
    morning_after = local_date_of(interview.ends_at, owner) + dt.timedelta(days=1)
    if (
        not application.is_closed
        and local_to_utc(morning_after, owner.reminder_time, owner.timezone) > now
    ):
        reminder_schedule(
            owner=owner, kind=THANK_YOU, subject=interview, local_date=morning_after, scope=scope
        )
    else:
        reminders_cancel(subject=interview, kinds=[THANK_YOU], reason=_("The moment has passed."))
    if not promised_reply:
        return
    if interview.promised_reply_by and not application.is_closed:
        day_after = interview.promised_reply_by + dt.timedelta(days=1)
        if local_to_utc(day_after, owner.reminder_time, owner.timezone) > now:
            reminder_schedule(
                owner=owner,
                kind=PROMISED_REPLY,
                subject=interview,
                local_date=day_after,
                scope=scope,
            )
            return
    reminders_cancel(subject=interview, kinds=[PROMISED_REPLY], reason=_("No reply is awaited."))


@transaction.atomic
def interview_delete(*, interview: Interview) -> Application:
    """Delete an interview with its self-assessment; its reminders are cancelled."""
    reminders_cancel(subject=interview, reason=_("The interview was deleted."))
    application = interview.application
    interview.delete()
    return application


def assessment_save(*, assessment: SelfAssessment) -> SelfAssessment:
    assessment.full_clean()
    assessment.save()
    return assessment
