"""Coping's section on an application's page, owned here so applications/ need not import
coping/ (docs/architecture.md)."""

from typing import Any

from django import template

from applications.models import Application

from ..models import CopingPlan
from ..services import plan_progress

register = template.Library()


@register.inclusion_tag("coping/_application_section.html")
def coping_section(application: Application) -> dict[str, Any]:
    """Shown only when the application has a plan; nothing otherwise."""
    # One application has a plan or two: loading their few steps costs less than compiling
    # the plans page's progress subqueries (CopingPlan.objects.with_progress).
    plans = (
        CopingPlan.objects.filter(application=application)
        .prefetch_related("steps")
        .order_by("-opened_on", "-pk")
    )
    return {"plans": [(plan, *plan_progress(list(plan.steps.all()))) for plan in plans]}
