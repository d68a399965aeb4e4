"""The self-assessments' rollup (insights.models.AssessmentRollup) is kept by PostgreSQL triggers
in the same statement as each change: whatever is written to the assessments and to their
interviews, however many rows at once, each assessment's row says what the assessment and its
interview say, read here the long way. And Insights counts the same from it as from the join
of the interviews (the path SQLite takes)."""

import datetime as dt
import threading
import time
from unittest import mock

import pytest
from django.db import connection, connections, transaction
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from insights.metrics import assessments
from insights.metrics.period import Period
from insights.models import AssessmentRollup, AssessmentTally
from interviews.models import RATING_FIELDS, Interview, SelfAssessment
from tests.factories import (
    ApplicationFactory,
    InterviewFactory,
    SelfAssessmentFactory,
    UserFactory,
)

pytestmark = [
    pytest.mark.django_db,
    pytest.mark.skipif(connection.vendor != "postgresql", reason="the triggers are PostgreSQL's"),
]

T0 = dt.datetime(2026, 3, 1, 9, 0, tzinfo=dt.UTC)
ROUNDS = [r.value for r in Interview.Round]


def expected() -> set[tuple]:
    """Every assessment with its interview's owner, start and round, from the tables."""
    return {
        (
            a.pk,
            a.interview.owner_id,
            a.interview.starts_at,
            a.interview.round_type,
            *(getattr(a, name) for name in RATING_FIELDS),
        )
        for a in SelfAssessment.objects.select_related("interview")
    }


def stored() -> set[tuple]:
    return set(
        AssessmentRollup.objects.values_list(
            "assessment_id", "owner_id", "starts_at", "round_type", *RATING_FIELDS
        )
    )


def tallied_by_hand() -> dict[tuple, tuple]:
    """The assessments per owner, round and UTC month of the interview's start: how many and
    each rating's sum (insights.models.AssessmentTally), from the tables."""
    counts: dict[tuple, list[int]] = {}
    for _, owner, starts_at, round_type, *ratings in expected():
        utc = starts_at.astimezone(dt.UTC)
        month = dt.datetime(utc.year, utc.month, 1, tzinfo=dt.UTC)
        sums = counts.setdefault((owner, round_type, month), [0] * (1 + len(ratings)))
        for i, value in enumerate([1, *ratings]):
            sums[i] += value
    return {key: tuple(sums) for key, sums in counts.items()}


def tallied() -> dict[tuple, tuple]:
    return {
        (owner, round_type, month): tuple(sums)
        for owner, round_type, month, *sums in AssessmentTally.objects.values_list(
            "owner_id", "round_type", "month", "n", *RATING_FIELDS
        )
    }


def at(hours: int) -> dt.datetime:
    return T0 + dt.timedelta(hours=hours)


WHAT = ["assess", "assess many", "rerate", "rerate all", "unassess", "move", "reround"]
WHAT += ["move all", "note", "drop interview"]
# One step of a random history: (what, which interview, a round, a rating, an hour offset).
steps = st.lists(
    st.tuples(
        st.sampled_from(WHAT),
        st.integers(0, 3),
        st.sampled_from(ROUNDS),
        st.integers(1, 5),
        st.integers(-200, 200),
    ),
    min_size=1,
    max_size=12,
)


