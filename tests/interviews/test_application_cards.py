"""The interview cards of an application's page are Python strings
(interviews/templatetags/interview_tags.py, interview_card): each must be, to the byte, what the
template's loop gave for the same interview, read as the page reads it (CARD_COLUMNS), with or
without each of its parts, in any time zone and language, whatever the text in it."""

import datetime as dt
import itertools
import zoneinfo

import pytest
from django.db.models import Prefetch
from django.template import Context, Template
from django.template.loader import render_to_string
from django.urls import reverse
from django.utils import timezone, translation

from applications.models import Application, Contact
from interviews.models import Interview
from interviews.templatetags.interview_tags import (
    CARD_COLUMNS,
    application_interviews,
    interview_card,
)
from tests.factories import (
    ApplicationFactory,
    CompanyFactory,
    ContactFactory,
    InterviewFactory,
    SelfAssessmentFactory,
)

pytestmark = pytest.mark.django_db

# interviews/_application_interviews.html's loop body, as it was, with its words translated as
# a template translates them.
CARD_BODY = (
    "\n"
    '  <article class="card mb-3">\n'
    '    <div class="card-body">\n'
    '      <h3 class="h6"><a href="{{ interview.get_absolute_url }}">'
    "{{ interview.get_round_type_display }}</a>\n"
    '        <span class="text-body-secondary fw-normal">· {{ interview.starts_at|when:"weekday" }}'
    " · {% blocktranslate trimmed with minutes=interview.duration_minutes %}{{ minutes }} min"
    "{% endblocktranslate %} · {{ interview.get_format_display }}</span></h3>\n"
    "      {% with people=interview.interviewers.all questions=interview.question_list %}\n"
    '      {% if people %}<p class="mb-1 small">{% translate "With" context "interviewers" %} '
    "{% for person in people %}{{ person.name }}{% if not forloop.last %}, {% endif %}"
    "{% endfor %}</p>{% endif %}\n"
    "      {% if questions %}\n"
    '      <details><summary class="small">{% blocktranslate trimmed count n=questions|length %}'
    "{{ n }} question asked{% plural %}{{ n }} questions asked{% endblocktranslate %}"
    "</summary>\n"
    '        <ul class="small mt-1">{% for q in questions %}<li>{{ q }}</li>{% endfor %}</ul>'
    "</details>\n"
    "      {% endif %}{% endwith %}\n"
    '      {% if interview.promised_reply_by %}<p class="small mb-1">{% blocktranslate trimmed'
    " with day=interview.promised_reply_by|day %}They promised to reply by <strong>{{ day }}"
    "</strong>.{% endblocktranslate %}</p>{% endif %}\n"
    "      {% if interview.assessment %}\n"
    "        {% with a=interview.assessment %}\n"
    '        <div class="mt-2 p-2 bg-body-tertiary rounded">\n'
    '          <p class="small fw-semibold mb-1">{% blocktranslate trimmed with'
    " confidence=a.confidence %}Your self-assessment — confidence {{ confidence }}/5"
    "{% endblocktranslate %}</p>\n"
    '          <ul class="list-inline small mb-1">{% for label, value in a.ratings %}'
    '<li class="list-inline-item">{{ label }}: {{ value }}/5</li>{% endfor %}</ul>\n'
    '          {% if a.went_well %}<p class="small mb-1 text-pre"><strong>'
    '{% translate "Went well:" %}</strong> {{ a.went_well }}</p>{% endif %}\n'
    '          {% if a.tripped_questions %}<p class="small mb-1 text-pre"><strong>'
    '{% translate "Tripped on:" %}</strong> {{ a.tripped_questions }}</p>{% endif %}\n'
    '          {% if a.change_next_time %}<p class="small mb-1 text-pre"><strong>'
    '{% translate "What you would do differently:" %}</strong> {{ a.change_next_time }}</p>'
    "{% endif %}\n"
    '          {% if a.skills_to_build %}<p class="small mb-1"><strong>'
    '{% translate "Skills to build:" %}</strong> {{ a.skill_list|join:", " }}</p>{% endif %}\n'
    '          <a class="small" href="{{ interview.assessment_url }}">'
    '{% translate "Edit self-assessment" %}</a>\n'
    "        </div>\n"
    "        {% endwith %}\n"
    "      {% elif interview.ends_at < now %}\n"
    '        <a class="btn btn-sm btn-outline-primary mt-1" href="{{ interview.assessment_url }}">'
    '{% translate "Write your self-assessment" %}</a>\n'
    "      {% endif %}\n"
    "    </div>\n"
    "  </article>\n"
    "  "
)
PLAIN_CARD = Template("{% load i18n rebound_tags %}" + CARD_BODY)
# The whole section as it was: the new one must be the same, heading and empty text included.
PLAIN_SECTION = Template(
    '{% load i18n rebound_tags %}<section class="mb-4" aria-labelledby="interviews-heading">\n'
    '  <div class="d-flex align-items-center mb-2">\n'
    '    <h2 class="h5 me-auto mb-0" id="interviews-heading">{% translate "Interviews" %}</h2>\n'
    '    <a class="btn btn-sm btn-primary" href="{% url \'interviews:create\' application.pk %}">'
    '{% translate "Log an interview" %}</a>\n'
    "  </div>\n"
    "  {% for interview in interviews %}" + CARD_BODY + "{% empty %}\n"
    '  <p class="text-body-secondary">{% translate "No interviews logged yet." %}</p>\n'
    "  {% endfor %}\n"
    "</section>\n\n"
)

