import datetime as dt

from django.conf import settings
from django.core.validators import MaxValueValidator, MinValueValidator
from django.db import models
from django.db.models import F, Q
from django.db.models.functions import Coalesce
from django.utils.translation import gettext, ngettext
from django.utils.translation import gettext_lazy as _

from applications.models import Application, Contact, StatusChange
from rebound.crypto import EncryptedTextField
from rebound.lib.urlcache import object_url

MOOD = [MinValueValidator(1), MaxValueValidator(5)]


class Step(models.TextChoices):
    REFLECT = "reflect", _("Reflect")
    FEELINGS = "feelings", _("Feelings and closure")
    WIDEN = "widen", _("Widen the net")
    NEVER_SETTLE = "never_settle", _("Never settle")
    KEEP_IN_TOUCH = "keep_in_touch", _("Keep in touch")
    # Not "legal advice": the step says plainly that it isn't.
    LEGAL = "legal", _("Legal options")


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
        REJECTED = "rejected", _("Rejected")
        GHOSTED = "ghosted", _("Ghosted")
        RESCINDED = "rescinded", _("Offer rescinded")

    owner = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.CASCADE, verbose_name=_("owner")
    )
    application = models.ForeignKey(
        Application,
        on_delete=models.CASCADE,
        related_name="coping_plans",
        verbose_name=_("application"),
    )
    # The status change that opened the plan: one plan per rejection, enforced by the database.
    opened_by = models.OneToOneField(
        StatusChange,
        on_delete=models.CASCADE,
        related_name="coping_plan",
        verbose_name=_("opened by"),
    )
    reason = models.CharField(_("reason"), max_length=20, choices=Reason.choices)
    opened_on = models.DateField(_("opened on"))
    legal_flagged = models.BooleanField(_("legal step added"), default=False)
    closed_at = models.DateTimeField(_("closed at"), null=True, blank=True)
    created_at = models.DateTimeField(_("created"), auto_now_add=True)

    objects = CopingPlanQuerySet.as_manager()

    class Meta:
        verbose_name = _("plan")
        verbose_name_plural = _("plans")
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
        return gettext("Plan after %(application)s") % {"application": self.application}

    def get_absolute_url(self) -> str:
        return object_url("coping:plan_detail", self.pk)

    @property
    def is_open(self) -> bool:
        return self.closed_at is None


class PlanStep(models.Model):
    class State(models.TextChoices):
        TODO = "todo", _("To do")
        DONE = "done", _("Done")
        SKIPPED = "skipped", _("Skipped")

    plan = models.ForeignKey(
        CopingPlan, on_delete=models.CASCADE, related_name="steps", verbose_name=_("plan")
    )
    step = models.CharField(_("step"), max_length=20, choices=Step.choices)
    state = models.CharField(_("state"), max_length=10, choices=State.choices, default=State.TODO)
    updated_at = models.DateTimeField(_("updated"), auto_now=True)

    class Meta:
        verbose_name = _("step")
        verbose_name_plural = _("steps")
        constraints = [
            models.UniqueConstraint(fields=["plan", "step"], name="planstep_one_per_step"),
        ]

    def __str__(self) -> str:
        return gettext("%(step)s: %(state)s") % {
            "step": self.get_step_display(),
            "state": self.get_state_display(),
        }


class Reflection(models.Model):
    plan = models.OneToOneField(
        CopingPlan, on_delete=models.CASCADE, related_name="reflection", verbose_name=_("plan")
    )
    qualified = EncryptedTextField(_("Were you qualified and suited for the role?"), blank=True)
    performance = EncryptedTextField(_("How did you do in front of the panel?"), blank=True)
    tripped_questions = EncryptedTextField(_("Which questions tripped you?"), blank=True)
    skills_to_improve = EncryptedTextField(
        _("Which interviewing skills will you work on?"), blank=True
    )
    updated_at = models.DateTimeField(_("updated"), auto_now=True)

    class Meta:
        verbose_name = _("reflection")
        verbose_name_plural = _("reflections")

    def __str__(self) -> str:
        return gettext("Reflection on %(application)s") % {"application": self.plan.application}


class JournalEntry(models.Model):
    owner = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.CASCADE, verbose_name=_("owner")
    )
    plan = models.ForeignKey(
        CopingPlan,
        on_delete=models.SET_NULL,
        null=True,
        blank=True,
        related_name="journal",
        verbose_name=_("plan"),
    )
    written_on = models.DateField(_("written on"), default=dt.date.today)
    mood = models.PositiveSmallIntegerField(_("mood"), validators=MOOD)
    text = EncryptedTextField(_("what is on your mind"), blank=True)
    created_at = models.DateTimeField(_("created"), auto_now_add=True)

    class Meta:
        verbose_name = _("journal entry")
        verbose_name_plural = _("journal entries")
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
        return gettext("Journal entry #%(id)s") % {"id": self.pk}


