"""Filing deadlines for the legal step: information with its sources, not legal advice.

Every sentence here is built when a page asks for it, in the reader's language; dates are
written by Django's formats (their month and day names come from its catalogues).
"""

import datetime as dt
from dataclasses import dataclass

import holidays
from django.utils import dateformat, translation
from django.utils.translation import gettext as _
from django.utils.translation import ngettext, pgettext

from rebound.lib.localtime import add_months

from .models import Incident

CHECKED_ON = dt.date(2026, 11, 25)
EEOC_SOURCE = "https://www.eeoc.gov/time-limits"
ACAS_SOURCE = "https://www.acas.org.uk/early-conciliation"

# Germany, checked on 6 December 2026 with the search tool (corpus "pages"; "docs" had nothing).
# No page of gesetze-im-internet.de itself was among the stored pages: the statutes were read
# in copies that give them word for word, and the links below are the official texts.
# Verified:
# - § 15 Abs. 4 AGG: a claim under § 15 (1) or (2) must be made in writing within two months,
#   unless the parties to a collective agreement agreed otherwise; for an application the
#   period starts when the rejection is received (haufe.de, dvbs-online.de, the Bundestag's
#   reasoning). The applicant has to prove when the claim reached the employer (haufe.de).
# - § 61b Abs. 1 ArbGG: an action for compensation under § 15 AGG within three months after the
#   claim was made in writing (paragraphen.online, gesetzklar.de, lexetius.com).
# - §§ 187 Abs. 1, 188 Abs. 2 and 3, 193 BGB, word for word (lexcada.com, gesetzklar.de,
#   rechtswoerterbuch.de, anwalt24.de); a period starting on 28 February ends on the 28th, not
#   the month's last day (ra-kotz.de, citing BGH NJW 1984, 1358). § 193 names the Saturday too.
# - Not before the applicant learns of the discrimination: LAG Hessen, 1 November 2016,
#   8 Sa 301/16 (schaub.ruhr; DER BETRIEB's summary): the rejection's arrival is the earliest
#   start, and it counts once the rejection reaches the applicant's letterbox or inbox, read
#   or not; so BAG, 15 March 2012, 8 AZR 37/11 (betriebs-berater.ruw.de, deubner-recht.de):
#   knowing means knowing of a sign of discrimination.
# Not verified: that a court deadline on a Saturday moves the same way (§ 222 Abs. 2 ZPO, by
# knowledge, not a source read); the Länder's holidays are the `holidays` library's (0.109),
# looked over for BY, NI, BE, TH, SN and MV only;
# whether a change to the AGG is in force (a 2024 draft lets an application to a conciliation
# body at the Antidiskriminierungsstelle keep the two months, and a longer period has been
# proposed): the page tells the reader that a newer law may change it.
GERMANY_CHECKED_ON = dt.date(2026, 12, 6)
AGG_SOURCE = "https://www.gesetze-im-internet.de/agg/__15.html"
ARBGG_SOURCE = "https://www.gesetze-im-internet.de/arbgg/__61b.html"
BGB_SOURCES = (
    ("§ 187 BGB", "https://www.gesetze-im-internet.de/bgb/__187.html"),
    ("§ 188 BGB", "https://www.gesetze-im-internet.de/bgb/__188.html"),
    ("§ 193 BGB", "https://www.gesetze-im-internet.de/bgb/__193.html"),
)
ADS_URL = "https://www.antidiskriminierungsstelle.de"


@dataclass(frozen=True)
class GermanSources:
    """What the legal step's page links to for Germany, and when it was checked."""

    agg: str = AGG_SOURCE
    arbgg: str = ARBGG_SOURCE
    bgb: tuple[tuple[str, str], ...] = BGB_SOURCES
    help: str = ADS_URL
    checked_on: dt.date = GERMANY_CHECKED_ON
    jurisdiction: str = Incident.Jurisdiction.DE


GERMANY = GermanSources()


@dataclass(frozen=True)
class Deadline:
    label: str
    date: dt.date
    explanation: str
    source: str
    checked_on: dt.date = CHECKED_ON
    # Why the date is later than the count of days gives ("Monday 31 May 2027 is Memorial
    # Day"), or "" when it isn't moved.
    moved_because: str = ""
    # Germany: a word before the count (the date it assumes, when the user hasn't given it),
    # and how the day was counted, one sentence a step (§§ 187, 188, 193 BGB).
    note: str = ""
    counting: tuple[str, ...] = ()


def weekday_day(day: dt.date) -> str:
    """ "Monday 1 March 2027", „Montag, 1. März 2027“."""
    # Translators: a date with its weekday, in Django's date format syntax (l weekday).
    return dateformat.format(day, pgettext("date format", "l j F Y"))


def long_day(day: dt.date) -> str:
    """ "1 March 2027", „1. März 2027“."""
    # Translators: a date written out, in Django's date format syntax (j day, F month, Y year).
    return dateformat.format(day, pgettext("date format", "j F Y"))


