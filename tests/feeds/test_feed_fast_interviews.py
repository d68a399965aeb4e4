"""The calendar feed reads one timestamp per interview (its start) and the others as intervals
from the database (feeds.calendar._interview_events: psycopg reads an interval in C, a
timestamp in Python). Its events must be the ones it made when it read the four timestamps
(kept below), to the microsecond and in the same time zone object (their cache keys are the
same too): whatever the times, in English and German, whatever the text, never another
user's."""

import datetime as dt
import functools
import itertools

import pytest
import time_machine
from django.conf import settings
from django.utils import translation
from django.utils.translation import pgettext

from feeds import calendar
from feeds.calendar import MAX_EVENTS, _Event, _utc, window_start
from interviews.models import Interview
from interviews.services import interview_save
from rebound.lib.urlcache import object_url
from rebound.models import User
from tests.factories import ApplicationFactory, CompanyFactory
from tests.hostile import HOSTILE

pytestmark = pytest.mark.django_db

NOW = dt.datetime(2026, 11, 25, 12, tzinfo=dt.UTC)
# (logged, last changed, start, length) from NOW: changed before or after the start, seconds
# with microseconds, years apart, a length with microseconds, over a DST change in Europe.
TIMES = [
    (dt.timedelta(days=-3), dt.timedelta(days=-1), dt.timedelta(days=2), dt.timedelta(hours=1)),
    (
        dt.timedelta(seconds=-1, microseconds=1),
        dt.timedelta(microseconds=999_999),
        dt.timedelta(days=1, microseconds=7),
        dt.timedelta(minutes=45, microseconds=3),
    ),
    (dt.timedelta(days=-700), dt.timedelta(days=30), dt.timedelta(days=10), dt.timedelta(hours=3)),
    (
        dt.timedelta(days=-80),
        dt.timedelta(days=-80),
        dt.timedelta(days=-60),
        dt.timedelta(minutes=1),
    ),
    (
        dt.timedelta(days=-40, hours=5),
        dt.timedelta(days=120, seconds=59, microseconds=500_000),
        dt.timedelta(days=125),
        dt.timedelta(hours=2),
    ),
]


def _old_interview_events(user: User, since: dt.datetime) -> list[_Event]:
    """feeds.calendar._interview_events as it was: four timestamps a row."""
    interviews = (
        Interview.objects.filter(owner=user, starts_at__gte=since)
        .order_by("starts_at", "pk")
        .values_list(
            "pk", "round_type", "starts_at", "ends_at", "location", "promised_reply_by",
            "created_at", "updated_at", "application__role", "application__company__name",
        )[:MAX_EVENTS]
    )  # fmt: skip
    round_of = functools.cache(
        lambda round_type: Interview(round_type=round_type).get_round_type_display()
    )
    role_at = pgettext("calendar feed", "%(role)s at %(company)s")
    titled = pgettext("calendar feed", "%(round)s interview — %(what)s")
    promised = pgettext("calendar feed", "%(company)s promised a reply by today (%(what)s)")
    shown = []
    for (
        pk, round_type, starts_at, ends_at, location, reply_by, created_at, updated_at, role,
        company,
    ) in interviews:  # fmt: skip
        what = role_at % {"role": role, "company": company}
        sequence = int((updated_at - created_at).total_seconds())
        modified = _utc(updated_at)
        shown.append(
            _Event(
                uid=f"interview-{pk}@rebound",
                summary=titled % {"round": round_of(round_type), "what": what},
                sequence=sequence,
                modified=modified,
                start=_utc(starts_at),
                end=_utc(ends_at),
                location=location,
                url=settings.SITE_URL + object_url("interviews:detail", pk),
            )
        )
        if reply_by:
            shown.append(
                _Event(
                    uid=f"reply-{pk}@rebound",
                    summary=promised % {"company": company, "what": what},
                    sequence=sequence,
                    modified=modified,
                    start=reply_by,
                    end=reply_by + dt.timedelta(days=1),
                )
            )
    return shown


def _interviews(user: User, texts: list[str]) -> None:
    rounds = itertools.cycle(Interview.Round.values)
    for i, (text, (logged, changed, start, length)) in enumerate(itertools.product(texts, TIMES)):
        application = ApplicationFactory(
            company=CompanyFactory(owner=user, name=f"{text} {i}"), role=text,
            status="interviewing",
        )  # fmt: skip
        interview = interview_save(
            interview=Interview(
                application=application, round_type=next(rounds),
                starts_at=NOW + start, ends_at=NOW + start + length, location=text,
                promised_reply_by=(NOW + start).date() if i % 2 else None,
            )
        )  # fmt: skip
        # Behind the services' back: times no save would give.
        Interview.objects.filter(pk=interview.pk).update(
            created_at=NOW + logged, updated_at=NOW + changed
        )


def _flat(rows: list[list]) -> list:
    return [event for row in rows for event in row]


@pytest.mark.parametrize("language", ["en", "de"])
def test_the_interview_events_are_the_four_timestamps_ones(
    alice: User, bob: User, language: str
) -> None:
    with time_machine.travel(NOW, tick=False):
        _interviews(alice, HOSTILE)
        _interviews(bob, ["Bob's secret <b>"])
    since = window_start(NOW)
    with translation.override(language):
        for user in (alice, bob):
            events = _flat(calendar._interview_events(user, since))
            expected = _old_interview_events(user, since)
            assert events == expected
            assert [e.key() for e in events] == [e.key() for e in expected]
            timed = [e for e in events if e.uid.startswith("interview-")]
            assert all(e.modified.tzinfo is e.start.tzinfo is e.end.tzinfo is dt.UTC for e in timed)
        alices = _flat(calendar._interview_events(alice, since))
        # Read a run of them at a time (a chunk of the feed, feeds.sections): the same events.
        runs = [calendar._interview_events(alice, since, n, n + 5) for n in range(0, 60, 5)]
        assert [e for run in runs for e in _flat(run)] == alices
    count = len(HOSTILE) * len(TIMES)
    assert len(alices) == count + count // 2  # every other one with a promised reply
    assert not any("Bob" in e.summary or "Bob" in e.location for e in alices)
