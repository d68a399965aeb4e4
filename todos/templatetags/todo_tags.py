"""The to-dos section of an application's page, owned here so applications/ need not import
todos/ (docs/architecture.md): `{% load todo_tags %}{% todo_section application %}`."""

from typing import Any

from django import template

from applications.models import Application

from ..selectors import section

register = template.Library()


@register.inclusion_tag("todos/_application_todos.html", takes_context=True)
def todo_section(context: template.Context, application: Application) -> dict[str, Any]:
    # The section's forms post from the application's page: they need its CSRF token.
    return {
        **section(application, user=context["request"].user),
        "csrf_token": context.get("csrf_token"),
        "request": context.get("request"),
    }
