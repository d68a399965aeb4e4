from collections.abc import Callable

from allauth.mfa.models import Authenticator
from django.contrib import admin, messages
from django.contrib.auth.admin import UserAdmin as BaseUserAdmin
from django.http import HttpRequest, HttpResponse
from django.shortcuts import redirect
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy

from .admin_privacy import NoUserTextAdmin
from .lib.language import in_language_of
from .models import User


@admin.register(User)
class UserAdmin(NoUserTextAdmin, BaseUserAdmin):
    """An account by its address: the name a user gave is theirs, not the operators'."""

    ordering = ("email",)
    list_display = ("email", "email_verified", "timezone", "is_staff", "date_joined")
    readonly_fields = ("email_verified",)
    search_fields = ("email",)
    fieldsets = (
        (None, {"fields": ("email", "password")}),
        (
            gettext_lazy("Preferences"),
            {"fields": ("timezone", "reminder_time", "keep_in_touch_months")},
        ),
        (gettext_lazy("Address"), {"fields": ("email_verified", "notify_new_sign_in")}),
        (
            gettext_lazy("Permissions"),
            {"fields": ("is_active", "is_staff", "is_superuser", "groups")},
        ),
        (gettext_lazy("Important dates"), {"fields": ("last_login", "date_joined")}),
    )
    add_fieldsets = ((None, {"classes": ("wide",), "fields": ("email", "password1", "password2")}),)


class StaffSecondFactorMiddleware:
    """The admin opens only for staff with a second factor (an authenticator app or a
    passkey); staff without one are sent to set it up. The admin's own log-in page redirects
    to the site's (rebound.urls), which asks for the second factor."""

    def __init__(self, get_response: Callable[[HttpRequest], HttpResponse]) -> None:
        self.get_response = get_response

    def __call__(self, request: HttpRequest) -> HttpResponse:
        user = getattr(request, "user", None)
        if (
            request.path.startswith("/admin/")
            and user is not None
            and user.is_authenticated
            and user.is_staff
            and not _has_second_factor(user)
        ):
            # Before rebound.middleware puts the user's language in place: said in it here.
            with in_language_of(user):
                messages.warning(
                    request,
                    _(
                        "The admin needs a second factor. Add an authenticator app or a "
                        "passkey, then open the admin again."
                    ),
                )
            return redirect("mfa_index")
        return self.get_response(request)


def _has_second_factor(user: User) -> bool:

    # Recovery codes alone are a back-up, not a factor.
    return Authenticator.objects.filter(
        user=user, type__in=[Authenticator.Type.TOTP, Authenticator.Type.WEBAUTHN]
    ).exists()
