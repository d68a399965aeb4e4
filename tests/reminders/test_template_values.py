"""reminders.email_templates writes a plain `{{ a.b }}` (and a sentence's values) from a direct
lookup, renders each run of constant nodes as one, renders a template without Template.render's
context managers, and finds a template once while Django's cached loader holds it. The output
must be Django's own for any value: dicts, lists, methods, properties that raise, missing
names, safe and lazy strings, numbers and dates (localised), markup, with autoescaping on
and off, in English and German. (test_fast_paths.py compares every real reminder email.)"""

import datetime as dt
import gc
from typing import Any

import pytest
from django.template import Context, Engine, engines
from django.template.context import ContextDict, RenderContext
from django.template.loader import get_template
from django.utils import translation
from django.utils.safestring import mark_safe
from django.utils.translation import gettext_lazy

from reminders import email_templates


class _Thing:
    """Attributes as models have them: plain ones, a property, one that raises, a method."""

    name = "Müller & Söhne <b>"
    number = 1234567
    when = dt.date(2026, 12, 6)
    nothing = None

    def __init__(self, inner: Any = None) -> None:
        self.inner = inner

    @property
    def display(self) -> str:
        return f"<{self.name}>"

    @property
    def broken(self) -> str:
        raise AttributeError("not here")

    def method(self) -> str:
        return "called & <i>"


class _Subscriptable(_Thing):
    def __getitem__(self, key: str) -> str:
        return f"item {key} & <u>"


SOURCES = [
    "{{ text }}|{{ safe }}|{{ lazy }}|{{ number }}|{{ day }}|{{ nothing }}|{{ missing }}",
    "{{ thing.name }}|{{ thing.display }}|{{ thing.method }}|{{ thing.broken }}",
    "{{ thing.name }}|{{ thing.display }}|{{ thing.method }}|{{ thing.nothing }}",
    "{{ thing.inner.name }}|{{ thing.inner.inner }}|{{ thing.inner.inner.name }}",
    "{{ mapping.key }}|{{ mapping.thing.name }}|{{ items.0 }}|{{ items.1.name }}",
    "{{ sub.name }}|{{ sub.other }}|{{ text.upper }}|{{ thing.number }}|{{ thing.when }}",
    "{{ block }}|{{ autoescape }}|{{ template_name }}|{{ True }}|{{ None }}",
    "{% load i18n %}{% blocktranslate with a=thing.name b=thing.inner.display c=mapping.key %}"
    "{{ a }} {{ b }} {{ c }} {{ text }}{% endblocktranslate %}",
    "{% load i18n %}{% blocktranslate with a=thing.method b=thing.broken c=items.0 %}{{ a }}"
    " {{ b }} {{ c }}{% endblocktranslate %}",
    # Constant runs: text, fixed words, comments and loads side by side, in and out of tags.
    '{% load i18n %}<p>{% translate "Done" context "reminder" %}{# a note #} & '
    '{% translate "Stop this reminder" %}</p>{% load static %}{% if text %}x{% translate '
    '"Done" context "reminder" %}{% endif %}{% autoescape off %}<{% translate "Done" context '
    '"reminder" %}>{{ text }}{% endautoescape %}{% for i in items %}{% translate "Done" '
    'context "reminder" %} {{ i }}{% endfor %}{% language "de" %}{% translate "Done" '
    'context "reminder" %} {{ text }}{% endlanguage %}',
]


def _contexts() -> list[dict[str, Any]]:
    contexts = []
    for text in ["<script>alert('x')</script> & \"q\"", "", "Zürich", "AT&T"]:
        thing = _Thing(inner=_Thing(inner=_Thing()))
        contexts.append(
            {
                "text": text,
                "safe": mark_safe(f"<b>{text}</b>"),
                "lazy": gettext_lazy("Done"),
                "number": 1234567,
                "day": dt.date(2026, 12, 6),
                "nothing": None,
                "thing": thing,
                "mapping": {"key": f"{text} &", "thing": thing},
                "items": [text, thing],
                "sub": _Subscriptable(),
            }
        )
    return contexts


