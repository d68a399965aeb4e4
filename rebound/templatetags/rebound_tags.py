"""Template helpers shared by every app."""

from collections.abc import Iterable
from html import escape
from typing import Any

from django import template
from django.forms import BoundField, ModelChoiceField
from django.utils.safestring import SafeString, mark_safe

register = template.Library()


@register.simple_tag
def select_options(field: BoundField) -> SafeString:
    """A select's <option>s for a bound choice field, marked selected as the form has it.

    Built in Python in one pass, with plain escaping: a template loop over a heavy user's 400
    companies cost more than the rest of the applications table, and format_html per option
    still took 6 ms (issue 12's profile).
    """
    choices: Iterable[tuple[Any, Any]] = field.field.choices  # type: ignore[attr-defined]
    if isinstance(field.field, ModelChoiceField):
        # One plain fetch: the field's own iterator opens a server-side cursor (three round
        # trips) for a list that fits in a page.
        model_field = field.field
        empty = [("", model_field.empty_label)] if model_field.empty_label is not None else []
        key = model_field.to_field_name or "pk"
        choices = empty + [
            (getattr(obj, key), model_field.label_from_instance(obj))
            for obj in model_field.queryset  # type: ignore[union-attr]
        ]
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
