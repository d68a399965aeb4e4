"""The Insights page's other repeated pieces are written in Python too (insights_tags:
exit_heads, funnel_applied_row, funnel_stage_rows, answer_rows, rating_heads, trend_rows,
round_rows, tripped_again_items, tripped_latest_items, skill_items): each must equal, byte for
byte, the template lines it replaced (kept here word for word), in English and German, for
hostile values and for the reports of the bench's two users (smaller) in several periods and
time zones."""

import datetime as dt

import pytest
import time_machine
from django.template import engines
from django.utils import timezone, translation

from applications.pipeline import EXITS, Status
from demo.bulk import load_heavy
from insights.metrics.assessments import AssessmentReport, Tripped
from insights.metrics.funnel import FUNNEL_STAGES, Funnel
from insights.metrics.period import Period
from insights.metrics.responses import Responsiveness
from insights.views import report
from interviews.models import SelfAssessment
from rebound.lib.localtime import local_today

D = dt.date

# The template's lines as they were before these pieces moved to Python.
OLD = """{% load i18n insights_tags %}{% translate "j M Y" context "insights: day" as day_format %}
<thead>{% for key, label in exit_labels.items %}<th scope="col">{% blocktranslate trimmed %}{{ label }} here{% endblocktranslate %}</th>{% endfor %}</tr></thead>
      <tr><th scope="row">{{ applied_label }}</th><td>{{ funnel.applied }}</td><td>{{ 1|percent }}</td>{% for key, label in exit_labels.items %}{% with here=funnel.exits|get_item:key %}<td>{{ here.applied|default:0 }}</td>{% endwith %}{% endfor %}</tr>
      {% for key, label in stage_labels.items %}<tr><th scope="row">{{ label }}</th><td>{{ funnel.reached|get_item:key }}</td><td>{% share funnel key %}</td>{% for exit_key, exit_label in exit_labels.items %}{% with here=funnel.exits|get_item:exit_key %}<td>{{ here|get_item:key|default:0 }}</td>{% endwith %}{% endfor %}</tr>{% endfor %}
<tbody>{% for name, s in responses.by_source %}<tr><th scope="row">{{ name }}</th><td>{{ s.applied }}</td><td>{{ s.heard_back }} ({{ s.heard_back_rate|percent }})</td><td>{% if s.median_days is not None %}{{ s.median_days|floatformat:"-1" }}{% else %}—{% endif %}</td><td>{{ s.ghosted }}</td></tr>{% endfor %}</tbody>
<tbody>{% for name, s in responses.by_company %}<tr><th scope="row">{{ name }}</th><td>{{ s.applied }}</td><td>{{ s.heard_back }} ({{ s.heard_back_rate|percent }})</td><td>{% if s.median_days is not None %}{{ s.median_days|floatformat:"-1" }}{% else %}—{% endif %}</td></tr>{% endfor %}</tbody>
<tbody>{% for key, label in rating_labels.items %}{% with pair=assessments.trend|get_item:key %}<tr><th scope="row">{{ label }}</th><td>{{ pair.0 }}</td><td>{{ pair.1 }}</td></tr>{% endwith %}{% endfor %}</tbody>
<th scope="col">{% translate "Round" %}</th>{% for key, label in rating_labels.items %}<th scope="col">{{ label }}</th>{% endfor %}</tr></thead>
    <tbody>{% for round, averages in assessments.by_round.items %}<tr><th scope="row">{{ round }}</th>{% for key, label in rating_labels.items %}<td>{{ averages|get_item:key }}</td>{% endfor %}</tr>{% endfor %}</tbody>
      <ul class="small">{% for line, n in assessments.tripped_again %}<li>{{ line }} <span class="text-body-secondary">({% blocktranslate trimmed count n=n %}{{ n }} interview{% plural %}{{ n }} interviews{% endblocktranslate %})</span></li>{% endfor %}</ul>
      <ul class="list-unstyled">{% for t in assessments.tripped_latest %}<li class="mb-2">
        <span class="d-block text-pre">{{ t.text }}</span>
        <span class="small text-body-secondary"><a href="{% url 'interviews:detail' t.interview_id %}">{% blocktranslate trimmed with round=t.round_label role=t.role company=t.company %}{{ round }} interview, {{ role }} at {{ company }}{% endblocktranslate %}</a>, {{ t.day|date:day_format }}</span>
      </li>{% endfor %}</ul>
<ul class="list-inline">{% for skill, n in assessments.skills %}<li class="list-inline-item badge text-bg-light">{{ skill }} × {{ n }}</li>{% endfor %}</ul>"""  # noqa: E501

