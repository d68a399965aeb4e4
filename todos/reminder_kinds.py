"""The reminder to-dos own: "this is due", at the owner's reminder hour on the due date or the
number of days before it they chose. Scheduled, moved and cancelled by todos.services, which
imports this module's name for it; this module imports no service."""

from collections.abc import Sequence
from typing import Any

from django.conf import settings
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy

from rebound.lib.localtime import local_today
from reminders.kinds import PlainLines, ReminderKind

from .models import Todo

# The kind's stored name: reminders keep it, so it never changes.
TODO_DUE = "todo_due"


def _context(todo: Todo) -> dict[str, Any]:
    application = todo.application
    return {
        "todo": todo,
        "application": application,
        "application_url": settings.SITE_URL + todo.get_absolute_url(),
        # Negative once the day has passed ("Send now" late, or a retry).
        "days_left": (todo.due_on - local_today(todo.owner)).days if todo.due_on else None,
    }


def describe(todo: Todo) -> str:
    application = todo.application
    return _lines([(todo.title, application.role, application.company.name)])[0]


def _lines(rows: Sequence[tuple[str, str, str]]) -> list[str]:
    """`describe` of each (title, role, company name), the words looked up once (the calendar
    feed describes hundreds: reminders.kinds.PlainLines)."""
    said = _("%(title)s (%(role)s at %(company)s)")
    return [
        said % {"title": title, "role": role, "company": company} for title, role, company in rows
    ]


def _obsolete(todo: Todo) -> str:
    if todo.is_done:
        return _("The to-do is done.")
    if todo.due_on is None or todo.remind_before is None:
        return _("The to-do no longer has a reminder.")
    return ""


KINDS = (
    ReminderKind(
        name=TODO_DUE,
        label=gettext_lazy("To-do due"),
        subject_model="todos.Todo",
        context=_context,
        describe=describe,
        obsolete=_obsolete,
        select_related=("application__company", "owner"),
        describe_related=("application__company",),
        plain_lines=PlainLines(
            columns=("title", "application__role", "application__company__name"), lines=_lines
        ),
        when=gettext_lazy(
            "For a to-do you ask it for: at your reminder hour, on its due date or the days "
            "before it you chose; at the next chance if that day has already passed."
        ),
        send_now_note=gettext_lazy("It reminds you of this to-do once; it does not come back."),
    ),
)
