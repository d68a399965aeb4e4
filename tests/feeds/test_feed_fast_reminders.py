"""The calendar feed reads its reminders as plain values and says what each is about from its
subject's plain columns (reminders.selectors.lines_about, the kinds' PlainLines), not through
model instances (issue 24). Each line must be, to the byte, the one `with_subjects` writes for
the same reminder, and the feed's reminder events the ones it made when it read them through
`with_subjects` (kept below): every kind, in English and German, whatever the text, with a
deleted subject and a kind no app declares, open and cancelled, and never another user's."""

import datetime as dt
import functools
import itertools

import pytest
import time_machine
from django.db import connection
from django.test.utils import CaptureQueriesContext
from django.utils import translation
from django.utils.translation import pgettext

from applications.models import Application
from applications.no_reply_services import NO_REPLY
from coping.models import CopingPlan
from feeds import calendar
from feeds.calendar import MAX_EVENTS, _Event, _utc, window_start
from interviews.models import Interview
from interviews.services import interview_save
from people.services import keep_warm_set
from rebound.models import User
from reminders.kinds import PlainLines, ReminderKind, registered
from reminders.models import Reminder
from reminders.selectors import _plain_lines, lines_about, with_subjects
from reminders.services import reminder_cancel, reminder_schedule
from tests.factories import ApplicationFactory, CompanyFactory, ContactFactory, reject
from tests.hostile import HOSTILE
from tests.offers.helpers import offered
from todos import services as todo_services
from weekly.services import letter_settings_save

pytestmark = pytest.mark.django_db

NOW = dt.datetime(2026, 11, 25, 12, tzinfo=dt.UTC)
# A kind no installed app declares any more, as a database may still hold.
GONE = "gone_kind"


def _reminder_events(user: User, since: dt.datetime) -> list[_Event]:
    """The feed's reminders now: its scheduled and its cancelled parts, every row."""
    parts = {part.name: part for part in calendar._parts(user, since)}
    return [
        event
        for name in ("scheduled", "cancelled")
        for row in parts[name].rows(0, None)
        for event in row
    ]


def _old_reminder_events(user: User, since: dt.datetime) -> list[_Event]:
    """The feed's reminders as they were read: the reminders and their subjects as model
    instances, each line from with_subjects."""
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
    kind_of = functools.cache(lambda kind: Reminder(kind=kind).get_kind_display())
    titled = pgettext("calendar feed", "%(kind)s — %(about)s")
    return [
        _Event(
            uid=f"reminder-{row.reminder.pk}@rebound",
            summary=titled % {"kind": kind_of(row.reminder.kind), "about": row.about},
            sequence=row.reminder.version,
            modified=_utc(row.reminder.updated_at),
            start=row.reminder.local_date,
            end=row.reminder.local_date + dt.timedelta(days=1),
            cancelled=row.reminder.status == Reminder.Status.CANCELLED,
        )
        for row in rows
    ]


def _subjects(user: User, texts: list[str]) -> dict[str, list]:
    """Subjects of every model a kind is about, named with each of `texts`, by model label."""
    found: dict[str, list] = {}

    def add(subject) -> None:
        found.setdefault(subject._meta.label, []).append(subject)

    rounds = itertools.cycle(Interview.Round.values)
    for i, text in enumerate(texts):
        company = CompanyFactory(owner=user, name=text)
        add(ApplicationFactory(company=company, role=text, status="applied"))
        interviewing = ApplicationFactory(company=company, role=text, status="interviewing")
        for day in (3, 9):
            start = NOW + dt.timedelta(days=day + i)
            add(
                interview_save(
                    interview=Interview(
                        application=interviewing, round_type=next(rounds), starts_at=start,
                        ends_at=start + dt.timedelta(hours=1), location=text,
                        promised_reply_by=(start + dt.timedelta(days=5)).date(),
                    )
                )
            )  # fmt: skip
        add(reject(ApplicationFactory(company=company, role=text, status="interviewing")))
        add(todo_services.todo_add(application=interviewing, title=text, due_on=NOW.date()))
        add(offered(user, f"{text} 2", role=text, deadline=(NOW + dt.timedelta(days=30)).date()))
        add(keep_warm_set(contact=ContactFactory(company=company, name=text), weeks=4))
    add(letter_settings_save(user=user, enabled=True, weekday=2, goal=3))
    return found


