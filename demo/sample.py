"""A small, believable data set for `make run`."""

import datetime as dt

from django.db import transaction
from django.utils import timezone

from applications import services
from applications.company_services import company_get_or_create, company_save, contact_save
from applications.models import Company, Contact
from applications.pipeline import Status
from coping import services as coping
from coping.models import CopingPlan
from interviews import services as interviews
from interviews.models import Interview, SelfAssessment
from rebound.accounts.services import user_email_mark_verified
from rebound.lib.localtime import local_today
from rebound.models import User

DEMO_EMAIL = "demo@rebound.example"
DEMO_PASSWORD = "rebound-demo-2026"


@transaction.atomic
def load_demo_data() -> User:
    user = User.objects.create_user(
        email=DEMO_EMAIL, password=DEMO_PASSWORD, first_name="Sam", timezone="Europe/Berlin"
    )
    # A made-up address nobody reads: confirmed, so it logs in and its reminders run.
    user_email_mark_verified(user=user)
    today = local_today(user)

    def days_ago(n: int) -> dt.date:
        return today - dt.timedelta(days=n)

    def company(name: str, website: str = "") -> Company:
        c = company_get_or_create(owner=user, name=name)
        c.website = website
        return company_save(company=c)

    northwind = company("Northwind Analytics", "https://northwind.example")
    lumen = company("Lumen Health", "https://lumen-health.example")
    orbit = company("Orbit Logistics")
    fernhill = company("Fernhill Studio")
    staffing = company("BrightPath Staffing")

    hr = contact_save(
        contact=Contact(
            owner=user,
            company=northwind,
            name="Dana Whitfield",
            kind=Contact.Kind.HR,
            email="dana.whitfield@northwind.example",
            title="Talent partner",
        )
    )
    lead = contact_save(
        contact=Contact(
            owner=user,
            company=northwind,
            name="Marco Liu",
            kind=Contact.Kind.INTERVIEWER,
            email="marco.liu@northwind.example",
            title="Head of data",
        )
    )
    contact_save(
        contact=Contact(
            owner=user,
            company=staffing,
            name="Ruth Adeyemi",
            kind=Contact.Kind.STAFFING_AGENCY,
            email="ruth@brightpath.example",
        )
    )

    final = services.application_create(
        owner=user,
        company=northwind,
        role="Senior data analyst",
        status=Status.APPLIED,
        date_applied=days_ago(40),
        source="referral",
        location="Berlin",
        remote_mode="hybrid",
        salary_min=68000,
        salary_max=78000,
        currency="EUR",
        excitement=5,
    )
    services.application_change_status(
        application=final, to_status=Status.SCREENING, on=days_ago(33)
    )
    starts = timezone.now() - dt.timedelta(days=12)
    interview = Interview(
        application=final,
        round_type=Interview.Round.FINAL,
        starts_at=starts,
        ends_at=starts + dt.timedelta(minutes=75),
        format=Interview.Format.ONSITE,
        location="Northwind office, Torstraße",
        promised_reply_by=days_ago(6),
        questions="Walk us through a dashboard that changed a decision\n"
        "How would you model churn for a subscription product?\n"
        "Tell us about a disagreement with a stakeholder",
    )
    interviews.interview_save(interview=interview, interviewers=[lead, hr])
    interviews.assessment_save(
        assessment=SelfAssessment(
            interview=interview,
            qualification_fit=4,
            preparation=4,
            communication=4,
            technical_answers=3,
            rapport=5,
            confidence=4,
            went_well="The dashboard story landed; Marco asked follow-up questions for ten "
            "minutes.",
            tripped_questions="Churn modelling: I went straight to a model without asking "
            "about the data we had.",
            change_next_time="Ask clarifying questions before answering case questions.",
            skills_to_build="Survival analysis\nStakeholder storytelling",
        )
    )
    services.application_change_status(
        application=final,
        to_status=Status.REJECTED,
        on=days_ago(3),
        note="They chose someone with more healthcare data experience.",
    )
    plan = CopingPlan.objects.get(application=final)
    coping.journal_entry_create(
        owner=user,
        plan=plan,
        mood=2,
        written_on=days_ago(3),
        text="I really thought this was the one. Going for a long walk.",
    )
    coping.journal_entry_create(
        owner=user,
        plan=plan,
        mood=3,
        written_on=days_ago(1),
        text="Feeling steadier. Marco's questions showed me what to practise.",
    )
    coping.net_goal_set(plan=plan, target=5, weeks=3)
    coping.plan_step_set(plan=plan, step="widen", state="done")

    services.application_create(
        owner=user,
        company=lumen,
        role="Product analyst",
        status=Status.APPLIED,
        date_applied=days_ago(9),
        source="job_board",
        remote_mode="remote",
        excitement=4,
    )
    orbit_app = services.application_create(
        owner=user,
        company=orbit,
        role="Analytics engineer",
        status=Status.APPLIED,
        date_applied=days_ago(20),
        source="company_site",
        location="Hamburg",
        excitement=3,
    )
    services.application_change_status(
        application=orbit_app, to_status=Status.INTERVIEWING, on=days_ago(5)
    )
    soon = timezone.now() + dt.timedelta(days=3)
    interviews.interview_save(
        interview=Interview(
            application=orbit_app,
            round_type=Interview.Round.TECHNICAL,
            starts_at=soon,
            ends_at=soon + dt.timedelta(hours=1),
            format=Interview.Format.VIDEO,
            location="https://meet.example/orbit",
            preparation_notes="Review dbt tests.",
        )
    )
    services.application_create(
        owner=user,
        company=fernhill,
        role="BI developer",
        status=Status.WISHLIST,
        excitement=2,
    )
    return user
