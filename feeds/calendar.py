"""A user's calendar feed (RFC 5545), built with the icalendar library.

What it holds, and only that (the preferences page lists it too):
- interviews from 90 days ago on: round, role, company, place or link, start and end (UTC);
- "they promised to reply by" dates, as all-day events;
- open to-dos with a due date from 90 days ago on, as all-day events on that date ("To-do: …");
  one marked done or deleted leaves the feed;
- scheduled reminders (keep in touch, check-ins, thank-you notes...) on their local date,
  as all-day events; ones cancelled in the last 90 days as STATUS:CANCELLED, so calendars
  that kept them remove them.
No private text: no preparation notes, self-assessments, journal, feedback or incidents.
Every event has a stable UID and a SEQUENCE that grows when it changes, so a moved interview
updates in place. At most MAX_EVENTS of each kind: the feed's size is bounded.

"90 days ago" counts from the start of today (UTC), so a feed built at any time of one day
holds the same events: feeds.views caches it by the day and the owner's data version.

Its words (the events' titles) are in the active language: calendar apps fetch the feed
without a session, so feeds.views builds it in the owner's language (`in_language_of`) and
keys its cache by that language.
"""

import datetime as dt
from dataclasses import dataclass

import icalendar
from django.conf import settings
from django.utils.translation import pgettext

from interviews.models import Interview
from rebound.models import User
from reminders.models import Reminder
from reminders.selectors import with_subjects
from todos import calendar as todo_calendar

PRODID = "-//Rebound//Calendar feed//EN"
WINDOW = dt.timedelta(days=90)
MAX_EVENTS = 500
# Part of every cached feed's key and ETag: raise it when what `build` writes changes, so no
# calendar keeps, and no cache serves, a feed in the old form. (2: titles in the owner's
# language; 3: to-dos.)
FORMAT = 3


@dataclass
class Feed:
    body: bytes
    last_modified: dt.datetime | None


def _utc(value: dt.datetime) -> dt.datetime:
    return value.astimezone(dt.UTC)


def window_start(now: dt.datetime) -> dt.datetime:
    """The oldest moment the feed shows, the same all day."""
    return dt.datetime.combine(_utc(now).date(), dt.time.min, tzinfo=dt.UTC) - WINDOW


def build(user: User, now: dt.datetime) -> Feed:
    since = window_start(now)
    calendar = icalendar.Calendar()
    calendar.add("prodid", PRODID)
    calendar.add("version", "2.0")
    calendar.add("calscale", "GREGORIAN")
    calendar.add("x-wr-calname", "Rebound")
    calendar.add("x-wr-timezone", user.timezone)
    # Ask calendar apps to check for changes every hour.
    calendar.add("refresh-interval", dt.timedelta(hours=1), parameters={"VALUE": "DURATION"})
    calendar.add("x-published-ttl", "PT1H")
    changed: list[dt.datetime] = []

    interviews = (
        Interview.objects.filter(owner=user, starts_at__gte=since)
        .select_related("application__company")
        .only(
            "round_type",
            "starts_at",
            "ends_at",
            "location",
            "promised_reply_by",
            "created_at",
            "updated_at",
            "application__role",
            "application__company__name",
        )
        .order_by("starts_at", "pk")[:MAX_EVENTS]
    )
    for interview in interviews:
        application = interview.application
        names = {"role": application.role, "company": application.company.name}
        what = pgettext("calendar feed", "%(role)s at %(company)s") % names
        # Its events change together: the same SEQUENCE (seconds from its logging to its last
        # change, which grows with every edit) and LAST-MODIFIED.
        sequence = int((interview.updated_at - interview.created_at).total_seconds())
        event = _event(
            uid=f"interview-{interview.pk}@rebound",
            summary=pgettext("calendar feed", "%(round)s interview — %(what)s")
            % {"round": interview.get_round_type_display(), "what": what},
            now=now,
            sequence=sequence,
            modified=interview.updated_at,
        )
        event.add("dtstart", _utc(interview.starts_at))
        event.add("dtend", _utc(interview.ends_at))
        if interview.location:
            event.add("location", interview.location)
        event.add("url", settings.SITE_URL + interview.get_absolute_url())
        calendar.add_component(event)
        changed.append(interview.updated_at)
        if interview.promised_reply_by:
            reply = _event(
                uid=f"reply-{interview.pk}@rebound",
                summary=pgettext(
                    "calendar feed", "%(company)s promised a reply by today (%(what)s)"
                )
                % {"company": application.company.name, "what": what},
                now=now,
                sequence=sequence,
                modified=interview.updated_at,
            )
            reply.add("dtstart", interview.promised_reply_by)
            reply.add("dtend", interview.promised_reply_by + dt.timedelta(days=1))
            calendar.add_component(reply)

    changed.extend(_add_todos(calendar, user, since.date(), now))

    scheduled = Reminder.objects.filter(owner=user, status__in=Reminder.OPEN, due_at__gte=since)
    cancelled = Reminder.objects.filter(
        owner=user, status=Reminder.Status.CANCELLED, updated_at__gte=since
    )
    fields = ("pk", "kind", "subject_id", "status", "local_date", "version", "updated_at")
    rows = with_subjects(
        [
            *scheduled.only(*fields).order_by("due_at", "pk")[:MAX_EVENTS],
            *cancelled.only(*fields).order_by("-updated_at", "pk")[:MAX_EVENTS],
        ]
    )
    for row in rows:
        reminder = row.reminder
        event = _event(
            uid=f"reminder-{reminder.pk}@rebound",
            now=now,
            sequence=reminder.version,
            modified=reminder.updated_at,
            summary=pgettext("calendar feed", "%(kind)s — %(about)s")
            % {"kind": reminder.get_kind_display(), "about": row.about},
        )
        event.add("dtstart", reminder.local_date)
        event.add("dtend", reminder.local_date + dt.timedelta(days=1))
        if reminder.status == Reminder.Status.CANCELLED:
            event.add("status", "CANCELLED")
        calendar.add_component(event)
        changed.append(reminder.updated_at)
    return Feed(body=calendar.to_ical(), last_modified=max(changed, default=None))


def _add_todos(
    calendar: icalendar.Calendar, user: User, since: dt.date, now: dt.datetime
) -> list[dt.datetime]:
    """Open to-dos with a due date, as all-day events; returns when each last changed."""
    changed = []
    for todo in todo_calendar.for_feed(user, since, MAX_EVENTS):
        day = todo.due_on
        if day is None:  # never: the query asks for a due date (for the type checker)
            continue
        event = _event(
            uid=f"todo-{todo.pk}@rebound",
            summary=todo_calendar.summary(todo),
            now=now,
            # Grows with every change (seconds from its adding to its last change).
            sequence=int((todo.updated_at - todo.created_at).total_seconds()),
            modified=todo.updated_at,
        )
        event.add("dtstart", day)
        event.add("dtend", day + dt.timedelta(days=1))
        event.add("url", settings.SITE_URL + todo.get_absolute_url())
        calendar.add_component(event)
        changed.append(todo.updated_at)
    return changed


def _event(
    *, uid: str, now: dt.datetime, sequence: int, modified: dt.datetime, summary: str
) -> icalendar.Event:
    event = icalendar.Event()
    event.add("uid", uid)
    event.add("dtstamp", _utc(now))
    event.add("sequence", sequence)
    event.add("last-modified", _utc(modified))
    event.add("summary", summary)
    return event
