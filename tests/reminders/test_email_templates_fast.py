"""reminders.email_templates renders a `{% blocktranslate %}` with values from its sentence
looked up once per language, and `{% extends %}` from its parent found once: the output must
be Django's own, whatever the values (markup, quotes, ampersands, umlauts, missing ones,
names shadowing the context), with autoescaping on and off, in English and German.
(test_fast_paths.py compares every real reminder email the same way.)"""

import pytest
from django.template import Context, engines
from django.utils import translation

from reminders import email_templates

SOURCES = [
    "{% load i18n %}{% blocktranslate trimmed with name=user.name %}Hello {{ name }},"
    "{% endblocktranslate %}",
    "{% load i18n %}{% blocktranslate with company=company when=when %}{{ when }} "
    "<strong>{{ company }}</strong> said no.{% endblocktranslate %}",
    "{% load i18n %}{% blocktranslate %}Hello {{ name }} and {{ missing }}, 100%"
    "{% endblocktranslate %}",
    "{% load i18n %}{% blocktranslate with name=company %}Hello {{ name }},"
    "{% endblocktranslate %}{{ name }}",
    '{% load i18n %}{% blocktranslate context "reminder" %}Done {{ name }}{% endblocktranslate %}',
    "{% load i18n %}{% autoescape off %}{% blocktranslate trimmed with url=url %}"
    "Your plan: {{ url }}{% endblocktranslate %}{% endautoescape %}",
    "{% load i18n %}{% for name in names %}{% blocktranslate %}Hello {{ name }},"
    "{% endblocktranslate %}{% endfor %}",
    "{% load i18n %}{% if flag %}{% blocktranslate with n=count %}{{ n }} days"
    "{% endblocktranslate %}{% else %}{% translate 'Done' %}{% endif %}",
    # Another language inside: its words are that language's, and the rest the email's.
    '{% load i18n %}{% translate "Done" context "reminder" %} {% language "de" %}'
    '{% translate "Done" context "reminder" %} {% blocktranslate %}Hello {{ name }},'
    '{% endblocktranslate %}{% endlanguage %} {% translate "Done" context "reminder" %}'
    "{% blocktranslate %}Hello {{ name }},{% endblocktranslate %}",
]

HOSTILE = [
    "<script>alert(\"x\")</script> & 'Ä' Zürich",
    "AT&T",
    "",
    "Müller & Söhne <b>",
]


def _contexts():
    for value in HOSTILE:
        yield {
            "user": {"name": value},
            "company": value,
            "when": "Earlier today",
            "name": value,
            "url": f"https://rebound.example/p/?a=1&b={value}",
            "names": [value, "Bob"],
            "flag": bool(value),
            "count": 3,
        }


@pytest.mark.parametrize("source", SOURCES)
@pytest.mark.parametrize("language", ["en", "de"])
@pytest.mark.parametrize("autoescape", [True, False])
def test_sentences_render_as_django_renders_them(source, language, autoescape):
    engine = engines["django"].engine  # type: ignore[attr-defined]
    plain, fast = engine.from_string(source), engine.from_string(source)
    email_templates._prepare(fast.nodelist)
    assert (
        any(
            isinstance(n, email_templates._Sentence | email_templates._FixedWords)
            for n in fast.nodelist.get_nodes_by_type(object)  # type: ignore[arg-type]
        )
        or "{% for" in source
        or "{% if" in source
    )
    with translation.override(language):
        for values in _contexts():
            for _ in range(2):  # the second time from what the first one kept
                expected = plain.render(Context(values, autoescape=autoescape))
                # As email_templates.render renders: the language noted once.
                rendering = Context(values, autoescape=autoescape)
                rendering.__dict__[email_templates._LANGUAGE] = translation.get_language()
                assert fast.render(rendering) == expected


def test_a_real_email_template_takes_the_shortcuts():
    template = email_templates._prepared("emails/reminder_coping_check_in.html")
    nodes = template.nodelist
    assert isinstance(nodes[0], email_templates._Extends)
    sentences = nodes.get_nodes_by_type(email_templates._Sentence)
    assert sentences  # the check-in's "It has been … since … said no." and its steps
