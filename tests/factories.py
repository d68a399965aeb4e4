import datetime as dt

import factory
from django.utils import timezone

from rebound.lib.localtime import local_today
from rebound.models import User

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
    def _save(obj, create, extracted, **kwargs):
        if create:
            obj.save()
            if obj.email_verified:
                from allauth.account.models import EmailAddress

                EmailAddress.objects.create(
                    user=obj, email=obj.email.lower(), verified=True, primary=True
                )

    @factory.post_generation
    def second_factor(obj, create, extracted, **kwargs):
        """Staff have an authenticator app, as the admin requires (issue 25);
        UserFactory(is_staff=True, second_factor=False) makes one who hasn't set it up."""
        if create and obj.is_staff and extracted is not False:
            from allauth.mfa.totp.internal.auth import TOTP, generate_totp_secret

            TOTP.activate(obj, generate_totp_secret())


class CompanyFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = "applications.Company"

    owner = factory.SubFactory(UserFactory)
    name = factory.Sequence(lambda n: f"Company {n}")


class ContactFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = "applications.Contact"

    owner = factory.SelfAttribute("company.owner")
    company = factory.SubFactory(CompanyFactory)
    name = factory.Faker("name")
    kind = "interviewer"
    email = factory.Faker("email")


class ApplicationFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = "applications.Application"
        skip_postgeneration_save = True

    owner = factory.SelfAttribute("company.owner")
    company = factory.SubFactory(CompanyFactory)
    role = factory.Sequence(lambda n: f"Engineer {n}")
    status = "applied"
    source = "job_board"
    # The owner's today, as the services date things (the model's default is the server's).
    status_changed_on = factory.LazyAttribute(lambda o: local_today(o.owner))

    @factory.post_generation
    def timeline(obj, create, extracted, **kwargs):
        if create:
            from applications.models import StatusChange

            StatusChange.objects.create(
                application=obj, to_status=obj.status, changed_on=obj.status_changed_on
            )


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


def reject(application, on=None, to_status="rejected"):
    """Reject through the one service, as the app does; returns the plan it opened."""
    from applications.services import application_change_status
    from coping.models import CopingPlan

    change = application_change_status(application=application, to_status=to_status, on=on)
    return CopingPlan.objects.filter(opened_by=change).first() if change else None


def reminders_about(subject, kind=None):
    """Every reminder (any state) about a subject, as the engine keys them: kind and id."""
    from reminders.kinds import registered
    from reminders.models import Reminder

    kinds = [k.name for k in registered().values() if k.subject_model == subject._meta.label]
    if kind is not None:
        kinds = [k for k in kinds if k == kind]
    return Reminder.objects.filter(kind__in=kinds, subject_id=subject.pk)