def _remind_of_everything(user: User, texts: list[str]) -> None:
    """An open reminder of every kind about every subject of its model; some cancelled, one
    subject deleted behind the services' back, one kind no app declares."""
    subjects = _subjects(user, texts)
    day = itertools.count(1)
    for kind in registered().values():
        for subject in subjects[kind.subject_model]:
            reminder_schedule(
                owner=user, kind=kind.name, subject=subject,
                local_date=NOW.date() + dt.timedelta(days=next(day) % 40 + 1),
            )  # fmt: skip
    for reminder in Reminder.objects.filter(owner=user, status__in=Reminder.OPEN)[::4]:
        assert reminder_cancel(reminder=reminder)
    gone_interview = subjects["interviews.Interview"][0]
    Interview.objects.filter(pk=gone_interview.pk).delete()
    CopingPlan.objects.filter(pk=subjects["coping.CopingPlan"][-1].pk).delete()
    Reminder.objects.create(
        owner=user, kind=GONE, subject_id=gone_interview.pk, local_date=NOW.date(),
        local_time=dt.time(9), timezone=user.timezone, due_at=NOW, run_at=NOW,
    )  # fmt: skip


@pytest.fixture
def everything(alice: User, bob: User) -> None:
    with time_machine.travel(NOW, tick=False):
        _remind_of_everything(alice, HOSTILE)
        _remind_of_everything(bob, ["Bob's secret <b>", "Bob & Co"])


@pytest.mark.parametrize("language", ["en", "de"])
def test_each_line_is_with_subjects_line(alice: User, everything: None, language: str) -> None:
    reminders = list(Reminder.objects.filter(owner=alice).order_by("pk"))
    kinds = {r.kind for r in reminders}
    assert kinds == {*registered(), GONE}  # every kind, and one no app declares
    pairs = [(r.kind, r.subject_id) for r in reminders]
    with translation.override(language):
        with CaptureQueriesContext(connection) as old:
            expected = [row.about for row in with_subjects(reminders)]
        with CaptureQueriesContext(connection) as new:
            lines = lines_about(pairs)
    assert lines == expected
    assert "(deleted)" in lines or "(gelöscht)" in lines
    assert any(text in line for line in lines for text in HOSTILE)
    # One query per subject model present, as before.
    assert len(new.captured_queries) == len(old.captured_queries) == 7


@pytest.mark.parametrize("language", ["en", "de"])
def test_the_feeds_reminder_events_are_what_with_subjects_made(
    alice: User, bob: User, everything: None, language: str
) -> None:
    with time_machine.travel(NOW + dt.timedelta(hours=1), tick=False):
        since = window_start(NOW)
        with translation.override(language):
            for user in (alice, bob):
                events = _reminder_events(user, since)
                assert events == _old_reminder_events(user, since)
                assert {e.cancelled for e in events} == {True, False}
            body = calendar.build(alice, NOW).body.decode()
    alices = set(Reminder.objects.filter(owner=alice).values_list("pk", flat=True))
    assert {int(e.uid.split("-")[1].split("@")[0]) for e in events} & alices == set()
    assert "Bob" not in body
    assert len(_reminder_events(alice, window_start(NOW))) == len(alices)


def test_an_application_is_said_as_its_str(alice: User) -> None:
    """The kinds' plain line for an application is Application.__str__, in both languages."""
    application = ApplicationFactory(
        company=CompanyFactory(owner=alice, name=HOSTILE[3]), role=HOSTILE[0]
    )
    application = Application.objects.get(pk=application.pk)
    for language in ("en", "de"):
        with translation.override(language):
            [line] = lines_about([(NO_REPLY, application.pk)])
            assert line == str(application)


def test_a_kind_naming_fewer_columns_than_its_models_others_gets_its_own() -> None:
    """Kinds of one model may name different columns: the model's are read once, and each
    kind's lines get the ones it names, in its order."""
    said: list[list[tuple]] = []

    def lines(rows):
        said.append(list(rows))
        return [repr(row) for row in rows]

    kind = ReminderKind(
        name="narrow", label="Narrow", subject_model="interviews.Interview", context=dict,
        describe=str, plain_lines=PlainLines(columns=("role", "round"), lines=lines),
    )  # fmt: skip
    values = {7: ("Acme", "technical", "Analyst"), 9: ("Beta", "panel", "Lead")}
    found = _plain_lines(kind, ("company", "round", "role"), values, {9, 7, 11})
    assert found == {("narrow", 7): "('Analyst', 'technical')", ("narrow", 9): "('Lead', 'panel')"}
    assert said == [[("Analyst", "technical"), ("Lead", "panel")]]
