"""Home's wellbeing card, read in one raw query (coping.selectors.wellbeing), is the card the
querysets it replaced gave: every plan, goal, step count and mood, English and German."""

import datetime as dt
from typing import Any

import pytest
from django.db.models import QuerySet
from django.template.loader import render_to_string
from django.utils import translation

from applications.pipeline import Status
from coping import selectors, services
from coping.models import CopingPlan, JournalEntry, PlanStep, Step
from rebound.models import User
from tests.factories import ApplicationFactory, CompanyFactory, reject

TODAY = dt.datetime(2026, 12, 6, 12, tzinfo=dt.UTC)
pytestmark = [pytest.mark.django_db, pytest.mark.frozen(TODAY)]

HOSTILE = ["Fabrikam & <Co>", '<script>alert("x")</script>', "Müller & Söhne 'GmbH'"]


def _old_wellbeing(user: User) -> dict[str, Any]:
    """coping.selectors.wellbeing as it was, querysets and all."""
    open_plans = list(
        CopingPlan.objects.filter(owner=user, closed_at__isnull=True)
        .select_related("application__company", "net_goal")
        .prefetch_related("steps")
        .order_by("closed_at", "-opened_on", "-pk")[: selectors.HOME_PLANS + 1]
    )
    moods: QuerySet[JournalEntry, int] = (
        JournalEntry.objects.filter(owner=user)
        .order_by("-written_on", "-created_at")
        .values_list("mood", flat=True)
    )
    more_plans = len(open_plans) > selectors.HOME_PLANS
    open_plans = open_plans[: selectors.HOME_PLANS]
    goal = next((p.net_goal for p in open_plans if hasattr(p, "net_goal")), None)
    return {
        "open_plans": list(zip(open_plans, selectors.plan_counts(open_plans), strict=True)),
        "more_open_plans": more_plans,
        "latest_mood": moods.first(),
        "net_goal": goal,
        "net_goal_progress": services.net_goal_progress_query(goal).count() if goal else 0,
    }


def _card(context: dict[str, Any]) -> str:
    return render_to_string("home/_wellbeing.html", context)


def _same(user: User) -> str:
    for language in ("en", "de"):
        with translation.override(language):
            new, old = selectors.wellbeing(user), _old_wellbeing(user)
            assert _card(new) == _card(old)
            assert new["more_open_plans"] == old["more_open_plans"]
            assert [str(c) for _, c in new["open_plans"]] == [str(c) for _, c in old["open_plans"]]
    return _card(selectors.wellbeing(user))


def _plan(user: User, name: str, on: dt.date) -> CopingPlan:
    application = ApplicationFactory(
        company=CompanyFactory(owner=user, name=name), status=Status.INTERVIEWING
    )
    plan = reject(application, on=on)
    assert plan is not None
    return plan


def test_nothing_to_show_is_the_same(alice):
    assert _same(alice).strip() == ""


def test_a_mood_without_plans_is_the_same(alice):
    services.journal_entry_create(owner=alice, mood=2, text="", written_on=dt.date(2026, 12, 1))
    services.journal_entry_create(owner=alice, mood=4, text="", written_on=dt.date(2026, 12, 3))
    assert "4</span>/5" in _same(alice)


def test_plans_goals_steps_and_moods_are_the_same(alice, bob):
    plans = [_plan(alice, name, dt.date(2026, 11, 20 + i)) for i, name in enumerate(HOSTILE)]
    # Two on the same day: the newest id first, as before.
    twin = _plan(alice, "Zeta", dt.date(2026, 11, 22))
    card = _same(alice)
    assert "Fabrikam &amp; &lt;Co&gt;" not in card  # the oldest, the fourth: left out
    assert "All your plans" in card and "&lt;script&gt;" in card and "Zeta" in card

    # A goal on one plan, reached in part; another plan's steps moved along.
    services.net_goal_set(plan=plans[2], target=2, weeks=4)
    ApplicationFactory(company=CompanyFactory(owner=alice))
    services.plan_step_set(plan=twin, step=Step.FEELINGS, state=PlanStep.State.DONE)
    services.plan_step_set(plan=twin, step=Step.REFLECT, state=PlanStep.State.SKIPPED)
    services.plan_flag_legal(plan=twin)
    services.journal_entry_create(owner=alice, mood=3, text="", written_on=dt.date(2026, 12, 5))
    card = _same(alice)
    assert "1 of 2 new applications" in card

    # The goal reached: "Widen the net" counts as done.
    ApplicationFactory(company=CompanyFactory(owner=alice))
    assert "2 of 2 new applications" in _same(alice)

    # Closed plans drop out; three left, no link to the rest.
    services.plan_close(plan=twin)
    card = _same(alice)
    assert "All your plans" not in card and "Fabrikam &amp; &lt;Co&gt;" in card

    # Someone else's plans and moods are theirs alone.
    _plan(bob, "Bob's own", dt.date(2026, 12, 1))
    services.journal_entry_create(owner=bob, mood=1, text="", written_on=dt.date(2026, 12, 6))
    card = _same(alice)
    assert "Bob" not in card and "3</span>/5" in card
    assert "Bob&#x27;s own" in _same(bob)
