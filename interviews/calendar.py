"""Interviews as iCalendar (RFC 5545) files, built with the icalendar library, in the active
language (a feed built outside a request wraps it in rebound.lib.language.in_language_of)."""

import datetime as dt

import icalendar
from django.utils import timezone
from django.utils.translation import gettext as _

from .models import Interview

PRODID = "-//Rebound//Interviews//EN"


def interview_event(interview: Interview) -> icalendar.Event:
    application = interview.application
    event = icalendar.Event()
    # Stable across downloads, so a calendar app updates the event instead of adding another.
    event.add("uid", f"interview-{interview.pk}@rebound")
    event.add("dtstamp", timezone.now().astimezone(dt.UTC))
    event.add("dtstart", interview.starts_at.astimezone(dt.UTC))
    event.add("dtend", interview.ends_at.astimezone(dt.UTC))
    event.add(
        "summary",
        _("%(interview)s — %(role)s at %(company)s")
        % {
            "interview": interview.title,
            "role": application.role,
            "company": application.company.name,
        },
    )
    if interview.location:
        event.add("location", interview.location)
    if interview.preparation_notes:
        event.add("description", interview.preparation_notes)
    return event


def interview_calendar(interview: Interview) -> bytes:
    calendar = icalendar.Calendar()
    calendar.add("prodid", PRODID)
    calendar.add("version", "2.0")
    calendar.add_component(interview_event(interview))
    return calendar.to_ical()
