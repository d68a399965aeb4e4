"""HTML written in Python: what a template's autoescaping writes for a value."""

from html import escape


def esc(value: object) -> str:
    """`{{ value }}` of a plain or lazy string: conditional_escape's result, without its
    lazy-string wrapper (rows and cards built in Python write hundreds of values a page)."""
    html = getattr(value, "__html__", None)
    if html is not None:
        return str(html())
    return escape(str(value))
