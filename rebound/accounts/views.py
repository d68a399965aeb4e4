from allauth.account import views as account_views
from django.conf import settings
from django.contrib import messages
from django.contrib.auth import logout as auth_logout
from django.contrib.auth.decorators import login_required
from django.http import HttpRequest, HttpResponse
from django.shortcuts import redirect, render
from django.urls import reverse
from django.utils.http import urlencode
from django.utils.translation import gettext as _
from django.views.decorators.http import require_http_methods
from django_ratelimit.decorators import ratelimit

from rebound.accounts import services
from rebound.accounts.services import login_identifier
from rebound.lib.types import AuthedRequest

from .forms import DeleteAccountForm

# The public pages may be indexed; everything behind the log-in says noindex in its own head.
ROBOTS = "User-agent: *\nDisallow: /admin/\nDisallow: /r/\n"


def robots_txt(request: HttpRequest) -> HttpResponse:
    return HttpResponse(ROBOTS, content_type="text/plain")


def landing(request: HttpRequest) -> HttpResponse:
    if request.user.is_authenticated:
        return redirect("home")
    return render(request, "rebound/landing.html")


def rate_limited(request: HttpRequest, exception: Exception) -> HttpResponse:
    """django-ratelimit's answer when a client or an address asks too often."""
    return render(request, "registration/rate_limited.html", status=429)


# allauth's pages (templates/account/), under Rebound's names and throttles.
login = account_views.LoginView.as_view()
logout = account_views.LogoutView.as_view()
password_change = account_views.PasswordChangeView.as_view()
signup = ratelimit(key="ip", rate=lambda group, request: settings.SIGNUP_RATE, method="POST")(
    account_views.SignupView.as_view()
)


def admin_login(request: HttpRequest) -> HttpResponse:
    """The admin's log-in is the site's: one lock-out to count, and the second factor asked
    for (Django's admin form would skip it)."""
    target = request.GET.get("next") or "/admin/"
    return redirect(f"{reverse('login')}?{urlencode({'next': target})}")


@login_required
@require_http_methods(["GET", "POST"])
def account_delete(request: AuthedRequest) -> HttpResponse:
    """Delete the account and everything in it: applications, journal, reminders."""
    form = DeleteAccountForm(request.POST or None, user=request.user)
    if request.method == "POST" and form.is_valid():
        user = request.user
        auth_logout(request)
        services.account_delete(user=user)
        messages.success(
            request, _("Your account and all its data are deleted. Good luck out there.")
        )
        return redirect("landing")
    return render(request, "rebound/account_delete.html", {"form": form})


def _reset_address(group: str, request: HttpRequest) -> str:
    # Counted per account, as the lock-out counts: "ALICE@…" and " alice@…" are one address.
    return login_identifier(request.POST.get("email", ""))


# allauth's reset page: the same answer for any address (ACCOUNT_PREVENT_ENUMERATION), and
# an email only to an address that has an account.
password_reset = ratelimit(key="ip", rate=lambda g, r: settings.RESET_RATE_PER_IP, method="POST")(
    ratelimit(key=_reset_address, rate=lambda g, r: settings.RESET_RATE_PER_ADDRESS, method="POST")(
        account_views.PasswordResetView.as_view()
    )
)
