import datetime as dt
import uuid

from django.conf import settings
from django.core.validators import MaxLengthValidator, MaxValueValidator, MinValueValidator
from django.db import models
from django.db.models import Q
from django.db.models.functions import Length, Lower
from django.db.models.lookups import LessThanOrEqual
from django.utils.translation import gettext_lazy as _
from django.utils.translation import pgettext

from rebound.lib.urlcache import object_url

from . import pipeline
from .lines import application_lines
from .pipeline import Status

# Its own module (models.py is long); imported here so Django and every import site find it.
from .posting_models import Posting as Posting
from .saved_view_models import SavedView as SavedView

# An address is a few lines; a longer text is pasted by mistake.
ADDRESS_MAX = 500


class Company(models.Model):
    # Counted by the company list for the companies on its page.
    application_count: int
    contact_count: int

    owner = models.ForeignKey(settings.AUTH_USER_MODEL, on_delete=models.CASCADE)
    name = models.CharField(_("name"), max_length=200)
    website = models.URLField(_("website"), blank=True)
    # The work-search log (Nachweis der Eigenbemühungen) lists the employer with its address.
    address = models.TextField(
        _("address"),
        blank=True,
        validators=[MaxLengthValidator(ADDRESS_MAX)],
        help_text=_("Street, postcode and town: the work-search log lists it."),
    )
    notes = models.TextField(_("notes"), blank=True)
    created_at = models.DateTimeField(_("created"), auto_now_add=True)

    class Meta:
        verbose_name = _("company")
        verbose_name_plural = _("companies")
        ordering = ["name"]
        constraints = [
            # One company per name per user, so quick-add and imports find the existing one.
            models.UniqueConstraint("owner", Lower("name"), name="company_owner_name_ci_unique"),
            models.CheckConstraint(
                condition=LessThanOrEqual(Length("address"), ADDRESS_MAX),
                name="company_address_max_length",
            ),
        ]

    def __str__(self) -> str:
        return self.name

    def get_absolute_url(self) -> str:
        return object_url("applications:company_detail", self.pk)


class Contact(models.Model):
    class Kind(models.TextChoices):
        INTERVIEWER = "interviewer", _("Interviewer")
        HR = "hr", _("HR")
        RECRUITER = "recruiter", _("Recruiter")
        REFERRER = "referrer", _("Referrer")
        STAFFING_AGENCY = "staffing_agency", _("Staffing agency")
        NETWORK = "network", _("Network contact")
        OTHER = "other", _("Other")

    owner = models.ForeignKey(settings.AUTH_USER_MODEL, on_delete=models.CASCADE)
    company = models.ForeignKey(
        Company,
        on_delete=models.SET_NULL,
        null=True,
        blank=True,
        related_name="contacts",
        verbose_name=_("company"),
    )
    name = models.CharField(_("name"), max_length=200)
    kind = models.CharField(
        _("kind"), max_length=20, choices=Kind.choices, default=Kind.INTERVIEWER
    )
    title = models.CharField(_("job title"), max_length=200, blank=True)
    email = models.EmailField(_("email"), blank=True)
    phone = models.CharField(_("phone"), max_length=40, blank=True)
    linkedin_url = models.URLField(_("LinkedIn URL"), blank=True)
    notes = models.TextField(_("notes"), blank=True)
    created_at = models.DateTimeField(_("created"), auto_now_add=True)

    class Meta:
        verbose_name = _("contact")
        verbose_name_plural = _("contacts")
        ordering = ["name"]
        indexes = [
            # The contact pickers: the owner's contacts by name.
            models.Index(fields=["owner", "name"], name="contact_owner_name_idx"),
        ]

    def __str__(self) -> str:
        return f"{self.name} ({self.company})" if self.company_id else self.name

    def get_absolute_url(self) -> str:
        # The person's page with their whole history (people/, above this app: named, not
        # imported); it links to the edit form.
        return object_url("people:contact_detail", self.pk)


class Tag(models.Model):
    """A free label of the user's ("remote", "fintech", "dream job")."""

    owner = models.ForeignKey(settings.AUTH_USER_MODEL, on_delete=models.CASCADE)
    name = models.CharField(_("name"), max_length=40)

    class Meta:
        verbose_name = _("tag")
        verbose_name_plural = _("tags")
        ordering = ["name"]
        constraints = [
            # One tag per name per user, whatever the case: "Remote" and "remote" are one.
            models.UniqueConstraint("owner", Lower("name"), name="tag_owner_name_ci_unique"),
        ]

    def __str__(self) -> str:
        return self.name


