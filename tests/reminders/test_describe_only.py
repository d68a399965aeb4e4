"""A page describing reminders (the reminders page, the calendar feed) loads only the columns
the kinds' `describe_only` name: one query for the subjects, none per row, and not the
interview's notes."""

import datetime as dt

import pytest
from django.db import connection
from django.test.utils import CaptureQueriesContext
from django.utils import timezone

from interviews.reminder_kinds import INTERVIEW_PREP, PROMISED_REPLY, THANK_YOU
from reminders.models import Reminder
from reminders.selectors import with_subjects
from tests.factories import ApplicationFactory, CompanyFactory, InterviewFactory

pytestmark = pytest.mark.django_db


def test_interview_reminders_are_described_from_the_named_columns_only(alice):
    company = CompanyFactory(owner=alice, name="Acme & Söhne")
    application = ApplicationFactory(owner=alice, company=company, role="Data <Engineer>")
    interview = InterviewFactory(
        application=application, preparation_notes="private: what I fear they ask"
    )
    due = timezone.now() + dt.timedelta(days=2)
    reminders = [  # as a page reads them: the rows themselves need no subject
        Reminder(pk=i, owner=alice, kind=kind, subject_id=interview.pk, due_at=due)
        for i, kind in enumerate((THANK_YOU, PROMISED_REPLY, INTERVIEW_PREP), start=1)
    ]
    with CaptureQueriesContext(connection) as queries:
        rows = with_subjects(reminders)
        lines = [(row.about, row.url) for row in rows]
    url = f"/interviews/{interview.pk}/"
    assert lines == [("Technical interview, Data <Engineer> at Acme & Söhne", url)] * 3
    assert len(queries.captured_queries) == 1  # the subjects, once for all three kinds
    assert "preparation_notes" not in queries.captured_queries[0]["sql"]
