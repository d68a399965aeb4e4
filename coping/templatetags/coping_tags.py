"""Coping's section on an application's page, owned here so applications/ need not import
coping/ (docs/architecture.md), and the few words coping's pages build from a plan."""

from typing import Any

from django import template
from django.utils import dateformat
from django.utils.functional import Promise
from django.utils.translation import get_language, pgettext
from django.utils.translation import gettext_lazy as _

from applications.models import Application
from rebound.lib import datefmt

from ..models import CopingPlan
from ..selectors import plan_counts

register = template.Library()

# Why the plan opened and when, as a phrase ("rejected on 3 Mar 2027"): a sentence per reason,
# since languages say each differently („Absage am …“, „keine Antwort mehr seit dem …“).
REASON_ON: dict[str, Promise] = {
    CopingPlan.Reason.REJECTED: _("rejected on %(day)s"),
    CopingPlan.Reason.GHOSTED: _("ghosted on %(day)s"),
    CopingPlan.Reason.RESCINDED: _("offer rescinded on %(day)s"),
}


@register.simple_tag
def reason_on(plan: CopingPlan, length: str = "") -> str:
    """`{% reason_on plan %}` ("rejected on 3 Mar 2027"), `{% reason_on plan "long" %}`
    ("rejected on 3 March 2027")."""
    if length == "long":
        day = dateformat.format(plan.opened_on, pgettext("date format", "j F Y"))
    else:
        day = datefmt.day(plan.opened_on)
    said = REASON_ON.get(plan.reason)
    if said is None:
        return f"{plan.get_reason_display()} · {day}"
    return str(said) % {"day": day}


@register.filter
def mid_sentence(label: Any) -> str:
    """A choice's label inside a sentence: English writes it in lower case ("— interviewing"),
    German keeps a noun's capital ("— Im Gespräch")."""
    text = str(label)
    return text.lower() if (get_language() or "en").startswith("en") else text


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
