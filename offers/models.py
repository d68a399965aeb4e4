"""An offer on an application: what was offered, in one currency, and until when to decide."""

import datetime as dt
from collections.abc import Sequence

from babel.numbers import list_currencies
from django.conf import settings
from django.core.exceptions import ValidationError
from django.core.validators import MaxLengthValidator, MaxValueValidator, MinValueValidator
from django.db import models
from django.db.models import Q
from django.db.models.functions import Length
from django.db.models.lookups import LessThanOrEqual
from django.utils.translation import gettext
from django.utils.translation import gettext_lazy as _

from applications.lines import application_lines
from applications.models import Application
from rebound.lib.urlcache import object_url

# A yearly amount beyond this is a typo (and three of them still fit the integer column's sum).
AMOUNT_MAX = 100_000_000
BENEFITS_MAX = 2_000
NOTES_MAX = 5_000
EQUITY_MAX = 200
REMIND_DAYS_MAX = 30
# The database's own bounds on the dates (the forms and services hold them to five years
# ahead of the owner's today, which a constraint can't know).
FIRST_DAY = dt.date(1970, 1, 1)
LAST_DAY = dt.date(2199, 12, 31)
# ISO 4217 codes, current and historic, as CLDR knows them (what Babel can write).
CURRENCIES = frozenset(list_currencies())


def validate_currency(value: str) -> None:
    if value not in CURRENCIES:
        raise ValidationError(
            gettext(
                "“%(code)s” is not a currency code Rebound knows. Use its three letters, e.g. "
                "EUR, USD or GBP."
            )
            % {"code": value},
            code="unknown_currency",
        )


class Offer(models.Model):
    application = models.OneToOneField(
        Application,
        on_delete=models.CASCADE,
        related_name="offer",
        verbose_name=_("application"),
        error_messages={"unique": _("This application already has an offer.")},
    )
    # The application's owner, kept here (set by offer_save) so the comparison page reads
    # one indexed table.
    owner = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        on_delete=models.CASCADE,
        related_name="+",
        editable=False,
        verbose_name=_("owner"),
    )
    currency = models.CharField(
        _("currency"),
        max_length=3,
        validators=[validate_currency],
        help_text=_("Its three-letter code, e.g. EUR, USD or GBP."),
    )
    base_salary = models.PositiveIntegerField(
        _("base salary per year"),
        validators=[MinValueValidator(1), MaxValueValidator(AMOUNT_MAX)],
    )
    bonus = models.PositiveIntegerField(
        _("bonus per year"),
        null=True,
        blank=True,
        validators=[MaxValueValidator(AMOUNT_MAX)],
        help_text=_("What you can expect in a normal year."),
    )
    equity = models.CharField(
        _("equity"),
        max_length=EQUITY_MAX,
        blank=True,
        help_text=_("In words, e.g. “2,000 shares over 4 years”."),
    )
    equity_value = models.PositiveIntegerField(
        _("equity’s estimated value per year"),
        null=True,
        blank=True,
        validators=[MaxValueValidator(AMOUNT_MAX)],
        help_text=_("Your own estimate; it counts in the yearly total."),
    )
    benefits = models.TextField(
        _("benefits"),
        max_length=BENEFITS_MAX,
        blank=True,
        validators=[MaxLengthValidator(BENEFITS_MAX)],
    )
    start_date = models.DateField(_("start date"), null=True, blank=True)
    deadline = models.DateField(_("decision deadline"), null=True, blank=True)
    remind_days_before = models.PositiveSmallIntegerField(
        _("remind me … days before the deadline"),
        default=2,
        validators=[MaxValueValidator(REMIND_DAYS_MAX)],
        help_text=_("0 for no reminder."),
    )
    notes = models.TextField(
        _("notes"), max_length=NOTES_MAX, blank=True, validators=[MaxLengthValidator(NOTES_MAX)]
    )
    created_at = models.DateTimeField(_("created"), auto_now_add=True)
    updated_at = models.DateTimeField(_("updated"), auto_now=True)

    class Meta:
        verbose_name = _("offer")
        verbose_name_plural = _("offers")
        constraints = [
            models.CheckConstraint(
                condition=Q(currency__regex=r"^[A-Z]{3}$"), name="offer_currency_iso_code"
            ),
            models.CheckConstraint(
                condition=Q(base_salary__gte=1, base_salary__lte=AMOUNT_MAX),
                name="offer_base_salary_bounded",
            ),
            models.CheckConstraint(
                condition=Q(bonus__isnull=True) | Q(bonus__lte=AMOUNT_MAX),
                name="offer_bonus_bounded",
            ),
            models.CheckConstraint(
                condition=Q(equity_value__isnull=True) | Q(equity_value__lte=AMOUNT_MAX),
                name="offer_equity_value_bounded",
            ),
            models.CheckConstraint(
                condition=Q(remind_days_before__lte=REMIND_DAYS_MAX),
                name="offer_remind_days_bounded",
            ),
            models.CheckConstraint(
                condition=Q(start_date__isnull=True)
                | Q(start_date__gte=FIRST_DAY, start_date__lte=LAST_DAY),
                name="offer_start_date_bounded",
            ),
            models.CheckConstraint(
                condition=Q(deadline__isnull=True)
                | Q(deadline__gte=FIRST_DAY, deadline__lte=LAST_DAY),
                name="offer_deadline_bounded",
            ),
            models.CheckConstraint(
                condition=LessThanOrEqual(Length("benefits"), BENEFITS_MAX),
                name="offer_benefits_bounded",
            ),
            models.CheckConstraint(
                condition=LessThanOrEqual(Length("notes"), NOTES_MAX), name="offer_notes_bounded"
            ),
        ]
        indexes = [
            # The comparison page: `WHERE owner_id = %s ORDER BY deadline, id` (the open ones
            # are the few whose application is in Offer, joined by its primary key).
            models.Index(fields=["owner", "deadline", "id"], name="offer_owner_deadline_idx"),
        ]

    def __str__(self) -> str:
        application = self.application
        return offer_lines([(application.role, application.company.name)])[0]

    def get_absolute_url(self) -> str:
        return object_url("offers:edit", self.application_id)

    @property
    def yearly_total(self) -> int:
        """Base, bonus and the equity's estimated value: one year's worth, in its currency."""
        return self.base_salary + (self.bonus or 0) + (self.equity_value or 0)


def offer_lines(rows: Sequence[tuple[str, str]]) -> list[str]:
    """Each offer given as its application's (role, company name), as str(offer) says it, the
    words looked up once (the calendar feed names hundreds: reminders.kinds.PlainLines)."""
    said = gettext("Offer: %(application)s")
    return [said % {"application": line} for line in application_lines(rows)]
