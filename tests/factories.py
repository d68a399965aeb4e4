import datetime as dt
from typing import Any

import factory
from allauth.account.models import EmailAddress
from allauth.mfa.totp.internal.auth import TOTP, generate_totp_secret
from django.db.models import Model, QuerySet
from django.utils import timezone

from applications.company_services import company_save, contact_save
from applications.models import Application, Company, Contact
from applications.services import application_change_status, application_create
from coping.models import CopingPlan
from interviews.models import SelfAssessment
from interviews.services import assessment_save
from rebound.lib.localtime import local_today
from rebound.models import User
from reminders.kinds import registered
from reminders.models import Reminder

PASSWORD = "correct-horse-battery"


class UserFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = User
        skip_postgeneration_save = True

    email = factory.Sequence(lambda n: f"user{n}@example.com")
    first_name = factory.Faker("first_name")
    timezone = "Europe/Berlin"
    password = factory.PostGenerationMethodCall("set_password", PASSWORD)

    # An account as it is once its address is confirmed (what reminders and log-in need);
    # UserFactory(email_verified=False) is one just signed up.
    email_verified = True

    @factory.post_generation
    def _save(obj: User, create: bool, extracted: Any, **kwargs: Any) -> None:
        if create:
            obj.save()
            if obj.email_verified:
                EmailAddress.objects.create(
                    user=obj, email=obj.email.lower(), verified=True, primary=True
                )

    @factory.post_generation
    def second_factor(obj: User, create: bool, extracted: Any, **kwargs: Any) -> None:
        """Staff have an authenticator app, as the admin requires (issue 25);
        UserFactory(is_staff=True, second_factor=False) makes one who hasn't set it up."""
        if create and obj.is_staff and extracted is not False:
            TOTP.activate(obj, generate_totp_secret())


class CompanyFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = "applications.Company"

    owner = factory.SubFactory(UserFactory)
    name = factory.Sequence(lambda n: f"Company {n}")

    @classmethod
    def _create(cls, model_class: type[Company], *args: Any, **kwargs: Any) -> Company:
        # Through the service, as the pages save one: the same name rule and message.
        return company_save(company=model_class(*args, **kwargs))


class ContactFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = "applications.Contact"

    owner = factory.SelfAttribute("company.owner")
    company = factory.SubFactory(CompanyFactory)
    name = factory.Faker("name")
    kind = "interviewer"
    email = factory.Faker("email")

    @classmethod
    def _create(cls, model_class: type[Contact], *args: Any, **kwargs: Any) -> Contact:
        return contact_save(contact=model_class(*args, **kwargs))


class ApplicationFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = "applications.Application"

    owner = factory.SelfAttribute("company.owner")
    company = factory.SubFactory(CompanyFactory)
    role = factory.Sequence(lambda n: f"Engineer {n}")
    status = "applied"
    source = "job_board"
    # The day it reached its status: the owner's today unless a test says otherwise.
    status_changed_on = factory.LazyAttribute(lambda o: local_today(o.owner))

    @classmethod
    def _create(cls, model_class: type[Application], *args: Any, **kwargs: Any) -> Application:
        """Through the service every way in uses, so a made application holds what a real one
        does: the first step of its timeline, the date applied read from it, the no-reply
        nudge while it sits in Applied. The service dates that first step by `date_applied`
        (any status's first day); `status_changed_on` is what the tests call it."""
        on = kwargs.pop("status_changed_on")
        kwargs.setdefault("date_applied", on)
        return application_create(*args, **kwargs)


class InterviewFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = "interviews.Interview"

    application = factory.SubFactory(ApplicationFactory)
    owner = factory.SelfAttribute("application.owner")
    round_type = "technical"
    starts_at = factory.LazyFunction(lambda: timezone.now() - dt.timedelta(days=1))
    ends_at = factory.LazyAttribute(lambda o: o.starts_at + dt.timedelta(hours=1))
    questions = "Tell me about yourself\nDesign a rate limiter"


class SelfAssessmentFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = "interviews.SelfAssessment"

    interview = factory.SubFactory(InterviewFactory)
    qualification_fit = 4
    preparation = 3
    communication = 4
    technical_answers = 2
    rapport = 5
    confidence = 3
    went_well = "Good rapport with the hiring manager"
    tripped_questions = "The rate limiter design: I froze on distributed counters"
    skills_to_build = "System design\nDistributed systems"

    @classmethod
    def _create(
        cls, model_class: type[SelfAssessment], *args: Any, **kwargs: Any
    ) -> SelfAssessment:
        # Through the service, so a made one passes the model's own checks as a saved one does.
        return assessment_save(assessment=model_class(*args, **kwargs))


def reject(
    application: Application, on: dt.date | None = None, to_status: str = "rejected"
) -> CopingPlan | None:
    """Reject through the one service, as the app does; returns the plan it opened."""
    moved = application_change_status(application=application, to_status=to_status, on=on)
    return CopingPlan.objects.filter(opened_by=moved.change).first() if moved else None


def reminders_about(subject: Model, kind: str | None = None) -> QuerySet[Reminder]:
    """Every reminder (any state) about a subject, as the engine keys them: kind and id."""
    kinds = [k.name for k in registered().values() if k.subject_model == subject._meta.label]
    if kind is not None:
        kinds = [k for k in kinds if k == kind]
    return Reminder.objects.filter(kind__in=kinds, subject_id=subject.pk)
