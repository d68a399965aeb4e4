from django import forms
from django.utils.translation import gettext_lazy as _

from .models import GOAL_MAX, WeeklyLetter


class WeeklyLetterForm(forms.ModelForm):
    class Meta:
        model = WeeklyLetter
        fields = ["enabled", "weekday", "goal"]
        widgets = {"goal": forms.NumberInput(attrs={"min": 1, "max": GOAL_MAX})}
        help_texts = {
            "weekday": _("It comes at your reminder hour that day, in your time zone."),
            "goal": _(
                "Optional, from 1 to 50. Left empty, the letter follows the goals of your "
                "open plans (“Widen the net”), if any."
            ),
        }