class FeedbackRequest(models.Model):
    class Status(models.TextChoices):
        DRAFTED = "drafted", _("Drafted")
        SENT = "sent", _("Sent")
        RECEIVED = "received", _("Received")

    plan = models.OneToOneField(
        CopingPlan,
        on_delete=models.CASCADE,
        related_name="feedback_request",
        verbose_name=_("plan"),
    )
    contact = models.ForeignKey(
        Contact, on_delete=models.SET_NULL, null=True, blank=True, verbose_name=_("contact")
    )
    subject = models.CharField(_("subject"), max_length=200)
    body = EncryptedTextField(_("message"))
    status = models.CharField(
        _("status"), max_length=10, choices=Status.choices, default=Status.DRAFTED
    )
    sent_on = models.DateField(_("sent on"), null=True, blank=True)
    received_on = models.DateField(_("received on"), null=True, blank=True)
    feedback = EncryptedTextField(_("the feedback you received"), blank=True)
    updated_at = models.DateTimeField(_("updated"), auto_now=True)

    class Meta:
        verbose_name = _("feedback request")
        verbose_name_plural = _("feedback requests")
        constraints = [
            models.CheckConstraint(
                condition=~Q(status="received") | Q(received_on__isnull=False),
                name="feedback_received_has_date",
            ),
        ]

    def __str__(self) -> str:
        return gettext("Feedback request (%(status)s)") % {"status": self.get_status_display()}


class NetGoal(models.Model):
    plan = models.OneToOneField(
        CopingPlan, on_delete=models.CASCADE, related_name="net_goal", verbose_name=_("plan")
    )
    target = models.PositiveSmallIntegerField(
        _("new applications"), default=5, validators=[MinValueValidator(1), MaxValueValidator(100)]
    )
    weeks = models.PositiveSmallIntegerField(
        _("over the next … weeks"),
        default=2,
        validators=[MinValueValidator(1), MaxValueValidator(26)],
    )
    starts_on = models.DateField(_("starts on"))

    class Meta:
        verbose_name = _("goal for new applications")
        verbose_name_plural = _("goals for new applications")
        constraints = [
            models.CheckConstraint(
                condition=Q(target__gte=1, target__lte=100, weeks__gte=1, weeks__lte=26),
                name="netgoal_sensible_range",
            ),
        ]

    def __str__(self) -> str:
        return ngettext(
            "%(target)s applications in %(weeks)s week",
            "%(target)s applications in %(weeks)s weeks",
            self.weeks,
        ) % {"target": self.target, "weeks": self.weeks}

    @property
    def ends_on(self) -> dt.date:
        return self.starts_on + dt.timedelta(weeks=self.weeks)


class Outreach(models.Model):
    class Outcome(models.TextChoices):
        WAITING = "waiting", _("Waiting for a reply")
        LEAD = "lead", _("Got a lead")
        REFERRAL = "referral", _("Got a referral")
        NOTHING_NOW = "nothing_now", _("Nothing right now")
        NO_REPLY = "no_reply", _("No reply")

    owner = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.CASCADE, verbose_name=_("owner")
    )
    plan = models.ForeignKey(
        CopingPlan,
        on_delete=models.SET_NULL,
        null=True,
        blank=True,
        related_name="outreach",
        verbose_name=_("plan"),
    )
    contact = models.ForeignKey(
        Contact, on_delete=models.CASCADE, related_name="outreach", verbose_name=_("contact")
    )
    on = models.DateField(_("when"))
    outcome = models.CharField(
        _("outcome"), max_length=20, choices=Outcome.choices, default=Outcome.WAITING
    )
    notes = EncryptedTextField(_("notes"), blank=True)
    created_at = models.DateTimeField(_("created"), auto_now_add=True)

    class Meta:
        verbose_name = _("outreach")
        verbose_name_plural = _("outreach")
        ordering = ["-on", "-created_at"]
        indexes = [models.Index(fields=["owner", "-on"], name="outreach_owner_on_idx")]

    def __str__(self) -> str:
        return gettext("Outreach to %(name)s on %(day)s") % {
            "name": self.contact.name,
            "day": self.on,
        }


class FollowUp(models.Model):
    """The keep-in-touch check-in a rejection schedules; its reminder carries the note."""

    plan = models.OneToOneField(
        CopingPlan, on_delete=models.CASCADE, related_name="follow_up", verbose_name=_("plan")
    )
    interested = models.BooleanField(
        _("interested"), null=True, help_text=_("Still interested in this company?")
    )
    check_in_on = models.DateField(_("check in on"), null=True, blank=True)
    contact = models.ForeignKey(
        Contact, on_delete=models.SET_NULL, null=True, blank=True, verbose_name=_("contact")
    )
    note = EncryptedTextField(_("check-in note"), blank=True)
    requirements = EncryptedTextField(_("what the role asks for"), blank=True)
    experience_now = EncryptedTextField(_("what you can show now"), blank=True)
    updated_at = models.DateTimeField(_("updated"), auto_now=True)

    class Meta:
        verbose_name = _("check-in")
        verbose_name_plural = _("check-ins")

    def __str__(self) -> str:
        return gettext("Keep in touch with %(company)s") % {
            "company": self.plan.application.company
        }


