from django import forms
from django.conf import settings
from django.utils.translation import gettext_lazy as _

from rebound.lib.timezones import grouped_choices
from rebound.models import User


class TimezoneField(forms.ChoiceField):
    def __init__(self, **kwargs: object) -> None:
        super().__init__(choices=grouped_choices, **kwargs)  # type: ignore[arg-type]


def language_choices() -> list[tuple[str, str]]:
    # Each language by its own name ("Deutsch", "English"), as a reader of it looks for it.
    return list(settings.LANGUAGES)


class PreferencesForm(forms.ModelForm):
    """The preferences page's form: the User's own fields (rebound.models), edited here at the
    top because saving them re-derives reminders in the apps below (home.services)."""

    timezone = TimezoneField(
        label=_("Time zone"), help_text=_("Dates and reminders use this zone.")
    )
    language = forms.ChoiceField(
        label=_("Language"),
        choices=language_choices,
        help_text=_("Pages and emails are written in this language."),
        # A form sent without it (a script, an older page) keeps the language as it was.
        required=False,
    )

    class Meta:
        model = User
        fields = (
            "first_name",
            "language",
            "timezone",
            "reminder_time",
            "keep_in_touch_months",
            "no_reply_days",
            "prep_time",
            "notify_new_sign_in",
        )
        labels = {
            "first_name": _("First name"),
            "reminder_time": _("Reminder time"),
            "keep_in_touch_months": _("Keep-in-touch check-in, months after a rejection"),
            "no_reply_days": _("No answer yet: nudge me after this many days"),
            "prep_time": _("Interview prep, the evening before, at"),
        }
        widgets = {
            "reminder_time": forms.TimeInput(attrs={"type": "time"}, format="%H:%M"),
            "keep_in_touch_months": forms.NumberInput(attrs={"min": 1, "max": 24}),
            "no_reply_days": forms.NumberInput(attrs={"min": 1, "max": 90}),
            "prep_time": forms.TimeInput(attrs={"type": "time"}, format="%H:%M"),
        }

    def clean_language(self) -> str:
        return self.cleaned_data.get("language") or self.instance.language
