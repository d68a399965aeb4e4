"""What this week's letter says, from Insights' own definitions, in a constant number of
queries (twelve) whatever the history's size. Read-only.

Every figure is one Insights already defines (insights.metrics):
- applications sent: the cohort of the last seven days (`period.cohort`: by date applied,
  archived ones included);
- the goal: the user's own weekly goal, else this week's pace of the open plans' "widen the
  net" goals (`activity.activity`'s `Week.goal`);
- a hard stretch (`is_hard`), any of:
  - HARD_REJECTIONS or more rejections in the last HARD_REJECTION_DAYS days (the timeline's
    changes into Rejected, as Insights' wellbeing events count them),
  - a low mood: Insights' own note (`wellbeing.low_mood`: at least 3 journal entries in the
    last 14 days, averaging 2 of 5 or lower),
  - HARD_UNANSWERED or more of the applications sent in the last HARD_UNANSWERED_DAYS days
    without an answer (`responses.at_a_glance`: applied minus heard back).
"""

import datetime as dt
import math
from dataclasses import dataclass, field
from typing import Any

from django.conf import settings
from django.urls import reverse
from django.utils import timezone
from django.utils.translation import gettext as _
from django.utils.translation import ngettext

from applications.models import StatusChange
from applications.pipeline import Status
from coping.models import CopingPlan, PlanStep, Step
from coping.reminder_kinds import KINDS as COPING_KINDS
from insights.metrics.activity import activity
from insights.metrics.period import Period, cohort
from insights.metrics.responses import at_a_glance
from insights.metrics.wellbeing import LOW_MOOD, LOW_MOOD_DAYS, LOW_MOOD_ENTRIES, wellbeing
from interviews.models import Interview
from rebound.lib.localtime import local_today, utc_bounds
from rebound.models import User
from reminders.kinds import label_of, load_subjects, registered
from reminders.models import Reminder

from .models import WeeklyLetter

DAYS = 7  # the week behind, and the week ahead
HARD_REJECTIONS = 2
HARD_REJECTION_DAYS = 14
HARD_UNANSWERED = 10
HARD_UNANSWERED_DAYS = 21
SHOWN = 10  # interviews and check-ins listed; the rest are counted
# The rule in numbers, for the settings page to say it.
HARD_RULE = {
    "rejections": HARD_REJECTIONS,
    "rejection_days": HARD_REJECTION_DAYS,
    "mood_entries": LOW_MOOD_ENTRIES,
    "mood_days": LOW_MOOD_DAYS,
    "low_mood": LOW_MOOD,
    "unanswered": HARD_UNANSWERED,
    "unanswered_days": HARD_UNANSWERED_DAYS,
}


@dataclass
class CheckIn:
    label: str
    about: str
    day: dt.date


@dataclass
class Letter:
    today: dt.date
    since: dt.date  # the first of the last seven days
    applied: int
    goal: float | None  # applications a week
    goal_is_own: bool
    interviews: list[Interview]
    more_interviews: bool
    check_ins: list[CheckIn]
    more_check_ins: bool
    rejections: int  # in the last HARD_REJECTION_DAYS days
    low_mood: float | None
    unanswered: int  # of the last HARD_UNANSWERED_DAYS days' applications
    plan: CopingPlan | None = None
    next_step: str = ""  # the open plan's first step still to do (a Step value)
    reasons: list[str] = field(default_factory=list)

    @property
    def is_hard(self) -> bool:
        return bool(self.reasons)

    @property
    def goal_met(self) -> bool:
        return self.goal is not None and self.applied >= self.goal

    @property
    def to_goal(self) -> int:
        """Applications still to send to meet the goal (rounded up)."""
        if self.goal is None:
            return 0
        return max(0, math.ceil(self.goal - self.applied))

    @property
    def next_step_label(self) -> str:
        return str(Step(self.next_step).label) if self.next_step else ""


def hard_reasons(*, rejections: int, low_mood: float | None, unanswered: int) -> list[str]:
    """Why the last weeks were hard, one sentence part each (none: they weren't)."""
    reasons = []
    if rejections >= HARD_REJECTIONS:
        reasons.append(
            ngettext(
                "%(n)d rejection in the last two weeks",
                "%(n)d rejections in the last two weeks",
                rejections,
            )
            % {"n": rejections}
        )
    if low_mood is not None:
        reasons.append(_("low moods in your journal"))
    if unanswered >= HARD_UNANSWERED:
        reasons.append(
            ngettext(
                "%(n)d application from the last three weeks still without an answer",
                "%(n)d applications from the last three weeks still without an answer",
                unanswered,
            )
            % {"n": unanswered}
        )
    return reasons


