"""An account with `n` of everything a backup holds, bulk-inserted (fast enough for thousands),
and consistent with every rule restore checks: timelines that lead to the status, dates in the
past, interviews after the applied date, plans opened by real rejections, reminders about real
rows. Several links per many-to-many field, some none; words with accents, quotes and newlines."""

import datetime as dt
from typing import Any

from django.apps import apps
from django.db import transaction
from django.http import QueryDict

from applications.models import Application, Company, Contact, SavedView, StatusChange, Tag
from applications.posting_models import Posting
from coping.models import (
    CopingPlan,
    FeedbackRequest,
    FollowUp,
    Incident,
    JournalEntry,
    NetGoal,
    Outreach,
    PlanStep,
    Reflection,
)
from coping.reminder_kinds import COPING_CHECK_IN, KEEP_IN_TOUCH
from interviews.models import Interview, SelfAssessment
from offers.models import Offer
from people.models import KeepWarm
from rebound.lib.localtime import local_to_utc, local_today
from rebound.models import User
from reminders.kinds import scope_of
from reminders.models import Reminder
from todos.models import Todo
from weekly.models import WeeklyLetter

WORDS = 'Zoë’s “notes”:\nline two\t\\ and a "quote" — ünïcode 日本'


def several(user: User, n: int) -> None:
    """n companies, 2n contacts, n tags, n rejected applications (two status changes each,
    contacts and tags), 2n interviews (interviewers), n assessments, n plans with their steps,
    reflection, feedback request, net goal, follow-up and incident, n journal entries, n
    outreach, n open reminders beside n sent ones (which a backup leaves out), and issue 28's
    n postings, to-dos, offers and keep-warm nudges and the one weekly letter."""
    today = local_today(user)
    with transaction.atomic():
        companies = Company.objects.bulk_create(
            Company(owner=user, name=f"Société {i}", notes=WORDS if i % 2 else "") for i in range(n)
        )
        contacts = Contact.objects.bulk_create(
            Contact(owner=user, company=companies[i % n], name=f"Person {i}", email="")
            for i in range(2 * n)
        )
        tags = Tag.objects.bulk_create(Tag(owner=user, name=f"tag {i}") for i in range(n))
        applied = [today - dt.timedelta(days=60 - i % 30) for i in range(n)]
        applications = Application.objects.bulk_create(
            Application(
                owner=user, company=companies[i], role=f"Role {i}", status="rejected",
                status_changed_on=applied[i] + dt.timedelta(days=10), date_applied=applied[i],
                salary_min=50_000 + i if i % 3 else None, salary_max=90_000 if i % 3 else None,
                currency="EUR", excitement=1 + i % 5, notes=WORDS, source="referral",
            )
            for i in range(n)
        )  # fmt: skip
        links = Application.contacts.through
        links.objects.bulk_create(
            links(application_id=a.pk, contact_id=contacts[(i + k) % (2 * n)].pk)
            for i, a in enumerate(applications)
            for k in range(i % 3)  # none, one or two
        )
        labels = Application.tags.through
        labels.objects.bulk_create(
            labels(application_id=a.pk, tag_id=tags[(i + k) % n].pk)
            for i, a in enumerate(applications)
            for k in range(min(n, 1 + i % 2))
        )
        StatusChange.objects.bulk_create(
            StatusChange(application=a, from_status="", to_status="applied", changed_on=applied[i])
            for i, a in enumerate(applications)
        )
        rejections = StatusChange.objects.bulk_create(
            StatusChange(
                application=a, from_status="applied", to_status="rejected",
                changed_on=applied[i] + dt.timedelta(days=10), note=f"No {i}",
            )
            for i, a in enumerate(applications)
        )  # fmt: skip
        interviews = Interview.objects.bulk_create(
            Interview(
                application=a, owner=user, round_type="technical", format="video",
                starts_at=local_to_utc(applied[i] + dt.timedelta(days=3 + k), dt.time(10, 30),
                                       user.timezone),
                ends_at=local_to_utc(applied[i] + dt.timedelta(days=3 + k), dt.time(11, 45),
                                     user.timezone),
                questions=WORDS if k else "",
            )
            for i, a in enumerate(applications)
            for k in range(2)
        )  # fmt: skip
        panel = Interview.interviewers.through
        panel.objects.bulk_create(
            panel(interview_id=iv.pk, contact_id=contacts[(i + k) % (2 * n)].pk)
            for i, iv in enumerate(interviews)
            for k in range(i % 3)
        )
        SelfAssessment.objects.bulk_create(
            SelfAssessment(
                interview=iv, qualification_fit=3, preparation=4, communication=2,
                technical_answers=5, rapport=1, confidence=3, went_well=WORDS,
            )
            for iv in interviews[::2]
        )  # fmt: skip
        plans = CopingPlan.objects.bulk_create(
            CopingPlan(
                owner=user, application_id=change.application_id, opened_by=change,
                reason="rejected", opened_on=change.changed_on,
            )
            for change in rejections
        )  # fmt: skip
        PlanStep.objects.bulk_create(
            PlanStep(plan=plan, step=step, state="done" if k else "todo")
            for plan in plans
            for k, step in enumerate(["reflect", "widen"])
        )
        Reflection.objects.bulk_create(Reflection(plan=plan, qualified=WORDS) for plan in plans)
        FeedbackRequest.objects.bulk_create(
            FeedbackRequest(
                plan=plan, contact=contacts[i % (2 * n)] if i % 2 else None, subject="Feedback?",
                body=WORDS, status="sent", sent_on=plan.opened_on,
            )
            for i, plan in enumerate(plans)
        )  # fmt: skip
        NetGoal.objects.bulk_create(
            NetGoal(plan=plan, target=8, weeks=3, starts_on=plan.opened_on) for plan in plans
        )
        FollowUp.objects.bulk_create(
            FollowUp(plan=plan, interested=None if i % 2 else True, note=WORDS)
            for i, plan in enumerate(plans)
        )
        Incident.objects.bulk_create(
            Incident(
                plan=plan, kind="other", happened_on=plan.opened_on, jurisdiction="uk",
                facts=WORDS,
            )
            for plan in plans
        )  # fmt: skip
        JournalEntry.objects.bulk_create(
            JournalEntry(
                owner=user, plan=plans[i] if i % 2 else None, mood=1 + i % 5, text=WORDS,
                written_on=today - dt.timedelta(days=i % 40),
            )
            for i in range(n)
        )  # fmt: skip
        Outreach.objects.bulk_create(
            Outreach(
                owner=user, plan=plans[i] if i % 2 else None, contact=contacts[i],
                on=today - dt.timedelta(days=i % 10), outcome="lead", notes=WORDS,
            )
            for i in range(n)
        )  # fmt: skip
        reminders = []
        for i, plan in enumerate(plans):
            for kind, status, day in (
                (KEEP_IN_TOUCH, "scheduled", today + dt.timedelta(days=1 + i % 50)),
                (COPING_CHECK_IN, "sent", today - dt.timedelta(days=1)),
            ):
                due = local_to_utc(day, user.reminder_time, user.timezone)
                reminders.append(
                    Reminder(
                        owner=user, kind=kind,
                        subject_id=plan.pk, scope=scope_of(plan.application), local_date=day,
                        local_time=user.reminder_time, timezone=user.timezone, due_at=due,
                        run_at=due, status=status, sent_at=due if status == "sent" else None,
                    )
                )  # fmt: skip
        Reminder.objects.bulk_create(reminders)
        # Issue 28's rooms: postings, to-dos, offers, keep-warm nudges, the weekly letter.
        Posting.objects.bulk_create(
            Posting(application=a, text=f"{WORDS} {i}", origin="pasted")
            for i, a in enumerate(applications)
        )
        Todo.objects.bulk_create(
            Todo(application=a, owner=user, title=f"Send the portfolio {i}",
                 due_on=today + dt.timedelta(days=i % 20) if i % 2 else None)
            for i, a in enumerate(applications)
        )  # fmt: skip
        Offer.objects.bulk_create(
            Offer(application=a, owner=user, currency="EUR", base_salary=60_000 + i,
                  bonus=5_000 if i % 2 else None, equity="0.1 %" if i % 3 else "",
                  benefits=WORDS, deadline=today + dt.timedelta(days=7 + i % 20))
            for i, a in enumerate(applications)
        )  # fmt: skip
        KeepWarm.objects.bulk_create(
            KeepWarm(owner=user, contact=contacts[i], weeks=4 + i % 8, counted_from=today)
            for i in range(n)
        )
        WeeklyLetter.objects.bulk_create([WeeklyLetter(user=user, enabled=True, weekday=n % 7)])
        SavedView.objects.bulk_create(
            SavedView(owner=user, name=f"View {i}", query=f"company={companies[i].pk}&sort=role")
            for i in range(min(n, 20))
        )


