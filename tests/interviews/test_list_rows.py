"""The interviews list's rows are Python strings (interviews/templatetags/interview_list_tags.py):
each must be, to the byte, what the template's loop gave for the same interview, read as the
page reads it (views.LIST_COLUMNS), in any time zone, whatever the names in it."""

import datetime as dt
import itertools
import zoneinfo

import pytest
from django.template import Context, Template
from django.utils import timezone, translation

from interviews.models import Interview
from interviews.templatetags.interview_list_tags import past_interview_row, upcoming_interview_row
from interviews.views import LIST_COLUMNS
from tests.factories import (
    ApplicationFactory,
    CompanyFactory,
    InterviewFactory,
    SelfAssessmentFactory,
)

pytestmark = pytest.mark.django_db

# templates/interviews/interview_list.html's two loop bodies, as they were, with their words
# translated as a template translates them.
PLAIN_UPCOMING = Template(
    "{% load i18n rebound_tags %}\n"
    '    <li class="list-group-item">\n'
    '      <a href="{{ interview.get_absolute_url }}">{% blocktranslate with'
    " round=interview.get_round_type_display role=interview.application.role"
    " company=interview.application.company.name %}{{ round }} — {{ role }} at {{ company }}"
    "{% endblocktranslate %}</a>\n"
    '      <div class="small text-body-secondary">{{ interview.starts_at|when:"weekday" }}'
    " · {{ interview.get_format_display }}</div>\n"
    "    </li>\n"
    "    "
)
PLAIN_PAST = Template(
    "{% load i18n rebound_tags %}\n"
    '    <li class="list-group-item d-flex flex-wrap justify-content-between'
    ' gap-2">\n'
    '      <span><a href="{{ interview.get_absolute_url }}">{% blocktranslate with'
    " round=interview.get_round_type_display role=interview.application.role"
    " company=interview.application.company.name %}{{ round }} — {{ role }} at {{ company }}"
    "{% endblocktranslate %}</a>\n"
    '      <span class="d-block small text-body-secondary">{{'
    ' interview.starts_at|when:"weekday" }}</span></span>\n'
    '      {% if interview.assessment %}<span class="badge text-bg-success'
    ' align-self-center">{% blocktranslate with confidence=interview.assessment.confidence'
    " %}Assessed · confidence {{ confidence }}/5{% endblocktranslate %}</span>\n"
    '      {% else %}<a class="btn btn-sm btn-outline-primary align-self-center"'
    ' href="{{ interview.assessment_url }}">{% translate "Write self-assessment" %}<span'
    ' class="visually-hidden"> {% blocktranslate with interview=interview.the_round'
    " company=interview.application.company.name day=interview.starts_at|day_month %}for"
    " {{ interview }} at {{ company }}, {{ day }}{% endblocktranslate %}</span></a>"
    "{% endif %}\n"
    "    </li>\n"
    "    "
)

HOSTILE = [
    '<script>alert("x")</script>',
    'O\'Reilly & "Sons"',
    "Tom &amp; Jerry",
    "{pk} {0} %s",
    "Zürich – 東京 💼",
]
ZONES = ["UTC", "Europe/Berlin", "America/Los_Angeles", "Asia/Tokyo"]


def _interviews(owner) -> list[Interview]:
    """Every round and format, summer and winter, just before midnight UTC and at a
    single-digit day and hour, half of them assessed."""
    moments = itertools.cycle(
        [
            dt.datetime(2026, 7, 31, 23, 30, tzinfo=dt.UTC),
            dt.datetime(2027, 1, 3, 4, 5, tzinfo=dt.UTC),
        ]
    )
    names = itertools.cycle(HOSTILE)
    formats = itertools.cycle(Interview.Format.values)
    made = []
    for i, round_type in enumerate(Interview.Round.values * 2):
        company = CompanyFactory(owner=owner, name=f"{next(names)} {i}")
        application = ApplicationFactory(company=company, role=next(names))
        starts = next(moments)
        interview = InterviewFactory(
            application=application,
            round_type=round_type,
            format=next(formats),
            starts_at=starts,
            ends_at=starts + dt.timedelta(hours=1),
        )
        if i % 2:
            SelfAssessmentFactory(interview=interview, confidence=1 + i % 5)
        made.append(interview)
    return made


@pytest.mark.parametrize("language", ["en", "de"])
@pytest.mark.parametrize("zone", ZONES)
def test_each_row_is_the_templates(alice, zone: str, language: str) -> None:
    _interviews(alice)
    rows = (
        Interview.objects.filter(owner=alice)
        .select_related("application__company", "assessment")
        .only(*LIST_COLUMNS)
    )
    with timezone.override(zoneinfo.ZoneInfo(zone)), translation.override(language):
        for interview in rows:
            context = Context({"interview": interview})
            assert upcoming_interview_row(interview) == PLAIN_UPCOMING.render(context)
            assert past_interview_row(interview) == PLAIN_PAST.render(context)
