"""The letter's figures, against a history built by hand: Alice lives in Berlin, and it is
Wednesday 10 March 2027, 13:00 there."""

import datetime as dt

import pytest
import time_machine

from applications.pipeline import Status
from coping.services import journal_entry_create, net_goal_set
from tests.factories import ApplicationFactory, CompanyFactory, InterviewFactory, reject
from weekly.letter import letter_context, letter_for
from weekly.models import WeeklyLetter

pytestmark = [pytest.mark.django_db, pytest.mark.frozen("2027-03-10 12:00Z")]

TODAY = dt.date(2027, 3, 10)
UTC = dt.UTC


def applied(user, *days, status=Status.APPLIED):
    company = CompanyFactory(owner=user)
    return [ApplicationFactory(company=company, status=status, status_changed_on=d) for d in days]


def test_it_counts_the_last_seven_days_against_the_goal_and_lists_what_is_ahead(alice):
    days = [dt.date(2027, 3, d) for d in (3, 4, 6, 10, 10)]
    applied(alice, *days)
    since = TODAY - dt.timedelta(days=6)  # Thursday 4 March
    expected = sum(1 for d in days if since <= d <= TODAY)
    assert expected == 4
    # Ahead: from now to the end of Tuesday 16 March in Berlin (23:00 UTC).
    app = applied(alice, dt.date(2027, 2, 1), status=Status.INTERVIEWING)[0]
    inside = [
        dt.datetime(2027, 3, 10, 18, tzinfo=UTC),
        dt.datetime(2027, 3, 16, 22, 30, tzinfo=UTC),  # 23:30 on the Tuesday in Berlin
    ]
    outside = [
        dt.datetime(2027, 3, 10, 11, tzinfo=UTC),  # an hour ago
        dt.datetime(2027, 3, 16, 23, 30, tzinfo=UTC),  # 00:30 on Wednesday 17 in Berlin
    ]
    for at in inside + outside:
        InterviewFactory(application=app, starts_at=at)
    # One rejection on Saturday 6 March: its plan's check-in is a week later, Saturday 13.
    with time_machine.travel(dt.datetime(2027, 3, 6, 12, tzinfo=UTC), tick=False):
        reject(applied(alice, dt.date(2027, 2, 1))[0], on=dt.date(2027, 3, 6))
    letter = WeeklyLetter(user=alice, goal=5)

    content = letter_for(alice, letter)

    assert content.since == since
    assert content.applied == expected
    assert (content.goal, content.goal_is_own, content.to_goal) == (5, True, 5 - expected)
    assert [i.starts_at for i in content.interviews] == inside
    assert [(c.day, c.label) for c in content.check_ins] == [
        (dt.date(2027, 3, 13), "Coping check-in")
    ]
    assert content.rejections == 1 and not content.is_hard


def test_without_a_goal_of_its_own_it_follows_the_open_plans_pace(alice):
    plan = reject(applied(alice, dt.date(2027, 2, 1))[0], on=dt.date(2027, 3, 8))
    net_goal_set(plan=plan, target=6, weeks=2)  # three a week, as Insights counts the pace
    applied(alice, TODAY)

    content = letter_for(alice, WeeklyLetter(user=alice))

    assert (content.goal, content.goal_is_own) == (6 / 2, False)
    assert content.to_goal == 3 - 1


def test_a_goal_met_says_so(alice):
    applied(alice, TODAY, TODAY)
    content = letter_for(alice, WeeklyLetter(user=alice, goal=2))
    assert content.goal_met and content.to_goal == 0
    assert WeeklyLetter(user=alice).goal is None
    assert letter_for(alice, WeeklyLetter(user=alice)).goal is None


# --- the hard-week rule, on both sides of each threshold -------------------------------------


@pytest.mark.parametrize(
    ("days_ago", "hard"),
    [((0, 14), False), ((0, 13), True), ((5,), False), ((1, 2, 3), True)],
)
def test_two_rejections_in_fourteen_days_make_it_hard(alice, days_ago, hard):
    for ago in days_ago:
        reject(applied(alice, dt.date(2027, 1, 4))[0], on=TODAY - dt.timedelta(days=ago))
    content = letter_for(alice)
    assert content.rejections == sum(1 for ago in days_ago if ago <= 13)
    assert content.is_hard is hard


@pytest.mark.parametrize(
    ("moods", "hard"),
    [((2, 2, 2), True), ((2, 2, 3), False), ((1, 1), False), ((1, 2, 3, 1), True)],
)
def test_low_moods_make_it_hard_as_insights_notes_them(alice, moods, hard):
    # Insights' note: at least three entries in the last 14 days, averaging 2 of 5 or less.
    for i, mood in enumerate(moods):
        journal_entry_create(
            owner=alice, mood=mood, text="…", written_on=TODAY - dt.timedelta(days=i)
        )
    content = letter_for(alice)
    assert (content.low_mood is not None) is hard
    assert content.is_hard is hard


@pytest.mark.parametrize(("count", "hard"), [(9, False), (10, True)])
def test_ten_applications_without_an_answer_in_three_weeks_make_it_hard(alice, count, hard):
    applied(alice, *[TODAY - dt.timedelta(days=i % 21) for i in range(count)])
    applied(alice, TODAY - dt.timedelta(days=21))  # a day too early to count
    answered = applied(alice, TODAY - dt.timedelta(days=3), status=Status.SCREENING)
    content = letter_for(alice)
    assert content.unanswered == count
    assert len(answered) == 1
    assert content.is_hard is hard


def test_a_hard_week_offers_the_plans_next_step_instead_of_the_goal(alice, settings):
    for ago in (4, 2):
        plan = reject(applied(alice, dt.date(2027, 1, 4))[0], on=TODAY - dt.timedelta(days=ago))
    content = letter_for(alice, WeeklyLetter(user=alice, goal=5))
    assert content.is_hard
    assert content.plan is not None and content.plan.pk == plan.pk  # the newest open one
    assert content.next_step == "reflect"  # its first step still to do
    context = letter_context(WeeklyLetter(user=alice, goal=5))
    assert context["step_url"] == f"{settings.SITE_URL}/coping/plans/{plan.pk}/reflect/"
    assert context["reasons"] == "2 rejections in the last two weeks"
