"""Coping's reminders, as a worker asks for them: the reasons a reminder no longer applies
(`obsolete`) switch to the owner's language only when it is not the active one already, and
the check-in's steps still to do come loaded with a batch's plans as a plain list. Whatever
language is active, and however the plan was read, they say what they said before."""

from typing import Any

import pytest
from django.db import connection
from django.db.models import Prefetch
from django.test.utils import CaptureQueriesContext
from django.utils import translation

from applications.pipeline import Status
from coping import reminder_kinds
from coping.models import CopingPlan, FeedbackRequest, FollowUp, PlanStep, Step
from coping.reminder_kinds import COPING_CHECK_IN, FEEDBACK_CHASE, KEEP_IN_TOUCH
from rebound.lib.language import in_language_of
from rebound.models import User
from reminders import kinds

pytestmark = pytest.mark.django_db

OBSOLETE = [KEEP_IN_TOUCH, COPING_CHECK_IN, FEEDBACK_CHASE]


def _states(plan: CopingPlan) -> list[str]:
    """The plan taken through every state an `obsolete` tells apart; returns what each kind
    said at each (read again from the database, as a batch reads it)."""
    said: list[str] = []

    def ask() -> None:
        for name in OBSOLETE:
            subject = kinds.load_subjects([(name, plan.pk)])[(name, plan.pk)]
            for active in [None, "en", "de"]:
                said.append(_asked(name, subject, active))

    ask()  # rejected, open, no feedback request
    FollowUp.objects.update_or_create(plan=plan, defaults={"interested": False})
    FeedbackRequest.objects.create(
        plan=plan, subject="Feedback?", body="Hello", status="sent", sent_on="2026-11-20"
    )
    ask()
    FeedbackRequest.objects.filter(plan=plan).update(status="received", received_on="2026-11-25")
    CopingPlan.objects.filter(pk=plan.pk).update(closed_at="2026-12-01T09:00Z")
    ask()
    FollowUp.objects.filter(plan=plan).update(interested=True)
    plan.application.status = Status.INTERVIEWING  # back in the process
    plan.application.save()
    ask()
    return said


def _asked(name: str, subject: Any, active: str | None) -> str:
    """What the kind says with `active` on (None: translations off), checked against what it
    said when it always switched to the owner's language; the active language left as it was."""
    with translation.override(active):
        with in_language_of(subject.owner):
            expected = str(kinds.get(name).obsolete(subject))
        got = str(kinds.get(name).obsolete(subject))
        assert translation.get_language() == active
    assert got == expected
    return got


@pytest.mark.parametrize("language", ["en", "de"])
def test_obsolete_says_the_same_in_the_owners_language_whatever_is_active(
    alice: User, plan: CopingPlan, language: str
) -> None:
    alice.language = language
    alice.save()
    said = _states(plan)
    assert "" in said
    english = {
        "You chose not to check in with them.",
        "The plan is closed.",
        "There is no feedback request.",
        "Their feedback has arrived.",
        "You are back in the process with Acme.",
    }
    if language == "en":
        assert english <= set(said)
    else:
        assert not english & set(said)
        assert len(set(said) - {""}) == len(english)


def test_obsolete_does_not_switch_to_the_language_already_active(
    alice: User, plan: CopingPlan, monkeypatch: pytest.MonkeyPatch
) -> None:
    alice.language = "de"
    alice.save()
    subject = kinds.load_subjects([(COPING_CHECK_IN, plan.pk)])[(COPING_CHECK_IN, plan.pk)]
    switched: list[Any] = []
    real = reminder_kinds.in_language_of

    def watched(user: Any) -> Any:
        switched.append(user)
        return real(user)

    monkeypatch.setattr(reminder_kinds, "in_language_of", watched)
    with translation.override("de"):
        for name in OBSOLETE:
            kinds.get(name).obsolete(subject)
    assert switched == []
    with translation.override("en"):
        kinds.get(COPING_CHECK_IN).obsolete(subject)
    assert switched == [subject.owner]


def _set_steps(plan: CopingPlan) -> None:
    PlanStep.objects.filter(plan=plan).delete()
    PlanStep.objects.bulk_create(
        [
            PlanStep(plan=plan, step=Step.REFLECT, state=PlanStep.State.DONE),
            PlanStep(plan=plan, step=Step.FEELINGS, state=PlanStep.State.TODO),
            PlanStep(plan=plan, step=Step.WIDEN, state=PlanStep.State.SKIPPED),
            PlanStep(plan=plan, step=Step.KEEP_IN_TOUCH, state=PlanStep.State.TODO),
            PlanStep(plan=plan, step=Step.LEGAL, state=PlanStep.State.TODO),
        ]
    )


@pytest.mark.frozen("2026-12-07 09:00Z")
@pytest.mark.parametrize("language", ["en", "de"])
def test_the_check_ins_steps_to_do_are_those_of_the_plan_read_any_way(
    alice: User, plan: CopingPlan, language: str
) -> None:
    alice.language = language
    alice.save()
    context = kinds.get(COPING_CHECK_IN).context
    for steps in ["as opened", "mixed", "none left"]:
        if steps == "mixed":
            _set_steps(plan)
        elif steps == "none left":
            PlanStep.objects.filter(plan=plan).update(state=PlanStep.State.DONE)
        loaded = kinds.load_subjects([(COPING_CHECK_IN, plan.pk)])[(COPING_CHECK_IN, plan.pk)]
        with CaptureQueriesContext(connection) as queries:
            from_batch = context(loaded)
        assert len(queries) == 0  # the steps came with the plan
        plain = CopingPlan.objects.get(pk=plan.pk)  # read without load_subjects
        assert not hasattr(plain, "todo_steps_loaded")
        assert from_batch == {**context(plain), "plan": loaded}
        expected = {
            s.step for s in PlanStep.objects.filter(plan=plan) if s.state == PlanStep.State.TODO
        }
        with translation.override(language):
            phrases = [str(p) for s, p in reminder_kinds.STEP_PHRASES.items() if s in expected]
        assert from_batch["steps_to_do"] == phrases
        if steps == "mixed":
            assert len(phrases) == 3
        if steps == "none left":
            assert phrases == [] and from_batch["steps_listed"] == ""
    # The kind's declared read is left as declared: no batch's plan kept in its hints.
    declared = kinds.get(COPING_CHECK_IN).prefetch_related[0]
    assert isinstance(declared, Prefetch) and declared.queryset is not None
    assert getattr(declared.queryset, "_hints") == {}  # noqa: B009 - private, unstubbed
