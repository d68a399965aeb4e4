"""A small, believable data set for `make run`: one account in English, and one in German
(the same search, as a German job seeker would keep it: German employers with their
addresses, how each application was sent, notes and journal in German)."""

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
DEMO_EMAIL_DE = "demo.de@rebound.example"
DEMO_PASSWORD = "rebound-demo-2026"

# The account's own words, per language: names, roles, notes, the journal. The English set is
# the demo as it always was; the German one is written as a German job seeker would write it.
WORDS: dict[str, dict[str, str]] = {
    "en": {
        "email": DEMO_EMAIL,
        "first_name": "Sam",
        "northwind": "Northwind Analytics",
        "northwind_address": "",
        "lumen": "Lumen Health",
        "lumen_address": "",
        "orbit": "Orbit Logistics",
        "orbit_address": "",
        "fernhill": "Fernhill Studio",
        "staffing": "BrightPath Staffing",
        "hr_name": "Dana Whitfield",
        "hr_title": "Talent partner",
        "lead_name": "Marco Liu",
        "lead_title": "Head of data",
        "agent_name": "Ruth Adeyemi",
        "final_role": "Senior data analyst",
        "final_location": "Northwind office, Torstraße",
        "questions": "Walk us through a dashboard that changed a decision\n"
        "How would you model churn for a subscription product?\n"
        "Tell us about a disagreement with a stakeholder",
        "went_well": "The dashboard story landed; Marco asked follow-up questions for ten minutes.",
        "tripped": "Churn modelling: I went straight to a model without asking about the data "
        "we had.",
        "change": "Ask clarifying questions before answering case questions.",
        "skills": "Survival analysis\nStakeholder storytelling",
        "rejection_note": "They chose someone with more healthcare data experience.",
        "journal_1": "I really thought this was the one. Going for a long walk.",
        "journal_2": "Feeling steadier. Marco's questions showed me what to practise.",
        "lumen_role": "Product analyst",
        "orbit_role": "Analytics engineer",
        "orbit_preparation": "Review dbt tests.",
        "fernhill_role": "BI developer",
    },
    "de": {
        "email": DEMO_EMAIL_DE,
        "first_name": "Lena",
        "northwind": "Nordwind Analytik GmbH",
        "northwind_address": "Torstraße 109\n10119 Berlin",
        "lumen": "Lumen Gesundheit AG",
        "lumen_address": "Kaistraße 2\n40221 Düsseldorf",
        "orbit": "Orbit Logistik GmbH",
        "orbit_address": "Am Sandtorkai 5\n20457 Hamburg",
        "fernhill": "Studio Farnhügel",
        "staffing": "Hellweg Personalvermittlung",
        "hr_name": "Dana Weber",
        "hr_title": "Personalreferentin",
        "lead_name": "Marco Lindner",
        "lead_title": "Leiter Datenteam",
        "agent_name": "Ruth Adeyemi",
        "final_role": "Senior Datenanalystin",
        "final_location": "Büro Nordwind, Torstraße",
        "questions": "Erzählen Sie von einem Dashboard, das eine Entscheidung verändert hat\n"
        "Wie würden Sie Kündigungen bei einem Abo-Produkt modellieren?\n"
        "Erzählen Sie von einer Meinungsverschiedenheit mit einer Fachabteilung",
        "went_well": "Die Geschichte mit dem Dashboard kam gut an; Marco hat zehn Minuten lang "
        "nachgefragt.",
        "tripped": "Kündigermodell: Ich bin gleich ins Modell gesprungen, ohne nach den "
        "vorhandenen Daten zu fragen.",
        "change": "Bei Fallfragen erst Rückfragen stellen, dann antworten.",
        "skills": "Überlebenszeitanalyse\nErgebnisse verständlich präsentieren",
        "rejection_note": "Sie haben sich für jemanden mit mehr Erfahrung mit Gesundheitsdaten "
        "entschieden.",
        "journal_1": "Ich war mir so sicher, dass es diesmal klappt. Ich gehe jetzt lange "
        "spazieren.",
        "journal_2": "Schon etwas ruhiger. Marcos Fragen haben mir gezeigt, was ich üben sollte.",
        "lumen_role": "Produktanalystin",
        "orbit_role": "Dateningenieurin",
        "orbit_preparation": "dbt-Tests wiederholen.",
        "fernhill_role": "BI-Entwicklerin",
    },
}


