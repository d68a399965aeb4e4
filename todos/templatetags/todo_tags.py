"""The to-dos section of an application's page, owned here so applications/ need not import
todos/ (docs/architecture.md): `{% load todo_tags %}{% todo_section application %}`."""

from typing import Any

from django import forms, template
from django.utils.safestring import SafeString, mark_safe
from django.utils.translation import pgettext

from applications.models import Application
from rebound.lib.html import esc

from ..selectors import section, section_statement

register = template.Library()


def new_todo_fields(form: forms.BaseForm) -> SafeString:
    """The add form's fields as todos/_application_todos.html writes them for a form not yet
    filled in (no value, no error): built here, the page's one form would otherwise be a fifth
    of the section's time, field by field through the template engine (issue 24).
    tests/applications/test_detail_rows.py holds the two equal."""
    title, due, remind = form["title"], form["due_on"], form["remind_before"]
    ids = [esc(field.id_for_label) for field in (title, due, remind)]
    attrs = due.field.widget.attrs
    options = "".join(
        f'<option value="{esc(value)}"{" selected" if value == "" else ""}>{esc(label)}</option>'
        for value, label in remind.field.choices  # type: ignore[attr-defined]
    )
    add = esc(pgettext("add a to-do", "Add"))
    return mark_safe(
        "\n"
        '    <div class="col-md-5">\n'
        f'      <label class="form-label" for="{ids[0]}">{esc(title.label)}</label>\n'
        f'      <input class="form-control" type="text" name="{esc(title.html_name)}"'
        f' id="{ids[0]}" maxlength="{esc(title.field.max_length)}" required value="">\n'  # type: ignore[attr-defined]
        "      \n"
        "    </div>\n"
        '    <div class="col-sm-6 col-md-3">\n'
        f'      <label class="form-label" for="{ids[1]}">{esc(due.label)}</label>\n'
        f'      <input class="form-control" type="date" name="{esc(due.html_name)}"'
        f' id="{ids[1]}" min="{esc(attrs["min"])}" max="{esc(attrs["max"])}" value="">\n'
        "      \n"
        "    </div>\n"
        '    <div class="col-sm-6 col-md-2">\n'
        f'      <label class="form-label" for="{ids[2]}">{esc(remind.label)}</label>\n'
        f'      <select class="form-select" name="{esc(remind.html_name)}" id="{ids[2]}"'
        f' aria-describedby="{ids[2]}-help">\n'
        f"        {options}\n"
        "      </select>\n"
        "      \n"
        "    </div>\n"
        '    <div class="col-md-2 d-grid"><button class="btn btn-outline-primary" type="submit"'
        f' id="todo-add-button">{add}</button></div>\n'
        f'    <p class="form-text col-12 mt-1" id="{ids[2]}-help">{esc(remind.help_text)}</p>'
    )


@register.simple_tag
def todo_reads(application: Application) -> list[tuple[str, list[Any]]]:
    """What `todo_section` reads, for {% together %} (rebound_tags)."""
    return [section_statement(application)]


@register.inclusion_tag("todos/_application_todos.html", takes_context=True)
def todo_section(context: template.Context, application: Application) -> dict[str, Any]:
    # The section's forms post from the application's page: they need its CSRF token.
    found = section(application, user=context["request"].user)
    return {
        **found,
        # The page's form is never filled in (a refused one comes back through todos/views).
        "new_todo_fields": new_todo_fields(found["todo_form"]),
        "csrf_token": context.get("csrf_token"),
        "request": context.get("request"),
    }
