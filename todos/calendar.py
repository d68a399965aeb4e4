"""What the calendar feed (feeds.calendar, above this app) shows of to-dos: the open ones with
a due date, from a day on, and each one's title in the active language."""

import datetime as dt

from django.db.models import QuerySet
from django.utils.translation import pgettext

from rebound.models import User

from .models import Todo


def for_feed(user: User, since: dt.date, limit: int) -> QuerySet[Todo]:
    """Open to-dos due on `since` or later, by due date; at most `limit`."""
    return (
        Todo.objects.filter(owner=user, done_at__isnull=True, due_on__gte=since)
        .select_related("application__company")
        .only(
            "title",
            "due_on",
            "created_at",
            "updated_at",
            "application_id",
            "application__role",
            "application__company__name",
        )
        .order_by("due_on", "pk")[:limit]
    )


def summary(todo: Todo) -> str:
    """ "To-do: Send the portfolio (Analyst at Acme)", „Aufgabe: …“."""
    application = todo.application
    return pgettext("calendar feed", "To-do: %(title)s (%(role)s at %(company)s)") % {
        "title": todo.title,
        "role": application.role,
        "company": application.company.name,
    }
