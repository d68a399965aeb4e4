from django import forms
from django.utils.translation import gettext_lazy as _

from .models import DEFAULT_WEEKS, MAX_WEEKS, MIN_WEEKS


class KeepWarmForm(forms.Form):
    weeks = forms.IntegerField(
        label=_("Nudge me every … weeks"),
        min_value=MIN_WEEKS,
        max_value=MAX_WEEKS,
        initial=DEFAULT_WEEKS,
        help_text=_("Between 2 and 26 weeks after you were last in touch."),
        error_messages={
            "required": _("Say how many weeks, between 2 and 26."),
            "invalid": _("Give a whole number of weeks, between 2 and 26."),
            "min_value": _("At least 2 weeks: sooner would nag."),
            "max_value": _("At most 26 weeks: half a year is the longest gap."),
        },
    )
