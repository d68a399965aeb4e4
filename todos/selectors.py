"""What the pages read of to-dos: an application's section, and a user's due ones."""

import datetime as dt
from typing import Any

from django.db.models import F

from applications.models import Application
from rebound.lib.localtime import local_today
from rebound.models import User

from .forms import TodoForm
from .models import Todo

# What a row shows; anything else would be a query per row (tests/todos count them).
ROW_COLUMNS = ("pk", "application_id", "title", "due_on", "done_at", "remind_before")
# Home's "Due this week" lists at most this many (the most overdue first).
DUE_SHOWN = 10


def section(application: Application, *, user: User, form: TodoForm | None = None) -> dict:
    """The to-dos section of an application's page, in one query: open ones first by due date
    (undated last), then the done ones, the latest done first."""
    rows = list(
        Todo.objects.filter(application=application)
        .only(*ROW_COLUMNS)
        .order_by(F("due_on").asc(nulls_last=True), "pk")
    )
    done = sorted(
        (t for t in rows if t.done_at), key=lambda t: t.done_at or t.created_at, reverse=True
    )
    return {
        "application": application,
        "open_todos": [t for t in rows if not t.is_done],
        "done_todos": done,
        "todo_today": local_today(user),
        "todo_form": form or TodoForm(owner=user),
    }


def week_end(user: User) -> dt.date:
    """The last day (Sunday) of the user's current Monday-based week."""
    today = local_today(user)
    return today + dt.timedelta(days=6 - today.weekday())


def due_this_week(user: User) -> dict[str, Any]:
    """Open to-dos due by the end of this week, overdue ones included, each with its
    application's role and company; one query."""
    rows = list(
        Todo.objects.filter(owner=user, done_at__isnull=True, due_on__lte=week_end(user))
        .only("pk", "application_id", "title", "due_on", "done_at")
        .annotate(role=F("application__role"), company_name=F("application__company__name"))
        .order_by("due_on", "pk")[: DUE_SHOWN + 1]
    )
    return {
        "due_todos": rows[:DUE_SHOWN],
        "more_due_todos": len(rows) > DUE_SHOWN,
        "todo_today": local_today(user),
    }
