"""A posting's words as Rebound keeps them: plain text, from a page's HTML or a paste.

Kept as plain text, not as HTML: a posting's value is its words. Text carries no markup to
trust later (the page escapes it like any other text), is edited in the same box it was
pasted into, is searched by its words rather than its tags, and its bound counts what the
reader sees. The structure that matters survives as lines: paragraphs and headings apart,
list items as "• " lines. HTML (a JobPosting's `description`, an imported column) goes
through nh3 first, which drops scripts, styles, frames and comments with their content and
every attribute, and leaves well-formed text whose entities are read back once.
"""

import html
import re

import nh3

from .posting_models import POSTING_MAX

# Looks like markup: a tag, a closing tag or a comment.
_MARKUP = re.compile(r"</?[a-zA-Z][^>]*>|<!--")
_BLOCK = ("p", "div", "section", "article", "header", "footer", "blockquote", "pre", "table",
          "tr", "h1", "h2", "h3", "h4", "h5", "h6", "dl", "dt", "dd", "ul", "ol")  # fmt: skip
_INLINE = ("a", "b", "strong", "i", "em", "u", "span", "small", "sub", "sup", "td", "th")
# Dropped with everything inside: none of it is the posting's words.
_DROPPED = {"script", "style", "template", "noscript", "iframe", "object", "svg", "math",
            "head", "title", "textarea", "select", "button", "form"}  # fmt: skip
_BLOCK_TAG = re.compile(r"</?(?:" + "|".join(_BLOCK) + r")\b[^>]*>")
_ITEM = re.compile(r"<li\b[^>]*>")
_BREAK = re.compile(r"<br\b[^>]*>")
_ANY_TAG = re.compile(r"<[^>]*>")


def looks_like_html(raw: str) -> bool:
    return bool(_MARKUP.search(raw))


def html_to_text(raw: str) -> str:
    """The words of a fragment of HTML, its blocks as paragraphs and its list items as lines."""
    clean = nh3.clean(
        raw,
        tags={*_BLOCK, *_INLINE, "li", "br"},
        clean_content_tags=_DROPPED,
        attributes={},
        link_rel=None,
        strip_comments=True,
    )
    # nh3's output is well-formed and escapes every "<" of the text, so the tags left can be
    # read by pattern; the entities are read back last, once.
    text = _ITEM.sub("\n• ", clean.replace("</li>", ""))
    text = _BREAK.sub("\n", text)
    text = _BLOCK_TAG.sub("\n\n", text)
    return html.unescape(_ANY_TAG.sub("", text))


def posting_text(raw: str) -> str:
    """The posting as kept: HTML read as text, spaces collapsed within each line, at most one
    blank line between paragraphs, trimmed. Not cut: `posting_fits` says whether it fits."""
    if not looks_like_html(raw):
        # A JobPosting whose HTML was escaped once more ("&lt;p&gt;…"), as many sites write it.
        unescaped = html.unescape(raw)
        if looks_like_html(unescaped):
            raw = unescaped
    if looks_like_html(raw):
        raw = html_to_text(raw)
    lines = (" ".join(line.split()) for line in raw.replace("\r\n", "\n").split("\n"))
    return re.sub(r"\n{3,}", "\n\n", "\n".join(lines)).strip()


def posting_fits(text: str) -> bool:
    return len(text) <= POSTING_MAX


def posting_cut(text: str) -> str:
    """A posting cut to fit, at the last line break before the bound when there is one (an
    imported column can be longer than a posting; the bookmarklet cuts before sending)."""
    if posting_fits(text):
        return text
    head = text[:POSTING_MAX]
    line_end = head.rfind("\n")
    return (head[:line_end] if line_end > POSTING_MAX // 2 else head).rstrip()
