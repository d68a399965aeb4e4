"""Reminder email templates with their fixed sentences rendered once per language.

A reminder email is mostly fixed words: "Done", "Remind me in two weeks", the footer. Each
`{% translate "…" %}` of a constant looks its words up and escapes them again for every
email: about a third of a worker's rendering time (bench/delivery.py's profile). Its output
depends only on the active language and on whether autoescaping is on, so here each such node
keeps what it rendered per (language, autoescape) pair. Everything else (variables,
`{% blocktranslate %}` with values, conditions, loops) renders as Django renders it.
tests/reminders/test_fast_paths.py proves every kind's three templates render the same
through this path as through Django's own, in each language.
"""

from typing import Any, TypeGuard

from django.template import Context, Node, NodeList
from django.template.base import FilterExpression, Variable
from django.template.defaulttags import IfNode
from django.template.loader import get_template
from django.template.loader_tags import ExtendsNode
from django.templatetags.i18n import TranslateNode
from django.utils.translation import get_language

_PREPARED = "_rebound_fixed_words"


class _FixedWords(Node):
    """A constant `{% translate %}`, rendered once per language and escaping."""

    child_nodelists = ()

    def __init__(self, node: TranslateNode) -> None:
        self.node = node
        self.token = node.token
        self.origin = node.origin
        self.outputs: dict[tuple[str | None, bool], str] = {}

    def render(self, context: Context) -> str:
        key = (get_language(), context.autoescape)
        try:
            return self.outputs[key]
        except KeyError:
            output = self.outputs[key] = self.node.render(context)
            return output


def _is_fixed(node: Node) -> TypeGuard[TranslateNode]:
    if type(node) is not TranslateNode or node.asvar:
        return False
    words = node.filter_expression
    context = node.message_context
    return (
        not words.filters
        and isinstance(words.var, Variable)
        and words.var.literal is not None
        and (context is None or (not context.filters and isinstance(context.var, str)))
    )


def _prepare(nodelist: NodeList) -> None:
    for index, node in enumerate(nodelist):
        if _is_fixed(node):
            nodelist[index] = _FixedWords(node)
        elif isinstance(node, IfNode):  # its `nodelist` is a copy: reach the real ones
            for _condition, branch in node.conditions_nodelists:
                _prepare(branch)
        else:
            for attr in node.child_nodelists:
                child = getattr(node, attr, None)
                if isinstance(child, NodeList):
                    _prepare(child)
            parent: Any = getattr(node, "parent_name", None)
            if (
                isinstance(node, ExtendsNode)
                and isinstance(parent, FilterExpression)
                and isinstance(parent.var, str)
                and not (parent.filters or parent.is_var)
            ):
                _prepared(parent.var)  # "emails/base.html": Django's cached one


def _prepared(name: str) -> Any:
    """The compiled template (shared with Django's cached loader), its fixed words wrapped
    once; the output is the same, so any other reader of the template sees no difference."""
    template = get_template(name).template  # type: ignore[attr-defined]
    if not getattr(template, _PREPARED, False):
        _prepare(template.nodelist)
        setattr(template, _PREPARED, True)
    return template


def render(name: str, context: dict[str, Any], *, autoescape: bool = True) -> str:
    return str(_prepared(name).render(Context(context, autoescape=autoescape)))
