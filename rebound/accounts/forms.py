from django import forms
from django.conf import settings
from django.http import HttpRequest
from django.utils.translation import gettext_lazy as _

from rebound.accounts.services import user_signup_extras_set
from rebound.lib.timezones import all_timezones
from rebound.models import User


class SignupExtrasForm(forms.Form):
    """What Rebound's sign-up asks beyond allauth's address and password
    (ACCOUNT_SIGNUP_FORM_CLASS). allauth's sign-up form is built on it, so this module must not
    import allauth's forms (rebound.accounts.allauth holds what does)."""

    first_name = forms.CharField(label=_("First name (optional)"), max_length=150, required=False)
    # Filled in by the browser (Intl API) so new users start in their own zone.
    timezone = forms.CharField(required=False, widget=forms.HiddenInput)

    def clean_timezone(self) -> str:
        tz = self.cleaned_data.get("timezone") or ""
        return tz if tz in all_timezones() else settings.DEFAULT_USER_TIMEZONE

    def signup(self, request: HttpRequest, user: User) -> None:
        user_signup_extras_set(
            user=user,
            first_name=self.cleaned_data["first_name"],
            timezone=self.cleaned_data["timezone"],
        )


class DeleteAccountForm(forms.Form):
    password = forms.CharField(
        label=_("Your password"),
        widget=forms.PasswordInput(attrs={"autocomplete": "current-password"}),
    )

    def __init__(self, *args: object, user: User, **kwargs: object) -> None:
        super().__init__(*args, **kwargs)  # type: ignore[arg-type]
        self.user = user

    def clean_password(self) -> str:
        password = self.cleaned_data["password"]
        if not self.user.check_password(password):
            raise forms.ValidationError(_("That is not your password."))
        return password
