"""The work-search log: what a benefit office asks a job seeker to show for a date range (a
US state's weekly work-search log, Germany's Bewerbungsnachweis for the Agentur für Arbeit).

One row per activity in the range, oldest first:
- an **application** on its date applied;
- an **interview** on its local start date;
- an **outreach** to a contact (networking) on the day it was made.

Each row says when, the employer, the position, how the contact was made, with whom and
where (address or link) when known, and the result as it stands today (for one that went
silent, the furthest reply it had first: "Screening, then no reply"). Read-only, in a
constant number of queries (at most six), whatever the range holds.
"""

import datetime as dt
from dataclasses import dataclass
from typing import Any

from django.db.models import Prefetch
from django.utils import timezone

from applications.models import PIPELINE, Application, Contact, Source, Status, StatusChange
from coping.models import Outreach
from interviews.models import Interview

# How an application was made, from how the user found it. A job board or a company's site
# is an online application; an agency or a recruiter is a contact through an agency.
_METHOD_BY_SOURCE = {
    Source.JOB_BOARD: "Online",
    Source.COMPANY_SITE: "Online",
    Source.REFERRAL: "Through a contact",
    Source.STAFFING_AGENCY: "Agency",
    Source.RECRUITER: "Agency or recruiter",
}
_METHOD_BY_FORMAT = {
    Interview.Format.VIDEO: "Video call",
    Interview.Format.PHONE: "Phone",
    Interview.Format.ONSITE: "In person",
}
# The result a benefit office asks for, from the application's status today.
_RESULT_BY_STATUS = {
    Status.WISHLIST: "Not applied yet",
    Status.APPLIED: "Pending",
    Status.SCREENING: "Pending",
    Status.INTERVIEWING: "Interview",
    Status.OFFER: "Offer",
    Status.ACCEPTED: "Offer accepted",
    Status.REJECTED: "Rejected",
    Status.WITHDRAWN: "Withdrawn",
    Status.GHOSTED: "No reply",
}

# A reply before the silence still happened: what a ghosted application had reached.
_REPLIED = {
    Status.SCREENING: "Screening",
    Status.INTERVIEWING: "Interview",
    Status.OFFER: "Offer",
    Status.ACCEPTED: "Offer accepted",
}

KINDS = {"application": "Application", "interview": "Interview", "outreach": "Networking"}
# The longest range one log covers, and the most rows the page prints (the CSV has them all).
MAX_DAYS = 366
PAGE_ROWS = 1000


@dataclass(frozen=True)
class Activity:
    day: dt.date
    kind: str  # a key of KINDS
    employer: str
    position: str
    method: str
    contact: str  # the person, with an email or phone when known
    where: str  # an address, a place or a link, when known
    result: str

    @property
    def kind_label(self) -> str:
        return KINDS[self.kind]

    def as_row(self) -> list[Any]:
        return [
            self.day.isoformat(),
            self.kind_label,
            self.employer,
            self.position,
            self.method,
            self.contact,
            self.where,
            self.result,
        ]


HEADER = ["Date", "Activity", "Employer", "Position", "How", "Contact", "Address or link", "Result"]


def _person(contact: Contact) -> str:
    reach = contact.email or contact.phone
    return f"{contact.name} ({reach})" if reach else contact.name


def _furthest_replies(application_ids: set[int]) -> dict[int, str]:
    """For these (ghosted) applications, the furthest stage each reached, as `_REPLIED` words,
    in one query."""
    if not application_ids:
        return {}
    order = {status: i for i, status in enumerate(PIPELINE)}
    furthest: dict[int, str] = {}
    changes = StatusChange.objects.filter(
        application_id__in=application_ids, to_status__in=list(_REPLIED)
    ).values_list("application_id", "to_status")
    for application_id, status in changes:
        known = furthest.get(application_id)
        if known is None or order[Status(status)] > order[Status(known)]:
            furthest[application_id] = status
    return {pk: _REPLIED[Status(status)] for pk, status in furthest.items()}


def _result(status: str, application_id: int, replies: dict[int, str]) -> str:
    if status == Status.GHOSTED and application_id in replies:
        return f"{replies[application_id]}, then no reply"
    return _RESULT_BY_STATUS[Status(status)]


def activities(user: Any, start: dt.date, end: dt.date) -> list[Activity]:
    """Every activity of the user from `start` to `end` (local dates, both included)."""
    people = Prefetch("contacts", queryset=Contact.objects.order_by("name"))
    applications = list(
        Application.objects.filter(owner=user, date_applied__gte=start, date_applied__lte=end)
        .select_related("company")
        .prefetch_related(people)
    )
    with timezone.override(user.tzinfo):
        interviews = list(
            Interview.objects.filter(
                owner=user, starts_at__date__gte=start, starts_at__date__lte=end
            )
            .select_related("application__company")
            .prefetch_related(Prefetch("interviewers", queryset=Contact.objects.order_by("name")))
        )
    ghosted = {a.pk for a in applications if a.status == Status.GHOSTED} | {
        i.application_id for i in interviews if i.application.status == Status.GHOSTED
    }
    replies = _furthest_replies(ghosted)
    rows = [
        Activity(
            day=a.date_applied,  # type: ignore[arg-type]
            kind="application",
            employer=a.company.name,
            position=a.role,
            method=_METHOD_BY_SOURCE.get(a.source, "Not recorded"),  # type: ignore[call-overload]
            contact=", ".join(_person(c) for c in a.contacts.all()),
            where=a.posting_url or a.location,
            result=_result(a.status, a.pk, replies),
        )
        for a in applications
    ]
    rows += [
        Activity(
            day=timezone.localtime(i.starts_at, user.tzinfo).date(),
            kind="interview",
            employer=i.application.company.name,
            position=f"{i.application.role} ({i.get_round_type_display().lower()})",
            method=_METHOD_BY_FORMAT[Interview.Format(i.format)],
            contact=", ".join(_person(c) for c in i.interviewers.all()),
            where=i.location,
            result=_result(i.application.status, i.application_id, replies),
        )
        for i in interviews
    ]
    outreach = Outreach.objects.filter(owner=user, on__gte=start, on__lte=end).select_related(
        "contact__company"
    )
    rows += [
        Activity(
            day=o.on,
            kind="outreach",
            employer=o.contact.company.name if o.contact.company else "",
            position="",
            method="Through a contact",
            contact=_person(o.contact),
            where=o.contact.linkedin_url,
            result=o.get_outcome_display(),
        )
        for o in outreach
    ]
    order = list(KINDS)
    return sorted(rows, key=lambda r: (r.day, order.index(r.kind), r.employer, r.position))