def normalised(document: dict[str, Any]) -> dict[str, Any]:
    """The document with every id replaced by its row's place in its list (rows are in id
    order), so two accounts holding the same things compare equal."""
    data = document["data"]
    places = {label: {row["id"]: i for i, row in enumerate(rows)} for label, rows in data.items()}
    out = {}
    for label, rows in data.items():
        model = apps.get_model(label)
        relations = {
            f.attname: f.related_model._meta.label
            for f in model._meta.concrete_fields
            if f.is_relation and f.related_model._meta.label in places
        }
        m2m = {m.name: m.related_model._meta.label for m in model._meta.many_to_many}
        normal = []
        for row in rows:
            row = dict(row)
            row.pop("id")
            for attname, target in relations.items():
                if row.get(attname) is not None:
                    row[attname] = (target, places[target][row[attname]])
            for name, target in m2m.items():
                row[name] = sorted(places[target][ref] for ref in row[name])
            if label == "applications.SavedView" and "company=" in row["query"]:
                # The company a view's filters name, by its place too.
                query = QueryDict(row["query"], mutable=True)
                query["company"] = str(places["applications.Company"][int(query["company"])])
                row["query"] = query.urlencode()
            normal.append(row)
        out[label] = normal
    reminders = []
    for r in document["reminders"]:
        r = dict(r)
        r["scope"] = r["scope"].rsplit(":", 1)[0]
        r.pop("subject")
        reminders.append(r)
    return {
        "data": out,
        "reminders": sorted(reminders, key=lambda r: (r["kind"], r["local_date"])),
        "preferences": document["preferences"],
        "calendar_feed": document["calendar_feed"],
    }
