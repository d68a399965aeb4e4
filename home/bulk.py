"""Bulk-inserted data for load: the delivery tests, the bench and the heavy demo."""

import datetime as dt
from collections.abc import Sequence
from typing import Any

from applications.models import Application, Company, StatusChange
from coping.models import CopingPlan
from coping.reminder_kinds import COPING_CHECK_IN
from reminders.kinds import scope_of
from reminders.models import Reminder


def due_check_ins(users: Sequence[Any], n: int, due: dt.datetime) -> list[int]:
    """n coping check-ins due at `due`, each about its own real (rejected) application's plan,
    spread over the users; returns the reminders' ids. Consistent with every constraint."""
    companies = Company.objects.bulk_create(
        Company(owner=user, name=f"Bulk company {i}") for i, user in enumerate(users)
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
