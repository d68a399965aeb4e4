import datetime as dt

from django.conf import settings
from django.core.validators import MaxValueValidator, MinValueValidator
from django.db import models
from django.db.models import Q
from django.utils.functional import Promise
from django.utils.text import capfirst
from django.utils.translation import gettext, pgettext_lazy
from django.utils.translation import gettext_lazy as _

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
        PHONE_SCREEN = "phone_screen", pgettext_lazy("interview round", "Phone screen")
        RECRUITER = "recruiter", pgettext_lazy("interview round", "Recruiter call")
        TECHNICAL = "technical", pgettext_lazy("interview round", "Technical")
        TAKE_HOME = "take_home", pgettext_lazy("interview round", "Take-home")
        PANEL = "panel", pgettext_lazy("interview round", "Panel")
        ONSITE = "onsite", pgettext_lazy("interview round", "On-site")
        FINAL = "final", pgettext_lazy("interview round", "Final")
        OTHER = "other", pgettext_lazy("interview round", "Other")

    class Format(models.TextChoices):
        VIDEO = "video", pgettext_lazy("interview format", "Video call")
        PHONE = "phone", pgettext_lazy("interview format", "Phone")
        ONSITE = "onsite", pgettext_lazy("interview format", "In person")

    application = models.ForeignKey(
        Application,
        on_delete=models.CASCADE,
        related_name="interviews",
        verbose_name=_("application"),
    )
    # The application's owner, kept here (set by interview_save) so a user's interview lists
    # and the home page read one indexed table instead of joining every application.
    owner = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        on_delete=models.CASCADE,
        related_name="+",
        editable=False,
        verbose_name=_("owner"),
    )
    round_type = models.CharField(_("round"), max_length=20, choices=Round.choices)
    starts_at = models.DateTimeField(_("starts at"))
    ends_at = models.DateTimeField(_("ends at"))
    format = models.CharField(
        _("format"), max_length=10, choices=Format.choices, default=Format.VIDEO
    )
    location = models.CharField(_("location or link"), max_length=500, blank=True)
    interviewers = models.ManyToManyField(
        Contact, blank=True, related_name="interviews", verbose_name=_("interviewers")
    )
    preparation_notes = models.TextField(_("preparation notes"), blank=True)
    questions = models.TextField(
        _("questions asked"), blank=True, help_text=_("One question per line.")
    )
    promised_reply_by = models.DateField(_("they promised to reply by"), null=True, blank=True)
    created_at = models.DateTimeField(_("created at"), auto_now_add=True)
    # When it last changed: the calendar feed's LAST-MODIFIED and SEQUENCE, so a moved
    # interview updates in place in the user's calendar.
    updated_at = models.DateTimeField(_("updated at"), auto_now=True)

    objects = InterviewQuerySet.as_manager()

    class Meta:
        verbose_name = _("interview")
        verbose_name_plural = _("interviews")
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
        return gettext("%(round)s — %(application)s") % {
            "round": self.get_round_type_display(),
            "application": self.application,
        }

    def get_absolute_url(self) -> str:
        return object_url("interviews:detail", self.pk)

    # The round said in a heading, a line or a sentence. English says "Technical interview"
    # and "your technical interview"; German names each round with a noun of its own
    # („Fachgespräch“, „Ihre Probeaufgabe“), so each form is a catalogue entry.
    @property
    def title(self) -> str:
        """ "Technical interview", „Fachgespräch“."""
        # The display is the fallback only: made eagerly it cost ~0.1 ms a call (a heavy
        # feed or reminders page calls this hundreds of times).
        found = _TITLES.get(self.round_type)
        return str(found) if found is not None else self.get_round_type_display()

    @property
    def your_round(self) -> str:
        """ "your technical interview", „Ihr Fachgespräch“ (inside a sentence)."""
        found = _YOUR.get(self.round_type)
        return str(found) if found is not None else self.get_round_type_display()

    @property
    def the_round(self) -> str:
        """ "the technical interview", „das Fachgespräch“ (inside a sentence)."""
        return str(_THE.get(self.round_type, self.get_round_type_display()))

    @property
    def format_in_sentence(self) -> str:
        """ "video call", „per Video“: how it happens, inside a sentence."""
        return str(_FORMAT_IN_SENTENCE.get(self.format, self.get_format_display()))

    @property
    def where(self) -> str:
        """How and where, inside a sentence: "in person: Main St 4", „per Video: https://…“."""
        if self.location:
            return gettext("%(format)s: %(location)s") % {
                "format": self.format_in_sentence,
                "location": self.location,
            }
        return self.format_in_sentence

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


