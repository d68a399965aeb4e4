import datetime as dt
import zoneinfo

from django.conf import settings
from django.contrib.auth.models import AbstractUser, BaseUserManager
from django.core.exceptions import ValidationError
from django.core.validators import MaxValueValidator, MinValueValidator
from django.db import models
from django.db.models.functions import Lower
from django.utils.translation import gettext_lazy as _

from rebound.lib.timezones import all_timezones


def validate_timezone(value: str) -> None:
    if value not in all_timezones():
        raise ValidationError(_("“%(value)s” is not a time zone we know."), params={"value": value})


def default_timezone() -> str:
    return settings.DEFAULT_USER_TIMEZONE


class UserManager(BaseUserManager["User"]):
    use_in_migrations = True

    def _create_user(self, email: str, password: str | None, **extra: object) -> "User":
        if not email:
            raise ValueError("An email address is required.")
        user = self.model(email=self.normalize_email(email), **extra)
        user.set_password(password)
        user.save(using=self._db)
        return user

    def create_user(self, email: str, password: str | None = None, **extra: object) -> "User":
        extra.setdefault("is_staff", False)
        extra.setdefault("is_superuser", False)
        return self._create_user(email, password, **extra)

    def create_superuser(self, email: str, password: str | None = None, **extra: object) -> "User":
        extra.update(is_staff=True, is_superuser=True)
        return self._create_user(email, password, **extra)

    def get_by_natural_key(self, username: str | None) -> "User":
        # Emails are unique regardless of case, so log-in must match the same way.
        return self.get(email__iexact=username)


class User(AbstractUser):
    username = None  # type: ignore[assignment]
    email = models.EmailField(_("email address"), unique=True)
    timezone = models.CharField(
        max_length=64,
        default=default_timezone,
        validators=[validate_timezone],
        help_text=_("Dates and reminders use this time zone."),
    )
    reminder_time = models.TimeField(
        default=dt.time(9, 0),
        help_text=_("Reminder emails arrive at this local time."),
    )
    keep_in_touch_months = models.PositiveSmallIntegerField(
        default=3,
        validators=[MinValueValidator(1), MaxValueValidator(24)],
        help_text=_("How many months after a rejection to suggest checking in again."),
    )

    no_reply_days = models.PositiveSmallIntegerField(
        default=10,
        validators=[MinValueValidator(1), MaxValueValidator(90)],
        help_text=_("Days after you apply, with no answer, before a follow-up nudge."),
    )
    prep_time = models.TimeField(
        default=dt.time(18, 0),
        help_text=_("Interview-prep emails arrive at this local time the evening before."),
    )

    # The language of this user's pages and of every email sent to them, whoever or whatever
    # sends it (a page, the beat, mail in). Chosen on Preferences; a new account starts in
    # its browser's language (rebound.middleware.UserTimezoneMiddleware). No choices here: the
    # forms offer settings.LANGUAGES, so a new language needs no migration, and a code no
    # longer offered falls back to LANGUAGE_CODE.
    language = models.CharField(
        _("language"),
        max_length=8,
        default="en",
        help_text=_("Pages and emails are written in this language."),
    )

    # Whether `email` is confirmed (allauth keeps the addresses; rebound.accounts.allauth keeps
    # this in step). Nothing but the confirmation message is sent until it is: reminders wait.
    email_verified = models.BooleanField(default=False, editable=False)
    notify_new_sign_in = models.BooleanField(
        _("Email me when my account signs in on a new device"),
        default=True,
        help_text=_("Sent only to your confirmed address."),
    )

    USERNAME_FIELD = "email"
    EMAIL_FIELD = "email"
    REQUIRED_FIELDS = []

    objects = UserManager()  # type: ignore[assignment,misc]

    class Meta:
        constraints = [
            models.UniqueConstraint(Lower("email"), name="user_email_ci_unique"),
            models.CheckConstraint(
                condition=models.Q(keep_in_touch_months__gte=1, keep_in_touch_months__lte=24),
                name="user_keep_in_touch_months_range",
            ),
            models.CheckConstraint(
                condition=models.Q(no_reply_days__gte=1, no_reply_days__lte=90),
                name="user_no_reply_days_range",
            ),
        ]

    def __str__(self) -> str:
        return self.get_full_name() or self.email

    @property
    def display_name(self) -> str:
        return self.first_name or self.email.split("@")[0]

    @property
    def tzinfo(self) -> zoneinfo.ZoneInfo:
        return zoneinfo.ZoneInfo(self.timezone)


class DataVersion(models.Model):
    """A number that changes whenever anything a user's cached pages show changes.

    Database triggers keep it (created by the migrations of the apps whose tables they
    watch, e.g. applications' 0007): every INSERT, UPDATE or DELETE on those tables bumps the
    owner's row in the same transaction, whatever made it (a service, a queryset update, a
    bulk load, a cascade). Cached page fragments are keyed by it (rebound.fragments), so a
    fragment can never outlive the data it shows. Its own table, not a column of the user:
    a user's save() would write an old number back.
    """

    # No foreign key: triggers write it, while a user's data is being deleted too; a trigger
    # on the users' table deletes it with the user (rebound's 0003).
    user = models.OneToOneField(
        settings.AUTH_USER_MODEL,
        on_delete=models.DO_NOTHING,
        primary_key=True,
        related_name="+",
        db_constraint=False,
    )
    version = models.BigIntegerField(default=0)

    class Meta:
        db_table = "rebound_dataversion"

    def __str__(self) -> str:
        return f"data version {self.version} of user {self.user_id}"
