"""The reminder the weekly app owns: the letter itself, at the user's hour on their day."""

from collections.abc import Sequence
from typing import Any

from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy

from reminders.kinds import PlainLines, ReminderKind

from .letter import letter_context
from .models import WeeklyLetter
from .services import WEEKLY_LETTER


def _describe(letter: WeeklyLetter) -> str:
    return _lines([(letter.pk,)])[0]


def _lines(rows: Sequence[tuple[Any, ...]]) -> list[str]:
    """`_describe` of each letter: the same words for every one."""
    return [_("Your weekly letter")] * len(rows)


def _obsolete(letter: WeeklyLetter) -> str:
    return "" if letter.enabled else _("You turned the weekly letter off.")


KINDS = (
    ReminderKind(
        name=WEEKLY_LETTER,
        label=gettext_lazy("Weekly letter"),
        subject_model="weekly.WeeklyLetter",
        context=letter_context,
        describe=_describe,
        obsolete=_obsolete,
        select_related=("user",),
        plain_lines=PlainLines(columns=("pk",), lines=_lines),
        when=gettext_lazy(
            "Once a week if you ask for it, on the day you choose, with your week's figures."
        ),
        send_now_note=gettext_lazy(
            "It sends this week's letter now; next week's comes on your usual day."
        ),
    ),
)