def _goal(letter: WeeklyLetter, user: User, today: dt.date) -> tuple[float | None, bool]:
    if letter.goal:
        return float(letter.goal), True
    week = activity(user, Period(today, today, ""))[-1]
    return week.goal, False


def _check_ins(user: User, today: dt.date) -> tuple[list[CheckIn], bool]:
    rows = list(
        Reminder.objects.filter(
            owner=user,
            kind__in=[k.name for k in COPING_KINDS],
            status__in=Reminder.OPEN,
            local_date__gte=today,
            local_date__lt=today + dt.timedelta(days=DAYS),
        )
        .order_by("local_date", "pk")
        .only("kind", "subject_id", "local_date")[: SHOWN + 1]
    )
    subjects = load_subjects([(r.kind, r.subject_id) for r in rows], for_email=False)
    declared = registered()
    found = [
        CheckIn(label_of(r.kind), declared[r.kind].describe(subject), r.local_date)
        for r in rows[:SHOWN]
        if (subject := subjects.get((r.kind, r.subject_id))) is not None
    ]
    return found, len(rows) > SHOWN


def _open_plan(user: User) -> tuple[CopingPlan | None, str]:
    """The newest open plan and its first step still to do, in the plan's order."""
    plan = (
        CopingPlan.objects.filter(owner=user, closed_at__isnull=True)
        .select_related("application__company")
        .order_by("closed_at", "-opened_on", "-pk")
        .first()
    )
    if plan is None:
        return None, ""
    to_do = set(
        PlanStep.objects.filter(plan=plan, state=PlanStep.State.TODO).values_list("step", flat=True)
    )
    return plan, next((s.value for s in Step if s.value in to_do), "")


def letter_for(user: User, letter: WeeklyLetter | None = None) -> Letter:
    """This week's letter of `user` as it would be sent now."""
    letter = letter or WeeklyLetter(user=user)
    today = local_today(user)
    since = today - dt.timedelta(days=DAYS - 1)
    applied = cohort(user, Period(since, today, "")).count()
    goal, own = _goal(letter, user, today)
    upper = utc_bounds(today, today + dt.timedelta(days=DAYS - 1), user)[1]
    interviews = list(
        Interview.objects.filter(owner=user, starts_at__gte=timezone.now(), starts_at__lt=upper)
        .select_related("application__company")
        .order_by("starts_at", "pk")[: SHOWN + 1]
    )
    check_ins, more_check_ins = _check_ins(user, today)
    rejections = StatusChange.objects.filter(
        application__owner=user,
        to_status=Status.REJECTED,
        changed_on__gt=today - dt.timedelta(days=HARD_REJECTION_DAYS),
        changed_on__lte=today,
    ).count()
    low_mood = wellbeing(
        user, Period(today - dt.timedelta(days=LOW_MOOD_DAYS - 1), today, "")
    ).low_mood
    recent = at_a_glance(
        user, Period(today - dt.timedelta(days=HARD_UNANSWERED_DAYS - 1), today, "")
    )
    unanswered = recent.applied - recent.heard_back
    result = Letter(
        today=today,
        since=since,
        applied=applied,
        goal=goal,
        goal_is_own=own,
        interviews=interviews[:SHOWN],
        more_interviews=len(interviews) > SHOWN,
        check_ins=check_ins,
        more_check_ins=more_check_ins,
        rejections=rejections,
        low_mood=low_mood,
        unanswered=unanswered,
        reasons=hard_reasons(rejections=rejections, low_mood=low_mood, unanswered=unanswered),
    )
    if result.is_hard:
        result.plan, result.next_step = _open_plan(user)
    return result


def letter_context(letter: WeeklyLetter) -> dict[str, Any]:
    """The email's context (reminder kind) and the preview's."""
    user = letter.user
    content = letter_for(user, letter)
    step_url = ""
    if content.plan is not None:
        path = (
            reverse("coping:plan_step", args=[content.plan.pk, content.next_step])
            if content.next_step
            else content.plan.get_absolute_url()
        )
        step_url = settings.SITE_URL + path
    return {
        "letter": content,
        "reasons": _listed(content.reasons),
        "step_url": step_url,
        "settings_url": settings.SITE_URL + reverse("weekly:settings"),
        "insights_url": settings.SITE_URL + reverse("insights:insights"),
    }


def _listed(parts: list[str]) -> str:
    if len(parts) < 2:
        return "".join(parts)
    return _("%(items)s and %(last)s") % {"items": ", ".join(parts[:-1]), "last": parts[-1]}