NEW = """{% load i18n insights_tags %}{% translate "j M Y" context "insights: day" as day_format %}
<thead>{% exit_heads exit_labels %}</tr></thead>
      {% funnel_applied_row funnel exit_labels applied_label %}
      {% funnel_stage_rows funnel stage_labels exit_labels %}
<tbody>{% answer_rows responses.by_source True %}</tbody>
<tbody>{% answer_rows responses.by_company False %}</tbody>
<tbody>{% trend_rows assessments.trend rating_labels %}</tbody>
<th scope="col">{% translate "Round" %}</th>{% rating_heads rating_labels %}</tr></thead>
    <tbody>{% round_rows assessments.by_round rating_labels %}</tbody>
      <ul class="small">{% tripped_again_items assessments.tripped_again %}</ul>
      <ul class="list-unstyled">{% tripped_latest_items assessments.tripped_latest day_format %}</ul>
<ul class="list-inline">{% skill_items assessments.skills %}</ul>"""  # noqa: E501

HOSTILE = '<script>alert("x")</script> & Söhne\'s "Büro" {{ x }} %(n)s 100%'


def _labels() -> dict:
    """What the view gives the template beside the numbers (insights.views.insights)."""
    return {
        "rating_labels": SelfAssessment.rating_labels(),
        "stage_labels": {s.value: s.label for s in FUNNEL_STAGES},
        "exit_labels": {s.value: s.label for s in EXITS},
        "applied_label": Status.APPLIED.label,
    }


def _responsiveness(*answers: int | None, ghosted: int = 0) -> Responsiveness:
    r = Responsiveness()
    for days in answers:
        r.count(days, False)
    r.count(None, True, ghosted)
    return r


def _hostile() -> dict:
    ratings = {key: 3.25 for key in SelfAssessment.rating_labels()}
    return {
        **_labels(),
        "funnel": Funnel(
            applied=1234,
            reached={"screening": 1000, "interviewing": 12, "offer": 0, "accepted": 0},
            exits={"rejected": {"applied": 7, "screening": 2}, "withdrawn": {}, "ghosted": {}},
        ),
        "responses": {
            "by_source": [
                (HOSTILE, _responsiveness(1, 2, 3, 10, ghosted=1000)),
                ("Referral / network", _responsiveness(ghosted=0)),
                ("Job board", _responsiveness(4)),
            ],
            "by_company": [(HOSTILE, _responsiveness(1, 2)), ("Acme & Co", _responsiveness())],
        },
        "assessments": AssessmentReport(
            count=3,
            points=[],
            by_round={HOSTILE: ratings, "Technical": {**ratings, "rapport": 1.5}},
            trend={key: (2.5, 4.0) for key in ratings},
            tripped_latest=[
                Tripped(D(2026, 3, 2), "Phone", HOSTILE, HOSTILE, HOSTILE + "\nline two", 7),
                Tripped(D(2026, 12, 31), HOSTILE, "Acme & Co", 'Dev "ops"', "salary", 1234),
            ],
            tripped_again=[(HOSTILE, 2), ("salary", 1), ("x", 1001)],
            skills=[(HOSTILE, 3), ("SQL", 1)],
        ),
    }


@pytest.mark.parametrize("language", ["en", "de"])
def test_the_pieces_equal_the_template_they_replace(language):
    engine = engines["django"]
    with translation.override(language):
        old = engine.from_string(OLD).render(_hostile())
        new = engine.from_string(NEW).render(_hostile())
        empty = {
            **_labels(),
            "funnel": Funnel(0, {}, {}),
            "responses": {"by_source": [], "by_company": []},
            "assessments": AssessmentReport(0, [], {}, None, [], [], []),
        }
        assert engine.from_string(NEW).render(empty) == engine.from_string(OLD).render(empty)
    assert new == old
    assert "<script>" not in new and "&lt;script&gt;" in new
    assert ("3,25" if language == "de" else "3.25") in new


NOW = dt.datetime(2026, 11, 25, 12, tzinfo=dt.UTC)


@pytest.mark.django_db
def test_the_bench_users_reports_render_alike():
    with time_machine.travel(NOW, tick=False):
        users = [
            load_heavy(email="heavy@bench.example", password="x", scale=0.03),
            load_heavy(email="small@bench.example", password="x", scale=0.01),
        ]
        engine = engines["django"]
        seen, tripped = 0, 0
        for zone in ("Europe/Berlin", "America/Adak", "Asia/Kathmandu"):
            for user in users:
                user.timezone = zone
                user.save(update_fields=["timezone"])
                today = local_today(user)
                for start in (None, today - dt.timedelta(days=89), D(today.year, 1, 1)):
                    period = Period(start, today, "")
                    for language in ("en", "de"):
                        with translation.override(language), timezone.override(user.tzinfo):
                            context = {**_labels(), **report(user, period)}
                            new = engine.from_string(NEW).render(context)
                            assert new == engine.from_string(OLD).render(context)
                        seen += new.count("<tr>") + new.count("<li")
                        tripped += new.count('<li class="mb-2">')
        assert seen > 500 and tripped > 0