class Source(models.TextChoices):
    JOB_BOARD = "job_board", _("Job board")
    COMPANY_SITE = "company_site", _("Company website")
    REFERRAL = "referral", _("Referral / network")
    STAFFING_AGENCY = "staffing_agency", _("Staffing agency")
    RECRUITER = "recruiter", _("Recruiter reached out")
    OTHER = "other", _("Other")


class RemoteMode(models.TextChoices):
    ONSITE = "onsite", _("On-site")
    HYBRID = "hybrid", _("Hybrid")
    REMOTE = "remote", _("Remote")


class AppliedVia(models.TextChoices):
    """How the application was sent: the work-search log asks (schriftlich, online, per
    E-Mail, persönlich, telefonisch)."""

    ONLINE = "online", _("Online (form or portal)")
    EMAIL = "email", _("By email")
    POST = "post", _("In writing (by post)")
    IN_PERSON = "in_person", _("In person")
    PHONE = "phone", _("By phone")


class Application(models.Model):
    owner = models.ForeignKey(settings.AUTH_USER_MODEL, on_delete=models.CASCADE)
    # RESTRICT, not PROTECT: a company with applications cannot be deleted on its own, but
    # deleting the whole account (which deletes both) still works.
    company = models.ForeignKey(
        Company,
        on_delete=models.RESTRICT,
        related_name="applications",
        verbose_name=_("company"),
    )
    role = models.CharField(_("role"), max_length=200)
    posting_url = models.URLField(_("posting URL"), max_length=1000, blank=True)
    source = models.CharField(_("source"), max_length=20, choices=Source.choices, blank=True)
    applied_via = models.CharField(
        _("applied via"), max_length=20, choices=AppliedVia.choices, blank=True
    )
    location = models.CharField(_("location"), max_length=200, blank=True)
    remote_mode = models.CharField(
        _("work mode"), max_length=10, choices=RemoteMode.choices, blank=True
    )
    salary_min = models.PositiveIntegerField(_("salary from"), null=True, blank=True)
    salary_max = models.PositiveIntegerField(_("salary to"), null=True, blank=True)
    currency = models.CharField(
        _("currency"), max_length=3, blank=True, help_text=_("e.g. EUR, USD, GBP")
    )
    date_applied = models.DateField(_("date applied"), null=True, blank=True)
    excitement = models.PositiveSmallIntegerField(
        _("excitement"),
        default=3,
        validators=[MinValueValidator(1), MaxValueValidator(5)],
        help_text=_("How much you want this one, 1 to 5."),
    )
    notes = models.TextField(_("notes"), blank=True)
    # The people on this application: the recruiter, the referrer, HR, the agency.
    contacts = models.ManyToManyField(
        Contact, blank=True, related_name="applications", verbose_name=_("people")
    )
    tags = models.ManyToManyField(
        Tag, blank=True, related_name="applications", verbose_name=_("tags")
    )
    # Closed applications put away: off the board and the default table, still searchable.
    archived_at = models.DateTimeField(_("archived"), null=True, blank=True)
    status = models.CharField(
        _("status"), max_length=20, choices=Status.choices, default=Status.WISHLIST
    )
    status_changed_on = models.DateField(_("status changed on"), default=dt.date.today)
    created_at = models.DateTimeField(_("created"), auto_now_add=True)
    updated_at = models.DateTimeField(_("updated"), auto_now=True)

    class Meta:
        verbose_name = _("application")
        verbose_name_plural = _("applications")
        ordering = ["-updated_at"]
        constraints = [
            models.CheckConstraint(
                condition=Q(salary_min__isnull=True)
                | Q(salary_max__isnull=True)
                | Q(salary_min__lte=models.F("salary_max")),
                name="application_salary_range_ordered",
            ),
            models.CheckConstraint(
                condition=Q(excitement__gte=1, excitement__lte=5),
                name="application_excitement_1_to_5",
            ),
            models.CheckConstraint(
                condition=Q(status__in=Status.values), name="application_status_known"
            ),
            models.CheckConstraint(
                condition=Q(applied_via="") | Q(applied_via__in=AppliedVia.values),
                name="application_applied_via_known",
            ),
            # Only a closed application can be archived.
            models.CheckConstraint(
                condition=Q(archived_at__isnull=True)
                # Sorted, as the migration wrote it.
                | Q(status__in=sorted(pipeline.CLOSED)),
                name="application_archived_only_when_closed",
            ),
        ]
        indexes = [
            # The home page's weekly chart: `WHERE owner_id = %s AND date_applied BETWEEN %s
            # AND %s`, twelve weeks of a long search instead of all of it.
            models.Index(fields=["owner", "date_applied"], name="application_owner_applied_idx"),
            # The table's default order and the board: one user's applications, newest first.
            models.Index(fields=["owner", "-updated_at"], name="application_owner_updated_idx"),
            # Filtering the table by status, and the home page counts.
            models.Index(fields=["owner", "status"], name="application_owner_status_idx"),
            # The board's columns: per status, `WHERE owner_id = %s AND status = %s AND
            # archived_at IS NULL ORDER BY excitement DESC, updated_at DESC, id DESC LIMIT 20`
            # reads its cards off this index instead of sorting all of a user's applications.
            models.Index(
                fields=["owner", "status", "-excitement", "-updated_at", "-id"],
                name="application_board_idx",
                condition=Q(archived_at__isnull=True),
            ),
        ]

    def __str__(self) -> str:
        return application_lines([(self.role, str(self.company))])[0]

    def get_absolute_url(self) -> str:
        return object_url("applications:application_detail", self.pk)

    @property
    def is_closed(self) -> bool:
        return pipeline.is_closed(self.status)

    # The pipeline's rules (applications.pipeline) as the templates ask for them.
    @property
    def allowed_next_statuses(self) -> list[tuple[str, str]]:
        return pipeline.allowed_moves(self.status)

    @property
    def next_status(self) -> str:
        return pipeline.next_status(self.status)

    @property
    def move_groups(self) -> list[tuple[str, list[tuple[str, str]]]]:
        return pipeline.move_groups(self.status)


