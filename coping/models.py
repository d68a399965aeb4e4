import datetime as dt

from django.conf import settings
from django.core.validators import MaxValueValidator, MinValueValidator
from django.db import models
from django.db.models import Q
from django.db.models.functions import Coalesce

from applications.models import Application, Contact, StatusChange
from rebound.crypto import EncryptedTextField
from rebound.lib.urlcache import object_url

MOOD = [MinValueValidator(1), MaxValueValidator(5)]


class Step(models.TextChoices):
    REFLECT = "reflect", "Reflect"
    FEELINGS = "feelings", "Feelings and closure"
    WIDEN = "widen", "Widen the net"
    NEVER_SETTLE = "never_settle", "Never settle"
    KEEP_IN_TOUCH = "keep_in_touch", "Keep in touch"
    # Not "legal advice": the step says plainly that it isn't.
    LEGAL = "legal", "Legal options"


class CopingPlanQuerySet(models.QuerySet["CopingPlan"]):
    def with_progress(self) -> "CopingPlanQuerySet":
        """Each plan with `steps_total` and `steps_finished` (done or skipped, as
        services.plan_progress counts), in the same query: correlated subqueries run for the
        rows returned only, instead of every plan's steps loaded to be counted."""

        def steps(*conditions: Q) -> models.Subquery:
            counted = PlanStep.objects.filter(*conditions, plan=models.OuterRef("pk")).order_by()
            return models.Subquery(
                counted.values("plan").annotate(n=models.Count("pk")).values("n")
            )

        return self.annotate(
            steps_total=Coalesce(steps(), 0),
            steps_finished=Coalesce(steps(~Q(state=PlanStep.State.TODO)), 0),
        )


class CopingPlan(models.Model):
    class Reason(models.TextChoices):
        REJECTED = "rejected", "Rejected"
        GHOSTED = "ghosted", "Ghosted"
        RESCINDED = "rescinded", "Offer rescinded"

    owner = models.ForeignKey(settings.AUTH_USER_MODEL, on_delete=models.CASCADE)
    application = models.ForeignKey(
        Application, on_delete=models.CASCADE, related_name="coping_plans"
    )
    # The status change that opened the plan: one plan per rejection, enforced by the database.
    opened_by = models.OneToOneField(
        StatusChange, on_delete=models.CASCADE, related_name="coping_plan"
    )
    reason = models.CharField(max_length=20, choices=Reason.choices)
    opened_on = models.DateField()
    legal_flagged = models.BooleanField(default=False)
    closed_at = models.DateTimeField(null=True, blank=True)
    created_at = models.DateTimeField(auto_now_add=True)

    objects = CopingPlanQuerySet.as_manager()

    class Meta:
        ordering = ["-opened_on", "-pk"]
        constraints = [
            models.UniqueConstraint(
                fields=["application"],
                condition=Q(closed_at__isnull=True),
                name="copingplan_one_open_per_application",
            ),
        ]
        indexes = [
            # The plans page (`WHERE owner_id = %s ORDER BY closed_at, opened_on DESC, id DESC
            # LIMIT 20`: open ones first, newest first) and the home page's open plans
            # (`AND closed_at IS NULL ORDER BY opened_on DESC LIMIT 3`) read it in order
            # instead of joining and sorting every plan.
            models.Index(
                fields=["owner", "closed_at", "-opened_on", "-id"],
                name="copingplan_owner_list_idx",
            ),
        ]

    def __str__(self) -> str:
        return f"Plan after {self.application}"

    def get_absolute_url(self) -> str:
        return object_url("coping:plan_detail", self.pk)

    @property
    def is_open(self) -> bool:
        return self.closed_at is None


class PlanStep(models.Model):
    class State(models.TextChoices):
        TODO = "todo", "To do"
        DONE = "done", "Done"
        SKIPPED = "skipped", "Skipped"

    plan = models.ForeignKey(CopingPlan, on_delete=models.CASCADE, related_name="steps")
    step = models.CharField(max_length=20, choices=Step.choices)
    state = models.CharField(max_length=10, choices=State.choices, default=State.TODO)
    updated_at = models.DateTimeField(auto_now=True)

    class Meta:
        constraints = [
            models.UniqueConstraint(fields=["plan", "step"], name="planstep_one_per_step"),
        ]

    def __str__(self) -> str:
        return f"{self.get_step_display()}: {self.get_state_display()}"


class Reflection(models.Model):
    plan = models.OneToOneField(CopingPlan, on_delete=models.CASCADE, related_name="reflection")
    qualified = EncryptedTextField("Were you qualified and suited for the role?", blank=True)
    performance = EncryptedTextField("How did you do in front of the panel?", blank=True)
    tripped_questions = EncryptedTextField("Which questions tripped you?", blank=True)
    skills_to_improve = EncryptedTextField(
        "Which interviewing skills will you work on?", blank=True
    )
    updated_at = models.DateTimeField(auto_now=True)

    def __str__(self) -> str:
        return f"Reflection on {self.plan.application}"


class JournalEntry(models.Model):
    owner = models.ForeignKey(settings.AUTH_USER_MODEL, on_delete=models.CASCADE)
    plan = models.ForeignKey(
        CopingPlan, on_delete=models.SET_NULL, null=True, blank=True, related_name="journal"
    )
    written_on = models.DateField(default=dt.date.today)
    mood = models.PositiveSmallIntegerField(validators=MOOD)
    text = EncryptedTextField("what is on your mind", blank=True)
    created_at = models.DateTimeField(auto_now_add=True)

    class Meta:
        verbose_name_plural = "journal entries"
        ordering = ["-written_on", "-created_at"]
        constraints = [
            models.CheckConstraint(
                condition=Q(mood__gte=1, mood__lte=5), name="journalentry_mood_1_to_5"
            ),
        ]
        indexes = [
            # The journal page and the home page's latest mood.
            models.Index(fields=["owner", "-written_on"], name="journal_owner_written_idx"),
        ]

    def __str__(self) -> str:
        # Never the text: this string shows up in admin and logs.
        return f"Journal entry #{self.pk}"


