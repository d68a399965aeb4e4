"""Filing deadlines for the legal step: information with its sources, not legal advice."""

import datetime as dt
from dataclasses import dataclass

import holidays

from rebound.lib.localtime import add_months

from .models import Incident

CHECKED_ON = dt.date(2026, 11, 25)
EEOC_SOURCE = "https://www.eeoc.gov/time-limits"
ACAS_SOURCE = "https://www.acas.org.uk/early-conciliation"


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


def us_federal_business_day(day: dt.date) -> tuple[dt.date, str]:
    """The day itself, or the next day that is neither a weekend nor a US federal holiday
    (as observed: a Saturday's holiday closes the Friday before), with why it moved."""
    closed = holidays.US(years=range(day.year, day.year + 2))
    reasons: list[str] = []
    weekend_said = False
    while day.weekday() >= 5 or day in closed:
        holiday = closed.get(day)
        if holiday:
            reasons.append(f"{day:%A %-d %B %Y} is {holiday}")
        elif not weekend_said:
            reasons.append(f"{day:%A %-d %B %Y} falls on a weekend")
            weekend_said = True
        day += dt.timedelta(days=1)
    return day, " and ".join(reasons)


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


def deadlines(incident: Incident) -> list[Deadline]:
    day = incident.happened_on
    J = Incident.Jurisdiction
    if incident.jurisdiction == J.US:
        return [
            _eeoc(
                day,
                180,
                "File a charge with the EEOC by",
                "180 calendar days from the incident. Weekends and holidays count; a deadline "
                "that falls on a weekend or holiday moves to the next business day.",
            ),
            _eeoc(
                day,
                300,
                "…or by this date, if a state or local agency also applies",
                "300 days where a state or local agency enforces a law against the same "
                "discrimination. For age discrimination only a state law extends it.",
            ),
        ]
    if incident.jurisdiction == J.US_STATE:
        return [
            _eeoc(
                day,
                300,
                "File a charge with the EEOC by",
                "300 calendar days where a state or local agency enforces a law against the "
                "same discrimination (for age, only a state law extends it). Weekends and "
                "holidays count; a deadline on one moves to the next business day.",
            ),
        ]
    if incident.jurisdiction == J.US_FEDERAL:
        return [
            _eeoc(
                day,
                45,
                "Contact an EEO counselor at the agency by",
                "Federal employees and applicants must contact an EEO counselor within 45 days.",
            ),
        ]
    if incident.jurisdiction == J.UK:
        return [
            Deadline(
                label="Start ACAS early conciliation by",
                date=add_months(day, 3) - dt.timedelta(days=1),
                explanation="Most employment tribunal claims must be made within 3 months less "
                "one day of the incident, and early conciliation with ACAS has to be started "
                "first, within that time.",
                source=ACAS_SOURCE,
            ),
        ]
    return []
