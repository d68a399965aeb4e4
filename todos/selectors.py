"""What the pages read of to-dos: an application's section, and a user's due ones."""

import datetime as dt
from typing import Any

from django.db import connection

from applications.models import Application
from rebound.lib import batch
from rebound.lib.localtime import local_today
from rebound.models import User

from .forms import TodoForm
from .models import Todo

# What a row shows; anything else would be a query per row (tests/todos count them).
ROW_COLUMNS = ("pk", "application_id", "title", "due_on", "done_at", "remind_before")
# Home's "Due this week" lists at most this many (the most overdue first).
DUE_SHOWN = 10


# The section's rows (ROW_COLUMNS), the application's (already its owner's) alone. As a
# queryset (filter, only, order_by) building and compiling it cost the application page more
# than the read (issue 24); read as raw() reads it (rebound.lib.batch.raw).
_SECTION = """
    SELECT id, application_id, title, due_on, done_at, remind_before
    FROM todos_todo
    WHERE application_id = %s
    ORDER BY due_on ASC NULLS LAST, id"""


def section_statement(application: Application) -> tuple[str, list[Any]]:
    """What `section` reads, for rebound.lib.batch.together."""
    return _SECTION, [application.pk]


def section(application: Application, *, user: User, form: TodoForm | None = None) -> dict:
    """The to-dos section of an application's page, in one query: open ones first by due date
    (undated last), then the done ones, the latest done first."""
    rows = batch.raw(Todo, *section_statement(application))
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


# Home's "Due this week": open to-dos due by a day, each with its application's role and
# company's name, the most overdue first. As a queryset (only, annotate, order_by, a slice)
# building and compiling it cost home more than the read (issue 24); raw() converts the
# to-do's columns as the ORM does. Owner-scoped by the to-do's owner.
_DUE = f"""
    SELECT t.id, t.application_id, t.title, t.due_on, t.done_at,
           a.role AS role, c.name AS company_name
    FROM todos_todo t
    JOIN applications_application a ON a.id = t.application_id
    JOIN applications_company c ON c.id = a.company_id
    WHERE t.owner_id = %s AND t.done_at IS NULL AND t.due_on <= %s
    ORDER BY t.due_on, t.id
    LIMIT {DUE_SHOWN + 1}"""


def due_this_week(user: User) -> dict[str, Any]:
    """Open to-dos due by the end of this week, overdue ones included, each with its
    application's role and company; one query."""
    # The day as the ORM would pass it (a date to PostgreSQL, text to SQLite).
    by = connection.ops.adapt_datefield_value(week_end(user))
    rows = list(Todo.objects.raw(_DUE, [user.pk, by]))
    return {
        "due_todos": rows[:DUE_SHOWN],
        "more_due_todos": len(rows) > DUE_SHOWN,
        "todo_today": local_today(user),
    }
