"""Reads for pages: reminders with a line about what each is about, in constant queries."""

from collections.abc import Iterable, Sequence
from dataclasses import dataclass
from typing import Any

from django.utils.translation import gettext as _

from rebound.lib.urlcache import object_url
from rebound.models import User

from .kinds import load_subjects, registered
from .models import Reminder


@dataclass
class ReminderRow:
    reminder: Reminder
    about: str
    url: str
    # Why an upcoming reminder's date is not the usual one, if it isn't (ReminderKind.note).
    note: str = ""

    # The row's own pages, without a reverse() each (rebound.lib.urlcache).
    @property
    def update_url(self) -> str:
        return object_url("reminders:update", self.reminder.pk)

    @property
    def preview_url(self) -> str:
        return object_url("reminders:preview", self.reminder.pk)

    @property
    def send_now_url(self) -> str:
        return object_url("reminders:send_now", self.reminder.pk)

    @property
    def cancel_url(self) -> str:
        return object_url("reminders:cancel", self.reminder.pk)


def with_subjects(reminders: Iterable[Reminder]) -> list[ReminderRow]:
    """One query per subject model present (at most three), whatever the count."""
    return with_subjects_grouped([reminders])[0]


def with_subjects_grouped(groups: Sequence[Iterable[Reminder]]) -> list[list[ReminderRow]]:
    """Rows for several lists at once (a page's upcoming, failed and finished reminders): their
    subjects are loaded together, one query per subject model present on the whole page."""
    lists = [list(group) for group in groups]
    declared = registered()
    # A line and a link each: the rows emails read (an application's every round, the
    # interviewers, the owner) were most of a heavy user's reminders page.
    subjects = load_subjects(
        [(r.kind, r.subject_id) for items in lists for r in items], for_email=False
    )

    def row(reminder: Reminder) -> ReminderRow:
        kind = declared.get(reminder.kind)
        subject = subjects.get((reminder.kind, reminder.subject_id))
        if kind is None or subject is None:
            return ReminderRow(reminder, _("(deleted)"), "")
        note = kind.note(subject, reminder) if reminder.is_open else ""
        return ReminderRow(reminder, kind.describe(subject), kind.url(subject), note)

    return [[row(r) for r in items] for items in lists]


# One scope's open reminders, the owner's alone. As a queryset (filter, only, order_by)
# building and compiling it cost the application page more than the read (issue 24); raw()
# converts the columns as the ORM does.
_IN_SCOPE = f"""
    SELECT id, kind, subject_id, due_at, local_date, status
    FROM reminders_reminder
    WHERE owner_id = %s AND scope = %s AND status IN ({", ".join(["%s"] * len(Reminder.OPEN))})
    ORDER BY due_at, id"""


def upcoming_in_scope(*, owner: User, scope: str) -> list[Reminder]:
    """The scheduled reminders of one scope (e.g. one application's), soonest first. The
    page they are shown on is their scope's, so what each is about goes without saying; a
    subject is loaded only for a kind that may have a note to add (`ReminderKind.note`)."""
    reminders = list(Reminder.objects.raw(_IN_SCOPE, [owner.pk, scope, *Reminder.OPEN]))
    # A kind with a note (a nudge sent late because its day had passed) is the one case that
    # needs its subject: loaded only when such a reminder is on the page.
    declared = registered()
    noted = [r for r in reminders if r.kind in declared and declared[r.kind].has_note]
    subjects = load_subjects([(r.kind, r.subject_id) for r in noted], for_email=False)
    for reminder in reminders:
        subject = subjects.get((reminder.kind, reminder.subject_id))
        note = declared[reminder.kind].note(subject, reminder) if subject else ""
        reminder.note = note  # type: ignore[attr-defined]  # for the page; not a column
    return reminders


def subject_of(reminder: Reminder) -> Any | None:
    """The thing a reminder is about, or None when it is gone or its kind is unknown."""
    return load_subjects([(reminder.kind, reminder.subject_id)]).get(
        (reminder.kind, reminder.subject_id)
    )
