"""What people adds to a contact: the "keep warm" nudge. A contact's history is read from the
apps below (people.history); nothing of it is copied here."""

from django.conf import settings
from django.db import models
from django.db.models import Q
from django.utils.translation import gettext_lazy as _
from django.utils.translation import ngettext

from applications.models import Contact
from rebound.lib.urlcache import object_url

# A nudge every 2 to 26 weeks: sooner is nagging, later is no longer keeping anyone warm.
MIN_WEEKS = 2
MAX_WEEKS = 26
DEFAULT_WEEKS = 8


class KeepWarm(models.Model):
    """An opt-in nudge to get back in touch with someone every `weeks` weeks since the last
    contact (people.history.last_contact). Its reminder is the `keep_warm` kind."""

    owner = models.ForeignKey(settings.AUTH_USER_MODEL, on_delete=models.CASCADE, related_name="+")
    contact = models.OneToOneField(
        Contact, on_delete=models.CASCADE, related_name="keep_warm", verbose_name=_("contact")
    )
    weeks = models.PositiveSmallIntegerField(_("every … weeks"), default=DEFAULT_WEEKS)
    # The day the scheduled nudge counts from: the last contact, or the day it was turned on
    # when that is later. A contact after it makes the nudge obsolete (reminder_kinds).
    counted_from = models.DateField(_("counted from"))
    created_at = models.DateTimeField(_("created"), auto_now_add=True)

    class Meta:
        verbose_name = _("keep-warm nudge")
        verbose_name_plural = _("keep-warm nudges")
        constraints = [
            models.CheckConstraint(
                condition=Q(weeks__gte=MIN_WEEKS, weeks__lte=MAX_WEEKS),
                name="keepwarm_weeks_2_to_26",
            ),
        ]

    def __str__(self) -> str:
        return ngettext(
            "Keep warm every %(weeks)d week", "Keep warm every %(weeks)d weeks", self.weeks
        ) % {"weeks": self.weeks}

    def get_absolute_url(self) -> str:
        return object_url("people:contact_detail", self.contact_id)
