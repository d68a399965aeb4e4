"""Each email in its recipient's language, on the beat's real path: the dispatch task goes
through the broker to a Celery worker running as its own process (whose language is the
site's default, English), which claims, renders and sends over SMTP. A German user's email
comes out German and an English user's English, in the same run."""

import datetime as dt
import email.header
import time

import pytest
from django.utils import timezone

from applications.pipeline import Status
from interviews.reminder_kinds import INTERVIEW_PREP
from interviews.services import interview_reminders_sync
from reminders.models import Reminder
from reminders.tasks import dispatch_reminders
from tests.factories import (
    ApplicationFactory,
    CompanyFactory,
    InterviewFactory,
    UserFactory,
    reminders_about,
)
from tests.reminders.test_delivery_guarantees import Fleet, broker, sink  # noqa: F401

pytestmark = [pytest.mark.django_db(transaction=True), pytest.mark.slow]


@pytest.fixture
def fleet(sink, broker, tmp_path):  # noqa: F811
    fleet = Fleet(sink.port, tmp_path)
    yield fleet
    fleet.stop()


def _due_prep(owner) -> Reminder:
    application = ApplicationFactory(
        company=CompanyFactory(owner=owner, name="Acme"),
        role="Analyst",
        status=Status.INTERVIEWING,
    )
    starts = timezone.now() + dt.timedelta(days=5)
    interview = InterviewFactory(
        application=application, starts_at=starts, ends_at=starts + dt.timedelta(hours=1)
    )
    interview_reminders_sync(interview=interview)
    prep = reminders_about(interview, INTERVIEW_PREP).get()
    past = timezone.now() - dt.timedelta(minutes=1)
    Reminder.objects.filter(pk=prep.pk).update(due_at=past, run_at=past)
    return prep


def _subject(message) -> str:
    return str(email.header.make_header(email.header.decode_header(message["Subject"])))


def test_a_worker_sends_each_owner_their_own_language(fleet, sink):  # noqa: F811
    german = UserFactory(email="anna@example.de", first_name="Anna", language="de")
    english = UserFactory(email="bob@example.com", first_name="Bob", language="en")
    preps = [_due_prep(german), _due_prep(english)]
    fleet.worker("w1")
    dispatch_reminders.delay()  # what beat enqueues each minute
    messages = {m["To"]: m for m in sink.wait_for(2, timeout=60)}
    assert set(messages) == {german.email, english.email}, "the worker sent nothing"
    to_german, to_english = messages[german.email], messages[english.email]
    assert to_german["Content-Language"] == "de"
    assert _subject(to_german).endswith(": Ihr Fachgespräch bei Acme")
    german_text = next(
        p.get_payload(decode=True).decode()
        for p in to_german.walk()
        if p.get_content_type() == "text/plain"
    )
    assert "haben Sie Ihr Fachgespräch für die Stelle als Analyst bei Acme" in german_text
    assert "Diese Erinnerung beenden" in german_text
    assert to_english["Content-Language"] == "en"
    assert _subject(to_english).endswith(": your technical interview with Acme")
    english_text = next(
        p.get_payload(decode=True).decode()
        for p in to_english.walk()
        if p.get_content_type() == "text/plain"
    )
    assert "you have your technical interview for Analyst at Acme" in english_text
    # Each sent mark commits just after the server's answer, so a moment after the sink has
    # the email.
    ids = [p.pk for p in preps]
    deadline = time.monotonic() + 10
    while Reminder.objects.filter(pk__in=ids).exclude(status="sent").exists():
        assert time.monotonic() < deadline, "not marked sent"
        time.sleep(0.05)