@settings(max_examples=60, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(history=steps)
def test_every_row_says_what_its_assessment_and_interview_say(history):
    users = [UserFactory(), UserFactory()]
    interviews = [
        InterviewFactory(application=ApplicationFactory(owner=users[i % 2]), starts_at=at(i))
        for i in range(4)
    ]
    SelfAssessmentFactory(interview=interviews[0])
    assert stored() == expected()
    dropped: set[int] = set()
    for what, which, round_type, rating, hours in history:
        interview = interviews[which]
        if which in dropped and what in {"assess", "drop interview"}:
            continue  # nothing to assess or drop any more
        if what == "assess":
            if not SelfAssessment.objects.filter(interview=interview).exists():
                SelfAssessmentFactory(interview=interview, confidence=rating)
        elif what == "assess many":  # one statement for every interview without one
            SelfAssessment.objects.bulk_create(
                SelfAssessment(interview=i, **dict.fromkeys(RATING_FIELDS, rating))
                for i in Interview.objects.filter(assessment__isnull=True)
            )
        elif what == "rerate":
            SelfAssessment.objects.filter(interview=interview).update(rapport=rating)
        elif what == "rerate all":
            SelfAssessment.objects.update(preparation=rating)
        elif what == "unassess":
            SelfAssessment.objects.filter(interview=interview).delete()
        elif what == "move":
            Interview.objects.filter(pk=interview.pk).update(
                starts_at=at(hours), ends_at=at(hours + 1)
            )
        elif what == "reround":
            Interview.objects.filter(pk=interview.pk).update(round_type=round_type)
        elif what == "move all":
            Interview.objects.update(starts_at=at(hours), ends_at=at(hours + 1))
        elif what == "note":  # what the rollup doesn't copy changes nothing in it
            Interview.objects.filter(pk=interview.pk).update(preparation_notes=f"note {hours}")
        else:
            Interview.objects.filter(pk=interview.pk).delete()
            dropped.add(which)
        assert stored() == expected(), what
        # And the months' tallies count them (the hours cross from February into March).
        assert tallied() == tallied_by_hand(), what
    # Gone with their assessments, whatever removed them.
    gone = users[0].pk
    users[0].delete()
    assert stored() == expected()
    assert tallied() == tallied_by_hand()
    assert not AssessmentRollup.objects.filter(owner_id=gone).exists()
    assert not AssessmentTally.objects.filter(owner_id=gone).exists()


def test_a_saved_assessment_and_interview_move_their_row():
    """Through the models' save(), as the pages and the API write them."""
    assessment = SelfAssessmentFactory(interview__starts_at=at(0), interview__round_type="final")
    interview = assessment.interview
    interview.starts_at, interview.ends_at = at(30), at(31)
    interview.save()
    assessment.confidence = 1
    assessment.save()
    row = AssessmentRollup.objects.get(pk=assessment.pk)
    assert (row.owner_id, row.starts_at, row.round_type, row.confidence) == (
        interview.owner_id,
        at(30),
        "final",
        1,
    )
    interview.delete()
    assert not AssessmentRollup.objects.exists()


def test_insights_counts_the_same_from_the_rollup_as_from_the_interviews():
    user = UserFactory()
    application = ApplicationFactory(owner=user)
    # Five in time order, rated 1 to 5 in every rating; two rounds; one outside the period.
    for n, round_type in enumerate(["phone_screen", "technical", "technical", "final", "final"]):
        SelfAssessmentFactory(
            interview=InterviewFactory(
                application=application, starts_at=at(24 * n), round_type=round_type
            ),
            **dict.fromkeys(RATING_FIELDS, n + 1),
        )
    SelfAssessmentFactory(interview=InterviewFactory(application=application, starts_at=at(-240)))
    SelfAssessmentFactory()  # another user's
    period = Period(T0.date(), T0.date() + dt.timedelta(days=30), "")
    from_rollup = assessments.assessments(user, period)
    with mock.patch.object(connection, "vendor", "sqlite"):
        from_interviews = assessments.assessments(user, period)
    assert from_rollup == from_interviews
    # By hand: five counted; the earlier half is the first two (1 and 2: 1.5), the later the
    # other three (3, 4, 5: 4); technical were rated 2 and 3 (2.5), final 4 and 5 (4.5).
    assert from_rollup.count == 5
    assert from_rollup.trend == dict.fromkeys(RATING_FIELDS, (1.5, 4.0))
    by_round = {str(k): v for k, v in from_rollup.by_round.items()}
    assert by_round["Technical"] == dict.fromkeys(RATING_FIELDS, 2.5)
    assert by_round["Final"] == dict.fromkeys(RATING_FIELDS, 4.5)
    assert [p.ratings["confidence"] for p in from_rollup.points] == [1, 2, 3, 4, 5]
    # All time takes the one before the period too.
    assert assessments.assessments(user, Period(None, period.end, "")).count == 6


@pytest.mark.django_db(transaction=True)
def test_a_move_and_a_new_rating_at_once_both_count():
    """The rating's trigger waits for the move's transaction (it locks the interview), then
    reads what it committed: without that, its row, computed from a snapshot that lacked the
    new start, would have been written over the move's."""
    assessment = SelfAssessmentFactory(interview__starts_at=at(0))
    interview_id = assessment.interview_id
    first_in = threading.Event()

    def move() -> None:
        with transaction.atomic():
            Interview.objects.filter(pk=interview_id).update(starts_at=at(48), ends_at=at(49))
            first_in.set()
            time.sleep(0.5)  # the rating is waiting on the interview's lock meanwhile
        connections.close_all()

    def rate() -> None:
        first_in.wait()
        SelfAssessment.objects.filter(pk=assessment.pk).update(confidence=1)
        connections.close_all()

    threads = [threading.Thread(target=move), threading.Thread(target=rate)]
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join()
    row = AssessmentRollup.objects.get(pk=assessment.pk)
    assert (row.starts_at, row.confidence) == (at(48), 1)
    assert stored() == expected()
    assert tallied() == tallied_by_hand()


def test_all_time_splits_its_halves_in_the_month_they_meet():
    """All time reads the months' tallies and only the month where the halves meet row by row
    (assessments._summary_all_time); an assessment after the period's end is in a tally but
    not in the period."""
    user = UserFactory()
    application = ApplicationFactory(owner=user)
    starts = [
        dt.datetime(2026, 1, 10, 9, tzinfo=dt.UTC),
        dt.datetime(2026, 2, 5, 9, tzinfo=dt.UTC),
        dt.datetime(2026, 2, 20, 9, tzinfo=dt.UTC),
        dt.datetime(2026, 3, 1, 9, tzinfo=dt.UTC),
        dt.datetime(2026, 4, 2, 9, tzinfo=dt.UTC),
        dt.datetime(2026, 5, 2, 9, tzinfo=dt.UTC),  # after the period's end
    ]
    for n, starts_at in enumerate(starts):
        SelfAssessmentFactory(
            interview=InterviewFactory(
                application=application, starts_at=starts_at, round_type="technical"
            ),
            **dict.fromkeys(RATING_FIELDS, min(n + 1, 5)),
        )
    period = Period(None, dt.date(2026, 4, 30), "")
    from_tallies = assessments.assessments(user, period)
    with mock.patch.object(connection, "vendor", "sqlite"):
        assert from_tallies == assessments.assessments(user, period)
    # By hand: five in the period; the earlier half is the first two (January's 1 and the
    # first of February's, 2: 1.5), the later the other three (3, 4, 5: 4); the halves meet
    # in February, between its two.
    assert from_tallies.count == 5
    assert from_tallies.trend == dict.fromkeys(RATING_FIELDS, (1.5, 4.0))
    assert {str(k): v for k, v in from_tallies.by_round.items()} == {
        "Technical": dict.fromkeys(RATING_FIELDS, 3.0)
    }
    # One assessment in the period: no earlier half.
    only = Period(None, dt.date(2026, 1, 31), "")
    assert assessments._summary_all_time(user, assessments.utc_bounds(None, only.end, user)[1]) == [
        ("technical", False, 1, *([1] * len(RATING_FIELDS)))
    ]
    # None: nothing.
    assert assessments._summary_all_time(user, dt.datetime(2025, 1, 1, tzinfo=dt.UTC)) == []
