"""The reminder people owns: keep a contact warm, every few weeks since you were last in touch."""

from collections.abc import Sequence
from typing import Any

from django.conf import settings
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy, ngettext

from rebound.lib.language import in_language_of
from reminders.kinds import KindAction, PlainLines, ReminderKind

from .history import last_contact_of
from .models import KeepWarm
from .services import KEEP_WARM, contact_touched


def _context(keep_warm: KeepWarm) -> dict[str, Any]:
    contact = keep_warm.contact
    return {
        "keep_warm": keep_warm,
        "contact": contact,
        "contact_url": settings.SITE_URL + keep_warm.get_absolute_url(),
        "last_contact": last_contact_of(contact),
    }


def _describe(keep_warm: KeepWarm) -> str:
    return _lines([(keep_warm.contact.name,)])[0]


def _lines(rows: Sequence[tuple[str]]) -> list[str]:
    """`_describe` of each contact's (name,), the words looked up once."""
    said = _("Keep in touch with %(name)s")
    return [said % {"name": name} for (name,) in rows]


def _obsolete(keep_warm: KeepWarm) -> str:
    """A contact after the day the nudge counts from: it came too early, cancelled."""
    last = last_contact_of(keep_warm.contact)
    if last is not None and last.day > keep_warm.counted_from:
        with in_language_of(keep_warm.contact.owner):
            return _("You were in touch with %(name)s after this nudge was planned.") % {
                "name": keep_warm.contact.name
            }
    return ""


def _touched(keep_warm: KeepWarm) -> str:
    contact_touched(contact=keep_warm.contact)
    weeks = keep_warm.weeks
    return ngettext(
        "Noted: you were in touch with %(name)s today. The next nudge comes in %(weeks)d week.",
        "Noted: you were in touch with %(name)s today. The next nudge comes in %(weeks)d weeks.",
        weeks,
    ) % {"name": keep_warm.contact.name, "weeks": weeks}


KINDS = (
    ReminderKind(
        name=KEEP_WARM,
        label=gettext_lazy("Keep warm"),
        subject_model="people.KeepWarm",
        context=_context,
        describe=_describe,
        obsolete=_obsolete,
        select_related=("contact__owner", "contact__company"),
        describe_related=("contact",),
        plain_lines=PlainLines(columns=("contact__name",), lines=_lines),
        when=gettext_lazy(
            "Every few weeks (your choice on the contact’s page) since you were last in touch "
            "with someone in your network."
        ),
        actions=(
            KindAction(
                name="touched",
                label=gettext_lazy("I was in touch"),
                question=gettext_lazy(
                    "This logs that you were in touch with them today, and the next nudge "
                    "counts from today."
                ),
                run=_touched,
            ),
        ),
        send_now_note=gettext_lazy(
            "It nudges you about this person now; the next one comes once you note a contact."
        ),
    ),
)