class Land(models.TextChoices):
    """Germany's Länder, by their own names in every language, for their public holidays
    (coping.legal: § 193 BGB). The codes are the `holidays` library's subdivisions."""

    BW = "BW", "Baden-Württemberg"
    BY = "BY", "Bayern"
    BE = "BE", "Berlin"
    BB = "BB", "Brandenburg"
    HB = "HB", "Bremen"
    HH = "HH", "Hamburg"
    HE = "HE", "Hessen"
    MV = "MV", "Mecklenburg-Vorpommern"
    NI = "NI", "Niedersachsen"
    NW = "NW", "Nordrhein-Westfalen"
    RP = "RP", "Rheinland-Pfalz"
    SL = "SL", "Saarland"
    SN = "SN", "Sachsen"
    ST = "ST", "Sachsen-Anhalt"
    SH = "SH", "Schleswig-Holstein"
    TH = "TH", "Thüringen"


class Incident(models.Model):
    class Kind(models.TextChoices):
        DISCRIMINATORY_QUESTION = "discriminatory_question", _("A discriminatory question")
        RESCINDED_OFFER = "rescinded_offer", _("A rescinded offer")
        RETALIATION = "retaliation", _("Retaliation")
        OTHER = "other", _("Something else")

    class Jurisdiction(models.TextChoices):
        US = "us", _("United States (EEOC)")
        US_STATE = "us_state", _("United States, where a state or local agency also applies")
        US_FEDERAL = "us_federal", _("United States, federal employee or applicant")
        UK = "uk", _("United Kingdom (employment tribunal)")
        DE = "de", _("Germany (AGG)")
        OTHER = "other", _("Somewhere else")

    Land = Land

    plan = models.ForeignKey(
        CopingPlan, on_delete=models.CASCADE, related_name="incidents", verbose_name=_("plan")
    )
    kind = models.CharField(_("kind"), max_length=30, choices=Kind.choices)
    happened_on = models.DateField(_("when it happened"))
    jurisdiction = models.CharField(_("where"), max_length=20, choices=Jurisdiction.choices)
    facts = EncryptedTextField(_("what happened, in your words, with names and dates"))
    # Germany only (coping.legal): § 15 Abs. 4 AGG counts from the rejection's arrival, often
    # weeks after what `happened_on` records (a question asked at the interview).
    received_on = models.DateField(_("the day the rejection reached you"), null=True, blank=True)
    # When the applicant learned of something that points to discrimination, if later: the
    # period starts then instead (LAG Hessen, 1 November 2016, 8 Sa 301/16).
    learned_on = models.DateField(
        _("the day you learned of the discrimination, if later"), null=True, blank=True
    )
    land = models.CharField(_("Land"), max_length=2, choices=Land.choices, blank=True)
    # The written claim's arrival (§ 15 Abs. 4 AGG): § 61b ArbGG's three months count from it.
    claimed_on = models.DateField(
        _("the day your written claim reached the employer"), null=True, blank=True
    )
    created_at = models.DateTimeField(_("created"), auto_now_add=True)

    class Meta:
        verbose_name = _("incident note")
        verbose_name_plural = _("incident notes")
        ordering = ["happened_on", "pk"]
        constraints = [
            # The German deadlines need the day the rejection arrived and the Land's holidays.
            models.CheckConstraint(
                condition=~Q(jurisdiction="de") | (Q(received_on__isnull=False) & ~Q(land="")),
                name="incident_germany_has_received_on_and_land",
                violation_error_message=_(
                    "For Germany, give the day the rejection reached you and your Land."
                ),
            ),
            # …and only German notes carry them: no stray dates behind another place's note.
            models.CheckConstraint(
                condition=Q(jurisdiction="de")
                | Q(
                    received_on__isnull=True,
                    learned_on__isnull=True,
                    claimed_on__isnull=True,
                    land="",
                ),
                name="incident_german_dates_only_for_germany",
                violation_error_message=_("These dates are only for Germany."),
            ),
            models.CheckConstraint(
                condition=Q(land__in=["", *Land.values]),
                name="incident_land_is_known",
                violation_error_message=_("Choose one of the Länder."),
            ),
            # Knowing of the discrimination can start the period later, never earlier.
            models.CheckConstraint(
                condition=Q(learned_on__isnull=True) | Q(learned_on__gte=F("received_on")),
                name="incident_learned_not_before_received",
                violation_error_message=_(
                    "The day you learned of the discrimination can’t be before the day the "
                    "rejection reached you."
                ),
            ),
            # A claim for this rejection is made after it arrives.
            models.CheckConstraint(
                condition=Q(claimed_on__isnull=True) | Q(claimed_on__gte=F("received_on")),
                name="incident_claimed_not_before_received",
                violation_error_message=_(
                    "Your written claim can’t have reached the employer before the rejection "
                    "reached you."
                ),
            ),
        ]

    def __str__(self) -> str:
        # Never what happened: this string shows up in admin and logs.
        return gettext("Incident note #%(id)s") % {"id": self.pk}