class StatusChange(models.Model):
    application = models.ForeignKey(
        Application, on_delete=models.CASCADE, related_name="status_changes"
    )
    from_status = models.CharField(
        _("from status"), max_length=20, choices=Status.choices, blank=True
    )
    to_status = models.CharField(_("to status"), max_length=20, choices=Status.choices)
    changed_on = models.DateField(_("changed on"))
    note = models.CharField(_("note"), max_length=500, blank=True)
    created_at = models.DateTimeField(_("created"), auto_now_add=True)

    class Meta:
        verbose_name = _("status change")
        verbose_name_plural = _("status changes")
        ordering = ["changed_on", "created_at"]
        indexes = [
            # The application's timeline, in date order.
            models.Index(fields=["application", "changed_on"], name="statuschange_app_date_idx"),
        ]

    def __str__(self) -> str:
        return f"{self.application}: {self.from_status or '—'} → {self.to_status}"

    @property
    def correct_url(self) -> str:
        return object_url("applications:status_change_correct", self.pk)


class ImportJob(models.Model):
    """One uploaded file on its way in: read, mapped by the user, previewed, then imported
    by a background task (applications.imports.work.import_run). A workbook is read in
    the background too (work.import_read): its bytes wait in `upload` until then. The file's
    rows are kept until the import is done; then only the skipped ones stay, for their CSV."""

    class State(models.TextChoices):
        READING = "reading", _("Reading the file")
        MAPPING = "mapping", _("Waiting for you to check the columns")
        QUEUED = "queued", _("Waiting to start")
        RUNNING = "running", _("Importing")
        DONE = "done", _("Imported")
        FAILED = "failed", _("Failed; nothing was saved")

    owner = models.ForeignKey(settings.AUTH_USER_MODEL, on_delete=models.CASCADE)
    filename = models.CharField(max_length=200)
    recognised = models.CharField(_("recognised as"), max_length=60, blank=True)
    sheet = models.CharField(_("sheet read"), max_length=31, blank=True)  # a workbook's
    header = models.JSONField(default=list)
    rows = models.JSONField(default=list)
    upload = models.BinaryField(default=b"", blank=True)
    # Rebound's field → the file's column (its index), and the file's status words → status.
    mapping = models.JSONField(default=dict)
    statuses = models.JSONField(default=dict)
    # The rows read with that mapping (applications.imports.records.to_json), kept from the
    # mapping step to the run so that the preview, the skipped rows and the import read the
    # same records; None until the user maps the columns.
    records = models.JSONField(null=True, blank=True, default=None)
    # Treat rejections as if logged today: open plans and schedule reminders (off by default:
    # an old rejection needs neither).
    as_new = models.BooleanField(default=False)
    state = models.CharField(max_length=10, choices=State.choices, default=State.MAPPING)
    total = models.PositiveIntegerField(default=0)
    created = models.PositiveIntegerField(default=0)
    # Progress, where every process sees it: the rows imported so far and when the worker
    # last said so, written beside the import's own transaction (imports.progress).
    done = models.PositiveIntegerField(default=0)
    beat_at = models.DateTimeField(null=True, blank=True)
    skipped_rows = models.JSONField(default=list)
    error = models.CharField(max_length=300, blank=True)
    created_at = models.DateTimeField(auto_now_add=True)
    finished_at = models.DateTimeField(null=True, blank=True)

    class Meta:
        verbose_name = _("import")
        verbose_name_plural = _("imports")
        ordering = ["-created_at"]
        constraints = [
            models.CheckConstraint(
                condition=Q(
                    state__in=["reading", "mapping", "queued", "running", "done", "failed"]
                ),
                name="importjob_known_state",
            ),
        ]

    def __str__(self) -> str:
        return f"{self.filename} ({self.get_state_display()})"

    def get_absolute_url(self) -> str:
        return object_url("applications:import_detail", self.pk)


