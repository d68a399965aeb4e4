"""The résumé and letter sent with an application: add, download (owner only), remove."""

from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.http import FileResponse, Http404, HttpResponse
from django.shortcuts import get_object_or_404, redirect, render
from django.utils.translation import gettext as _
from django.views.decorators.http import require_http_methods

from rebound.lib.types import AuthedRequest
from rebound.upload_limits import upload_limit

from . import attachment_services
from .forms import ATTACHMENT_MAX_BYTES, ATTACHMENT_TYPES, AttachmentForm
from .models import Application, Attachment


@upload_limit(ATTACHMENT_MAX_BYTES)
@login_required
@require_http_methods(["GET", "POST"])
def attachment_add(request: AuthedRequest, application_id: int) -> HttpResponse:
    application = get_object_or_404(
        Application.objects.select_related("company"), pk=application_id, owner=request.user
    )
    form = AttachmentForm(request.POST or None, request.FILES or None)
    if request.method == "POST" and form.is_valid():
        attachment = attachment_services.attachment_add(
            application=application,
            kind=form.cleaned_data["kind"],
            upload=form.cleaned_data["file"],
            version=form.cleaned_data["version"],
        )
        messages.success(
            request, _("Kept with this application: %(label)s.") % {"label": attachment.label}
        )
        return redirect(application)
    return render(
        request, "applications/attachment_form.html", {"application": application, "form": form}
    )


def _attachment(request: AuthedRequest, attachment_id: int) -> Attachment:
    return get_object_or_404(
        Attachment.objects.select_related("application__company"),
        pk=attachment_id,
        owner=request.user,
    )


@login_required
def attachment_download(request: AuthedRequest, attachment_id: int) -> FileResponse:
    attachment = _attachment(request, attachment_id)
    if not attachment.file:
        raise Http404(_("Only the version’s name was recorded."))
    extension = attachment.filename[attachment.filename.rfind(".") :].lower()
    content_type = ATTACHMENT_TYPES.get(extension, ("application/octet-stream", None))[0]
    try:
        handle = attachment.file.open("rb")
    except FileNotFoundError:
        raise Http404(_("The file is missing from the server.")) from None
    # Always a download, never shown in the page: an uploaded file is never run as a page.
    response = FileResponse(
        handle, as_attachment=True, filename=attachment.filename, content_type=content_type
    )
    response["Cache-Control"] = "private, no-store"
    return response


@login_required
@require_http_methods(["GET", "POST"])
def attachment_remove(request: AuthedRequest, attachment_id: int) -> HttpResponse:
    """GET asks first (it can't be undone); POST removes it and its file."""
    attachment = _attachment(request, attachment_id)
    if request.method == "POST":
        application = attachment.application
        attachment_services.attachment_remove(attachment=attachment)
        messages.success(request, _("Removed: %(label)s.") % {"label": attachment.label})
        return redirect(application)
    return render(request, "applications/attachment_remove.html", {"attachment": attachment})
