from django.conf import settings
from django.contrib import messages
from django.contrib.auth import login, logout
from django.contrib.auth import views as auth_views
from django.contrib.auth.decorators import login_required
from django.db import transaction
from django.http import HttpRequest, HttpResponse
from django.shortcuts import redirect, render
from django.utils.decorators import method_decorator
from django.views.decorators.http import require_http_methods
from django_ratelimit.decorators import ratelimit

from .accounts import sessions_end_for
from .forms import DeleteAccountForm, QueuedPasswordResetForm, SignUpForm
from .types import AuthedRequest

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


@ratelimit(key="ip", rate=lambda group, request: settings.SIGNUP_RATE, method="POST")
@require_http_methods(["GET", "POST"])
def signup(request: HttpRequest) -> HttpResponse:
    if request.user.is_authenticated:
        return redirect("home")
    form = SignUpForm(request.POST or None)
    if request.method == "POST" and form.is_valid():
        user = form.save()
        login(request, user, backend="django.contrib.auth.backends.ModelBackend")
        messages.success(request, "Welcome to Rebound. Your account is ready.")
        return redirect("home")
    return render(request, "registration/signup.html", {"form": form})


@login_required
@require_http_methods(["GET", "POST"])
def account_delete(request: AuthedRequest) -> HttpResponse:
    """Delete the account and everything in it: applications, journal, reminders."""
    form = DeleteAccountForm(request.POST or None, user=request.user)
    if request.method == "POST" and form.is_valid():
        user = request.user
        with transaction.atomic():
            logout(request)
            sessions_end_for(user=user)
            user.delete()
        messages.success(request, "Your account and all its data are deleted. Good luck out there.")
        return redirect("landing")
    return render(request, "rebound/account_delete.html", {"form": form})


def _reset_address(group: str, request: HttpRequest) -> str:
    return request.POST.get("email", "").strip().lower()


@method_decorator(
    ratelimit(key="ip", rate=lambda g, r: settings.RESET_RATE_PER_IP, method="POST"),
    name="post",
)
@method_decorator(
    ratelimit(key=_reset_address, rate=lambda g, r: settings.RESET_RATE_PER_ADDRESS, method="POST"),
    name="post",
)
class PasswordResetView(auth_views.PasswordResetView):
    """Django's reset page; the email goes out from a Celery task whether or not the address
    has an account, so the answer takes the same time and says the same thing either way."""

    form_class = QueuedPasswordResetForm
