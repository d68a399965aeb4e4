"""Template helpers shared by every app."""

import hashlib
from collections.abc import Iterable
from html import escape
from typing import Any

from django import template
from django.core.cache import cache
from django.forms import BoundField
from django.template.base import FilterExpression, NodeList, Parser, Token
from django.utils.safestring import SafeString, mark_safe

from rebound.fragments import TTL

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
        cache_key = "fragment:" + hashlib.sha256(str(key).encode()).hexdigest()
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
