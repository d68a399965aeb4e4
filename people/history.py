"""A contact's whole history, read from the apps below; people writes none of it.

The timeline is one SQL query: a UNION ALL of every kind of event, ordered and paged in the
database (`timeline`), then the page's applications in one more (`timeline_page`). "Last
contact" is one query too: a correlated subquery per kind of moment on the contact's own row
(`with_last_contact`).

What counts as a contact (a moment you and they actually spoke or wrote):
- an interview they were on, once it has started;
- outreach to them you logged (coping's Outreach), on its day, once that day has come;
- a feedback request to them, once sent (its sent day, or the day their answer came);
- a message from their address that reached Rebound's mail in (its date);
- a keep-in-touch check-in with them (a plan's FollowUp) whose reminder you marked done,
  on its planned day.
Not a contact: being linked to an application, an interview still ahead, a drafted feedback
request, a check-in only planned. Mail in keeps a message's sender, not its recipients, so a
message to them is not found (only one from them).
"""

import datetime as dt
import zoneinfo
from dataclasses import dataclass
from typing import Any

from django.db.models import (
    CharField,
    DateField,
    DateTimeField,
    Exists,
    IntegerField,
    OuterRef,
    QuerySet,
    Subquery,
    Value,
)
from django.db.models.functions import Cast, Coalesce, TruncDate
from django.utils import timezone
from django.utils.translation import gettext_lazy as _

from applications.models import Application, Contact
from coping.models import FeedbackRequest, FollowUp, Outreach
from coping.reminder_kinds import KEEP_IN_TOUCH
from interviews.models import Interview
from mailin.models import InboundMessage
from rebound.lib.localtime import local_date_of, local_today
from rebound.models import User
from reminders.models import Reminder

# The kinds of event on the timeline, as the union's `kind` column says them.
APPLICATION = "application"
INTERVIEW = "interview"
OUTREACH = "outreach"
CHECK_IN = "check_in"
FEEDBACK = "feedback"
MAIL = "mail"

# How the page names each kind of last contact ("Last contact: 3 Mar 2027, an interview").
CONTACT_WORDS = {
    INTERVIEW: _("an interview"),
    OUTREACH: _("outreach you logged"),
    FEEDBACK: _("a feedback request"),
    MAIL: _("an email from them"),
    CHECK_IN: _("a keep-in-touch check-in"),
}

_NO_INT = Cast(Value(None), IntegerField())
_NO_TEXT = Value("", output_field=CharField())


def _columns(
    qs: QuerySet[Any],
    *,
    kind: str,
    day: Any,
    stamp: Any,
    label: Any,
    app: Any,
    plan: Any,
) -> QuerySet[Any]:
    """One branch of the union: the same seven columns in the same order."""
    return (
        qs.order_by()
        .annotate(
            ev_kind=Value(kind, output_field=CharField()),
            ev_id=Cast("pk", IntegerField()),
            ev_day=Cast(day, DateField()),
            ev_stamp=Cast(stamp, DateTimeField()),
            ev_label=Cast(label, CharField()),
            ev_app=app,
            ev_plan=plan,
        )
        .values_list("ev_kind", "ev_id", "ev_day", "ev_stamp", "ev_label", "ev_app", "ev_plan")
    )


def timeline(contact: Contact) -> QuerySet[Any]:
    """Every event with this contact, newest first, as rows of (kind, id, day, moment, label,
    application id, plan id); slice it to page it in SQL."""
    owner_id = contact.owner_id
    zone = zoneinfo.ZoneInfo(contact.owner.timezone)
    branches = [
        _columns(
            Application.objects.filter(owner_id=owner_id, contacts=contact),
            kind=APPLICATION,
            day=Coalesce("date_applied", TruncDate("created_at", tzinfo=zone)),
            stamp="created_at",
            label="status",
            app=Cast("pk", IntegerField()),
            plan=_NO_INT,
        ),
        _columns(
            Interview.objects.filter(owner_id=owner_id, interviewers=contact),
            kind=INTERVIEW,
            day=TruncDate("starts_at", tzinfo=zone),
            stamp="starts_at",
            label="round_type",
            app=Cast("application_id", IntegerField()),
            plan=_NO_INT,
        ),
        _columns(
            Outreach.objects.filter(owner_id=owner_id, contact=contact),
            kind=OUTREACH,
            day="on",
            stamp="created_at",
            label="outcome",
            app=Cast("plan__application_id", IntegerField()),
            plan=Cast("plan_id", IntegerField()),
        ),
        _columns(
            FollowUp.objects.filter(
                plan__owner_id=owner_id, contact=contact, check_in_on__isnull=False
            ).exclude(interested=False),
            kind=CHECK_IN,
            day="check_in_on",
            stamp="updated_at",
            label=_NO_TEXT,
            app=Cast("plan__application_id", IntegerField()),
            plan=Cast("plan_id", IntegerField()),
        ),
        _columns(
            FeedbackRequest.objects.filter(plan__owner_id=owner_id, contact=contact),
            kind=FEEDBACK,
            day=Coalesce("received_on", "sent_on", TruncDate("updated_at", tzinfo=zone)),
            stamp="updated_at",
            label="status",
            app=Cast("plan__application_id", IntegerField()),
            plan=Cast("plan_id", IntegerField()),
        ),
    ]
    if contact.email:
        branches.append(
            _columns(
                InboundMessage.objects.filter(owner_id=owner_id, sender__iexact=contact.email),
                kind=MAIL,
                day=TruncDate(Coalesce("sent_at", "created_at"), tzinfo=zone),
                stamp=Coalesce("sent_at", "created_at"),
                label="subject",
                app=Cast("application_id", IntegerField()),
                plan=_NO_INT,
            )
        )
    first, *rest = branches
    # Ties (one day) by the moment, then by kind and id, so pages never overlap.
    return first.union(*rest, all=True).order_by("-ev_day", "-ev_stamp", "ev_kind", "-ev_id")