def _attachment_path(instance: "Attachment", filename: str) -> str:
    # A random name: the user's file name is kept in the row, never trusted as a path.
    return f"attachments/{instance.owner_id}/{uuid.uuid4().hex}"


class Attachment(models.Model):
    """The résumé or letter actually sent with an application: a file, or the name of the
    version used ("CV 2025, data roles"). Served only to its owner (views.attachment_download),
    removed with the application and the account (its file after the commit)."""

    class Kind(models.TextChoices):
        RESUME = "resume", _("Résumé / CV")
        COVER_LETTER = "cover_letter", _("Cover letter")
        OTHER = "other", _("Something else sent")

    owner = models.ForeignKey(settings.AUTH_USER_MODEL, on_delete=models.CASCADE)
    application = models.ForeignKey(
        Application, on_delete=models.CASCADE, related_name="attachments"
    )
    kind = models.CharField(_("kind"), max_length=20, choices=Kind.choices, default=Kind.RESUME)
    file = models.FileField(_("file"), upload_to=_attachment_path, max_length=200, blank=True)
    filename = models.CharField(_("file name"), max_length=200, blank=True)
    size = models.PositiveIntegerField(_("size"), default=0)
    version = models.CharField(
        _("version used"),
        max_length=200,
        blank=True,
        help_text=_("e.g. “CV 2025, data roles”"),
    )
    created_at = models.DateTimeField(_("created"), auto_now_add=True)

    class Meta:
        verbose_name = _("attachment")
        verbose_name_plural = _("attachments")
        ordering = ["kind", "created_at"]
        constraints = [
            models.CheckConstraint(
                condition=~Q(file="") | ~Q(version=""), name="attachment_file_or_version"
            ),
            models.CheckConstraint(
                condition=Q(kind__in=["resume", "cover_letter", "other"]),
                name="attachment_known_kind",
            ),
        ]

    def __str__(self) -> str:
        return f"{self.get_kind_display()}: {self.version or self.filename}"

    @property
    def kind_in_sentence(self) -> str:
        """Its kind as a sentence names it ("It is the cover letter kept with…")."""
        words = {
            self.Kind.RESUME: pgettext("attachment kind in a sentence", "résumé / cv"),
            self.Kind.COVER_LETTER: pgettext("attachment kind in a sentence", "cover letter"),
            self.Kind.OTHER: pgettext("attachment kind in a sentence", "something else sent"),
        }
        return (
            str(words.get(self.Kind(self.kind), self.kind))
            if self.kind in self.Kind.values
            else self.kind
        )

    @property
    def label(self) -> str:
        """What the page and the exports call it."""
        if self.version and self.filename:
            return f"{self.version} ({self.filename})"
        return self.version or self.filename

    @property
    def download_url(self) -> str:
        return object_url("applications:attachment_download", self.pk)

    @property
    def remove_url(self) -> str:
        return object_url("applications:attachment_remove", self.pk)
