"""Reminder email templates with their fixed sentences rendered once per language.

A reminder email is mostly fixed words: "Done", "Remind me in two weeks", the footer. Each
`{% translate "…" %}` of a constant looks its words up and escapes them again for every
email: about a third of a worker's rendering time (bench/delivery.py's profile). Its output
depends only on the active language and on whether autoescaping is on, so here each such node
keeps what it rendered per (language, autoescape) pair. A `{% blocktranslate %}` with values
looks its sentence up once per language too (Django builds the message and asks gettext again
for every email) and only fills in the values each time; `{% extends %}` finds its parent and
the parent's blocks once; the active language is asked for once per template rendered; a
plain `{{ a.b }}` (no filters) and a sentence's values look their value up directly when it
is an ordinary attribute or context value, as Django would find it (anything unusual, Django
finds); a template is found once per process while Django's cached loader holds it.
Everything else (variables, conditions, loops) renders as Django renders it.
tests/reminders/test_fast_paths.py and test_email_templates_fast.py prove every kind's three
templates render the same through this path as through Django's own, in each language.
"""

import html
from typing import Any, TypeGuard

from django.template import Context, Engine, Node, NodeList
from django.template.base import (
    FilterExpression,
    TextNode,
    Variable,
    VariableNode,
    render_value_in_context,
)
from django.template.defaulttags import CommentNode, IfNode, LoadNode
from django.template.loader import get_template
from django.template.loader_tags import BLOCK_CONTEXT_KEY, BlockContext, BlockNode, ExtendsNode
from django.templatetags.i18n import BlockTranslateNode, LanguageNode, TranslateNode
from django.utils.safestring import SafeString
from django.utils.translation import get_language, gettext, pgettext

_PREPARED = "_rebound_fixed_words"
_LANGUAGE = "rebound_language"


def _language(context: Context) -> str | None:
    """The active language, as `render` found it when the rendering began (asking Django
    for it costs more than most of what these nodes do); inside `{% language %}` Django's."""
    try:
        return context.__dict__[_LANGUAGE]
    except KeyError:
        return get_language()


class _InLanguage(Node):
    """`{% language %}`: its block in that language, as Django renders it, with the language
    `render` noted for the whole template set aside while it renders."""

    child_nodelists = ("nodelist",)

    def __init__(self, node: LanguageNode) -> None:
        self.node = node
        self.nodelist = node.nodelist
        self.token = node.token
        self.origin = node.origin

    def render(self, context: Context) -> str:
        noted = context.__dict__.pop(_LANGUAGE, None)
        try:
            return str(self.node.render(context))
        finally:
            if noted is not None:
                context.__dict__[_LANGUAGE] = noted


class _Constant(Node):
    """Nodes whose output depends on nothing but the language and the escaping, rendered once
    per (language, escaping) pair."""

    child_nodelists = ()

    def __init__(self, nodes: list[Node]) -> None:
        self.nodes = nodes
        self.token = nodes[0].token
        self.origin = nodes[0].origin
        self.outputs: dict[tuple[str | None, bool], str] = {}

    def render(self, context: Context) -> str:
        key = (_language(context), context.autoescape)
        try:
            return self.outputs[key]
        except KeyError:
            output = "".join(str(node.render_annotated(context)) for node in self.nodes)
            self.outputs[key] = output
            return output


class _FixedWords(_Constant):
    """A constant `{% translate %}`."""

    def __init__(self, node: TranslateNode) -> None:
        super().__init__([node])
        self.node = node


_UNKNOWN: Any = object()


def _looked_up(lookups: tuple[str, ...], context: Context) -> Any:
    """What Variable._resolve_lookup finds, along its common path: a value in the context,
    then attributes of objects that are not subscriptable, none of them callable. Anything
    else (a missing name, a dict or list on the way, a method, an attribute that raises) is
    _UNKNOWN, and left to Django, which then looks it up again from the start."""
    try:
        current = context[lookups[0]]
    except KeyError:
        return _UNKNOWN
    for bit in lookups[1:]:
        # Django tries `current[bit]` first for anything subscriptable.
        if callable(current) or hasattr(type(current), "__getitem__"):
            return _UNKNOWN
        try:
            current = getattr(current, bit)
        except Exception:
            return _UNKNOWN
    return _UNKNOWN if callable(current) else current


