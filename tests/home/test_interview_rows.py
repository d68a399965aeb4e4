"""Home's interview lists are Python strings (home/templatetags/home_tags.py): each must be, to
the byte, what home.html's loops wrote for the same interviews, in English and German, in any
time zone, whatever the company is called."""

import datetime as dt
import zoneinfo

import pytest
import time_machine
from django.template import Context, Template
from django.utils import timezone, translation

from applications.pipeline import Status
from home import dashboard
from home.templatetags.home_tags import assess_rows, overdue_rows, upcoming_rows
from interviews.models import Interview
from tests.factories import ApplicationFactory, CompanyFactory, InterviewFactory

pytestmark = pytest.mark.django_db

NOW = dt.datetime(2026, 11, 25, 23, 30, tzinfo=dt.UTC)
HOSTILE = ['<script>alert("x")</script>', 'O\'Reilly & "Sons"', "Tom &amp; Jerry", "Zürich %s"]

# home.html's three loops as they were.
UPCOMING = Template(
    "{% load i18n %}"
    '{% translate "D j M, H:i" context "date format" as upcoming_format %}'
    "{% for interview in upcoming_interviews %}\n"
    '      <p class="mb-2"><a href="{{ interview.get_absolute_url }}">'
    "{{ interview.get_round_type_display }} — {{ interview.company_name }}</a><br>"
    '<span class="small text-body-secondary">{{ interview.starts_at|date:upcoming_format }}'
    "</span></p>\n    {% endfor %}"
)
ASSESS = Template(
    "{% load i18n rebound_tags %}{% for interview in awaiting_assessment %}\n"
    '      <p class="mb-2"><a href="{{ interview.assessment_url }}">{% blocktranslate trimmed'
    " with round=interview.get_round_type_display|mid_sentence company=interview.company_name"
    " %}Assess your {{ round }} with {{ company }}{% endblocktranslate %}</a></p>\n"
    "    {% endfor %}"
)
OVERDUE = Template(
    "{% load i18n rebound_tags %}{% for interview in overdue_replies %}\n"
    '      <p class="mb-2">{% blocktranslate trimmed with url=interview.application_url'
    " company=interview.company_name by=interview.promised_reply_by|day_month %}"
    '<a href="{{ url }}">{{ company }}</a> promised a reply by {{ by }}.{% endblocktranslate %}'
    "</p>\n    {% endfor %}"
)


@time_machine.travel(NOW, tick=False)
@pytest.mark.parametrize("language", ["en", "de"])
@pytest.mark.parametrize("zone", ["Europe/Berlin", "America/Los_Angeles"])
def test_each_list_is_the_templates(alice, language: str, zone: str) -> None:
    rounds = list(Interview.Round.values)
    companies = [CompanyFactory(owner=alice, name=name) for name in HOSTILE]
    for i in range(12):
        application = ApplicationFactory(
            company=companies[i % len(companies)],
            status=Status.INTERVIEWING,
            date_applied=dt.date(2026, 9, 1),
        )
        InterviewFactory(
            application=application,
            round_type=rounds[i % len(rounds)],
            starts_at=NOW + dt.timedelta(days=(i % 3 - 1) * (i + 1), minutes=7 * i),
            promised_reply_by=(NOW - dt.timedelta(days=i)).date() if i % 2 else None,
        )
    lists = dashboard.interview_lists(alice, NOW)
    assert all(lists.values())
    context = Context(dict(lists))
    with timezone.override(zoneinfo.ZoneInfo(zone)), translation.override(language):
        assert upcoming_rows(lists["upcoming_interviews"]) == UPCOMING.render(context)
        assert assess_rows(lists["awaiting_assessment"]) == ASSESS.render(context)
        assert overdue_rows(lists["overdue_replies"]) == OVERDUE.render(context)
    with translation.override("en"):
        html = "".join(
            f(rows)
            for f, rows in zip(
                (upcoming_rows, assess_rows, overdue_rows), lists.values(), strict=True
            )
        )
    assert "<script>" not in html and "O&#x27;Reilly &amp; &quot;Sons&quot;" in html
    assert "Tom &amp;amp; Jerry" in html and "Assess your " in html and "promised a reply" in html
