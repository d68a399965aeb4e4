import json

from django import forms
from django.conf import settings
from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.db import transaction
from django.http import HttpResponse
from django.shortcuts import redirect, render
from django.template.defaultfilters import pluralize
from django.urls import reverse
from django.utils.functional import SimpleLazyObject
from django.views.decorators.http import require_http_methods

from applications.services import no_reply_reminders_rederive
from feeds import tokens
from feeds.models import CalendarFeed
from rebound.accounts.forms import PreferencesForm
from rebound.fragments import fragment_keys
from rebound.lib.localtime import local_today
from rebound.lib.types import AuthedRequest
from rebound.upload_limits import upload_limit
from reminders.services import reminders_rederive_for_user

from . import backup as backup_module
from . import dashboard


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


class RestoreForm(forms.Form):
    file = forms.FileField(
        label="Backup file",
        help_text=f"A .json file downloaded from a Rebound server, up to "
        f"{backup_module.MAX_BYTES // (1024 * 1024)} MB.",
        widget=forms.ClearableFileInput(attrs={"accept": ".json,application/json"}),
    )


@upload_limit(backup_module.MAX_BYTES)
@login_required
@require_http_methods(["GET", "POST"])
def backup(request: AuthedRequest) -> HttpResponse:
    """Download a backup; restore one into an empty account."""
    empty = backup_module.account_is_empty(request.user)
    form = RestoreForm(request.POST or None, request.FILES or None)
    if request.method == "POST" and form.is_valid():
        upload = form.cleaned_data["file"]
        try:
            document = backup_module.read_document(upload)
            restored = backup_module.backup_restore(user=request.user, document=document)
        except backup_module.BackupError as error:
            form.add_error("file", f"{'; '.join(error.messages)} Nothing was restored.")
        else:
            note = (
                f" {restored.reminders_past} reminder{pluralize(restored.reminders_past)} "
                "had passed their day and weren’t scheduled again."
                if restored.reminders_past
                else ""
            )
            messages.success(
                request,
                f"Restored {restored.rows} item{pluralize(restored.rows)} and scheduled "
                f"{restored.reminders} reminder{pluralize(restored.reminders)}.{note}",
            )
            return redirect("home")
    # A refused file is a 400: the page says what is wrong with it.
    status = 400 if request.method == "POST" and form.errors else 200
    return render(request, "home/backup.html", {"form": form, "empty": empty}, status=status)


@login_required
def backup_download(request: AuthedRequest) -> HttpResponse:
    document = backup_module.backup_export(request.user)
    response = HttpResponse(
        json.dumps(document, indent=1, ensure_ascii=False),
        content_type="application/json; charset=utf-8",
    )
    day = local_today(request.user).isoformat()
    response["Content-Disposition"] = f'attachment; filename="rebound-backup-{day}.json"'
    return response
