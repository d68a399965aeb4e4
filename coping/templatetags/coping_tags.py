"""Coping's section on an application's page, owned here so applications/ need not import
coping/ (docs/architecture.md)."""

from typing import Any

from django import template

from applications.models import Application

from ..models import CopingPlan
from ..selectors import plan_counts

register = template.Library()


@register.inclusion_tag("coping/_application_section.html")
def coping_section(application: Application) -> dict[str, Any]:
    """Shown only when the application has a plan; nothing otherwise."""
    # One application has a plan or two: loading their few steps costs less than compiling
    # the plans page's progress subqueries (CopingPlan.objects.with_progress).
    plans = (
        CopingPlan.objects.filter(application=application)
        .select_related("net_goal")
        .prefetch_related("steps")
        .order_by("-opened_on", "-pk")
    )
    plans_list = list(plans)
    return {"plans": list(zip(plans_list, plan_counts(plans_list), strict=True))}