class FeedbackRequest(models.Model):
    class Status(models.TextChoices):
        DRAFTED = "drafted", "Drafted"
        SENT = "sent", "Sent"
        RECEIVED = "received", "Received"

    plan = models.OneToOneField(
        CopingPlan, on_delete=models.CASCADE, related_name="feedback_request"
    )
    contact = models.ForeignKey(Contact, on_delete=models.SET_NULL, null=True, blank=True)
    subject = models.CharField(max_length=200)
    body = EncryptedTextField()
    status = models.CharField(max_length=10, choices=Status.choices, default=Status.DRAFTED)
    sent_on = models.DateField(null=True, blank=True)
    received_on = models.DateField(null=True, blank=True)
    feedback = EncryptedTextField("the feedback you received", blank=True)
    updated_at = models.DateTimeField(auto_now=True)

    class Meta:
        constraints = [
            models.CheckConstraint(
                condition=~Q(status="received") | Q(received_on__isnull=False),
                name="feedback_received_has_date",
            ),
        ]

    def __str__(self) -> str:
        return f"Feedback request ({self.get_status_display()})"


class NetGoal(models.Model):
    plan = models.OneToOneField(CopingPlan, on_delete=models.CASCADE, related_name="net_goal")
    target = models.PositiveSmallIntegerField(
        "new applications", default=5, validators=[MinValueValidator(1), MaxValueValidator(100)]
    )
    weeks = models.PositiveSmallIntegerField(
        "over the next … weeks", default=2, validators=[MinValueValidator(1), MaxValueValidator(26)]
    )
    starts_on = models.DateField()

    class Meta:
        constraints = [
            models.CheckConstraint(
                condition=Q(target__gte=1, target__lte=100, weeks__gte=1, weeks__lte=26),
                name="netgoal_sensible_range",
            ),
        ]

    def __str__(self) -> str:
        return f"{self.target} applications in {self.weeks} weeks"

    @property
    def ends_on(self) -> dt.date:
        return self.starts_on + dt.timedelta(weeks=self.weeks)


class Outreach(models.Model):
    class Outcome(models.TextChoices):
        WAITING = "waiting", "Waiting for a reply"
        LEAD = "lead", "Got a lead"
        REFERRAL = "referral", "Got a referral"
        NOTHING_NOW = "nothing_now", "Nothing right now"
        NO_REPLY = "no_reply", "No reply"

    owner = models.ForeignKey(settings.AUTH_USER_MODEL, on_delete=models.CASCADE)
    plan = models.ForeignKey(
        CopingPlan, on_delete=models.SET_NULL, null=True, blank=True, related_name="outreach"
    )
    contact = models.ForeignKey(Contact, on_delete=models.CASCADE, related_name="outreach")
    on = models.DateField("when")
    outcome = models.CharField(max_length=20, choices=Outcome.choices, default=Outcome.WAITING)
    notes = EncryptedTextField(blank=True)
    created_at = models.DateTimeField(auto_now_add=True)

    class Meta:
        verbose_name_plural = "outreach"
        ordering = ["-on", "-created_at"]
        indexes = [models.Index(fields=["owner", "-on"], name="outreach_owner_on_idx")]

    def __str__(self) -> str:
        return f"Outreach to {self.contact.name} on {self.on}"


class FollowUp(models.Model):
    """The keep-in-touch check-in a rejection schedules; its reminder carries the note."""

    plan = models.OneToOneField(CopingPlan, on_delete=models.CASCADE, related_name="follow_up")
    interested = models.BooleanField(null=True, help_text="Still interested in this company?")
    check_in_on = models.DateField(null=True, blank=True)
    contact = models.ForeignKey(Contact, on_delete=models.SET_NULL, null=True, blank=True)
    note = EncryptedTextField("check-in note", blank=True)
    requirements = EncryptedTextField("what the role asks for", blank=True)
    experience_now = EncryptedTextField("what you can show now", blank=True)
    updated_at = models.DateTimeField(auto_now=True)

    def __str__(self) -> str:
        return f"Keep in touch with {self.plan.application.company}"


class Incident(models.Model):
    class Kind(models.TextChoices):
        DISCRIMINATORY_QUESTION = "discriminatory_question", "A discriminatory question"
        RESCINDED_OFFER = "rescinded_offer", "A rescinded offer"
        RETALIATION = "retaliation", "Retaliation"
        OTHER = "other", "Something else"

    class Jurisdiction(models.TextChoices):
        US = "us", "United States (EEOC)"
        US_STATE = "us_state", "United States, where a state or local agency also applies"
        US_FEDERAL = "us_federal", "United States, federal employee or applicant"
        UK = "uk", "United Kingdom (employment tribunal)"
        OTHER = "other", "Somewhere else"

    plan = models.ForeignKey(CopingPlan, on_delete=models.CASCADE, related_name="incidents")
    kind = models.CharField(max_length=30, choices=Kind.choices)
    happened_on = models.DateField("when it happened")
    jurisdiction = models.CharField(max_length=20, choices=Jurisdiction.choices)
    facts = EncryptedTextField("what happened, in your words, with names and dates")
    created_at = models.DateTimeField(auto_now_add=True)

    class Meta:
        ordering = ["happened_on", "pk"]

    def __str__(self) -> str:
        # Never what happened: this string shows up in admin and logs.
        return f"Incident note #{self.pk}"
