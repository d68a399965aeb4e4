from django.conf import settings
from django.core.validators import MaxValueValidator, MinValueValidator
from django.db import models
from django.db.models import Q
from django.urls import reverse
from django.utils.dates import WEEKDAYS
from django.utils.translation import gettext
from django.utils.translation import gettext_lazy as _

# Applications a week a goal can ask for: more than ten a working day is a typo.
GOAL_MAX = 50


class WeeklyLetter(models.Model):
    """Whether a user wants the weekly letter, on which weekday, against what goal.

    The letter itself is a reminder (kind "weekly_letter") about this row, at the user's
    reminder hour on `weekday`; weekly.services keeps one scheduled while it is on."""

    user = models.OneToOneField(
        settings.AUTH_USER_MODEL,
        on_delete=models.CASCADE,
        related_name="weekly_letter",
        verbose_name=_("user"),
    )
    enabled = models.BooleanField(_("send me the weekly letter"), default=False)
    # Python's numbering, as date.weekday(): 0 is Monday.
    weekday = models.PositiveSmallIntegerField(
        _("day of the week"), choices=sorted(WEEKDAYS.items()), default=0
    )
    # Empty: the pace of the open plans' "widen the net" goals, as Insights counts it.
    goal = models.PositiveSmallIntegerField(
        _("applications a week"),
        null=True,
        blank=True,
        validators=[MinValueValidator(1), MaxValueValidator(GOAL_MAX)],
    )
    updated_at = models.DateTimeField(_("updated"), auto_now=True)

    class Meta:
        verbose_name = _("weekly letter")
        verbose_name_plural = _("weekly letters")
        constraints = [
            models.CheckConstraint(
                condition=Q(weekday__gte=0, weekday__lte=6), name="weeklyletter_weekday_range"
            ),
            models.CheckConstraint(
                condition=Q(goal__isnull=True) | Q(goal__gte=1, goal__lte=GOAL_MAX),
                name="weeklyletter_goal_range",
            ),
        ]

    def __str__(self) -> str:
        return gettext("Weekly letter")

    def get_absolute_url(self) -> str:
        return reverse("weekly:settings")
