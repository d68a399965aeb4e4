"""Interviews as iCalendar (RFC 5545) files, built with the icalendar library."""

import datetime as dt

import icalendar
from django.utils import timezone

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
        f"{interview.get_round_type_display()} interview — {application.role} at "
        f"{application.company.name}",
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
