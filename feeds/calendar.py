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
holds the same events: feeds.views caches it by the day and the feed's own version, which
database triggers bump when a row it reads changes in a column it reads (feeds.stamps).

Its words (the events' titles) are in the active language: calendar apps fetch the feed
without a session, so feeds.views builds it in the owner's language (`in_language_of`) and
keys its cache by that language.

Its parts (the interviews, the to-dos, the scheduled and the cancelled reminders) are kept
in chunks of 64 rows, each under a digest of the rows that decide it (feeds.sections,
feeds.digests: PostgreSQL hashes the rows without sending them, in one query). A change the
feed doesn't show (a note, a journal entry) leaves the whole feed's copy in place; after one it
shows, an edit touches one chunk: the first fetch reads the digests and the unchanged chunks
(one cache read), and builds only what changed. A chunk's
key also holds what its rows don't decide (the owner, the language, the bytes' form, the
site's address, the day), so it lives no longer than the whole copy. Every reminder kind says
its line from declared columns (reminders.kinds.PlainLines), so the reminders' digests cover
what their lines name (reminders.selectors.line_sources); were a kind to say it from a model
instance, the reminders would be built on every fetch. tests/feeds/test_feed_sections.py
changes each thing an event shows, behind the services' back, and adds, removes and moves
rows: the next feed is the feed built whole.

Within a changed chunk, each event is cached too (Russian-doll caching): icalendar makes each
in ~100 µs and an edit touches one or two. An event's serialised VEVENT is keyed by a hash of
exactly what it shows (`_Event`: its UID, title, dates, place, link, SEQUENCE, last change,
status; with FORMAT and icalendar's version), so a renamed company, a cancelled reminder or a
switch of language changes the key whether or not the event's own row was written. They are
read with one `get_many` and the missing ones written back with one `set_many`; they go in
before END:VCALENDAR, exactly where `Calendar.to_ical` would put them (byte for byte the feed
icalendar makes in one piece: tests/feeds/test_event_cache.py). Without a cache (`events=None`:
SQLite, FRAGMENT_CACHE off) every event is made.

So that an unchanged event's bytes stay the same from build to build, its DTSTAMP is its last
change, not the moment of the build: RFC 5545 (3.8.7.2) asks exactly that of an object with
no METHOD, as a published feed is ("the date and time that the information associated with
the calendar component was last revised in the calendar store").
"""

import datetime as dt
import functools
import hashlib
from collections.abc import Callable, Iterable
from dataclasses import dataclass
from typing import Any

import icalendar
from django.conf import settings
from django.core.cache.backends.base import BaseCache
from django.db import connection
from django.db.models import F, QuerySet
from django.utils.translation import get_language, pgettext

from interviews.models import Interview
from rebound.lib.urlcache import object_url
from rebound.models import User
from reminders.models import Reminder
from reminders.selectors import line_sources, lines_about
from todos import calendar as todo_calendar

from . import sections
from .digests import Digests, Source

PRODID = "-//Rebound//Calendar feed//EN"
WINDOW = dt.timedelta(days=90)
MAX_EVENTS = 500
# Part of every cached feed's key and ETag: raise it when what `build` writes changes, so no
# calendar keeps, and no cache serves, a feed in the old form. (2: titles in the owner's
# language; 3: to-dos; 4: DTSTAMP is the event's last change, not the build's moment.)
FORMAT = 4
# How long an unused event's bytes stay: any change to the event makes a new key, so this
# only bounds the memory of events no feed shows any more (feeds are rebuilt at least daily,
# which reads, but doesn't refresh, the events they still show).
EVENT_SECONDS = 3 * 24 * 3600
# What else an event's bytes depend on: the form `build` writes (FORMAT) and the serialiser.
_MAKER = f"{FORMAT}:{icalendar.__version__}"
_END = b"END:VCALENDAR\r\n"


@dataclass
class Feed:
    body: bytes
    last_modified: dt.datetime | None
    # Built from cached sections alone: the calendar's own lines and the sections' keys, which
    # say the feed again as long as the cache holds them (feeds.views keeps these, not a copy).
    sections: tuple[bytes, tuple[str, ...]] | None = None


# Not frozen: a frozen dataclass sets each field through object.__setattr__, and a heavy feed
# makes ~900 of these a build (nothing changes one once made).
@dataclass(slots=True)
class _Event:
    """Everything one VEVENT shows: its bytes are a function of these values alone."""

    uid: str
    summary: str
    sequence: int
    modified: dt.datetime  # UTC
    start: dt.date | dt.datetime  # a date for an all-day event, else UTC
    end: dt.date | dt.datetime
    location: str = ""
    url: str = ""
    cancelled: bool = False

    def key(self) -> str:
        # repr() quotes the text, so no title can pass for two other values.
        values = (
            _MAKER, self.uid, self.summary, self.sequence, self.modified, self.start,
            self.end, self.location, self.url, self.cancelled,
        )  # fmt: skip
        digest = hashlib.blake2b(repr(values).encode(), digest_size=16).hexdigest()
        return f"calendar-event:{digest}"

    def to_ical(self) -> bytes:
        event = icalendar.Event()
        event.add("uid", self.uid)
        event.add("dtstamp", self.modified)
        event.add("sequence", self.sequence)
        event.add("last-modified", self.modified)
        event.add("summary", self.summary)
        event.add("dtstart", self.start)
        event.add("dtend", self.end)
        if self.location:
            event.add("location", self.location)
        if self.url:
            event.add("url", self.url)
        if self.cancelled:
            event.add("status", "CANCELLED")
        return event.to_ical()


def _utc(value: dt.datetime) -> dt.datetime:
    return value.astimezone(dt.UTC)


def window_start(now: dt.datetime) -> dt.datetime:
    """The oldest moment the feed shows, the same all day."""
    return dt.datetime.combine(_utc(now).date(), dt.time.min, tzinfo=dt.UTC) - WINDOW


def build(user: User, now: dt.datetime, *, events: BaseCache | None = None) -> Feed:
    """The feed as of `now`; with `events`, each section's and each event's bytes are read from
    and kept in that cache (the module's docstring says why)."""
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
    head = calendar.to_ical()
    # What icalendar ends every calendar with; the events go in just before it.
    assert head.endswith(_END)
    head = head[: -len(_END)]
    parts = _parts(user, since)
    if events is None or connection.vendor != "postgresql":
        shown = [event for part in parts for row in part.rows(0, None) for event in row]
        chunks = _serialised(shown, events)
        modified = max((event.modified for event in shown), default=None)
        return Feed(b"".join([head, *chunks, _END]), modified)
    # What the rows don't decide: the bytes' form, the links' site, the words' language, and
    # the day, so that a chunk lives no longer than the whole feed's copy (feeds.views).
    stamp = hashlib.blake2b(
        f"{_MAKER}|{settings.SITE_URL}|{get_language()}|{since.date()}".encode(), digest_size=8
    ).hexdigest()
    built = sections.build(
        parts,
        _digests(user, since),
        prefix=f"calendar-chunk:{stamp}:{user.pk}",
        cache=events,
        serialised=lambda shown: _serialised(shown, events),
    )
    kept = (head, tuple(built.keys)) if all(built.keys) else None
    return Feed(b"".join([head, *built.chunks, _END]), built.modified, kept)


def from_sections(head: bytes, keys: tuple[str, ...], cache: BaseCache) -> bytes | None:
    """The feed `build` made of these cached chunks, or None if the cache lost one."""
    chunks = sections.kept(keys, cache)
    return None if chunks is None else b"".join([head, *chunks, _END])


def _parts(user: User, since: dt.datetime) -> list[sections.Part]:
    """The feed's parts, in its order: each of its read's rows' events (feeds.sections)."""
    scheduled, cancelled = _reminders(user, since)

    def reminders(read: QuerySet[Reminder]) -> Callable[[int, int | None], list[list[_Event]]]:
        return lambda start, stop: _reminder_rows(
            read.values_list(*_REMINDER_COLUMNS)[start : _stop(stop)]
        )

    return [
        sections.Part(
            "interviews", lambda start, stop: _interview_events(user, since, start, stop)
        ),
        # One chunk (its source has no order to cut by): always read whole.
        sections.Part("todos", lambda _first, _stop: _todo_events(user, since.date())),
        sections.Part("scheduled", reminders(scheduled)),
        sections.Part("cancelled", reminders(cancelled)),
    ]


def _stop(stop: int | None) -> int:
    return MAX_EVENTS if stop is None else min(stop, MAX_EVENTS)


def _sources(owner_id: int, since: dt.datetime, day: dt.date) -> list[Source | None]:
    """The rows that decide each part's bytes, in `_parts`' order (None: no read can stand for
    them, that part is built every time), each read in the order its part's rows are cut by.
    Each is the very read the part's events are made from, or one of the same rows with more
    of their columns; every chunk of the reminders also depends on what their lines name."""
    owner = User(pk=owner_id)
    interviews = _interviews(owner, since).values_list(*_INTERVIEW_COLUMNS)[:MAX_EVENTS]
    todos = todo_calendar.for_feed(owner, day, MAX_EVENTS)
    scheduled, cancelled = _reminders(owner, since)
    lines = line_sources(scheduled | cancelled)
    reminders: list[Source | None] = [None, None, None]
    if lines is not None:
        reminders = [
            Source(
                scheduled.values_list(*_REMINDER_COLUMNS, "due_at")[:MAX_EVENTS], "r.due_at, r.pk"
            ),
            Source(
                cancelled.values_list(*_REMINDER_COLUMNS)[:MAX_EVENTS], "r.updated_at DESC, r.pk"
            ),
            Source(None, others=lines),  # what their lines name: part of each of their chunks
        ]
    return [Source(interviews, "r.starts_at, r.pk"), Source(todos), *reminders]


def _digests(user: User, since: dt.datetime) -> list[list[str] | None]:
    """Each part's chunks' digests (feeds.digests), the reminders' with what their lines name."""
    *found, lines = _DIGESTS(user.pk, since, since.date())
    named = "" if lines is None else lines[0]
    return [
        *found[:2],
        *(
            None if chunks is None else [f"{digest}.{named}" for digest in chunks]
            for chunks in found[2:]
        ),
    ]


# Stand-ins no row holds: an id no user has, a moment and a day long before any data.
_DIGESTS = Digests(
    _sources, -7_654_321, dt.datetime(1901, 2, 3, 4, 5, 6, 789_012, tzinfo=dt.UTC),
    dt.date(1902, 3, 4),
)  # fmt: skip


def _serialised(shown: list[_Event], cache: BaseCache | None) -> list[bytes]:
    """Each event's VEVENT, in order: from the cache where it has them (one read), made by
    icalendar where it doesn't (and kept, in one write)."""
    if cache is None:
        return [event.to_ical() for event in shown]
    keys = [event.key() for event in shown]
    found = cache.get_many(keys)
    made = {}
    chunks = []
    for key, event in zip(keys, shown, strict=True):
        chunk = found.get(key)
        if chunk is None:
            chunk = made[key] = event.to_ical()
        chunks.append(chunk)
    if made:
        cache.set_many(made, EVENT_SECONDS)
    return chunks


def _interviews(user: User, since: dt.datetime) -> QuerySet[Interview]:
    return Interview.objects.filter(owner=user, starts_at__gte=since).order_by("starts_at", "pk")


# What an interview's events show is a function of these (its section's digest reads them).
_INTERVIEW_COLUMNS = (
    "pk", "round_type", "starts_at", "ends_at", "location", "promised_reply_by", "updated_at",
    "created_at", "application__role", "application__company__name",
)  # fmt: skip


def _interview_events(
    user: User, since: dt.datetime, first: int = 0, stop: int | None = None
) -> list[list[_Event]]:
    """The events of each interview from the `first`th shown to the `stop`th (None: the end):
    itself, and the reply it was promised by, if any."""
    # Plain values, not model instances: a heavy feed reads 500 interviews with their
    # application and company, and three instances a row were two thirds of its rebuild.
    # One timestamp a row, its start; its end, its last change and its logging come as
    # intervals from the database (end - start, last change - start, last change - logging):
    # psycopg reads an interval in C but a timestamp with time zone in Python, through Django's
    # loader (~3 µs each: 2,000 a build were a fifth of a heavy rebuild). Differences of
    # timestamps are exact to the microsecond, so start + interval is the very timestamp.
    interviews = _interviews(user, since).values_list(
        "pk",
        "round_type",
        "starts_at",
        F("ends_at") - F("starts_at"),
        "location",
        "promised_reply_by",
        F("updated_at") - F("created_at"),
        F("updated_at") - F("starts_at"),
        "application__role",
        "application__company__name",
    )[first : _stop(stop)]
    # Each round's label once per build (Django's get_FOO_display makes its choices hashable
    # on every call: ~90 µs, as much as the rest of a cached event).
    round_of = functools.cache(
        lambda round_type: Interview(round_type=round_type).get_round_type_display()
    )
    # The words once per build, not per event (gettext looks the language up on each call).
    role_at = pgettext("calendar feed", "%(role)s at %(company)s")
    titled = pgettext("calendar feed", "%(round)s interview — %(what)s")
    promised = pgettext("calendar feed", "%(company)s promised a reply by today (%(what)s)")
    # The link around its key once per build: object_url looks the URL configuration and the
    # script prefix up on each call (~6 µs: 3 ms of a heavy feed).
    head, _pk, tail = (settings.SITE_URL + object_url("interviews:detail", "{pk}")).partition(
        "{pk}"
    )
    shown: list[list[_Event]] = []
    for (
        pk, round_type, starts_at, length, location, reply_by, edited_after, changed_after, role,
        company,
    ) in interviews:  # fmt: skip
        what = role_at % {"role": role, "company": company}
        # Its events change together: the same SEQUENCE (seconds from its logging to its last
        # change, which grows with every edit) and LAST-MODIFIED.
        sequence = int(edited_after.total_seconds())
        start = _utc(starts_at)
        modified = start + changed_after
        row = [
            _Event(
                uid=f"interview-{pk}@rebound",
                summary=titled % {"round": round_of(round_type), "what": what},
                sequence=sequence,
                modified=modified,
                start=start,
                end=start + length,
                location=location,
                url=f"{head}{pk}{tail}",
            )
        ]
        if reply_by:
            row.append(
                _Event(
                    uid=f"reply-{pk}@rebound",
                    summary=promised % {"company": company, "what": what},
                    sequence=sequence,
                    modified=modified,
                    start=reply_by,
                    end=reply_by + dt.timedelta(days=1),
                )
            )
        shown.append(row)
    return shown


def _todo_events(user: User, since: dt.date) -> list[list[_Event]]:
    """Open to-dos with a due date, as all-day events (one a to-do)."""
    shown = []
    for todo in todo_calendar.for_feed(user, since, MAX_EVENTS):
        day = todo.due_on
        if day is None:  # never: the query asks for a due date (for the type checker)
            continue
        shown.append(
            [
                _Event(
                    uid=f"todo-{todo.pk}@rebound",
                    summary=todo_calendar.summary(todo),
                    # Grows with every change (seconds from its adding to its last change).
                    sequence=int((todo.updated_at - todo.created_at).total_seconds()),
                    modified=_utc(todo.updated_at),
                    start=day,
                    end=day + dt.timedelta(days=1),
                    url=settings.SITE_URL + todo.get_absolute_url(),
                )
            ]
        )
    return shown


def _reminders(user: User, since: dt.datetime) -> tuple[QuerySet[Reminder], QuerySet[Reminder]]:
    """The scheduled reminders from `since` on, soonest first, and the ones cancelled since,
    latest first."""
    mine = Reminder.objects.filter(owner=user)
    return (
        mine.filter(status__in=Reminder.OPEN, due_at__gte=since).order_by("due_at", "pk"),
        mine.filter(status=Reminder.Status.CANCELLED, updated_at__gte=since).order_by(
            "-updated_at", "pk"
        ),
    )


_REMINDER_COLUMNS = ("pk", "kind", "subject_id", "status", "local_date", "version", "updated_at")


def _reminder_rows(rows: Iterable[tuple[Any, ...]]) -> list[list[_Event]]:
    """Each reminder (read as _REMINDER_COLUMNS) as an all-day event."""
    rows = list(rows)
    # Plain values, and each subject's line from its columns (lines_about): a heavy feed reads
    # ~400 reminders, and an instance of each, of its interview, application and company, for
    # one line each, were over half of its rebuild. The line is with_subjects' (as
    # tests/feeds/test_feed_fast_reminders.py checks for every kind).
    abouts = lines_about([(kind, subject_id) for _pk, kind, subject_id, *_rest in rows])
    # Each kind's label once per build, as each round's above.
    kind_of = functools.cache(lambda kind: Reminder(kind=kind).get_kind_display())
    titled = pgettext("calendar feed", "%(kind)s — %(about)s")
    day = dt.timedelta(days=1)
    return [
        [
            _Event(
                uid=f"reminder-{pk}@rebound",
                summary=titled % {"kind": kind_of(kind), "about": about},
                sequence=version,
                modified=_utc(updated_at),
                start=local_date,
                end=local_date + day,
                cancelled=status == Reminder.Status.CANCELLED,
            )
        ]
        for (pk, kind, _subject, status, local_date, version, updated_at), about in zip(
            rows, abouts, strict=True
        )
    ]
