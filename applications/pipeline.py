"""The pipeline an application moves along: its statuses, the way forward, the exits, what
"closed" means and which moves are allowed. Every rule about statuses is written here once;
the model, the services, the board, the receivers, Insights and home read it from here.

Plain Python over `Status`: no model, no query, so every layer above can import it.
"""

from django.db import models
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy, pgettext_lazy


class Status(models.TextChoices):
    # The stored values are the database's (a check constraint, the timeline, backups): the
    # labels may change, the values may not.
    WISHLIST = "wishlist", gettext_lazy("Wishlist")
    APPLIED = "applied", gettext_lazy("Applied")
    SCREENING = "screening", gettext_lazy("Screening")
    INTERVIEWING = "interviewing", gettext_lazy("Interviewing")
    # The status: "Angebot" in German (the noun), never the verb "to offer".
    OFFER = "offer", gettext_lazy("Offer")
    ACCEPTED = "accepted", gettext_lazy("Accepted")
    REJECTED = "rejected", gettext_lazy("Rejected")
    WITHDRAWN = "withdrawn", gettext_lazy("Withdrawn")
    GHOSTED = "ghosted", gettext_lazy("Ghosted")


# Each status as a sentence names it ("It was already applied."): lower case in English; a
# language whose nouns keep their capital (German) translates these to its own form.
_IN_SENTENCE = {
    Status.WISHLIST: pgettext_lazy("status in a sentence", "wishlist"),
    Status.APPLIED: pgettext_lazy("status in a sentence", "applied"),
    Status.SCREENING: pgettext_lazy("status in a sentence", "screening"),
    Status.INTERVIEWING: pgettext_lazy("status in a sentence", "interviewing"),
    Status.OFFER: pgettext_lazy("status in a sentence", "offer"),
    Status.ACCEPTED: pgettext_lazy("status in a sentence", "accepted"),
    Status.REJECTED: pgettext_lazy("status in a sentence", "rejected"),
    Status.WITHDRAWN: pgettext_lazy("status in a sentence", "withdrawn"),
    Status.GHOSTED: pgettext_lazy("status in a sentence", "ghosted"),
}


def in_sentence(status: str) -> str:
    """The status as a sentence names it (an unknown value: itself)."""
    return str(_IN_SENTENCE.get(Status(status), status)) if status in Status.values else status


# The way forward, in order: a later stage is further along. Insights' funnel ranks by it, the
# status page offers the first allowed stage after the current one as the natural next step.
STAGES: tuple[Status, ...] = (
    Status.WISHLIST,
    Status.APPLIED,
    Status.SCREENING,
    Status.INTERVIEWING,
    Status.OFFER,
    Status.ACCEPTED,
)

# The ways out that are not an offer taken, in the order the board's lane and Insights list
# them: ended by the company, by the user, or by silence.
EXITS: tuple[Status, ...] = (Status.REJECTED, Status.WITHDRAWN, Status.GHOSTED)

# Every status in the pipeline's order: the stages, then the exits (the table's status sort).
IN_ORDER: tuple[Status, ...] = (*STAGES, *EXITS)

# Ended one way or the other: an exit, or the offer accepted. What "open" leaves out (the
# table's filter, a plan's "keep these moving"), what may be archived (a check constraint),
# what cancels the thank-you and prep reminders; moving out of it reopens the application.
CLOSED: tuple[Status, ...] = (Status.ACCEPTED, *EXITS)

# Where an application may go from each status. Moving back one stage is allowed to fix a
# slip; exits can be reopened when the company comes back.
TRANSITIONS: dict[str, frozenset[str]] = {
    Status.WISHLIST: frozenset({Status.APPLIED, Status.WITHDRAWN}),
    Status.APPLIED: frozenset(
        {
            Status.WISHLIST,
            Status.SCREENING,
            Status.INTERVIEWING,
            Status.OFFER,
            Status.REJECTED,
            Status.WITHDRAWN,
            Status.GHOSTED,
        }
    ),
    Status.SCREENING: frozenset(
        {
            Status.APPLIED,
            Status.INTERVIEWING,
            Status.OFFER,
            Status.REJECTED,
            Status.WITHDRAWN,
            Status.GHOSTED,
        }
    ),
    Status.INTERVIEWING: frozenset(
        {Status.SCREENING, Status.OFFER, Status.REJECTED, Status.WITHDRAWN, Status.GHOSTED}
    ),
    Status.OFFER: frozenset(
        {Status.INTERVIEWING, Status.ACCEPTED, Status.REJECTED, Status.WITHDRAWN, Status.GHOSTED}
    ),
    # From accepted, "rejected" means the offer was rescinded.
    Status.ACCEPTED: frozenset({Status.OFFER, Status.REJECTED, Status.WITHDRAWN}),
    Status.REJECTED: frozenset({Status.SCREENING, Status.INTERVIEWING, Status.OFFER}),
    Status.WITHDRAWN: frozenset({Status.WISHLIST, Status.APPLIED}),
    Status.GHOSTED: frozenset(
        {Status.SCREENING, Status.INTERVIEWING, Status.OFFER, Status.REJECTED, Status.WITHDRAWN}
    ),
}


def is_exit(status: str) -> bool:
    return status in EXITS


def is_closed(status: str) -> bool:
    return status in CLOSED


def can_move(from_status: str, to_status: str) -> bool:
    """Whether the pipeline allows this move (an unknown status allows none)."""
    return to_status in TRANSITIONS.get(from_status, frozenset())


def allowed_moves(status: str) -> list[tuple[str, str]]:
    """(value, label) of every status allowed from `status`, in the pipeline's order."""
    allowed = TRANSITIONS[status]
    return [(value, str(label)) for value, label in Status.choices if value in allowed]


def next_status(status: str) -> str:
    """The natural next step forward ("" from an exit: reopening is a deliberate choice)."""
    if status not in STAGES:
        return ""
    allowed = TRANSITIONS[status]
    later = STAGES[STAGES.index(Status(status)) + 1 :]
    return next((s.value for s in later if s in allowed), "")


def move_groups(status: str) -> list[tuple[str, list[tuple[str, str]]]]:
    """The allowed moves grouped as a person thinks of them: forward, closing, back."""
    here = STAGES.index(Status(status)) if status in STAGES else len(STAGES)
    forward, closing, back = [], [], []
    for value, label in allowed_moves(status):
        if value in EXITS:
            closing.append((value, label))
        elif STAGES.index(Status(value)) > here:
            forward.append((value, label))
        else:
            back.append((value, label))
    if status in EXITS:  # what was closed can only be reopened
        groups = [(_("Close it differently"), closing), (_("Reopen"), [*forward, *back])]
    else:
        groups = [(_("Forward"), forward), (_("Close it"), closing), (_("Back a step"), back)]
    return [(name, items) for name, items in groups if items]
