"""A batch reads each owner once and gives them to their reminders and to the subjects that
name them (a plan's owner, an interview's application's owner, a contact's owner), instead
of reading the same user again with every row. What the subjects hold must be what they held
before, for every kind, with no query left for later; a user the batch did not read is read in
one more query; and every email is the one it was (test_fast_paths.py holds the bytes)."""

import datetime as dt
from typing import Any, cast

import pytest
from django.db import connection
from django.test.utils import CaptureQueriesContext
from django.utils import timezone, translation

from coping.reminder_kinds import _check_in_context
from coping.services import feedback_request_draft, feedback_request_mark_sent
from demo.bulk import due_check_ins
from interviews.services import interview_reminders_sync
from people.services import keep_warm_set
from rebound.models import User
from reminders import dispatch_services, emails, kinds
from reminders.dispatch_services import reminders_dispatch
from reminders.models import Reminder
from tests.factories import (
    ApplicationFactory,
    CompanyFactory,
    ContactFactory,
    InterviewFactory,
    UserFactory,
    reject,
)

pytestmark = pytest.mark.django_db


def _every_kind(alice: User) -> list[Reminder]:
    company = CompanyFactory(owner=alice, name='Ünïcode & "Co" <b>')
    application = ApplicationFactory(company=company, role="Analyst – Zürich")
    soon = timezone.now() + dt.timedelta(days=1)
    interview: Any = InterviewFactory(
        application=application,
        starts_at=soon,
        ends_at=soon + dt.timedelta(hours=1),
        promised_reply_by=soon.date() + dt.timedelta(days=3),
    )
    interview_reminders_sync(interview=interview)
    plan: Any = reject(cast(Any, ApplicationFactory(company=company, status="interviewing")))
    feedback_request_mark_sent(request=feedback_request_draft(plan=plan), on=plan.opened_on)
    keep_warm_set(contact=cast(Any, ContactFactory(owner=alice, company=company)), weeks=4)
    reminders = list(Reminder.objects.filter(owner=alice).select_related("owner"))
    assert len({r.kind for r in reminders}) >= 7
    return reminders


def _related(obj: Any, path: str) -> Any:
    for name in path.split("__"):
        obj = getattr(obj, name, None)
        if obj is None:
            return None
    return obj


def _snapshot(obj: Any) -> Any:
    """A model row as its column values (None stays None)."""
    if obj is None:
        return None
    return {f.attname: getattr(obj, f.attname) for f in obj._meta.concrete_fields}


def test_subjects_hold_the_same_rows_with_each_user_given(alice: User) -> None:
    reminders = _every_kind(alice)
    pairs = [(r.kind, r.subject_id) for r in reminders]
    before = kinds.load_subjects(pairs)
    given = User.objects.get(pk=alice.pk)
    with CaptureQueriesContext(connection) as plain:
        kinds.load_subjects(pairs)
    with CaptureQueriesContext(connection) as reused:
        after = kinds.load_subjects(pairs, users={given.pk: given})
    assert len(reused) == len(plain)  # one query per subject model, and each prefetch
    assert before.keys() == after.keys()
    filled = 0
    with CaptureQueriesContext(connection) as later:
        for (name, _subject_id), subject in after.items():
            kind = kinds.get(name)
            old = before[(name, _subject_id)]
            assert _snapshot(subject) == _snapshot(old)
            for path in kind.select_related:
                assert _snapshot(_related(subject, path)) == _snapshot(_related(old, path))
                if isinstance(_related(subject, path), User):
                    assert _related(subject, path) is given
                    filled += 1
    assert not later.captured_queries, [q["sql"] for q in later.captured_queries]
    # "owner" (plans, applications, offers, to-dos), "application__owner" (interviews),
    # "contact__owner" (keep-warm) all came from `users`.
    assert filled >= len(after)


def test_a_user_not_given_is_read_in_one_more_query(alice: User) -> None:
    reminders = _every_kind(alice)
    pairs = [(r.kind, r.subject_id) for r in reminders]
    with CaptureQueriesContext(connection) as plain:
        kinds.load_subjects(pairs)
    with CaptureQueriesContext(connection) as missing:
        subjects = kinds.load_subjects(pairs, users={})
    assert len(missing) == len(plain) + 1
    owners = {
        id(_related(subject, path))
        for (name, _subject_id), subject in subjects.items()
        for path in kinds.get(name).select_related
        if isinstance(_related(subject, path), User)
    }
    assert len(owners) == 1  # read once, given to every subject


def test_a_batch_gives_each_owner_once_to_rows_and_subjects(
    smtp_sink: Any, monkeypatch: pytest.MonkeyPatch
) -> None:
    users = cast("list[User]", [UserFactory(email=f"o{i}@example.com") for i in range(2)])
    ids = due_check_ins(users, 6, timezone.now() - dt.timedelta(minutes=1))
    seen: list[tuple[Reminder, Any]] = []
    prepare = dispatch_services._prepare

    def watched(reminder: Reminder, kind: Any, subject: Any, *args: Any) -> Any:
        seen.append((reminder, subject))
        return prepare(reminder, kind, subject, *args)

    monkeypatch.setattr(dispatch_services, "_prepare", watched)
    assert reminders_dispatch() == 6
    assert Reminder.objects.filter(pk__in=ids, status="sent").count() == 6
    assert len({id(r.owner) for r, _s in seen}) == 2
    assert all(subject.owner is reminder.owner for reminder, subject in seen)
    assert {m["To"] for m in smtp_sink.messages} == {u.email for u in users}


@pytest.mark.frozen("2026-12-07 09:00Z")  # the links' signatures carry the second
def test_a_check_in_is_in_its_owners_words_whatever_language_is_active(alice: User) -> None:
    alice.language = "de"
    alice.save()
    rejected: Any = reject(
        cast(Any, ApplicationFactory(company=CompanyFactory(owner=alice), status="interviewing"))
    )
    plan = kinds.load_subjects([("coping_check_in", rejected.pk)])[("coping_check_in", rejected.pk)]
    with translation.override("de"):
        german = _check_in_context(plan)
    for active in ["en", "de"]:
        with translation.override(active):
            assert _check_in_context(plan) == german
            assert translation.get_language() == active  # and left as it was
    reminder = Reminder.objects.get(owner=alice, kind="coping_check_in")
    with translation.override("en"):
        rendered = emails.render(reminder, kinds.get("coping_check_in"), plan)
    with translation.override("de"):
        assert (
            emails.render(reminder, kinds.get("coping_check_in"), plan)["text"]
            == (rendered["text"])
        )