@dataclass(frozen=True)
class Event:
    kind: str
    id: int
    day: dt.date
    at: dt.datetime
    label: str
    application: Application | None
    plan_id: int | None
    upcoming: bool

    @property
    def interview_title(self) -> str:
        return Interview(round_type=self.label).title if self.kind == INTERVIEW else ""

    @property
    def outcome(self) -> str:
        return str(Outreach.Outcome(self.label).label) if self.kind == OUTREACH else ""

    @property
    def feedback_status(self) -> str:
        if self.kind != FEEDBACK:
            return ""
        return str(FeedbackRequest.Status(self.label).label)

    @property
    def status(self) -> str:
        """An application's status, as its label reads."""
        if self.kind != APPLICATION or self.application is None:
            return ""
        return str(self.application.get_status_display())


def timeline_page(rows: list[tuple[Any, ...]], *, now: dt.datetime, today: dt.date) -> list[Event]:
    """One page's rows as events, with their applications (and companies) in one query."""
    app_ids = {row[5] for row in rows if row[5] is not None}
    applications = (
        Application.objects.select_related("company").in_bulk(sorted(app_ids)) if app_ids else {}
    )
    return [
        Event(
            kind=kind,
            id=pk,
            day=day,
            at=stamp,
            label=label or "",
            application=applications.get(app_id) if app_id is not None else None,
            plan_id=plan_id,
            # Still ahead: an interview not started, a check-in planned for a later day.
            upcoming=(kind == INTERVIEW and stamp > now) or (kind == CHECK_IN and day > today),
        )
        for kind, pk, day, stamp, label, app_id, plan_id in rows
    ]


def with_last_contact(queryset: QuerySet[Contact], *, user: User) -> QuerySet[Contact]:
    """Contacts with the latest moment of each kind that counts as a contact (see the module's
    docstring), read in the same query: `last_interview_at`, `last_outreach_on`,
    `last_feedback_on`, `last_mail_at`, `last_check_in_on`."""
    now = timezone.now()
    today = local_today(user)
    contact = OuterRef("pk")
    interviews = Interview.objects.filter(interviewers=contact, starts_at__lte=now)
    outreach = Outreach.objects.filter(contact=contact, on__lte=today)
    feedback = (
        FeedbackRequest.objects.filter(
            contact=contact,
            status__in=[FeedbackRequest.Status.SENT, FeedbackRequest.Status.RECEIVED],
        )
        .annotate(last_on=Coalesce("received_on", "sent_on"))
        .filter(last_on__lte=today)
    )
    mail = (
        InboundMessage.objects.filter(owner=OuterRef("owner"), sender__iexact=OuterRef("email"))
        .exclude(sender="")
        .annotate(last_at=Coalesce("sent_at", "created_at"))
        .filter(last_at__lte=now)
    )
    done = Reminder.objects.filter(
        kind=KEEP_IN_TOUCH, subject_id=OuterRef("plan_id"), status=Reminder.Status.DONE
    )
    check_ins = FollowUp.objects.filter(
        Exists(done), contact=contact, check_in_on__lte=today
    ).exclude(interested=False)

    def latest(qs: QuerySet[Any], field: str) -> Subquery:
        return Subquery(qs.order_by(f"-{field}").values(field)[:1])

    return queryset.annotate(
        last_interview_at=latest(interviews, "starts_at"),
        last_outreach_on=latest(outreach, "on"),
        last_feedback_on=latest(feedback, "last_on"),
        last_mail_at=latest(mail, "last_at"),
        last_check_in_on=latest(check_ins, "check_in_on"),
    )


@dataclass(frozen=True)
class LastContact:
    day: dt.date
    kind: str

    @property
    def words(self) -> str:
        return str(CONTACT_WORDS[self.kind])


def last_contact(contact: Contact, user: User) -> LastContact | None:
    """The latest contact of a contact read through `with_last_contact`, in the user's days."""
    moments: list[tuple[dt.date, str]] = []
    for attr, kind in (("last_interview_at", INTERVIEW), ("last_mail_at", MAIL)):
        moment = getattr(contact, attr, None)
        if moment is not None:  # an instant: its day where the user lives
            moments.append((local_date_of(moment, user), kind))
    for attr, kind in (
        ("last_outreach_on", OUTREACH),
        ("last_feedback_on", FEEDBACK),
        ("last_check_in_on", CHECK_IN),
    ):
        if getattr(contact, attr, None):
            moments.append((getattr(contact, attr), kind))
    if not moments:
        return None
    day, kind = max(moments, key=lambda m: m[0])
    return LastContact(day=day, kind=kind)


def last_contact_of(contact: Contact) -> LastContact | None:
    """The latest contact of one contact, in one query (the nudge's checks and services)."""
    owner = contact.owner
    annotated = with_last_contact(Contact.objects.filter(pk=contact.pk), user=owner).first()
    return last_contact(annotated, owner) if annotated is not None else None
