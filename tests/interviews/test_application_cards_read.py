"""The interview cards' read (interviews/templatetags/interview_tags.py): one raw() on
PostgreSQL, each interview with its self-assessment and interviewers' names; querysets with
a prefetch elsewhere (SQLite has no arrays). The same section either way, in one query on
PostgreSQL, with the assessments' words decrypted."""

import zoneinfo
from types import SimpleNamespace

import pytest
from django.db import connection
from django.template.loader import render_to_string
from django.test.utils import CaptureQueriesContext
from django.utils import timezone, translation

from interviews.templatetags import interview_tags
from tests.factories import ApplicationFactory
from tests.interviews.test_application_cards import _application

pytestmark = pytest.mark.django_db


def _section(application) -> str:
    return render_to_string(
        "interviews/_application_interviews.html",
        interview_tags.application_interviews(application),
    )


@pytest.mark.parametrize("language", ["en", "de"])
def test_both_reads_give_the_same_section(alice, monkeypatch, language: str) -> None:
    application = _application(alice)
    empty = ApplicationFactory(company=application.company)
    with timezone.override(zoneinfo.ZoneInfo("Europe/Berlin")), translation.override(language):
        for shown in (application, empty):
            with CaptureQueriesContext(connection) as queries:
                raw = _section(shown)
            assert len(queries.captured_queries) == 1
            with monkeypatch.context() as patch:
                patch.setattr(interview_tags, "connection", SimpleNamespace(vendor="sqlite"))
                portable = _section(shown)
            assert raw == portable
    with translation.override("en"):
        # The words decrypted, escaped once.
        assert "line two &amp; more</p>" in _section(application)