def _plain_lookups(expression: Any) -> tuple[str, ...] | None:
    """The lookups of `{{ a.b }}`-like expressions: a variable, no filters, not `_("…")`."""
    if not isinstance(expression, FilterExpression) or expression.filters:
        return None
    var = expression.var
    if not isinstance(var, Variable) or var.lookups is None or var.translate:
        return None
    return tuple(var.lookups)


def _resolved(
    expression: FilterExpression, lookups: tuple[str, ...] | None, context: Context
) -> Any:
    if lookups is not None:
        value = _looked_up(lookups, context)
        if value is not _UNKNOWN:
            return value
    return expression.resolve(context)


def _in_context(value: Any, context: Context) -> str:
    """render_value_in_context(value, context), directly for a str."""
    if type(value) is str:  # no localising; escaped as conditional_escape escapes it
        return SafeString(html.escape(value)) if context.autoescape else value
    if type(value) is SafeString:
        return value
    return str(render_value_in_context(value, context))


class _Value(Node):
    """`{{ a.b }}` without filters: its value looked up directly (_looked_up) and written
    as VariableNode writes it; anything _looked_up leaves alone renders through Django's."""

    child_nodelists = ()

    def __init__(self, node: VariableNode, lookups: tuple[str, ...]) -> None:
        self.node = node
        self.token = node.token
        self.origin = node.origin
        self.lookups = lookups

    def render(self, context: Context) -> str:
        value = _looked_up(self.lookups, context)
        if value is _UNKNOWN:
            return str(self.node.render(context))
        return _in_context(value, context)


class _Sentence(Node):
    """A singular `{% blocktranslate %}` (values, no plural, no `asvar`, a constant context):
    its translated sentence looked up once per language, its values filled in per render,
    as BlockTranslateNode.render does (same lookups, same escaping). Anything unusual (a
    translation that does not format) is left to Django's node, which handles it."""

    child_nodelists = ()

    def __init__(self, node: BlockTranslateNode) -> None:
        self.node = node
        self.token = node.token
        self.origin = node.origin
        self.message, self.names = node.render_token_list(node.singular)
        context = node.message_context
        self.message_context = context.var if context is not None else None
        self.extra = [
            (name, value, _plain_lookups(value)) for name, value in node.extra_context.items()
        ]
        self.sentences: dict[str | None, str] = {}

    def _sentence(self, context: Context) -> str:
        language = _language(context)
        try:
            return self.sentences[language]
        except KeyError:
            if self.message_context:
                sentence = pgettext(self.message_context, self.message)
            else:
                sentence = gettext(self.message)
            self.sentences[language] = sentence
            return sentence

    def render(self, context: Context) -> str:
        extra = {name: _resolved(value, lookups, context) for name, value, lookups in self.extra}
        template: Any = context.template
        default = template.engine.string_if_invalid
        data = {}
        for name in self.names:
            if name in extra:
                value = extra[name]
            elif name in context:
                value = context[name]
            else:
                value = default % name if "%s" in default else default
            data[name] = _in_context(value, context)
        try:
            return self._sentence(context) % data
        except (KeyError, ValueError):
            return str(self.node.render(context))


class _Extends(ExtendsNode):
    """`{% extends "emails/base.html" %}` with its parent and the parent's blocks found once.

    Django's node looks the parent up through the loaders and walks its whole tree for its
    blocks on every render; both are the same each time (a changed template resets Django's
    cached loader, and with it the child holding this node). The render itself is
    ExtendsNode.render's. A parent that extends another is left to Django's node.
    """

    def __init__(self, node: ExtendsNode) -> None:
        super().__init__(node.nodelist, node.parent_name, node.template_dirs)
        self.token = node.token
        self.origin = node.origin
        self.found: tuple[Any, dict[str, BlockNode]] | None = None
        self.plain = False

    def render(self, context: Context) -> str:
        if self.plain:
            return str(super().render(context))
        if self.found is None:
            parent: Any = self.get_parent(context)
            first = next((n for n in parent.nodelist if not isinstance(n, TextNode)), None)
            if isinstance(first, ExtendsNode):
                self.plain = True
                return str(super().render(context))
            nodes: Any = parent.nodelist.get_nodes_by_type(BlockNode)
            blocks = {n.name: n for n in nodes} if first is not None else {}
            self.found = (parent, blocks)
        parent, parent_blocks = self.found
        render_context = context.render_context
        if BLOCK_CONTEXT_KEY not in render_context:
            render_context[BLOCK_CONTEXT_KEY] = BlockContext()
        block_context = render_context[BLOCK_CONTEXT_KEY]
        block_context.add_blocks(self.blocks)
        block_context.add_blocks(parent_blocks)
        with render_context.push_state(parent, isolated_context=False):
            return str(parent._render(context))


