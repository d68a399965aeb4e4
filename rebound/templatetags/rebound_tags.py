"""Template helpers shared by every app."""

import datetime as dt
import hashlib
from collections.abc import Iterable
from html import escape
from typing import Any

from django import template
from django.core.cache import cache
from django.forms import BoundField
from django.template.base import FilterExpression, NodeList, Parser, Token
from django.utils import timezone, translation
from django.utils.safestring import SafeString, mark_safe
from django.utils.translation import ngettext, pgettext

from rebound.fragments import TTL
from rebound.lib import batch, datefmt

register = template.Library()


@register.simple_tag
def select_options(field: BoundField) -> SafeString:
    """A select's <option>s for a bound choice field, marked selected as the form has it.

    Built in Python in one pass, with plain escaping: a template loop over a heavy user's 400
    companies cost more than the rest of the applications table, and format_html per option
    still took 6 ms (issue 12's profile).
    """
    choices: Iterable[tuple[Any, Any]] = field.field.choices  # type: ignore[attr-defined]
    current = field.value()
    chosen = {str(v) for v in current} if isinstance(current, list | tuple) else {str(current)}
    chosen.discard("None")
    # html.escape quotes both quote characters, as Django's escape does.
    return mark_safe(
        "".join(
            f'<option value="{escape(str(value))}"'
            f"{' selected' if str(value) in chosen else ''}>{escape(str(label))}</option>"
            for value, label in choices
        )
    )


class FragmentNode(template.Node):
    def __init__(self, nodelist: NodeList, key: FilterExpression) -> None:
        self.nodelist, self.key = nodelist, key

    def render(self, context: template.Context) -> SafeString:
        key = self.key.resolve(context)
        if not key:
            return self.nodelist.render(context)
        # The language again, whatever made the key: cached words are one language's.
        language = translation.get_language() or ""
        cache_key = "fragment:" + hashlib.sha256(f"{key}|{language}".encode()).hexdigest()
        html = cache.get(cache_key)
        if html is None:
            html = self.nodelist.render(context)
            cache.set(cache_key, str(html), TTL)
        return mark_safe(html)


@register.tag("fragment")
def fragment(parser: Parser, token: Token) -> FragmentNode:
    """{% fragment key %}…{% endfragment %}: cached under `key` (rebound.fragments.fragment_key)
    when it is not empty. Nothing per request (a CSRF token, messages) may go inside."""
    bits = token.split_contents()
    if len(bits) != 2:
        raise template.TemplateSyntaxError("{% fragment %} takes one key.")
    nodelist = parser.parse(("endfragment",))
    parser.delete_first_token()
    return FragmentNode(nodelist, parser.compile_filter(bits[1]))


class TogetherNode(template.Node):
    def __init__(self, nodelist: NodeList, reads: list[FilterExpression]) -> None:
        self.nodelist, self.reads = nodelist, reads

    def render(self, context: template.Context) -> SafeString:
        statements = [statement for read in self.reads for statement in read.resolve(context)]
        with batch.together(statements):
            return self.nodelist.render(context)


@register.tag("together")
def together(parser: Parser, token: Token) -> TogetherNode:
    """{% together reads… %}…{% endtogether %}: each of `reads` a list of statements (sql,
    params) that the sections inside read, sent in one round trip before they render
    (rebound.lib.batch.together): a page made of other apps' sections names what they read
    without importing them, each app's tags giving its own (the application's page)."""
    bits = token.split_contents()
    if len(bits) < 2:
        raise template.TemplateSyntaxError("{% together %} takes the statements to send.")
    nodelist = parser.parse(("endtogether",))
    parser.delete_first_token()
    return TogetherNode(nodelist, [parser.compile_filter(bit) for bit in bits[1:]])


# Dates as the rows built in Python write them (rebound.lib.datefmt), in the active language:
# a template and a row built in Python agree in every language.
@register.filter
def day(value: Any) -> str:
    """`{{ date|day }}`: "3 Mar 2027", „3. März 2027“."""
    if not value:
        return ""
    if isinstance(value, dt.datetime):
        value = timezone.localtime(value)
    return datefmt.day(value)


@register.filter
def when(value: Any, weekday: str = "") -> str:
    """`{{ moment|when }}`: "3 Mar 2027, 14:05"; `{{ moment|when:"weekday" }}` leads with the
    day's short name."""
    return datefmt.when(value or None, weekday=bool(weekday))


@register.filter
def day_month(value: Any) -> str:
    """`{{ moment|day_month }}` or `{{ date|day_month }}`: "3 Mar", „3. März“."""
    if not value:
        return ""
    if isinstance(value, dt.datetime):
        return datefmt.day_month(value)
    return datefmt.day_month_of(value)


@register.filter
def duration(value: Any) -> str:
    """A timedelta in words, in the active language: "15 minutes", "2 hours", "1 day"."""
    if not isinstance(value, dt.timedelta):
        return ""
    minutes = round(value.total_seconds() / 60)
    if minutes < 120:
        return ngettext("%(n)d minute", "%(n)d minutes", minutes) % {"n": minutes}
    hours = round(minutes / 60)
    if hours < 48:
        return ngettext("%(n)d hour", "%(n)d hours", hours) % {"n": hours}
    days = round(hours / 24)
    return ngettext("%(n)d day", "%(n)d days", days) % {"n": days}


@register.filter
def mid_sentence(value: Any) -> str:
    """A label ("Technical", "Phone screen") as it reads inside a sentence, in the active
    language: lower case in English ("Assess your phone screen"), as written in German,
    whose nouns keep their capital („Ihr Fachgespräch“). The catalogue decides, so a new
    language needs no code."""
    text = str(value)
    # Translators: "lower" if a label (an interview round, a status) is written in lower case
    # inside a sentence in your language, "keep" if it keeps its capital letters (German nouns).
    if pgettext("mid-sentence case", "lower") == "keep":
        return text
    return text.lower()
