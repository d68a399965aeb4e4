"""The journal: writing, editing and deleting entries."""

from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.core.paginator import Paginator
from django.http import HttpResponse
from django.shortcuts import get_object_or_404, redirect, render
from django.urls import reverse
from django.utils import dateformat
from django.utils.translation import gettext as _
from django.utils.translation import pgettext
from django.views.decorators.http import require_http_methods

from rebound.lib.localtime import local_today
from rebound.lib.types import AuthedRequest

from .. import services
from ..forms import JournalEntryForm
from ..models import JournalEntry

PAGE_SIZE = 20


@login_required
@require_http_methods(["GET", "POST"])
def journal(request: AuthedRequest) -> HttpResponse:
    form = JournalEntryForm(
        request.POST or None, owner=request.user, initial={"written_on": local_today(request.user)}
    )
    if request.method == "POST" and form.is_valid():
        services.journal_entry_create(owner=request.user, **form.cleaned_data)
        messages.success(request, _("Journal entry saved. Only you can see it."))
        return redirect("coping:journal")
    entries = JournalEntry.objects.filter(owner=request.user).select_related(
        "plan__application__company"
    )
    page = Paginator(entries.order_by("-written_on", "-created_at"), PAGE_SIZE).get_page(
        request.GET.get("page")
    )
    return render(request, "coping/journal.html", {"form": form, "page": page})


@login_required
@require_http_methods(["GET", "POST"])
def journal_entry_update(request: AuthedRequest, entry_id: int) -> HttpResponse:
    entry = get_object_or_404(JournalEntry, pk=entry_id, owner=request.user)
    form = JournalEntryForm(request.POST or None, owner=request.user, instance=entry)
    if request.method == "POST" and form.is_valid():
        services.journal_entry_update(entry=entry, **form.cleaned_data)
        messages.success(request, _("Saved."))
        return redirect("coping:journal")
    return render(
        request,
        "form_page.html",
        {
            "form": form,
            "title": _("Edit journal entry"),
            "cancel_url": reverse("coping:journal"),
            "delete_url": reverse("coping:journal_entry_delete", args=[entry.pk]),
        },
    )


@login_required
@require_http_methods(["GET", "POST"])
def journal_entry_delete(request: AuthedRequest, entry_id: int) -> HttpResponse:
    entry = get_object_or_404(JournalEntry, pk=entry_id, owner=request.user)
    if request.method == "POST":
        services.journal_entry_delete(entry=entry)
        messages.success(request, _("Journal entry deleted."))
        return redirect("coping:journal")
    return render(
        request,
        "confirm_delete.html",
        {
            "object": _("Your entry of %(day)s")
            % {"day": dateformat.format(entry.written_on, pgettext("date format", "j F Y"))},
            "what": _("journal entry"),
            # German needs its own article ("diesen Tagebucheintrag"), so the whole question.
            "question": _("Delete this journal entry?"),
            "cancel_url": reverse("coping:journal"),
        },
    )