R = Interview.Round
_TITLES: dict[str, Promise] = {
    R.PHONE_SCREEN: pgettext_lazy("interview title", "Phone screen interview"),
    R.RECRUITER: pgettext_lazy("interview title", "Recruiter call interview"),
    R.TECHNICAL: pgettext_lazy("interview title", "Technical interview"),
    R.TAKE_HOME: pgettext_lazy("interview title", "Take-home interview"),
    R.PANEL: pgettext_lazy("interview title", "Panel interview"),
    R.ONSITE: pgettext_lazy("interview title", "On-site interview"),
    R.FINAL: pgettext_lazy("interview title", "Final interview"),
    R.OTHER: pgettext_lazy("interview title", "Other interview"),
}
_YOUR: dict[str, Promise] = {
    R.PHONE_SCREEN: pgettext_lazy("your interview", "your phone screen interview"),
    R.RECRUITER: pgettext_lazy("your interview", "your recruiter call interview"),
    R.TECHNICAL: pgettext_lazy("your interview", "your technical interview"),
    R.TAKE_HOME: pgettext_lazy("your interview", "your take-home interview"),
    R.PANEL: pgettext_lazy("your interview", "your panel interview"),
    R.ONSITE: pgettext_lazy("your interview", "your on-site interview"),
    R.FINAL: pgettext_lazy("your interview", "your final interview"),
    R.OTHER: pgettext_lazy("your interview", "your other interview"),
}
_THE: dict[str, Promise] = {
    R.PHONE_SCREEN: pgettext_lazy("the interview", "the phone screen interview"),
    R.RECRUITER: pgettext_lazy("the interview", "the recruiter call interview"),
    R.TECHNICAL: pgettext_lazy("the interview", "the technical interview"),
    R.TAKE_HOME: pgettext_lazy("the interview", "the take-home interview"),
    R.PANEL: pgettext_lazy("the interview", "the panel interview"),
    R.ONSITE: pgettext_lazy("the interview", "the on-site interview"),
    R.FINAL: pgettext_lazy("the interview", "the final interview"),
    R.OTHER: pgettext_lazy("the interview", "the other interview"),
}
F = Interview.Format
_FORMAT_IN_SENTENCE: dict[str, Promise] = {
    F.VIDEO: pgettext_lazy("interview format in a sentence", "video call"),
    F.PHONE: pgettext_lazy("interview format in a sentence", "phone"),
    F.ONSITE: pgettext_lazy("interview format in a sentence", "in person"),
}
del R, F

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
    interview = models.OneToOneField(
        Interview, on_delete=models.CASCADE, related_name="assessment", verbose_name=_("interview")
    )
    qualification_fit = models.PositiveSmallIntegerField(
        _("how well you fit the requirements"), validators=RATING
    )
    preparation = models.PositiveSmallIntegerField(_("how prepared you were"), validators=RATING)
    communication = models.PositiveSmallIntegerField(
        _("how clearly you came across"), validators=RATING
    )
    technical_answers = models.PositiveSmallIntegerField(
        _("your technical answers"), validators=RATING
    )
    rapport = models.PositiveSmallIntegerField(_("rapport with the panel"), validators=RATING)
    confidence = models.PositiveSmallIntegerField(
        _("overall, how confident you feel about it"), validators=RATING
    )
    went_well = EncryptedTextField(_("what went well"), blank=True)
    tripped_questions = EncryptedTextField(_("questions that tripped you, and why"), blank=True)
    change_next_time = EncryptedTextField(_("what you would do differently"), blank=True)
    skills_to_build = EncryptedTextField(
        _("skills to build"), blank=True, help_text=_("One per line.")
    )
    created_at = models.DateTimeField(_("created at"), auto_now_add=True)
    updated_at = models.DateTimeField(_("updated at"), auto_now=True)

    class Meta:
        verbose_name = _("self-assessment")
        verbose_name_plural = _("self-assessments")
        constraints = [
            models.CheckConstraint(
                condition=Q(**{f"{name}__gte": 1}) & Q(**{f"{name}__lte": 5}),
                name=f"assessment_{name}_1_to_5",
            )
            for name in RATING_FIELDS
        ]

    def __str__(self) -> str:
        return gettext("Self-assessment of %(interview)s") % {"interview": self.interview}

    @classmethod
    def rating_labels(cls) -> dict[str, str]:
        """Each rating's field name and its label as pages show it."""
        fields = {f.name: f for f in cls._meta.fields}
        # capfirst, not capitalize: German keeps the capitals inside ("Wie gut Sie …").
        return {name: capfirst(str(fields[name].verbose_name)) for name in RATING_FIELDS}

    @property
    def ratings(self) -> list[tuple[str, int]]:
        return [(label, getattr(self, name)) for name, label in self.rating_labels().items()]

    @property
    def skill_list(self) -> list[str]:
        return [
            line.strip("-• ").strip() for line in self.skills_to_build.splitlines() if line.strip()
        ]