HOSTILE = [
    '<script>alert("x")</script>',
    'O\'Reilly & "Sons"',
    "Tom &amp; Jerry",
    "{pk} {0} %s %(n)s",
    "Zürich – 東京 💼",
]
ZONES = ["Europe/Berlin", "America/Los_Angeles"]
# The page's "now": past interviews (summer, just before midnight UTC: another day in Berlin,
# the same in Los Angeles) may be assessed, future ones (winter, a single-digit day and hour)
# not yet; one ends exactly now (not yet over: no button).
NOW = dt.datetime(2026, 10, 1, 12, 0, tzinfo=dt.UTC)
PAST = dt.datetime(2026, 7, 31, 23, 30, tzinfo=dt.UTC)
FUTURE = dt.datetime(2027, 1, 3, 4, 5, tzinfo=dt.UTC)
ASSESSMENTS = ["none, ahead", "none, over", "none, ends now", "full", "bare"]


def _application(owner) -> Application:
    """One application with an interview for each combination of a card's parts: no, one or
    three interviewers, no, one or several questions, a promised reply or none, and each kind
    of assessment; every round, format and a few durations in turn."""
    company = CompanyFactory(owner=owner, name=HOSTILE[1])
    application = ApplicationFactory(company=company, role=HOSTILE[0])
    people = [ContactFactory(company=company, owner=owner, name=name) for name in HOSTILE[:3]]
    rounds = itertools.cycle(Interview.Round.values)
    formats = itertools.cycle(Interview.Format.values)
    minutes = itertools.cycle([45, 60, 90, 1, 150])
    texts = itertools.cycle(HOSTILE)
    combinations = itertools.product([0, 1, 3], [0, 1, 3], [False, True], ASSESSMENTS)
    for i, (interviewers, questions, promised, assessment) in enumerate(combinations):
        starts = (FUTURE if assessment == "none, ahead" else PAST) + dt.timedelta(minutes=i)
        ends = starts + dt.timedelta(minutes=next(minutes))
        if assessment == "none, ends now":
            starts, ends = NOW - dt.timedelta(minutes=i + 1), NOW
        interview = InterviewFactory(
            application=application,
            round_type=next(rounds),
            format=next(formats),
            starts_at=starts,
            ends_at=ends,
            questions="\n".join(
                [f"  {next(texts)} ", "", *(next(texts) for _ in range(questions - 1))]
            )
            if questions
            else "",
            promised_reply_by=dt.date(2026, 8, 3 + i % 9) if promised else None,
        )
        interview.interviewers.set(people[:interviewers])
        if assessment == "full":
            SelfAssessmentFactory(
                interview=interview,
                confidence=1 + i % 5,
                went_well=f"{next(texts)}\n  line two & more",
                tripped_questions=next(texts),
                change_next_time=f"{next(texts)}\n\n{next(texts)}",
                skills_to_build=f"- {next(texts)}\n• {next(texts)}\n\n{next(texts)}",
            )
        elif assessment == "bare":
            SelfAssessmentFactory(
                interview=interview,
                confidence=1 + i % 5,
                went_well="",
                tripped_questions="",
                change_next_time="",
                skills_to_build="",
            )
    return application


