from django.conf import settings
from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.db import transaction
from django.http import HttpResponse
from django.shortcuts import redirect, render
from django.urls import reverse
from django.views.decorators.http import require_http_methods

from applications.services import no_reply_reminders_rederive
from feeds import tokens
from feeds.models import CalendarFeed
from rebound.forms import PreferencesForm
from rebound.types import AuthedRequest
from reminders.services import reminders_rederive_for_user

from . import dashboard


@login_required
def home(request: AuthedRequest) -> HttpResponse:
    return render(request, "home/home.html", dashboard.for_user(request.user))


@login_required
@require_http_methods(["GET", "POST"])
def preferences(request: AuthedRequest) -> HttpResponse:
    form = PreferencesForm(request.POST or None, instance=request.user)
    if request.method == "POST" and form.is_valid():
        with transaction.atomic():
            user = form.save()
            # Pending reminders keep their local dates and follow the new zone and hours;
            # "no answer yet" nudges move with the new number of days.
            no_reply_reminders_rederive(user=user)
            reminders_rederive_for_user(user=user)
        messages.success(request, "Preferences saved.")
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
