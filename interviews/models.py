import datetime as dt

from django.conf import settings
from django.core.validators import MaxValueValidator, MinValueValidator
from django.db import models
from django.db.models import Q

from applications.models import Application, Contact
from rebound.crypto import EncryptedTextField
from rebound.lib.urlcache import object_url

# An interview is entered as one local day's start and end time, so it lasts under a day (a
# daylight-saving change adds an hour). The bound lets "now" queries read a range of the
# (owner, starts_at) index instead of filtering every past interview by its end.
MAX_LENGTH = dt.timedelta(hours=25)


class InterviewQuerySet(models.QuerySet["Interview"]):
    def upcoming(self, now: dt.datetime) -> "InterviewQuerySet":
        """Not over yet (including one in progress)."""
        return self.filter(starts_at__gt=now - MAX_LENGTH, ends_at__gte=now)

    def past(self, now: dt.datetime) -> "InterviewQuerySet":
        return self.filter(starts_at__lt=now, ends_at__lt=now)

    def unassessed(self) -> "InterviewQuerySet":
        # NOT EXISTS, not `assessment__isnull=True`: Django's LEFT JOIN … IS NULL made the
        # planner expect one row and hash all of a heavy user's interviews (21 ms for the home
        # page's five); the anti-join walks the (owner, starts_at) index and stops at five.
        return self.filter(
            ~models.Exists(SelfAssessment.objects.filter(interview=models.OuterRef("pk")))
        )


class Interview(models.Model):
    class Round(models.TextChoices):
        PHONE_SCREEN = "phone_screen", "Phone screen"
        RECRUITER = "recruiter", "Recruiter call"
        TECHNICAL = "technical", "Technical"
        TAKE_HOME = "take_home", "Take-home"
        PANEL = "panel", "Panel"
        ONSITE = "onsite", "On-site"
        FINAL = "final", "Final"
        OTHER = "other", "Other"

    class Format(models.TextChoices):
        VIDEO = "video", "Video call"
        PHONE = "phone", "Phone"
        ONSITE = "onsite", "In person"

    application = models.ForeignKey(
        Application, on_delete=models.CASCADE, related_name="interviews"
    )
    # The application's owner, kept here (set by interview_save) so a user's interview lists
    # and the home page read one indexed table instead of joining every application.
    owner = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.CASCADE, related_name="+", editable=False
    )
    round_type = models.CharField("round", max_length=20, choices=Round.choices)
    starts_at = models.DateTimeField()
    ends_at = models.DateTimeField()
    format = models.CharField(max_length=10, choices=Format.choices, default=Format.VIDEO)
    location = models.CharField("location or link", max_length=500, blank=True)
    interviewers = models.ManyToManyField(Contact, blank=True, related_name="interviews")
    preparation_notes = models.TextField(blank=True)
    questions = models.TextField("questions asked", blank=True, help_text="One question per line.")
    promised_reply_by = models.DateField("they promised to reply by", null=True, blank=True)
    created_at = models.DateTimeField(auto_now_add=True)
    # When it last changed: the calendar feed's LAST-MODIFIED and SEQUENCE, so a moved
    # interview updates in place in the user's calendar.
    updated_at = models.DateTimeField(auto_now=True)

    objects = InterviewQuerySet.as_manager()

    class Meta:
        ordering = ["starts_at"]
        constraints = [
            models.CheckConstraint(
                condition=Q(ends_at__gt=models.F("starts_at")), name="interview_ends_after_start"
            ),
            models.CheckConstraint(
                condition=Q(ends_at__lte=models.F("starts_at") + MAX_LENGTH),
                name="interview_within_max_length",
            ),
        ]
        indexes = [
            # An application's rounds in order (its page, the prep email's earlier rounds).
            models.Index(fields=["application", "starts_at"], name="interview_app_start_idx"),
            # A user's upcoming and past interviews (the interviews page, the home page's
            # "coming up" and "how did it go?").
            models.Index(fields=["owner", "starts_at"], name="interview_owner_start_idx"),
            # The home page's overdue promised replies.
            models.Index(
                fields=["owner", "promised_reply_by"],
                condition=Q(promised_reply_by__isnull=False),
                name="interview_owner_promised_idx",
            ),
        ]

    def __str__(self) -> str:
        return f"{self.get_round_type_display()} — {self.application}"

    def get_absolute_url(self) -> str:
        return object_url("interviews:detail", self.pk)

    @property
    def application_url(self) -> str:
        return object_url("applications:application_detail", self.application_id)

    @property
    def assessment_url(self) -> str:
        return object_url("interviews:assessment_edit", self.pk)

    @property
    def duration_minutes(self) -> int:
        return int((self.ends_at - self.starts_at).total_seconds() // 60)

    @property
    def question_list(self) -> list[str]:
        return [line.strip() for line in self.questions.splitlines() if line.strip()]


RATING = [MinValueValidator(1), MaxValueValidator(5)]
RATING_FIELDS = (
    "qualification_fit",
    "preparation",
    "communication",
    "technical_answers",
    "rapport",
    "confidence",
)


class SelfAssessment(models.Model):
    interview = models.OneToOneField(Interview, on_delete=models.CASCADE, related_name="assessment")
    qualification_fit = models.PositiveSmallIntegerField(
        "how well you fit the requirements", validators=RATING
    )
    preparation = models.PositiveSmallIntegerField("how prepared you were", validators=RATING)
    communication = models.PositiveSmallIntegerField(
        "how clearly you came across", validators=RATING
    )
    technical_answers = models.PositiveSmallIntegerField(
        "your technical answers", validators=RATING
    )
    rapport = models.PositiveSmallIntegerField("rapport with the panel", validators=RATING)
    confidence = models.PositiveSmallIntegerField(
        "overall, how confident you feel about it", validators=RATING
    )
    went_well = EncryptedTextField("what went well", blank=True)
    tripped_questions = EncryptedTextField("questions that tripped you, and why", blank=True)
    change_next_time = EncryptedTextField("what you would do differently", blank=True)
    skills_to_build = EncryptedTextField("skills to build", blank=True, help_text="One per line.")
    created_at = models.DateTimeField(auto_now_add=True)
    updated_at = models.DateTimeField(auto_now=True)

    class Meta:
        constraints = [
            models.CheckConstraint(
                condition=Q(**{f"{name}__gte": 1}) & Q(**{f"{name}__lte": 5}),
                name=f"assessment_{name}_1_to_5",
            )
            for name in RATING_FIELDS
        ]

    def __str__(self) -> str:
        return f"Self-assessment of {self.interview}"

    @classmethod
    def rating_labels(cls) -> dict[str, str]:
        """Each rating's field name and its label as pages show it."""
        fields = {f.name: f for f in cls._meta.fields}
        return {name: str(fields[name].verbose_name).capitalize() for name in RATING_FIELDS}

    @property
    def ratings(self) -> list[tuple[str, int]]:
        return [(label, getattr(self, name)) for name, label in self.rating_labels().items()]

    @property
    def skill_list(self) -> list[str]:
        return [
            line.strip("-• ").strip() for line in self.skills_to_build.splitlines() if line.strip()
        ]
