"""To-dos' verbs; the views (and anything else that writes a to-do) call these."""

import datetime as dt

from django.core.exceptions import ValidationError
from django.db import transaction
from django.utils import timezone
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy

from applications.models import Application
from rebound.lib.localtime import local_to_utc, local_today
from reminders.kinds import scope_of
from reminders.services import reminder_schedule, reminders_cancel

from .models import Todo
from .reminder_kinds import TODO_DUE

# An application's page lists all its to-dos: a bound keeps that list, and the page, small.
MAX_PER_APPLICATION = 100


def _check(todo: Todo) -> None:
    todo.title = todo.title.strip()
    if todo.due_on is None:
        todo.remind_before = None
    todo.full_clean(exclude=["application", "owner"])


@transaction.atomic
def todo_add(
    *,
    application: Application,
    title: str,
    due_on: dt.date | None = None,
    remind_before: int | None = None,
) -> Todo:
    """A new open to-do on the application, with its reminder when one is asked for."""
    # Locked: two adds at once can't both pass the bound.
    Application.objects.select_for_update().filter(pk=application.pk).values_list("pk").get()
    if Todo.objects.filter(application=application).count() >= MAX_PER_APPLICATION:
        raise ValidationError(
            _("An application can hold at most %(n)d to-dos. Delete the ones you no longer need.")
            % {"n": MAX_PER_APPLICATION},
            code="too_many",
        )
    todo = Todo(
        application=application,
        owner=application.owner,
        title=title,
        due_on=due_on,
        remind_before=remind_before,
    )
    _check(todo)
    todo.save()
    todo_reminder_sync(todo=todo)
    return todo


@transaction.atomic
def todo_update(
    *, todo: Todo, title: str, due_on: dt.date | None, remind_before: int | None
) -> Todo:
    """Change what it says, when it is due and its reminder; the reminder moves to fit."""
    todo.title, todo.due_on, todo.remind_before = title, due_on, remind_before
    _check(todo)
    todo.save(update_fields=["title", "due_on", "remind_before", "updated_at"])
    todo_reminder_sync(todo=todo)
    return todo


@transaction.atomic
def todo_toggle(*, todo: Todo) -> Todo:
    """Done if it was open, open again if it was done; its reminder follows."""
    todo.done_at = None if todo.is_done else timezone.now()
    todo.save(update_fields=["done_at", "updated_at"])
    todo_reminder_sync(todo=todo)
    return todo


@transaction.atomic
def todo_delete(*, todo: Todo) -> Application:
    """Delete a to-do; its reminder is cancelled. Returns its application."""
    reminders_cancel(subject=todo, kinds=[TODO_DUE], reason=gettext_lazy("The to-do was deleted."))
    application = todo.application
    todo.delete()
    return application


def reminder_day(todo: Todo, now: dt.datetime | None = None) -> dt.date | None:
    """The local date its reminder goes out, or None when it gets none.

    The due date less the days asked for, at the owner's reminder hour. When that moment has
    already passed (a to-do added two days before it is due, with "1 week before"), the next
    sending hour instead, as long as that is no later than the due date itself."""
    if todo.is_done or todo.due_on is None or todo.remind_before is None:
        return None
    owner = todo.owner
    now = now or timezone.now()
    today = local_today(owner)
    day = max(todo.due_on - dt.timedelta(days=todo.remind_before), today)
    if local_to_utc(day, owner.reminder_time, owner.timezone) <= now:
        day += dt.timedelta(days=1)  # that hour has gone today: tomorrow's
    return day if day <= todo.due_on else None


def todo_reminder_sync(*, todo: Todo) -> None:
    """Schedule, move or cancel the to-do's reminder to fit it as it is now."""
    day = reminder_day(todo)
    if day is None:
        if todo.is_done:
            reason = gettext_lazy("The to-do is done.")
        elif todo.due_on is None or todo.remind_before is None:
            reason = gettext_lazy("The to-do no longer has a reminder.")
        else:
            reason = gettext_lazy("Its due date has passed.")
        reminders_cancel(subject=todo, kinds=[TODO_DUE], reason=reason)
        return
    reminder_schedule(
        owner=todo.owner,
        kind=TODO_DUE,
        subject=todo,
        local_date=day,
        scope=scope_of(todo.application),
    )
