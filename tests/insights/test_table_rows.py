"""The Insights page's long tables are written in Python (insights_tags: week_rows,
point_rows, mood_rows, event_rows): each must equal, byte for byte, the template lines it
replaced (kept here word for word), in English and German, for hostile and edge values."""

import datetime as dt

import pytest
from django.template import engines
from django.utils import translation

from insights.metrics.activity import Week
from insights.metrics.assessments import Assessment
from insights.metrics.wellbeing import MoodDay
from interviews.models import RATING_FIELDS, SelfAssessment

D = dt.date

# The template as it was before the rows moved to Python.
OLD = """{% load i18n insights_tags %}{% translate "j M Y" context "insights: day" as day_format %}
<tbody>{% for w in weeks %}<tr><th scope="row">{{ w.monday|date:day_format }}</th><td>{{ w.applications }}</td><td>{{ w.interviews }}</td><td>{{ w.goal|default:"—" }}</td></tr>{% endfor %}</tbody>
<tbody>{% for p in points %}<tr><th scope="row">{{ p.day|date:day_format }}</th><td>{{ p.round_label }}</td>{% for key, label in rating_labels.items %}<td>{{ p.ratings|get_item:key }}</td>{% endfor %}</tr>{% endfor %}</tbody>
<tbody>{% for m in moods %}<tr><th scope="row">{{ m.day|date:day_format }}</th><td>{% blocktranslate trimmed with mood=m.mood|floatformat:"-1" %}Mood {{ mood }} of 5{% endblocktranslate %}</td></tr>{% endfor %}
    {% for day, what in events %}<tr><th scope="row">{{ day|date:day_format }}</th><td>{{ what }}</td></tr>{% endfor %}</tbody>"""  # noqa: E501

NEW = """{% load i18n insights_tags %}{% translate "j M Y" context "insights: day" as day_format %}
<tbody>{% week_rows weeks day_format %}</tbody>
<tbody>{% point_rows points rating_labels day_format %}</tbody>
<tbody>{% mood_rows moods day_format %}
    {% event_rows events day_format %}</tbody>"""

HOSTILE = '<script>alert("x")</script> & Söhne\'s "Büro" {{ x }} %(mood)s'


def _context() -> dict:
    ratings = dict(zip(RATING_FIELDS, [1, 2, 3, 4, 5, 3], strict=True))
    return {
        "weeks": [
            Week(D(2026, 1, 5), 0, 0, None),
            Week(D(2026, 3, 2), 12, 1234, 2.5),
            Week(D(2026, 5, 4), 3, 7, 0.0),  # a goal of nought shows as none, as before
            Week(D(2026, 12, 28), 1, 2, 10.0),
        ],
        "points": [
            Assessment(D(2026, 10, 9), "Technical", ratings),
            Assessment(D(2026, 12, 31), HOSTILE, {**ratings, "rapport": 5}),
        ],
        "rating_labels": SelfAssessment.rating_labels(),
        "moods": [
            MoodDay(D(2026, 11, 20), 1.5),
            MoodDay(D(2026, 11, 22), 2),
            MoodDay(D(2026, 2, 1), 3.25),
        ],
        "events": [
            (D(2026, 10, 4), "Rejection: " + HOSTILE),
            (D(2026, 10, 20), "Offer: Acme & Co"),
        ],
    }


@pytest.mark.parametrize("language", ["en", "de"])
def test_the_rows_equal_the_template_they_replace(language):
    engine = engines["django"]
    with translation.override(language):
        old = engine.from_string(OLD).render(_context())
        new = engine.from_string(NEW).render(_context())
        again = engine.from_string(NEW).render(_context())  # the days' cache answers alike
    assert new == old
    assert again == old
    assert "<script>" not in new and "&lt;script&gt;" in new
    if language == "de":
        assert "1,5" in new and "2,5" in new  # the reader's decimal comma


def test_empty_tables_are_empty():
    engine = engines["django"]
    empty = {"weeks": [], "points": [], "rating_labels": {}, "moods": [], "events": []}
    assert engine.from_string(NEW).render(empty) == engine.from_string(OLD).render(empty)


def test_a_day_is_written_in_the_language_asked_for_each_time():
    engine = engines["django"]
    context = {"weeks": [Week(D(2026, 3, 2), 1, 1, None)], "points": [], "moods": [], "events": []}
    pages = []
    for language in ("en", "de", "en", "de"):
        with translation.override(language):
            pages.append(engine.from_string(NEW).render({**context, "rating_labels": {}}))
    assert pages[0] == pages[2] and pages[1] == pages[3]
    assert "2 Mar 2026" in pages[0] and "02.03.2026" in pages[1]


# The work-search log's rows as the template wrote them (insights/work_search_log.html).
OLD_LOG = """{% load i18n insights_tags %}{% translate "j M Y" context "work-search log: day" as day_format %}
<tbody>{% for r in rows %}<tr><th scope="row">{{ r.day|date:day_format }}</th><td>{{ r.kind_label }}</td><td>{{ r.employer|default:"—" }}</td><td>{{ r.position|default:"—" }}</td><td>{{ r.method }}</td><td>{{ r.contact|default:"—" }}</td><td class="text-break">{{ r.where|default:"—" }}</td><td>{{ r.result }}</td></tr>{% endfor %}</tbody>
<tbody>{% for r in sent %}<tr><th scope="row">{{ r.day|date:day_format }}</th><td>{{ r.employer }}{% for line in r.address_lines %}<br><span class="small">{{ line }}</span>{% endfor %}</td><td>{{ r.position|default:"—" }}</td><td>{{ r.method }}</td><td>{{ r.result }}</td></tr>{% endfor %}</tbody>"""  # noqa: E501

NEW_LOG = """{% load i18n insights_tags %}{% translate "j M Y" context "work-search log: day" as day_format %}
<tbody>{% activity_rows rows day_format %}</tbody>
<tbody>{% sent_rows sent day_format %}</tbody>"""  # noqa: E501


@pytest.mark.parametrize("language", ["en", "de"])
def test_the_logs_rows_equal_the_template_they_replace(language):
    from insights.worklog import Activity
    from insights.worklog_record import Sent

    rows = [
        Activity(D(2026, 3, 2), "application", HOSTILE, "Analyst & Co", "Online", "", "", "Open"),
        Activity(
            D(2026, 3, 2), "interview", "Acme", "", "Video", "Ann (a@b.c)", "https://x?a=1&b=2",
            "Rejection",
        ),
        Activity(D(2026, 12, 31), "outreach", "", "", "Referral", HOSTILE, HOSTILE, HOSTILE),
    ]  # fmt: skip
    sent = [
        Sent(D(2026, 1, 5), HOSTILE, "Hauptstraße 1\n\n  10115 Berlin  \n", "", "Post", "Absage"),
        Sent(D(2026, 2, 1), "Acme", "", "Dev <b>", "E-Mail", HOSTILE),
    ]
    engine = engines["django"]
    with translation.override(language):
        old = engine.from_string(OLD_LOG).render({"rows": rows, "sent": sent})
        new = engine.from_string(NEW_LOG).render({"rows": rows, "sent": sent})
    assert new == old
    assert "<script>" not in new and "<b>" not in new