@pytest.mark.parametrize("source", SOURCES)
@pytest.mark.parametrize("language", ["en", "de"])
@pytest.mark.parametrize("autoescape", [True, False])
def test_values_and_words_render_as_django_renders_them(
    source: str, language: str, autoescape: bool
) -> None:
    engine = engines["django"].engine  # type: ignore[attr-defined]
    plain, fast = engine.from_string(source), engine.from_string(source)
    email_templates._prepare(fast.nodelist)
    with translation.override(language):
        for values in _contexts():
            for _ in range(2):  # the second time from what the first one kept
                rendering = Context(values, autoescape=autoescape)
                rendering.__dict__[email_templates._LANGUAGE] = translation.get_language()
                try:
                    expected = plain.render(Context(values, autoescape=autoescape))
                except Exception as error:  # a property that raises: Django raises it
                    with pytest.raises(type(error)):
                        fast.render(rendering)
                    continue
                assert fast.render(rendering) == expected


def test_plain_values_and_constant_runs_take_the_shortcuts() -> None:
    template = email_templates._prepared("emails/base.html")
    values = template.nodelist.get_nodes_by_type(email_templates._Value)
    assert {v.lookups for v in values} >= {("done_url",), ("stop_url",), ("reminders_url",)}
    words = template.nodelist.get_nodes_by_type(email_templates._Words)
    # The footer: text, "You get this because…" and text again, written as one.
    assert any(len(w.nodes) >= 3 for w in words)
    # A filtered value is still Django's node.
    engine = engines["django"].engine  # type: ignore[attr-defined]
    filtered = engine.from_string("{{ items|length }}{{ text|upper }}")
    email_templates._prepare(filtered.nodelist)
    assert not filtered.nodelist.get_nodes_by_type(email_templates._Value)


def test_render_is_template_render() -> None:
    values = _contexts()[0] | {"user": _Thing(), "done_url": "https://x/?a=1&b=2"}
    for name, autoescape in [("emails/base.html", True), ("emails/base.txt", False)]:
        expected = get_template(name).template.render(  # type: ignore[attr-defined]
            Context(values, autoescape=autoescape)
        )
        assert email_templates.render(name, values, autoescape=autoescape) == expected


def test_a_template_is_found_again_once_the_loader_forgets_it() -> None:
    name = "emails/base.txt"
    first = email_templates._prepared(name)
    assert email_templates._prepared(name) is first  # found once
    engine = engines["django"].engine  # type: ignore[attr-defined]
    for loader in engine.template_loaders:
        loader.reset()  # what the autoreloader does when a template changes
    again = email_templates._prepared(name)
    assert again is not first
    assert again is get_template(name).template  # type: ignore[attr-defined]
    assert getattr(again, email_templates._PREPARED)
    assert email_templates._prepared(name) is again


@pytest.mark.parametrize("change", ["TEMPLATES", "DEBUG"])
def test_new_engines_find_every_template_again(settings: Any, change: str) -> None:
    name = "emails/base.txt"
    first = email_templates._prepared(name)
    # Either setting makes Django's engines again (django.test.signals), as tests do.
    if change == "TEMPLATES":
        settings.TEMPLATES = [{**settings.TEMPLATES[0]}]
    else:
        settings.DEBUG = not settings.DEBUG
    again = email_templates._prepared(name)
    assert again is not first and again.engine is Engine.get_default()
    assert again is get_template(name).template  # type: ignore[attr-defined]
    assert getattr(again, email_templates._PREPARED)


def test_a_rendering_leaves_no_cycle_for_the_garbage_collector() -> None:
    # A worker sends a batch with the collector off (reminders.tasks): what rendering leaves
    # in cycles (a pushed dict refers back to its context) would wait for its next pass.
    values = _contexts()[0] | {"user": _Thing(), "done_url": "https://x/?a=1&b=2"}
    email_templates.render("emails/reminder_coping_check_in.html", values)
    gc.collect()
    was = gc.isenabled()
    gc.disable()
    try:
        for name in ["emails/reminder_coping_check_in.html", "emails/base.txt"]:
            email_templates.render(name, values)
        gc.set_debug(gc.DEBUG_SAVEALL)
        gc.collect()
        left = [o for o in gc.garbage if isinstance(o, Context | RenderContext | ContextDict)]
    finally:
        gc.set_debug(0)
        gc.garbage.clear()
        if was:
            gc.enable()
    assert not left
