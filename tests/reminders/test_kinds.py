"""The kind API: every declared kind renders, and none is ever sent about nothing."""

import datetime as dt
from pathlib import Path

import pytest
from django.apps import apps
from django.core import mail
from django.template.loader import get_template
from django.utils import timezone
from django.utils.module_loading import import_string

from applications.pipeline import Status
from coping.models import CopingPlan, FeedbackRequest
from coping.services import feedback_request_draft, feedback_request_mark_sent
from interviews.models import Interview
from offers.models import Offer
from offers.services import offer_save
from people.services import keep_warm_set
from reminders import dispatch_services, kinds
from reminders.checks import check_stored_kinds
from reminders.models import Reminder
from reminders.services import reminder_schedule
from tests.factories import (
    ApplicationFactory,
    CompanyFactory,
    ContactFactory,
    InterviewFactory,
    reject,
)
from todos.services import todo_add
from weekly.services import letter_settings_save

pytestmark = pytest.mark.django_db


def _subject(owner, model: str):
    """A real subject of each model a kind can be about."""
    application = ApplicationFactory(
        company=CompanyFactory(owner=owner), status=Status.INTERVIEWING
    )
    if model == "applications.Application":
        return ApplicationFactory(company=CompanyFactory(owner=owner), status=Status.APPLIED)
    if model == "interviews.Interview":
        soon = timezone.now() + dt.timedelta(days=1)
        return InterviewFactory(
            application=application,
            starts_at=soon,
            ends_at=soon + dt.timedelta(hours=1),
            promised_reply_by=soon.date() + dt.timedelta(days=3),
        )
    if model == "coping.CopingPlan":
        plan = reject(application)
        feedback_request_mark_sent(request=feedback_request_draft(plan=plan), on=plan.opened_on)
        return plan
    if model == "todos.Todo":
        return todo_add(
            application=application, title="Send the portfolio",
            due_on=timezone.now().date() + dt.timedelta(days=31), remind_before=1,
        )  # fmt: skip
    if model == "offers.Offer":
        in_offer = ApplicationFactory(company=CompanyFactory(owner=owner), status=Status.OFFER)
        deadline = timezone.now().date() + dt.timedelta(days=40)
        return offer_save(
            offer=Offer(application=in_offer, currency="EUR", base_salary=85_000, deadline=deadline)
        )
    if model == "people.KeepWarm":
        return keep_warm_set(
            contact=ContactFactory(owner=owner, company=None, kind="network"), weeks=4
        )
    if model == "weekly.WeeklyLetter":
        return letter_settings_save(user=owner, enabled=True, weekday=0, goal=None)
    raise AssertionError(f"add a subject for {model} to this test")


def _due_now(reminder: Reminder) -> None:
    past = timezone.now() - dt.timedelta(minutes=1)
    Reminder.objects.filter(pk=reminder.pk).update(due_at=past, run_at=past)


def _schedule(owner, kind):
    subject = _subject(owner, kind.subject_model)
    reminder = reminder_schedule(
        owner=owner,
        kind=kind.name,
        subject=subject,
        local_date=timezone.now().date() + dt.timedelta(days=30),
    )
    # Only this reminder is due: the subject's other reminders stay in the future.
    _due_now(reminder)
    return subject, reminder


def test_the_installed_apps_declare_the_kinds_they_own():
    declared = {name: kind.subject_model for name, kind in kinds.registered().items()}
    assert declared == {
        "no_reply": "applications.Application",
        "thank_you": "interviews.Interview",
        "promised_reply": "interviews.Interview",
        "interview_prep": "interviews.Interview",
        "keep_in_touch": "coping.CopingPlan",
        "coping_check_in": "coping.CopingPlan",
        "feedback_chase": "coping.CopingPlan",
        "todo_due": "todos.Todo",
        "offer_deadline": "offers.Offer",
        "keep_warm": "people.KeepWarm",
        "weekly_letter": "weekly.WeeklyLetter",
    }


def test_each_kinds_email_templates_live_in_the_app_that_declares_it():
    # Adding a kind touches only its app: its three templates too (found through APP_DIRS).
    found = {}
    for config in apps.get_app_configs():
        if not getattr(config, "reminder_kinds", None):
            continue
        for kind in import_string(config.reminder_kinds):
            for suffix in ("_subject.txt", ".txt", ".html"):
                origin = Path(get_template(kind.template_prefix + suffix).origin.name)
                found[kind.name + suffix] = origin.is_relative_to(Path(config.path) / "templates")
    assert len(found) == 3 * len(kinds.registered())
    assert all(found.values()), [name for name, inside in found.items() if not inside]


