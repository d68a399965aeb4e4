"""Filing deadlines for the legal step: information with its sources, not legal advice."""

import datetime as dt
from dataclasses import dataclass

from rebound.localtime import add_months, next_business_day

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


def _eeoc(happened_on: dt.date, days: int, label: str, explanation: str) -> Deadline:
    # Weekends and holidays count, but a deadline on a weekend moves to the next business day
    # (a deadline on a federal holiday moves too: the explanation says so).
    return Deadline(
        label=label,
        date=next_business_day(happened_on + dt.timedelta(days=days)),
        explanation=explanation,
        source=EEOC_SOURCE,
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
