"""The reminder the weekly app owns: the letter itself, at the user's hour on their day."""

from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy

from reminders.kinds import ReminderKind

from .letter import letter_context
from .models import WeeklyLetter
from .services import WEEKLY_LETTER


def _describe(letter: WeeklyLetter) -> str:
    return _("Your weekly letter")


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
        when=gettext_lazy(
            "Once a week if you ask for it, on the day you choose, with your week's figures."
        ),
        send_now_note=gettext_lazy(
            "It sends this week's letter now; next week's comes on your usual day."
        ),
    ),
)
