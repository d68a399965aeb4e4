"""The timeline rollup (insights.models.TimelineRollup) is kept by PostgreSQL triggers in the
same statement as each change: whatever is written to the timelines and the dates applied,
however many rows at once, each application's row says what its timeline says, worked out
here in Python from the rows themselves. And Insights counts the same from it as from the
timeline (the path SQLite takes)."""

import datetime as dt
from unittest import mock

import pytest
from django.db import connection
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from applications.models import Application, StatusChange
from applications.pipeline import Status
from insights.metrics.funnel import funnel
from insights.metrics.period import Period
from insights.metrics.responses import responsiveness
from insights.models import TimelineRollup
from tests.factories import ApplicationFactory, CompanyFactory, UserFactory

pytestmark = pytest.mark.django_db

STATUSES = list(Status.values)
# Written out, not imported: the triggers' SQL and the pipeline must agree by their values.
RANK = {"applied": 1, "screening": 2, "interviewing": 3, "offer": 4, "accepted": 5}
ANSWERS = {"screening", "interviewing", "offer", "accepted", "rejected"}
EXITS = {"rejected", "withdrawn", "ghosted"}
EVENTS = {"rejected", "offer"}  # the wellbeing chart's (insights.0004: first and last day)
D0 = dt.date(2026, 1, 1)


def expected(application: Application) -> tuple:
    """What the rollup row must say, from the application's status changes and the
    application as stored."""
    changes = list(
        StatusChange.objects.filter(application=application).values_list(
            "from_status", "to_status", "changed_on"
        )
    )
    applied, owner, source, company = Application.objects.values_list(
        "date_applied", "owner_id", "source", "company_id"
    ).get(pk=application.pk)
    answers = [
        on for _, to, on in changes if to in ANSWERS and applied is not None and on >= applied
    ]
    events = [on for _, to, on in changes if to in EVENTS]
    return (
        max((RANK.get(to, 0) for _, to, _ in changes), default=0),
        min(answers, default=None),
        any(to == "ghosted" for _, to, _ in changes),
        {f"{f}>{to}" for f, to, _ in changes if to in EXITS},
        (owner, applied, source, company),
        (min(events, default=None), max(events, default=None)),
    )


def stored(application: Application) -> tuple:
    row = TimelineRollup.objects.get(application_id=application.pk)
    return (
        row.top_rank,
        row.first_answer_on,
        row.ghosted,
        set(row.exits.split()),
        (row.owner_id, row.date_applied, row.source, row.company_id),
        (row.first_event_on, row.last_event_on),
    )


def day(n: int) -> dt.date:
    return D0 + dt.timedelta(days=n)


def change(
    what: str, application: Application, apps: list[Application], to: str, from_: str, offset: int
) -> bool:
    """One step of a random history to a timeline or its application, written behind the
    services' back; False for a step this doesn't know (the caller's own)."""
    if what == "add":
        StatusChange.objects.create(
            application=application, from_status=from_, to_status=to, changed_on=day(offset)
        )
    elif what == "add many":  # one statement for every application
        StatusChange.objects.bulk_create(
            StatusChange(application=a, from_status=from_, to_status=to, changed_on=day(offset))
            for a in apps
        )
    elif what == "correct":
        StatusChange.objects.filter(
            pk__in=StatusChange.objects.filter(application=application).order_by("pk")[:1]
        ).update(to_status=to, changed_on=day(offset))
    elif what == "remove":
        StatusChange.objects.filter(
            pk__in=StatusChange.objects.filter(application=application).order_by("-pk")[:1]
        ).delete()
    elif what == "redate":  # a new date applied moves which answers count
        Application.objects.filter(pk=application.pk).update(date_applied=day(offset))
    elif what == "undate":
        Application.objects.filter(pk=application.pk).update(date_applied=None)
    elif what == "resource":  # what the row copies follows the application
        Application.objects.filter(pk=application.pk).update(source=["", "referral"][offset % 2])
    else:
        return False
    return True


# One step of a random history: (what, which application, a status, another, a day offset).
steps = st.lists(
    st.tuples(
        st.sampled_from(
            ["add", "add many", "correct", "remove", "redate", "undate", "resource", "move"]
        ),
        st.integers(0, 2),
        st.sampled_from(STATUSES),
        st.sampled_from(["", *STATUSES]),
        st.integers(-5, 40),
    ),
    min_size=1,
    max_size=12,
)


