"""Bulk-inserted data for load: the delivery tests, the bench and the heavy demo."""

import datetime as dt
import random
from collections.abc import Sequence

from django.db import connection, transaction
from django.utils import timezone

from applications.models import Application, Company, Contact, StatusChange
from coping.models import CopingPlan, FollowUp, JournalEntry, PlanStep, Step
from coping.reminder_kinds import CHECK_IN_AFTER, COPING_CHECK_IN, KEEP_IN_TOUCH
from interviews.models import Interview, SelfAssessment
from interviews.reminder_kinds import THANK_YOU
from rebound.accounts.services import user_email_mark_verified
from rebound.lib.localtime import add_months, local_to_utc, local_today
from rebound.models import User
from reminders.kinds import scope_of
from reminders.models import Reminder


def due_check_ins(users: Sequence[User], n: int, due: dt.datetime) -> list[int]:
    """n coping check-ins due at `due`, each about its own real (rejected) application's plan,
    spread over the users; returns the reminders' ids. Consistent with every constraint."""
    # Named by their moment too: a second burst on the same users (`SCALE_REUSE=1 make
    # bench-scale`) makes companies of its own, not the first one's names again.
    companies = Company.objects.bulk_create(
        Company(owner=user, name=f"Bulk company {i} ({due:%Y-%m-%d %H:%M:%S})")
        for i, user in enumerate(users)
    )
    applications = Application.objects.bulk_create(
        Application(
            owner=users[i % len(users)],
            company=companies[i % len(users)],
            role=f"Role {i}",
            status="rejected",
            status_changed_on=due.date(),
        )
        for i in range(n)
    )
    changes = StatusChange.objects.bulk_create(
        StatusChange(
            application=a, from_status="applied", to_status="rejected", changed_on=due.date()
        )
        for a in applications
    )
    plans = CopingPlan.objects.bulk_create(
        CopingPlan(
            owner=a.owner, application=a, opened_by=c, reason="rejected", opened_on=due.date()
        )
        for a, c in zip(applications, changes, strict=True)
    )
    reminders = Reminder.objects.bulk_create(
        Reminder(
            owner=plan.owner,
            kind=COPING_CHECK_IN,
            subject_id=plan.pk,
            scope=scope_of(plan.application),
            local_date=due.date(),
            local_time=dt.time(9),
            timezone="UTC",
            due_at=due,
            run_at=due,
        )
        for plan in plans
    )
    return [r.pk for r in reminders]


HEAVY_SHAPE = {
    "applications": 5000,
    "companies": 400,
    "contacts": 1500,
    "interviews": 15000,
    "assessments": 3000,
    "plans": 400,
    "journal": 2000,
}
# Where a long search's applications stand, and the path each took to get there.
PATHS: list[tuple[float, list[str]]] = [
    (0.10, ["wishlist"]),
    (0.35, ["applied"]),
    (0.10, ["applied", "screening"]),
    (0.15, ["applied", "screening", "interviewing"]),
    (0.03, ["applied", "screening", "interviewing", "offer"]),
    (0.01, ["applied", "screening", "interviewing", "offer", "accepted"]),
    (0.16, ["applied", "screening", "interviewing", "rejected"]),
    (0.05, ["applied", "withdrawn"]),
    (0.05, ["applied", "ghosted"]),
]


