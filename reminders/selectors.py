"""Reads for pages: reminders with a line about what each is about, in constant queries."""

from collections.abc import Iterable
from dataclasses import dataclass
from typing import Any

from .kinds import load_subjects, registered
from .models import Reminder


@dataclass
class ReminderRow:
    reminder: Reminder
    about: str
    url: str


def with_subjects(reminders: Iterable[Reminder]) -> list[ReminderRow]:
    """One query per subject model present (at most three), whatever the count."""
    items = list(reminders)
    declared = registered()
    subjects = load_subjects([(r.kind, r.subject_id) for r in items])
    rows = []
    for reminder in items:
        kind = declared.get(reminder.kind)
        subject = subjects.get((reminder.kind, reminder.subject_id))
        if kind is None or subject is None:
            rows.append(ReminderRow(reminder, "(deleted)", ""))
        else:
            rows.append(ReminderRow(reminder, kind.describe(subject), kind.url(subject)))
    return rows


def upcoming_in_scope(*, owner: Any, scope: str) -> list[ReminderRow]:
    """The scheduled reminders of one scope (e.g. one application's), soonest first."""
    return with_subjects(
        Reminder.objects.filter(owner=owner, scope=scope, status__in=Reminder.OPEN).order_by(
            "due_at", "pk"
        )
    )


def subject_of(reminder: Reminder) -> Any | None:
    """The thing a reminder is about, or None when it is gone or its kind is unknown."""
    return load_subjects([(reminder.kind, reminder.subject_id)]).get(
        (reminder.kind, reminder.subject_id)
    )
