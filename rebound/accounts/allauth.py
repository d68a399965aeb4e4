"""Where Rebound meets django-allauth: its adapter, the log-in form, and the signals that keep
the core's facts (User.email_verified) in step and send the new-device notice.

Kept apart from rebound.accounts.forms and rebound.accounts.services: allauth builds its
sign-up form on rebound.accounts.forms.SignupExtrasForm, so importing allauth's forms there
would be circular.
"""

from collections.abc import Iterator
from contextlib import contextmanager
from typing import Any

from allauth.account import signals
from allauth.account.adapter import DefaultAccountAdapter
from allauth.account.forms import LoginForm, ResetPasswordForm
from allauth.account.models import EmailAddress
from django import forms
from django.http import HttpRequest
from django.urls import reverse
from django.utils import translation
from django.utils.translation import gettext_lazy as _

from rebound.accounts.services import (
    login_text,
    queue_email,
    sign_in_notice_send,
    signup_language,
    user_email_verified_sync,
)
from rebound.lib.language import in_language_of
from rebound.models import User


class AccountAdapter(DefaultAccountAdapter):
    error_messages = {
        **DefaultAccountAdapter.error_messages,
        "email_password_mismatch": _(
            "That email and password don’t match an account. The password is case-sensitive; "
            "the email isn’t."
        ),
    }

    def send_mail(self, template_prefix: str, email: str, context: dict) -> None:
        """Rendered here, sent by a task after commit: the answer to a reset or a sign-up
        takes the same time whether or not an email goes out (no SMTP in the request).

        Written in the language of the account the address belongs to (User.language), not
        in the browser's of whoever asked: a reset asked for from an English browser still
        reaches a German user in German. An address no account has yet (a sign-up's, before
        its user exists) gets the language of the page that asked."""
        from allauth.core import context as allauth_context
        from django.contrib.sites.shortcuts import get_current_site

        request = allauth_context.request
        with _in_language_of_address(email):
            message = self.render_mail(
                template_prefix,
                email,
                {
                    "request": request,
                    "email": email,
                    "current_site": get_current_site(request),
                    **context,
                },
            )
        queue_email(message)

    def new_user(self, request: HttpRequest) -> User:
        """A new account, from the sign-up form or single sign-on alike, starts in the language
        its sign-up page was read in (the browser's)."""
        user = super().new_user(request)
        user.language = signup_language(translation.get_language())
        return user

    def add_message(
        self,
        request: HttpRequest,
        level: int,
        message_template: str | None = None,
        message_context: dict | None = None,
        extra_tags: str = "",
        message: str | None = None,
    ) -> None:
        """allauth's notices ("Signed in as …") in the language of the account they are about:
        one just signed in reads them in its own language, not the log-in page's."""
        user = getattr(request, "user", None)
        if user is None or not user.is_authenticated:
            super().add_message(
                request, level, message_template, message_context, extra_tags, message
            )
            return
        with in_language_of(user):
            super().add_message(
                request, level, message_template, message_context, extra_tags, message
            )

    def send_account_already_exists_mail(self, email: str) -> None:
        # The owner, not the person at the keyboard, reads this: where to log in, or reset.
        from allauth.account.internal import flows
        from allauth.core import context

        request = context.request
        self.send_mail(
            "account/email/account_already_exists",
            email,
            {
                "email": email,
                "login_url": request.build_absolute_uri(reverse("login")),
                "password_reset_url": flows.password_reset.get_reset_password_url(request),
            },
        )

    def clean_email(self, email: str) -> str:
        # Stored as log-in will clean it, so the address signed up with is one that logs in.
        return super().clean_email(login_text(email))


def account_of_address(email: str) -> User | None:
    """The account an address belongs to: its own address, or one it added (an address being
    changed to is not yet the user's `email`)."""
    user = User.objects.filter(email__iexact=email).first()
    if user is None:
        address = EmailAddress.objects.filter(email__iexact=email).select_related("user").first()
        user = address.user if address is not None else None
    return user


@contextmanager
def _in_language_of_address(email: str) -> Iterator[None]:
    user = account_of_address(email)
    if user is None:
        yield
        return
    with in_language_of(user):
        yield


class LoginEmailField(forms.EmailField):
    """An address typed to log in, cleaned (rebound.accounts.services.login_text) before it is
    validated: fullwidth letters are the plain ones, as Django's admin log-in has them."""

    def to_python(self, value: Any) -> str:
        return login_text(super().to_python(value))


class EmailLoginForm(LoginForm):
    """allauth's log-in, with the address cleaned as every way in cleans it, so the
    lock-out's key and the account found agree."""

    def __init__(self, *args: Any, **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        original = self.fields["login"]
        self.fields["login"] = LoginEmailField(label=_("Email"), widget=original.widget)


class EmailResetPasswordForm(ResetPasswordForm):
    """allauth's reset form, finding the address as log-in does."""

    def __init__(self, *args: Any, **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        original = self.fields["email"]
        self.fields["email"] = LoginEmailField(label=_("Email"), widget=original.widget)


def _sync_address(sender: Any, **kwargs: Any) -> None:
    user = kwargs.get("user")
    if user is None:
        address = kwargs.get("email_address") or kwargs.get("to_email_address")
        user = address.user if address is not None else None
    if user is not None and user.pk:
        user_email_verified_sync(user=user)


def _notice_new_device(sender: Any, request: HttpRequest, user: User, **kwargs: Any) -> None:
    match = getattr(request, "resolver_match", None)
    # The log-in that opening the confirmation link gives a new account: the inbox the
    # notice would go to is the one that just clicked (the browser is remembered all the same).
    confirming = match is not None and match.url_name == "account_confirm_email"
    sign_in_notice_send(
        request=request, response=kwargs.get("response"), user=user, notify=not confirming
    )


def connect() -> None:
    """Called once from ReboundConfig.ready()."""
    for signal in (
        signals.email_confirmed,
        signals.email_changed,
        signals.email_added,
        signals.email_removed,
        signals.user_signed_up,
    ):
        signal.connect(_sync_address, dispatch_uid=f"rebound-email-verified-{id(signal)}")
    signals.user_logged_in.connect(_notice_new_device, dispatch_uid="rebound-new-device")