@pytest.mark.skipif(connection.vendor != "postgresql", reason="the triggers are PostgreSQL's")
@settings(max_examples=60, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(history=steps)
def test_every_row_says_what_its_timeline_says(history):
    user = UserFactory()
    company = CompanyFactory(owner=user)
    apps = [ApplicationFactory(owner=user, company=company, date_applied=day(10)) for _ in range(3)]
    other = CompanyFactory(owner=user)
    # A new application has its row at once (the factory gives it its first move).
    assert [stored(a) for a in apps] == [expected(a) for a in apps]
    for what, which, to, from_, offset in history:
        application = apps[which]
        if not change(what, application, apps, to, from_, offset):
            Application.objects.filter(pk=application.pk).update(
                company=[company, other][offset % 2]
            )
        for a in apps:
            assert stored(a) == expected(a), (what, a.pk)
    # Gone with its application, whatever removed it.
    ids = [a.pk for a in apps]
    apps[0].delete()
    Application.objects.filter(pk=ids[1]).delete()
    assert list(TimelineRollup.objects.filter(pk__in=ids).values_list("pk", flat=True)) == ids[2:]
    user.delete()
    assert not TimelineRollup.objects.filter(pk__in=ids).exists()


@pytest.mark.skipif(connection.vendor != "postgresql", reason="the triggers are PostgreSQL's")
def test_insights_counts_the_same_from_the_rollup_as_from_the_timeline():
    user = UserFactory()
    company = CompanyFactory(owner=user)
    histories = [
        [("", "applied", 0), ("applied", "screening", 3), ("screening", "rejected", 9)],
        [("", "applied", 0), ("applied", "ghosted", 30), ("ghosted", "rejected", 34)],
        [("", "wishlist", -4), ("wishlist", "rejected", 2)],
        [("", "applied", 0), ("applied", "interviewing", 5), ("interviewing", "offer", 8)],
        [
            ("", "applied", 0),
            ("applied", "rejected", 4),
            ("rejected", "screening", 6),
            ("screening", "rejected", 12),
            ("applied", "rejected", 13),
        ],
        [("", "applied", 0), ("applied", "screening", -2)],  # before the date applied
        [],
    ]
    for i, history in enumerate(histories):
        application = ApplicationFactory(
            owner=user, company=company, date_applied=day(10), source=["", "referral"][i % 2]
        )
        StatusChange.objects.bulk_create(
            StatusChange(
                application=application, from_status=f, to_status=t, changed_on=day(10 + o)
            )
            for f, t, o in history
        )
    period = Period(day(0), day(60), "")

    def counted():
        f, r = funnel(user, period), responsiveness(user, period)
        return (
            f.applied,
            f.reached,
            f.exits,
            [(name, x.applied, x.heard_back, x.ghosted, sorted(x.days)) for name, x in r.by_source],
        )

    from_rollup = counted()
    with mock.patch.object(connection, "vendor", "sqlite"):
        from_timeline = counted()
    assert from_rollup == from_timeline
    # And by hand, numbering the histories from 0: 7 applied; screening reached by 0, 3, 4 and
    # 5 (answered before its date applied, it still got there); interviewing and offer by 3;
    # the exits: rejected from screening (0 and 4, once each however often 4 made it), from
    # applied (4; 2, from wishlist; 1, from ghosted: both count as from applied), ghosted
    # from applied (1).
    assert from_rollup[:3] == (
        7,
        {"screening": 4, "interviewing": 1, "offer": 1, "accepted": 0},
        {"rejected": {"screening": 2, "applied": 3}, "withdrawn": {}, "ghosted": {"applied": 1}},
    )


@pytest.mark.skipif(connection.vendor != "postgresql", reason="the triggers are PostgreSQL's")
@pytest.mark.django_db(transaction=True)
def test_two_transactions_changing_one_timeline_at_once_both_count():
    """The second waits for the first (the trigger locks the application), then reads what
    it committed: without that, its row, computed from a snapshot that lacked the first's
    offer, would have been written over it."""
    import threading
    import time

    from django.db import connections, transaction

    application = ApplicationFactory(date_applied=day(0))
    first_in = threading.Event()

    def move(to_status: str, on: dt.date, first: bool) -> None:
        """The first moves and holds its transaction open; the second moves meanwhile."""
        if not first:
            first_in.wait()
        with transaction.atomic():
            StatusChange.objects.create(
                application_id=application.pk, from_status="applied", to_status=to_status,
                changed_on=on,
            )  # fmt: skip
            if first:
                first_in.set()
                time.sleep(0.5)  # the second is waiting on the application's lock meanwhile
        connections.close_all()

    # The data version's trigger serialises the two as well, but only because it happens to
    # fire first (PostgreSQL orders a table's triggers by name): moved after the rollup's,
    # the rollup's own lock is what is tested.
    bump, later = "applications_statuschange_insert_bumps_version", "zz_bumps_version_later"
    with connection.cursor() as cursor:
        cursor.execute(f"ALTER TRIGGER {bump} ON applications_statuschange RENAME TO {later}")
    try:
        threads = [
            threading.Thread(target=move, args=("offer", day(5), True)),
            threading.Thread(target=move, args=("screening", day(3), False)),
        ]
        for thread in threads:
            thread.start()
        for thread in threads:
            thread.join()
    finally:
        with connection.cursor() as cursor:
            cursor.execute(f"ALTER TRIGGER {later} ON applications_statuschange RENAME TO {bump}")
    assert stored(application)[:2] == (4, day(3))  # the offer's rank, the screening's day
    assert stored(application) == expected(application)