def load_heavy(*, email: str, password: str, scale: float = 1.0) -> User:
    """One user with a very long search (HEAVY_SHAPE × scale), bulk-inserted, consistent with
    every constraint: each application's timeline leads to its status, plans open on real
    rejections, reminders are about real subjects."""
    rng = random.Random(42)
    shape = {k: max(1, int(v * scale)) for k, v in HEAVY_SHAPE.items()}
    with transaction.atomic():
        user = User.objects.create_user(
            email=email, password=password, first_name="Casey", timezone="Europe/Berlin"
        )
        # A made-up address nobody reads: confirmed, so it logs in and its reminders run.
        user_email_mark_verified(user=user)
        today = local_today(user)
        companies = Company.objects.bulk_create(
            Company(owner=user, name=f"Company {i:04d}") for i in range(shape["companies"])
        )
        kinds = [k.value for k in Contact.Kind]
        Contact.objects.bulk_create(
            Contact(
                owner=user,
                company=companies[i % len(companies)],
                name=f"Person {i:04d}",
                kind=kinds[i % len(kinds)],
            )
            for i in range(shape["contacts"])
        )
        paths = [path for share, path in PATHS for _ in range(round(share * 1000))]
        rng.shuffle(paths)  # seeded: the same mix every time, at any scale
        plan_of_app: list[tuple[Application, list[str], list[dt.date]]] = []
        applications = []
        for i in range(shape["applications"]):
            path = paths[i % len(paths)]
            start = today - dt.timedelta(days=rng.randint(len(path) * 7, 400))
            dates = [start + dt.timedelta(days=7 * step) for step in range(len(path))]
            applications.append(
                Application(
                    owner=user,
                    company=companies[i % len(companies)],
                    role=f"Role {i:05d}",
                    status=path[-1],
                    status_changed_on=dates[-1],
                    date_applied=start if path[0] == "applied" else None,
                    source="job_board",
                    excitement=1 + i % 5,
                )
            )
            plan_of_app.append((applications[-1], path, dates))
        Application.objects.bulk_create(applications, batch_size=1000)
        changes = []
        for application, path, dates in plan_of_app:
            previous = ""
            for status, day in zip(path, dates, strict=True):
                changes.append(
                    StatusChange(
                        application=application,
                        from_status=previous,
                        to_status=status,
                        changed_on=day,
                    )
                )
                previous = status
        StatusChange.objects.bulk_create(changes, batch_size=2000)
        interviewed = [
            a for a in applications if a.status in {"interviewing", "offer", "accepted", "rejected"}
        ]
        interviews = []
        for i in range(shape["interviews"]):
            application = interviewed[i % len(interviewed)]
            # On or after its day applied, as every page and the restore require (a backup of
            # this user restores), up to 300 days back and 30 ahead, in local working hours.
            assert application.date_applied is not None  # every interviewed path applied
            back = min(300, (today - application.date_applied).days)
            day = today + dt.timedelta(days=rng.randint(-back, 30))
            start = local_to_utc(day, dt.time(9 + rng.randint(0, 8)), user.timezone)
            interviews.append(
                Interview(
                    application=application,
                    owner=user,
                    round_type="technical",
                    starts_at=start,
                    ends_at=start + dt.timedelta(hours=1),
                )
            )
        Interview.objects.bulk_create(interviews, batch_size=2000)
        past = [iv for iv in interviews if iv.ends_at < timezone.now()][: shape["assessments"]]
        SelfAssessment.objects.bulk_create(
            (
                SelfAssessment(
                    interview=iv,
                    qualification_fit=3,
                    preparation=3,
                    communication=4,
                    technical_answers=2,
                    rapport=4,
                    confidence=3,
                    tripped_questions="System design",
                )
                for iv in past
            ),
            batch_size=2000,
        )
        rejections = StatusChange.objects.filter(
            application__owner=user, to_status="rejected"
        ).select_related("application")[: shape["plans"]]
        plans = CopingPlan.objects.bulk_create(
            CopingPlan(
                owner=user,
                application=change.application,
                opened_by=change,
                reason="rejected",
                opened_on=change.changed_on,
            )
            for change in rejections
        )
        PlanStep.objects.bulk_create(
            (PlanStep(plan=plan, step=step) for plan in plans for step in Step.values[:5]),
            batch_size=2000,
        )
        FollowUp.objects.bulk_create(
            FollowUp(plan=plan, check_in_on=add_months(plan.opened_on, 3)) for plan in plans
        )
        JournalEntry.objects.bulk_create(
            (
                JournalEntry(
                    owner=user,
                    plan=plans[i % len(plans)] if plans else None,
                    written_on=today - dt.timedelta(days=i % 300),
                    mood=1 + i % 5,
                    text="A day in the search.",
                )
                for i in range(shape["journal"])
            ),
            batch_size=2000,
        )

        def reminder(
            kind: str, subject: CopingPlan | Interview, day: dt.date, scope: str
        ) -> Reminder:
            due = local_to_utc(day, user.reminder_time, user.timezone)
            status = "scheduled" if day >= today else "sent"
            return Reminder(
                owner=user,
                kind=kind,
                subject_id=subject.pk,
                scope=scope,
                local_date=day,
                local_time=user.reminder_time,
                timezone=user.timezone,
                due_at=due,
                run_at=due,
                status=status,
                sent_at=due if status == "sent" else None,
            )

        rows = [
            reminder(KEEP_IN_TOUCH, plan, add_months(plan.opened_on, 3), scope_of(plan.application))
            for plan in plans
        ]
        rows += [
            reminder(
                COPING_CHECK_IN,
                plan,
                plan.opened_on + CHECK_IN_AFTER,
                scope_of(plan.application),
            )
            for plan in plans
        ]
        for iv in interviews[: max(0, int(3000 * scale) - len(rows))]:
            day = iv.ends_at.astimezone(user.tzinfo).date() + dt.timedelta(days=1)
            rows.append(reminder(THANK_YOU, iv, day, scope_of(iv.application)))
        Reminder.objects.bulk_create(rows, batch_size=2000)
    _analyze()
    return user


def _analyze() -> None:
    """Refresh the planner's statistics after a bulk load, and the visibility map that lets
    counts read indexes only (autovacuum would, a little later, since PostgreSQL 13 also after
    inserts): with the tables' old counts PostgreSQL picks plans meant for a handful of rows.
    Inside a transaction (the tests) VACUUM can't run; statistics are what matter there."""
    if connection.vendor == "postgresql":
        with connection.cursor() as cursor:
            cursor.execute("ANALYZE" if connection.in_atomic_block else "VACUUM (ANALYZE)")


def main_pages(user: User) -> list[tuple[str, str]]:
    """Every main page, as (name, URL) for this user: what bench/pages.py times and the query
    count tests compare between a small and a large account."""
    # By id: the model's own order (the latest change first) ties under a frozen clock, and
    # which tied row came first changed from run to run, and with it the page's reminders.
    detail = (
        Application.objects.filter(owner=user, status="rejected").order_by("pk").first()
        or Application.objects.filter(owner=user).order_by("pk").first()
    )
    busy = Company.objects.filter(owner=user).order_by("pk").first()
    plan = CopingPlan.objects.filter(owner=user).order_by("pk").first()
    assert detail and busy and plan, "main_pages needs an account with data (load_heavy)"
    return [
        ("home", "/home/"),
        ("table", "/applications/"),
        ("table, search", "/applications/?q=Role+000"),
        ("board", "/applications/board/"),
        ("application", detail.get_absolute_url()),
        ("companies", "/applications/companies/"),
        ("a busy company", busy.get_absolute_url()),
        ("contacts", "/applications/contacts/"),
        ("interviews", "/interviews/"),
        ("plans", "/coping/plans/"),
        ("a plan", plan.get_absolute_url()),
        ("journal", "/coping/journal/"),
        ("reminders", "/reminders/"),
        ("insights", "/insights/?period=all"),
    ]
