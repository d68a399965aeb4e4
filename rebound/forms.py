from typing import Any

from django import forms
from django.conf import settings
from django.contrib.auth.forms import AuthenticationForm, BaseUserCreationForm, PasswordResetForm
from django.db import transaction

from .models import User
from .timezones import all_timezones, grouped_choices


class TimezoneField(forms.ChoiceField):
    def __init__(self, **kwargs: object) -> None:
        super().__init__(choices=grouped_choices, **kwargs)  # type: ignore[arg-type]


class SignUpForm(BaseUserCreationForm):
    # Filled in by the browser (Intl API) so new users start in their own zone.
    timezone = forms.CharField(required=False, widget=forms.HiddenInput)

    class Meta:
        model = User
        fields = ("email", "first_name")
        labels = {"first_name": "First name (optional)"}

    def clean_email(self) -> str:
        email = self.cleaned_data["email"].strip()
        if User.objects.filter(email__iexact=email).exists():
            raise forms.ValidationError(
                "An account with this email already exists. Log in or reset your password."
            )
        return email

    def clean_timezone(self) -> str:
        tz = self.cleaned_data.get("timezone") or ""
        return tz if tz in all_timezones() else settings.DEFAULT_USER_TIMEZONE

    def save(self, commit: bool = True) -> User:
        user = super().save(commit=False)
        user.timezone = self.cleaned_data["timezone"]
        if commit:
            user.save()
        return user


class EmailAuthenticationForm(AuthenticationForm):
    error_messages = {
        **AuthenticationForm.error_messages,
        "invalid_login": "That email and password don’t match an account. The password is "
        "case-sensitive; the email isn’t.",
    }
    username = forms.EmailField(
        label="Email", widget=forms.EmailInput(attrs={"autofocus": True, "autocomplete": "email"})
    )


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


class QueuedPasswordResetForm(PasswordResetForm):
    """Hands the sending to a task (after commit), for known and unknown addresses alike."""

    def save(self, *args: Any, request: Any = None, use_https: bool = False, **kwargs: Any) -> None:
        from .tasks import send_password_reset

        email = self.cleaned_data["email"]
        domain = request.get_host() if request is not None else ""
        transaction.on_commit(lambda: send_password_reset.delay(email, domain, use_https))
