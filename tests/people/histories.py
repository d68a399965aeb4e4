"""Hana's history with Alice, set up by hand: every kind of event on a day of its own, so the
timeline's order and the last contact can be read off this list.

    2027-04-01  keep-in-touch check-in planned with her (ahead)
    2027-03-20  interview with her (ahead)
    2027-02-20  an email from her                      <- the last contact
    2027-02-15  outreach to her (got a lead)
    2027-02-03  feedback request to her, sent
    2027-01-20  interview with her (14:00 in Berlin)
    2027-01-05  Analyst at Acme, applied, she is on it
"""

import datetime as dt
from dataclasses import dataclass

from applications.models import Application, Contact
from coping import services as coping_services
from coping.models import CopingPlan, FollowUp
from interviews.models import Interview
from mailin.models import InboundMessage
from rebound.models import User
from tests.factories import (
    ApplicationFactory,
    CompanyFactory,
    ContactFactory,
    InterviewFactory,
    reject,
)

UTC = dt.UTC


@dataclass
class History:
    hana: Contact
    application: Application
    plan: CopingPlan
    past_interview: Interview
    next_interview: Interview
    mail: InboundMessage


def mail_from(owner: User, sender: str, *, subject: str, sent_at: dt.datetime) -> InboundMessage:
    # Stored as mail in stores one (its facts only); the pipeline itself is mailin's to test.
    return InboundMessage.objects.create(
        owner=owner,
        source=InboundMessage.Source.PASTE,
        fingerprint=f"{sender}|{sent_at.isoformat()}|{subject}",
        sender=sender,
        subject=subject,
        sent_at=sent_at,
        label="status_update_other",
        confidence=0.5,
    )


def make_history(alice: User) -> History:
    acme = CompanyFactory(owner=alice, name="Acme")
    hana = ContactFactory(
        company=acme,
        name="Hana Ito",
        kind=Contact.Kind.NETWORK,
        email="hana@acme.example",
        title="Head of Data",
        phone="+49 30 1234567",
        notes="Met at PyCon.",
    )
    application = ApplicationFactory(
        company=acme, role="Analyst", status_changed_on=dt.date(2027, 1, 5)
    )
    application.contacts.add(hana)
    past = InterviewFactory(
        application=application,
        starts_at=dt.datetime(2027, 1, 20, 13, 0, tzinfo=UTC),
        ends_at=dt.datetime(2027, 1, 20, 14, 0, tzinfo=UTC),
    )
    past.interviewers.add(hana)
    plan = reject(application, on=dt.date(2027, 2, 1))
    assert plan is not None
    request = coping_services.feedback_request_draft(plan=plan, contact=hana)
    coping_services.feedback_request_mark_sent(request=request, on=dt.date(2027, 2, 3))
    coping_services.outreach_log(
        owner=alice, contact=hana, on=dt.date(2027, 2, 15), outcome="lead", plan=plan
    )
    mail = mail_from(
        alice,
        "Hana@Acme.example",
        subject="Coffee next week?",
        sent_at=dt.datetime(2027, 2, 20, 8, 0, tzinfo=UTC),
    )
    # Someone else's email, and a future interview she is on.
    mail_from(
        alice,
        "other@acme.example",
        subject="Newsletter",
        sent_at=dt.datetime(2027, 3, 1, tzinfo=UTC),
    )
    upcoming = InterviewFactory(
        application=application,
        starts_at=dt.datetime(2027, 3, 20, 9, 0, tzinfo=UTC),
        ends_at=dt.datetime(2027, 3, 20, 10, 0, tzinfo=UTC),
    )
    upcoming.interviewers.add(hana)
    coping_services.follow_up_schedule(
        follow_up=FollowUp.objects.get(plan=plan),
        interested=True,
        check_in_on=dt.date(2027, 4, 1),
        contact=hana,
    )
    return History(hana, application, plan, past, upcoming, mail)
