"""The pipeline's words as templates need them inside a sentence."""

from django import template

from applications import pipeline

register = template.Library()


@register.filter
def status_in_sentence(status: str) -> str:
    """A stored status as a sentence names it: "applied" in English, „Beworben“ in German
    (German keeps the label's capital; `|lower` would write „im gespräch“)."""
    return pipeline.in_sentence(status)
