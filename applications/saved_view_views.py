"""Saving and deleting the applications table's saved views (issue 28); the table itself,
which lists them, is views.application_list."""

from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.core.exceptions import ValidationError
from django.http import HttpResponse, QueryDict
from django.shortcuts import get_object_or_404, redirect, render
from django.urls import reverse
from django.utils.translation import gettext as _
from django.views.decorators.http import require_http_methods, require_POST

from rebound.lib.types import AuthedRequest

from . import saved_view_services
from .models import SavedView
from .saved_view_forms import SAVED_VIEW_QUERY_MAX, SavedViewForm


@login_required
@require_POST
def saved_view_save(request: AuthedRequest) -> HttpResponse:
    """Save the table's filters and sort under a name (the form between the table's head and
    the table); back to the table with them, the view now among the saved ones."""
    form = SavedViewForm(request.POST, owner=request.user)
    table = reverse("applications:application_list")
    # Re-encoded: whatever was posted, the way back is a plain query string of this page.
    sent = QueryDict(request.POST.get("query", "")[:SAVED_VIEW_QUERY_MAX]).urlencode()
    back = f"{table}?{sent}" if sent else table
    if not form.is_valid():
        for errors in form.errors.values():
            for error in errors:
                messages.error(request, str(error))
        return redirect(back)
    try:
        saved = saved_view_services.saved_view_save(owner=request.user, **form.cleaned_data)
    except ValidationError as exc:
        for error in exc.messages:
            messages.error(request, error)
        return redirect(back)
    name = {"name": saved.view.name}
    if saved.created:
        messages.success(request, _("Saved the view “%(name)s”: it is above the table.") % name)
    else:
        messages.success(request, _("Updated the view “%(name)s” with these filters.") % name)
    return redirect(saved.view.url)


@login_required
@require_http_methods(["GET", "POST"])
def saved_view_delete(request: AuthedRequest, view_id: int) -> HttpResponse:
    view = get_object_or_404(SavedView, pk=view_id, owner=request.user)
    if request.method == "POST":
        saved_view_services.saved_view_delete(view=view)
        messages.success(
            request,
            _("Deleted the view “%(name)s”. The applications it showed are still here.")
            % {"name": view.name},
        )
        return redirect("applications:application_list")
    return render(
        request,
        "confirm_delete.html",
        {
            "object": view,
            "what": _("saved view"),
            "question": _("Delete this saved view?"),
            "consequences": _(
                "Only its link above the table goes: no application changes. You can save "
                "these filters again at any time."
            ),
            "cancel_url": view.url,
        },
    )