def joined(reasons: list[str] | tuple[str, ...]) -> str:
    """ "A and B and C": the reasons a deadline moved, in one sentence."""
    if not reasons:
        return ""
    said = reasons[0]
    for reason in reasons[1:]:
        # Translators: two reasons a deadline moved ("Sunday … falls on a weekend and …").
        said = _("%(one)s and %(other)s") % {"one": said, "other": reason}
    return said


def us_federal_business_day(day: dt.date) -> tuple[dt.date, str]:
    """The day itself, or the next day that is neither a weekend nor a US federal holiday
    (as observed: a Saturday's holiday closes the Friday before), with why it moved."""
    closed = holidays.US(years=range(day.year, day.year + 2))
    reasons: list[str] = []
    weekend_said = False
    while day.weekday() >= 5 or day in closed:
        holiday = closed.get(day)
        if holiday:
            # Translators: a reason a deadline moves, read after "because" in your language
            # (German: „am %(day)s der Feiertag %(holiday)s ist“); joined by "and".
            reasons.append(
                _("%(day)s is %(holiday)s") % {"day": weekday_day(day), "holiday": holiday}
            )
        elif not weekend_said:
            # Translators: a reason a deadline moves, read after "because" (see above).
            reasons.append(_("%(day)s falls on a weekend") % {"day": weekday_day(day)})
            weekend_said = True
        day += dt.timedelta(days=1)
    return day, joined(reasons)


def _eeoc(happened_on: dt.date, days: int, label: str, explanation: str) -> Deadline:
    # Weekends and holidays count, but a deadline that falls on a weekend or a federal
    # holiday moves to the next business day (the EEOC's time-limits page).
    date, reason = us_federal_business_day(happened_on + dt.timedelta(days=days))
    return Deadline(
        label=label,
        date=date,
        explanation=explanation,
        source=EEOC_SOURCE,
        moved_because=reason,
    )


# --- Germany ---------------------------------------------------------------------------------


@dataclass(frozen=True)
class Counted:
    """A period of months counted per §§ 187 Abs. 1, 188 Abs. 2 and 3, 193 BGB."""

    start: dt.date  # the day of the event: not counted (§ 187 Abs. 1)
    months: int
    end: dt.date  # the day the months end on (§ 188 Abs. 2, or Abs. 3 at a month's end)
    short_month: bool  # the last month has no day of the start's number (§ 188 Abs. 3)
    date: dt.date  # the end, or the next working day after it (§ 193)
    closed: tuple[str, ...]  # why each day from the end was no working day, in words


def german_holidays(land: str, year: int) -> holidays.HolidayBase:
    """The Land's public holidays (not those of some of its towns only: Mariä Himmelfahrt in
    Bavaria's Catholic communities, the Augsburger Friedensfest), named in the reader's
    language."""
    language = "de" if (translation.get_language() or "").startswith("de") else "en_US"
    return holidays.Germany(subdiv=land, years=range(year, year + 2), language=language)


def count_months(start: dt.date, months: int, land: str) -> Counted:
    """The last day of a period of `months` that starts with an event on `start`."""
    end = add_months(start, months)  # the same day's number, or the month's last day
    closed = german_holidays(land, end.year)
    land_name = Incident.Land(land).label
    day, reasons = end, []
    while day.weekday() >= 5 or day in closed:
        values = {"day": long_day(day), "land": land_name, "holiday": closed.get(day)}
        # Translators: why the last day is no working day, read after "because" in your
        # language (German: „der %(day)s ein Sonntag ist“); joined by "and".
        if day in closed:
            reasons.append(_("%(day)s is a public holiday in %(land)s (%(holiday)s)") % values)
        elif day.weekday() == 5:
            reasons.append(_("%(day)s is a Saturday") % values)
        else:
            reasons.append(_("%(day)s is a Sunday") % values)
        day += dt.timedelta(days=1)
    return Counted(
        start=start,
        months=months,
        end=end,
        short_month=end.day != start.day,
        date=day,
        closed=tuple(reasons),
    )


def _count_in_words(counted: Counted) -> list[str]:
    """How the day was counted, in the order the BGB counts it."""
    values = {
        "start": long_day(counted.start),
        "end": weekday_day(counted.end),
        "day": counted.start.day,
        "month": dateformat.format(counted.end, "F Y"),
        "date": weekday_day(counted.date),
        "months": counted.months,
    }
    steps = [
        ngettext(
            "The day it starts from, %(start)s, is not counted (§ 187 Abs. 1 BGB): the period "
            "ends at the end of the day with the same number, %(months)s month later "
            "(§ 188 Abs. 2 BGB).",
            "The day it starts from, %(start)s, is not counted (§ 187 Abs. 1 BGB): the period "
            "ends at the end of the day with the same number, %(months)s months later "
            "(§ 188 Abs. 2 BGB).",
            counted.months,
        )
        % values
    ]
    if counted.short_month:
        steps.append(
            _(
                "%(month)s has no day %(day)s, so the period ends on the last day of that "
                "month, %(end)s (§ 188 Abs. 3 BGB)."
            )
            % values
        )
    else:
        steps.append(_("That is %(end)s.") % values)
    if counted.closed:
        values["why"] = joined(counted.closed)
        # Translators: %(why)s is the reasons above ("28 February 2027 is a Sunday").
        steps.append(
            _("%(why)s, so the deadline moves to the next working day: %(date)s (§ 193 BGB).")
            % values
        )
    return steps


