from django import forms

from rebound.lib.timezones import grouped_choices
from rebound.models import User


class TimezoneField(forms.ChoiceField):
    def __init__(self, **kwargs: object) -> None:
        super().__init__(choices=grouped_choices, **kwargs)  # type: ignore[arg-type]


class PreferencesForm(forms.ModelForm):
    """The preferences page's form: the User's own fields (rebound.models), edited here at the
    top because saving them re-derives reminders in the apps below (home.services)."""

    timezone = TimezoneField(label="Time zone", help_text="Dates and reminders use this zone.")

    class Meta:
        model = User
        fields = (
            "first_name",
            "timezone",
            "reminder_time",
            "keep_in_touch_months",
            "no_reply_days",
            "prep_time",
            "notify_new_sign_in",
        )
        labels = {
            "first_name": "First name",
            "reminder_time": "Reminder time",
            "keep_in_touch_months": "Keep-in-touch check-in, months after a rejection",
            "no_reply_days": "No answer yet: nudge me after this many days",
            "prep_time": "Interview prep, the evening before, at",
        }
        widgets = {
            "reminder_time": forms.TimeInput(attrs={"type": "time"}, format="%H:%M"),
            "keep_in_touch_months": forms.NumberInput(attrs={"min": 1, "max": 24}),
            "no_reply_days": forms.NumberInput(attrs={"min": 1, "max": 90}),
            "prep_time": forms.TimeInput(attrs={"type": "time"}, format="%H:%M"),
        }