class _Words(_Constant):
    """A run of constant nodes (text, fixed words, `{% load %}`, comments) side by side:
    rendered as one. A short email template is mostly such runs between its values, and
    every node costs its own call."""


# Nodes whose output depends on nothing but the language and the escaping.
_CONSTANT = (TextNode, _FixedWords, LoadNode, CommentNode)


def _merged(nodelist: NodeList) -> list[Node]:
    """The nodes, each run of two or more constant ones made one _Words."""
    merged: list[Node] = []
    run: list[Node] = []
    for node in [*nodelist, None]:
        if node is not None and type(node) in _CONSTANT:
            run.append(node)
            continue
        if len(run) > 1:
            merged.append(_Words(run))
        else:
            merged.extend(run)
        run = []
        if node is not None:
            merged.append(node)
    return merged


def _is_sentence(node: Node) -> TypeGuard[BlockTranslateNode]:
    if type(node) is not BlockTranslateNode or node.asvar or node.plural or node.countervar:
        return False
    context = node.message_context
    return context is None or (not context.filters and isinstance(context.var, str))


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
        elif _is_sentence(node):
            nodelist[index] = _Sentence(node)
        elif type(node) is VariableNode and (lookups := _plain_lookups(node.filter_expression)):
            nodelist[index] = _Value(node, lookups)
        elif type(node) is LanguageNode:
            _prepare(node.nodelist)
            nodelist[index] = _InLanguage(node)
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
                type(node) is ExtendsNode
                and isinstance(parent, FilterExpression)
                and isinstance(parent.var, str)
                and not (parent.filters or parent.is_var)
            ):
                _prepared(parent.var)  # "emails/base.html": Django's cached one
                nodelist[index] = _Extends(node)
    nodelist[:] = _merged(nodelist)


# Templates found before, by name: finding one through the engine and its loaders again
# cost more than a short template's rendering.
_FOUND: dict[str, Any] = {}


def _still_loaded(name: str, template: Any) -> bool:
    """True while Django's cached loader still holds this template for the name, in the engine
    Django renders with now: an edited template (the autoreloader resets the loaders) is found
    anew, and so is every one after the engines are made again (new TEMPLATES, DEBUG or
    INSTALLED_APPS settings, as tests change them)."""
    engine = template.engine
    if engine is not Engine.get_default():
        return False
    loaders = engine.template_loaders
    cache = getattr(loaders[0], "get_template_cache", None) if len(loaders) == 1 else None
    return cache is not None and cache.get(name) is template


def _prepared(name: str) -> Any:
    """The compiled template (shared with Django's cached loader), its fixed words wrapped
    once; the output is the same, so any other reader of the template sees no difference."""
    template = _FOUND.get(name)
    if template is not None and _still_loaded(name, template):
        return template
    template = get_template(name).template  # type: ignore[attr-defined]
    if not getattr(template, _PREPARED, False):
        _prepare(template.nodelist)
        setattr(template, _PREPARED, True)
    _FOUND[name] = template
    return template


def render(name: str, context: dict[str, Any], *, autoescape: bool = True) -> str:
    rendering = Context(context, autoescape=autoescape)
    language = get_language()
    if language is not None:  # a deactivated language is looked up by each node as before
        rendering.__dict__[_LANGUAGE] = language
    template = _prepared(name)
    # What Template.render does for a new context (its render state pushed, the context
    # bound to the template), without its two context managers: of what they put back
    # after, only the pop matters to a context thrown away (a pushed dict refers back to
    # its context: left in, it makes a cycle only the garbage collector frees).
    rendering.render_context.template = template
    rendering.render_context.push()
    rendering.template = template
    rendering.template_name = template.name
    try:
        return str(template._render(rendering))
    finally:
        rendering.render_context.pop()