@pytest.mark.parametrize("name", sorted(kinds.registered()))
def test_each_kind_is_sent_about_its_subject(alice, name):
    kind = kinds.get(name)
    _, reminder = _schedule(alice, kind)
    dispatch_services.reminders_dispatch()
    reminder.refresh_from_db()
    assert reminder.status == "sent"
    (email,) = mail.outbox
    assert email.extra_headers["X-Rebound-Reminder"] == str(reminder.pk)
    html = email.alternatives[0][0]
    assert "/r/" in email.body and "/r/" in html  # the signed links, in both parts


@pytest.mark.parametrize("name", sorted(kinds.registered()))
def test_a_kind_whose_subject_was_deleted_is_cancelled_not_sent(alice, name):
    kind = kinds.get(name)
    subject, reminder = _schedule(alice, kind)
    # Deleted behind the services' back (a cascade, a shell): the sender must still cope.
    type(subject).objects.filter(pk=subject.pk).delete()
    dispatch_services.reminders_dispatch()
    reminder.refresh_from_db()
    assert (reminder.status, reminder.ended_reason) == (
        "cancelled",
        "What it was about has been deleted.",
    )
    assert mail.outbox == []


def test_a_stored_kind_no_app_declares_fails_the_database_check(alice):
    assert check_stored_kinds(databases=["default"]) == []
    plan = reject(ApplicationFactory(company=CompanyFactory(owner=alice), status="interviewing"))
    Reminder.objects.filter(kind="keep_in_touch", subject_id=plan.pk).update(kind="horoscope")
    (error,) = check_stored_kinds(databases=["default"])
    assert error.id == "reminders.E003" and "horoscope" in error.msg
    # And such a row is marked failed, never sent blind.
    reminder = Reminder.objects.get(kind="horoscope")
    _due_now(reminder)
    dispatch_services.reminders_dispatch()
    reminder.refresh_from_db()
    assert (reminder.status, reminder.last_error) == ("failed", "UnknownKind")


def test_scheduling_an_undeclared_kind_or_the_wrong_subject_is_refused(alice):
    plan = reject(ApplicationFactory(company=CompanyFactory(owner=alice), status="interviewing"))
    with pytest.raises(kinds.UnknownKind):
        reminder_schedule(owner=alice, kind="horoscope", subject=plan, local_date=plan.opened_on)
    with pytest.raises(TypeError):
        reminder_schedule(owner=alice, kind="thank_you", subject=plan, local_date=plan.opened_on)


def test_obsolete_reminders_are_cancelled_with_the_reason(alice):
    plan = reject(ApplicationFactory(company=CompanyFactory(owner=alice), status="interviewing"))
    FeedbackRequest.objects.filter(plan=plan).delete()
    feedback_request_mark_sent(request=feedback_request_draft(plan=plan), on=plan.opened_on)
    chase = Reminder.objects.get(kind="feedback_chase", subject_id=plan.pk)
    FeedbackRequest.objects.filter(plan=plan).update(status="received", received_on=plan.opened_on)
    _due_now(chase)
    dispatch_services.reminders_dispatch()
    chase.refresh_from_db()
    assert (chase.status, chase.ended_reason) == ("cancelled", "Their feedback has arrived.")
    assert mail.outbox == []
    assert CopingPlan.objects.filter(pk=plan.pk).exists() and Interview.objects.count() == 0


def test_migrate_refuses_a_database_from_the_old_layout_with_a_clear_message(tmp_path):
    """`make run` on a var/ made before interviews/ and reminders/ were apps."""
    import sqlite3
    import subprocess
    import sys

    from tests.conftest import ROOT

    db = tmp_path / "old.sqlite3"
    with sqlite3.connect(db) as old:
        old.execute(
            "CREATE TABLE django_migrations (id integer primary key, app varchar(255), "
            "name varchar(255), applied datetime)"
        )
        old.execute(
            "INSERT INTO django_migrations (app, name, applied) VALUES "
            "('applications', '0001_initial', '2026-11-01'), "
            "('applications', '0002_company_restrict', '2026-11-01'), "
            "('coping', '0001_initial', '2026-11-01')"
        )
        old.execute("CREATE TABLE coping_reminder (id integer primary key)")
    env = {
        "PATH": "/usr/bin:/bin",
        "DEBUG": "1",
        "SECRET_KEY": "test",
        "DATABASE_URL": f"sqlite:///{db}",
        "CELERY_BROKER_URL": "memory://",
        "REBOUND_VAR_DIR": str(tmp_path / "var"),
        "ENV_FILE": str(tmp_path / "no.env"),
    }
    result = subprocess.run(
        [sys.executable, "manage.py", "migrate", "--noinput"],
        cwd=ROOT,
        env=env,
        capture_output=True,
        text=True,
        timeout=120,
    )
    assert result.returncode != 0
    assert "older version of Rebound" in result.stderr
    assert "delete the var/ folder" in result.stderr
    assert "Traceback" not in result.stderr
