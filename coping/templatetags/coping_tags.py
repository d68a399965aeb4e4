"""Coping's section on an application's page, owned here so applications/ need not import
coping/ (docs/architecture.md)."""

from typing import Any

from django import template

from applications.models import Application

from ..models import CopingPlan

register = template.Library()


@register.inclusion_tag("coping/_application_section.html")
def coping_section(application: Application) -> dict[str, Any]:
    """Shown only when the application has a plan; nothing otherwise."""
    plans = CopingPlan.objects.filter(application=application).with_progress()
    return {"plans": list(plans.order_by("-opened_on", "-pk"))}
