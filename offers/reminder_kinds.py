"""The reminder offers own: a decision deadline coming up.

When it is sent (its day, moved or cancelled as the offer changes) is decided in
offers.services; this module says what it is and what its email shows."""

import datetime as dt
from typing import Any

from django.conf import settings
from django.urls import reverse
from django.utils.html import format_html
from django.utils.text import format_lazy
from django.utils.translation import gettext, ngettext
from django.utils.translation import gettext_lazy as _

from applications.pipeline import Status, in_sentence
from rebound.lib.formfields import long_day
from rebound.lib.localtime import local_today
from reminders.kinds import PlainLines, ReminderKind

from .models import Offer, offer_lines
from .money import money

# The kind's stored name: reminders keep it, so it never changes.
OFFER_DEADLINE = "offer_deadline"
DEFAULT_DAYS = Offer._meta.get_field("remind_days_before").get_default()


def _describe(offer: Offer) -> str:
    return str(offer)


def _url(offer: Offer) -> str:
    return offer.application.get_absolute_url()


def _components(offer: Offer) -> list[tuple[str, str]]:
    """(what, how much) for each part of the offer that is filled in, in the active language."""
    currency = offer.currency
    rows = [(gettext("Base salary"), money(offer.base_salary, currency))]
    if offer.bonus is not None:
        rows.append((gettext("Bonus"), money(offer.bonus, currency)))
    if offer.equity or offer.equity_value is not None:
        value = money(offer.equity_value, currency) if offer.equity_value is not None else ""
        if offer.equity and value:
            said = gettext("%(equity)s, about %(value)s a year") % {
                "equity": offer.equity,
                "value": value,
            }
        else:
            said = offer.equity or gettext("about %(value)s a year") % {"value": value}
        rows.append((gettext("Equity"), said))
    rows.append((gettext("Yearly total"), money(offer.yearly_total, currency)))
    if offer.start_date:
        rows.append((gettext("Start date"), long_day(offer.start_date)))
    return rows


def days_left(deadline: dt.date, today: dt.date) -> str:
    """ "today", "tomorrow", "in 3 days" or "passed", in the active language."""
    days = (deadline - today).days
    if days < 0:
        return gettext("passed")
    if days == 0:
        return gettext("today")
    if days == 1:
        return gettext("tomorrow")
    return ngettext("in %(days)d day", "in %(days)d days", days) % {"days": days}


def _context(offer: Offer) -> dict[str, Any]:
    application = offer.application
    today = local_today(offer.owner)
    deadline = offer.deadline or today  # an offer without one is obsolete before it is sent
    return {
        "offer": offer,
        "application": application,
        "role_html": format_html("<strong>{}</strong>", application.role),
        "company_html": format_html("<strong>{}</strong>", application.company.name),
        "deadline": long_day(deadline),
        "days": (deadline - today).days,
        "when": days_left(deadline, today),
        "components": _components(offer),
        # On one line in the text part, where a line break would end the list.
        "benefits_line": "; ".join(
            line.strip() for line in offer.benefits.splitlines() if line.strip()
        ),
        "application_url": settings.SITE_URL + application.get_absolute_url(),
        "offers_url": settings.SITE_URL + reverse("offers:compare"),
    }


def _obsolete(offer: Offer) -> str:
    application = offer.application
    if application.status != Status.OFFER:
        return gettext("The application has moved on (%(status)s).") % {
            "status": in_sentence(application.status)
        }
    if offer.deadline is None:
        return gettext("The offer has no decision deadline any more.")
    if offer.deadline < local_today(offer.owner):
        return gettext("The decision deadline has passed.")
    return ""


def _note(offer: Offer, reminder: Any) -> str:
    """Said beside a reminder whose usual day had passed when it was scheduled."""
    if offer.deadline is None:
        return ""
    usual = offer.deadline - dt.timedelta(days=offer.remind_days_before)
    if reminder.local_date > usual:
        return gettext(
            "Its usual day had already passed when the offer was saved, so it comes at the next "
            "chance."
        )
    return ""


KINDS = (
    ReminderKind(
        name=OFFER_DEADLINE,
        label=_("Offer deadline"),
        subject_model="offers.Offer",
        context=_context,
        describe=_describe,
        url=_url,
        obsolete=_obsolete,
        note=_note,
        select_related=("application__company", "owner"),
        describe_related=("application__company",),
        plain_lines=PlainLines(
            columns=("application__role", "application__company__name"), lines=offer_lines
        ),
        when=format_lazy(
            _(
                "Some days before an offer’s decision deadline (you choose how many on the offer, "
                "{days} by default), while the application is in Offer."
            ),
            days=DEFAULT_DAYS,
        ),
        send_now_note=_("It reminds you of this deadline once; it does not come back."),
    ),
)