def _as_the_page_reads(application: Application) -> list[Interview]:
    return list(
        application.interviews.select_related("assessment")
        .only(*CARD_COLUMNS)
        .prefetch_related(
            Prefetch("interviewers", Contact.objects.only("pk", "name").order_by("name"))
        )
        .order_by("starts_at")
    )


@pytest.mark.parametrize("language", ["en", "de"])
@pytest.mark.parametrize("zone", ZONES)
def test_each_card_is_the_templates(alice, zone: str, language: str) -> None:
    interviews = _as_the_page_reads(_application(alice))
    assert len(interviews) == 3 * 3 * 2 * len(ASSESSMENTS)
    with timezone.override(zoneinfo.ZoneInfo(zone)), translation.override(language):
        for interview in interviews:
            plain = PLAIN_CARD.render(Context({"interview": interview, "now": NOW}))
            assert interview_card(interview, NOW) == plain, interview.pk


def test_the_cards_hold_what_they_should(alice) -> None:
    """The template copy above is itself right: hostile text comes out escaped once, the
    count and the words are there, in German too."""
    interviews = _as_the_page_reads(_application(alice))
    with timezone.override(zoneinfo.ZoneInfo("Europe/Berlin")):
        html = "".join(interview_card(interview, NOW) for interview in interviews)
        with translation.override("de"):
            german = "".join(interview_card(interview, NOW) for interview in interviews)
    assert "<script>" not in html
    assert "&lt;script&gt;alert(&quot;x&quot;)&lt;/script&gt;" in html
    assert "O&#x27;Reilly &amp; &quot;Sons&quot;" in html
    assert "Tom &amp;amp; Jerry" in html
    assert "1 question asked" in html and "3 questions asked" in html
    assert "They promised to reply by <strong>" in html
    assert "1 gestellte Frage<" in german and "3 gestellte Fragen" in german
    assert "Rückmeldung zugesagt bis <strong>" in german
    # Interviewers in name order, joined as the template joined them.
    assert (
        "With &lt;script&gt;alert(&quot;x&quot;)&lt;/script&gt;, O&#x27;Reilly &amp; "
        "&quot;Sons&quot;, Tom &amp;amp; Jerry</p>"
    ) in html
    # Ahead or ending right now: no button yet; over: one (three combinations of people,
    # three of questions, two of a promised reply = 18 of each kind).
    assert html.count("Write your self-assessment") == 18
    assert html.count("Edit self-assessment") == 36


@pytest.mark.parametrize("language", ["en", "de"])
@pytest.mark.parametrize("zone", ZONES)
def test_the_section_is_the_templates(alice, zone: str, language: str) -> None:
    application = _application(alice)
    empty = ApplicationFactory(company=application.company)
    with timezone.override(zoneinfo.ZoneInfo(zone)), translation.override(language):
        for shown in (application, empty):
            context = application_interviews(shown)
            plain = PLAIN_SECTION.render(
                Context(
                    {
                        "application": shown,
                        "interviews": _as_the_page_reads(shown),
                        "now": timezone.now(),
                    }
                )
            )
            assert render_to_string("interviews/_application_interviews.html", context) == plain


def test_the_page_shows_the_cards_in_the_users_language_and_zone(alice, client) -> None:
    alice.language = "de"
    alice.timezone = "Asia/Tokyo"
    alice.save(update_fields=["language", "timezone"])
    application = _application(alice)
    client.force_login(alice)
    page = client.get(reverse("applications:application_detail", args=[application.pk]))
    assert page.status_code == 200
    with timezone.override(zoneinfo.ZoneInfo("Asia/Tokyo")), translation.override("de"):
        context = Context(
            {
                "application": application,
                "interviews": _as_the_page_reads(application),
                "now": timezone.now(),
            }
        )
        assert PLAIN_SECTION.render(context) in page.content.decode()
