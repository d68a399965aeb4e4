"""Reminder email templates with their fixed sentences rendered once per language.

A reminder email is mostly fixed words: "Done", "Remind me in two weeks", the footer. Each
`{% translate "…" %}` of a constant looks its words up and escapes them again for every
email: about a third of a worker's rendering time (bench/delivery.py's profile). Its output
depends only on the active language and on whether autoescaping is on, so here each such node
keeps what it rendered per (language, autoescape) pair. A `{% blocktranslate %}` with values
looks its sentence up once per language too (Django builds the message and asks gettext again
for every email) and only fills in the values each time; `{% extends %}` finds its parent and
the parent's blocks once; the active language is asked for once per template rendered.
Everything else (variables, conditions, loops) renders as Django renders it.
tests/reminders/test_fast_paths.py and test_email_templates_fast.py prove every kind's three
templates render the same through this path as through Django's own, in each language.
"""

from typing import Any, TypeGuard

from django.template import Context, Node, NodeList
from django.template.base import FilterExpression, TextNode, Variable, render_value_in_context
from django.template.defaulttags import IfNode
from django.template.loader import get_template
from django.template.loader_tags import BLOCK_CONTEXT_KEY, BlockContext, BlockNode, ExtendsNode
from django.templatetags.i18n import BlockTranslateNode, LanguageNode, TranslateNode
from django.utils.html import escape
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


class _FixedWords(Node):
    """A constant `{% translate %}`, rendered once per language and escaping."""

    child_nodelists = ()

    def __init__(self, node: TranslateNode) -> None:
        self.node = node
        self.token = node.token
        self.origin = node.origin
        self.outputs: dict[tuple[str | None, bool], str] = {}

    def render(self, context: Context) -> str:
        key = (_language(context), context.autoescape)
        try:
            return self.outputs[key]
        except KeyError:
            output = self.outputs[key] = self.node.render(context)
            return output


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
        self.extra = list(node.extra_context.items())
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
        extra = {name: value.resolve(context) for name, value in self.extra}
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
            if type(value) is str:  # what render_value_in_context makes of a plain str
                data[name] = escape(value) if context.autoescape else value
            else:
                data[name] = render_value_in_context(value, context)
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


def _prepared(name: str) -> Any:
    """The compiled template (shared with Django's cached loader), its fixed words wrapped
    once; the output is the same, so any other reader of the template sees no difference."""
    template = get_template(name).template  # type: ignore[attr-defined]
    if not getattr(template, _PREPARED, False):
        _prepare(template.nodelist)
        setattr(template, _PREPARED, True)
    return template


def render(name: str, context: dict[str, Any], *, autoescape: bool = True) -> str:
    rendering = Context(context, autoescape=autoescape)
    language = get_language()
    if language is not None:  # a deactivated language is looked up by each node as before
        rendering.__dict__[_LANGUAGE] = language
    return str(_prepared(name).render(rendering))
