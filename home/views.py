from django.conf import settings
from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.http import HttpResponse
from django.shortcuts import redirect, render
from django.urls import reverse
from django.utils.functional import SimpleLazyObject
from django.utils.translation import gettext as _
from django.views.decorators.http import require_http_methods

from feeds import tokens
from feeds.models import CalendarFeed
from rebound.fragments import fragment_keys
from rebound.lib.language import in_language_of
from rebound.lib.localtime import local_today
from rebound.lib.types import AuthedRequest

from . import dashboard
from .forms import PreferencesForm
from .services import preferences_set


@login_required
def home(request: AuthedRequest) -> HttpResponse:
    return render(request, "home/home.html", dashboard.for_user(request.user))


@login_required
def home_glance(request: AuthedRequest) -> HttpResponse:
    """Home's one-line summary of the last 30 days, fetched once the page has loaded: it
    reads every application of those days, and the page shouldn't wait for it. Cached until
    the user's data changes (rebound.fragments)."""
    today = local_today(request.user)
    return render(
        request,
        "home/_glance.html",
        {
            "glance": SimpleLazyObject(lambda: dashboard.glance(request.user)),
            "glance_key": fragment_keys(request.user)("glance", today),
        },
    )


@login_required
@require_http_methods(["GET", "POST"])
def preferences(request: AuthedRequest) -> HttpResponse:
    form = PreferencesForm(request.POST or None, instance=request.user)
    if request.method == "POST" and form.is_valid():
        user = preferences_set(user=request.user, preferences=form.cleaned_data)
        # Said in the language just chosen: the next page speaks it.
        with in_language_of(user):
            messages.success(request, _("Preferences saved."))
        return redirect("preferences")
    feed = CalendarFeed.objects.filter(user=request.user, enabled=True).first()
    return render(
        request,
        "home/preferences.html",
        {
            "form": form,
            "feed_url": settings.SITE_URL
            + reverse("feeds:calendar", args=[tokens.make(request.user.pk, feed.version)])
            if feed
            else "",
        },
    )
