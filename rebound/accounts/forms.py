from django import forms
from django.conf import settings
from django.http import HttpRequest

from rebound.lib.timezones import all_timezones, grouped_choices
from rebound.models import User


class TimezoneField(forms.ChoiceField):
    def __init__(self, **kwargs: object) -> None:
        super().__init__(choices=grouped_choices, **kwargs)  # type: ignore[arg-type]


class SignupExtrasForm(forms.Form):
    """What Rebound's sign-up asks beyond allauth's address and password
    (ACCOUNT_SIGNUP_FORM_CLASS). allauth's sign-up form is built on it, so this module must not
    import allauth's forms (rebound.accounts.allauth holds what does)."""

    first_name = forms.CharField(label="First name (optional)", max_length=150, required=False)
    # Filled in by the browser (Intl API) so new users start in their own zone.
    timezone = forms.CharField(required=False, widget=forms.HiddenInput)

    def clean_timezone(self) -> str:
        tz = self.cleaned_data.get("timezone") or ""
        return tz if tz in all_timezones() else settings.DEFAULT_USER_TIMEZONE

    def signup(self, request: HttpRequest, user: User) -> None:
        user.first_name = self.cleaned_data["first_name"]
        user.timezone = self.cleaned_data["timezone"]
        user.save(update_fields=["first_name", "timezone"])


class DeleteAccountForm(forms.Form):
    password = forms.CharField(
        label="Your password",
        widget=forms.PasswordInput(attrs={"autocomplete": "current-password"}),
    )

    def __init__(self, *args: object, user: User, **kwargs: object) -> None:
        super().__init__(*args, **kwargs)  # type: ignore[arg-type]
        self.user = user

    def clean_password(self) -> str:
        password = self.cleaned_data["password"]
        if not self.user.check_password(password):
            raise forms.ValidationError("That is not your password.")
        return password


class PreferencesForm(forms.ModelForm):
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
