"""The main navigation, rendered once per process for each way it can look.

Every page but the smallest carries the nav: fourteen {% url %}s, a dozen words and twenty
comparisons in the template engine cost about 1.5 ms a request (issue 24's profile), more than
some whole views. What it prints depends only on the active language, whether someone is
logged in, the page's URL namespace and name, the URL configuration and script prefix — and
the CSRF token in the log-out form, which is per request and so never cached: the HTML is kept
in two halves and the token's input written between them on each request.
"""

from typing import Any

from django import template
from django.conf import settings
from django.template import Engine
from django.template.defaulttags import CsrfTokenNode
from django.urls import get_script_prefix, get_urlconf
from django.utils import translation
from django.utils.safestring import SafeString, mark_safe

register = template.Library()

NAV_TEMPLATE = "_nav.html"
# Stands in for the token while the nav is rendered for the cache: letters only, so escaping
# leaves it as it is.
_TOKEN_SLOT = "navcsrftokenslot"
_SLOT_INPUT = f'<input type="hidden" name="csrfmiddlewaretoken" value="{_TOKEN_SLOT}">'
# A few hundred URL names times the languages; the bound only matters where a template loader
# hands out a new template object per call (the key holds it, so an edited template in
# development is rendered afresh).
_MAX_ENTRIES = 1024
_rendered: dict[tuple[Any, ...], tuple[str, str]] = {}

_csrf_node = CsrfTokenNode()


@register.simple_tag(takes_context=True)
def main_nav(context: template.Context) -> SafeString:
    """The <nav> of templates/_nav.html, as the template renders it for this request."""
    user = context.get("user")
    request = context.get("request")
    match = getattr(request, "resolver_match", None)
    # The engine rendering this page (a test's engine, say); the project's when none is known.
    engine = context.template.engine if context.template is not None else Engine.get_default()
    nav = engine.get_template(NAV_TEMPLATE)
    key = (
        nav,
        translation.get_language(),
        bool(getattr(user, "is_authenticated", False)),
        getattr(match, "namespace", None),
        getattr(match, "url_name", None),
        get_urlconf() or settings.ROOT_URLCONF,
        get_script_prefix(),
        context.autoescape,
    )
    halves = _rendered.get(key)
    if halves is None:
        html = nav.render(
            template.Context(
                {"user": user, "request": request, "csrf_token": _TOKEN_SLOT},
                autoescape=context.autoescape,
            )
        )
        head, _, tail = str(html).partition(_SLOT_INPUT)
        halves = (head, tail)
        if len(_rendered) >= _MAX_ENTRIES:
            _rendered.clear()
        _rendered[key] = halves
    if not halves[1]:
        # Logged out: no form, no token.
        return mark_safe(halves[0])
    return mark_safe(halves[0] + _csrf_node.render(context) + halves[1])