def germany(incident: Incident) -> list[Deadline]:
    """AGG § 15 Abs. 4 (the written claim) and ArbGG § 61b Abs. 1 (the action), counted from
    the day the rejection arrived, or the later day the user learned of the discrimination."""
    received, learned = incident.received_on, incident.learned_on
    if received is None or not incident.land:
        return []
    start = learned if learned is not None and learned > received else received
    if start == received:
        begins = _("The period starts on %(start)s, the day the rejection reached you.") % {
            "start": long_day(received)
        }
    else:
        begins = _(
            "The period starts on %(start)s, the day you learned of the discrimination, not on "
            "%(received)s when the rejection reached you: it can’t start before you know "
            "(LAG Hessen, 1 November 2016, 8 Sa 301/16)."
        ) % {"start": long_day(start), "received": long_day(received)}
    claim = count_months(start, 2, incident.land)
    deadlines = [
        Deadline(
            label=_("Claim damages or compensation from the employer in writing by"),
            date=claim.date,
            explanation=_(
                "§ 15 Abs. 4 AGG: a claim for damages or compensation has to be made in "
                "writing within two months, unless a collective agreement sets another "
                "period. Your letter has to reach the employer by this day: keep proof of when "
                "it arrived."
            ),
            source=AGG_SOURCE,
            checked_on=GERMANY_CHECKED_ON,
            moved_because=joined(claim.closed),
            counting=(begins, *_count_in_words(claim)),
        )
    ]
    if incident.claimed_on is not None:
        action = count_months(incident.claimed_on, 3, incident.land)
        note = ""
        action_begins = _(
            "The period starts on %(start)s, the day your written claim reached the employer."
        ) % {"start": long_day(incident.claimed_on)}
    else:
        # The latest it can be: a claim that arrives on the last day of the two months.
        action = count_months(claim.date, 3, incident.land)
        note = _(
            "You haven’t said when your written claim reached the employer. This is the "
            "latest the deadline can be, if it reaches them on the last day, %(day)s. The "
            "three months run from the day it arrives: a claim made earlier brings this date "
            "forward."
        ) % {"day": weekday_day(claim.date)}
        action_begins = _(
            "The period starts on %(start)s, the day your written claim reaches the employer "
            "at the latest."
        ) % {"start": long_day(claim.date)}
    deadlines.append(
        Deadline(
            label=_("File an action for compensation at the labour court by"),
            date=action.date,
            explanation=_(
                "§ 61b Abs. 1 ArbGG: an action for compensation under § 15 AGG has to be "
                "filed within three months after the claim was made in writing."
            ),
            source=ARBGG_SOURCE,
            checked_on=GERMANY_CHECKED_ON,
            moved_because=joined(action.closed),
            note=note,
            counting=(action_begins, *_count_in_words(action)),
        )
    )
    return deadlines


def deadlines(incident: Incident) -> list[Deadline]:
    day = incident.happened_on
    J = Incident.Jurisdiction
    if incident.jurisdiction == J.US:
        return [
            _eeoc(
                day,
                180,
                _("File a charge with the EEOC by"),
                _(
                    "180 calendar days from the incident. Weekends and holidays count; a "
                    "deadline that falls on a weekend or holiday moves to the next business day."
                ),
            ),
            _eeoc(
                day,
                300,
                _("…or by this date, if a state or local agency also applies"),
                _(
                    "300 days where a state or local agency enforces a law against the same "
                    "discrimination. For age discrimination only a state law extends it."
                ),
            ),
        ]
    if incident.jurisdiction == J.US_STATE:
        return [
            _eeoc(
                day,
                300,
                _("File a charge with the EEOC by"),
                _(
                    "300 calendar days where a state or local agency enforces a law against "
                    "the same discrimination (for age, only a state law extends it). Weekends "
                    "and holidays count; a deadline on one moves to the next business day."
                ),
            ),
        ]
    if incident.jurisdiction == J.US_FEDERAL:
        return [
            _eeoc(
                day,
                45,
                _("Contact an EEO counselor at the agency by"),
                _("Federal employees and applicants must contact an EEO counselor within 45 days."),
            ),
        ]
    if incident.jurisdiction == J.UK:
        return [
            Deadline(
                label=_("Start ACAS early conciliation by"),
                date=add_months(day, 3) - dt.timedelta(days=1),
                explanation=_(
                    "Most employment tribunal claims must be made within 3 months less one "
                    "day of the incident, and early conciliation with ACAS has to be started "
                    "first, within that time."
                ),
                source=ACAS_SOURCE,
            ),
        ]
    if incident.jurisdiction == J.DE:
        return germany(incident)
    return []