@transaction.atomic
def load_demo_data(language: str = "en") -> User:
    words = WORDS[language]
    user = User.objects.create_user(
        email=words["email"],
        password=DEMO_PASSWORD,
        first_name=words["first_name"],
        timezone="Europe/Berlin",
        language=language,
    )
    # A made-up address nobody reads: confirmed, so it logs in and its reminders run.
    user_email_mark_verified(user=user)
    today = local_today(user)

    def days_ago(n: int) -> dt.date:
        return today - dt.timedelta(days=n)

    def company(name: str, website: str = "", address: str = "") -> Company:
        c = company_get_or_create(owner=user, name=name)
        c.website = website
        c.address = address
        return company_save(company=c)

    northwind = company(words["northwind"], "https://northwind.example", words["northwind_address"])
    lumen = company(words["lumen"], "https://lumen-health.example", words["lumen_address"])
    orbit = company(words["orbit"], address=words["orbit_address"])
    fernhill = company(words["fernhill"])
    staffing = company(words["staffing"])

    hr = contact_save(
        contact=Contact(
            owner=user,
            company=northwind,
            name=words["hr_name"],
            kind=Contact.Kind.HR,
            email="dana.whitfield@northwind.example",
            title=words["hr_title"],
        )
    )
    lead = contact_save(
        contact=Contact(
            owner=user,
            company=northwind,
            name=words["lead_name"],
            kind=Contact.Kind.INTERVIEWER,
            email="marco.liu@northwind.example",
            title=words["lead_title"],
        )
    )
    contact_save(
        contact=Contact(
            owner=user,
            company=staffing,
            name=words["agent_name"],
            kind=Contact.Kind.STAFFING_AGENCY,
            email="ruth@brightpath.example",
        )
    )

    final = services.application_create(
        owner=user,
        company=northwind,
        role=words["final_role"],
        status=Status.APPLIED,
        date_applied=days_ago(40),
        source="referral",
        applied_via="online",
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
        location=words["final_location"],
        promised_reply_by=days_ago(6),
        questions=words["questions"],
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
            went_well=words["went_well"],
            tripped_questions=words["tripped"],
            change_next_time=words["change"],
            skills_to_build=words["skills"],
        )
    )
    services.application_change_status(
        application=final,
        to_status=Status.REJECTED,
        on=days_ago(3),
        note=words["rejection_note"],
    )
    plan = CopingPlan.objects.get(application=final)
    coping.journal_entry_create(
        owner=user,
        plan=plan,
        mood=2,
        written_on=days_ago(3),
        text=words["journal_1"],
    )
    coping.journal_entry_create(
        owner=user,
        plan=plan,
        mood=3,
        written_on=days_ago(1),
        text=words["journal_2"],
    )
    coping.net_goal_set(plan=plan, target=5, weeks=3)
    coping.plan_step_set(plan=plan, step="widen", state="done")

    services.application_create(
        owner=user,
        company=lumen,
        role=words["lumen_role"],
        status=Status.APPLIED,
        date_applied=days_ago(9),
        source="job_board",
        applied_via="email",
        remote_mode="remote",
        excitement=4,
    )
    orbit_app = services.application_create(
        owner=user,
        company=orbit,
        role=words["orbit_role"],
        status=Status.APPLIED,
        date_applied=days_ago(20),
        source="company_site",
        applied_via="post",
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
            preparation_notes=words["orbit_preparation"],
        )
    )
    services.application_create(
        owner=user,
        company=fernhill,
        role=words["fernhill_role"],
        status=Status.WISHLIST,
        excitement=2,
    )
    return user
