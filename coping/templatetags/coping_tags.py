"""Coping's section on an application's page, owned here so applications/ need not import
coping/ (docs/architecture.md), and the few words coping's pages build from a plan."""

from typing import Any

from django import template
from django.utils import dateformat
from django.utils.functional import Promise
from django.utils.translation import get_language, pgettext
from django.utils.translation import gettext_lazy as _

from applications.models import Application
from rebound.lib import batch, datefmt

from ..models import CopingPlan, PlanStep
from ..selectors import plan_counts, plans_read

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


# An application's plans, each with its goal and its steps, in one read (a row per step). As
# querysets (select_related, prefetch_related) the same read cost 1.3 ms of a heavy user's
# application page, as raw() 0.5 (issue 24); raw() still converts the plan's columns as the
# ORM does (dates, time zones). In the plans' order (CopingPlan.Meta.ordering).
_PLANS = """
    SELECT p.id, p.owner_id, p.application_id, p.opened_by_id, p.reason, p.opened_on,
           p.legal_flagged, p.closed_at, p.created_at,
           g.id AS goal_id, g.target AS goal_target, g.weeks AS goal_weeks,
           g.starts_on AS goal_starts_on, s.id AS step_id, s.step AS step_step,
           s.state AS step_state
    FROM coping_copingplan p
    LEFT JOIN coping_netgoal g ON g.plan_id = p.id
    LEFT JOIN coping_planstep s ON s.plan_id = p.id
    WHERE p.application_id = %s
    ORDER BY p.opened_on DESC, p.id DESC, s.id"""


@register.simple_tag
def coping_reads(application: Application) -> list[tuple[str, list[Any]]]:
    """What `coping_section` reads, for {% together %} (rebound_tags)."""
    return [(_PLANS, [application.pk])]


def _plans(application: Application) -> tuple[list[CopingPlan], dict[int, list[PlanStep]]]:
    """The application's plans, their goals (as select_related("net_goal") leaves them: the
    goal, or none without a query) and their steps."""
    (read,) = coping_reads(application)
    return plans_read(batch.raw(CopingPlan, *read), lambda row: application)


@register.inclusion_tag("coping/_application_section.html")
def coping_section(application: Application) -> dict[str, Any]:
    """Shown only when the application has a plan; nothing otherwise."""
    plans, steps = _plans(application)
    return {"plans": list(zip(plans, plan_counts(plans, steps), strict=True))}
