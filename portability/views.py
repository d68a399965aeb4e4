"""Preferences → "Back up everything, or restore a backup": the page and the download."""

from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.http import HttpResponse, StreamingHttpResponse
from django.shortcuts import redirect, render
from django.utils.translation import gettext as _
from django.utils.translation import ngettext
from django.views.decorators.http import require_http_methods

from rebound.lib.localtime import local_today
from rebound.lib.types import AuthedRequest
from rebound.upload_limits import upload_limit

from .document import MAX_BYTES, BackupError, account_is_empty
from .export import backup_stream
from .forms import RestoreForm
from .reading import read_document
from .services import backup_restore


@upload_limit(MAX_BYTES)
@login_required
@require_http_methods(["GET", "POST"])
def backup(request: AuthedRequest) -> HttpResponse:
    """Download a backup; restore one into an empty account."""
    empty = account_is_empty(request.user)
    form = RestoreForm(request.POST or None, request.FILES or None)
    if request.method == "POST" and form.is_valid():
        upload = form.cleaned_data["file"]
        try:
            document = read_document(upload)
            restored = backup_restore(user=request.user, document=document)
        except BackupError as error:
            form.add_error("file", "; ".join(error.messages) + " " + _("Nothing was restored."))
        else:
            said = ngettext(
                "Restored %(count)d item", "Restored %(count)d items", restored.rows
            ) % {"count": restored.rows}
            said += ngettext(
                " and scheduled %(count)d reminder.",
                " and scheduled %(count)d reminders.",
                restored.reminders,
            ) % {"count": restored.reminders}
            if restored.reminders_past:
                said += ngettext(
                    " %(count)d reminder had passed their day and wasn’t scheduled again.",
                    " %(count)d reminders had passed their day and weren’t scheduled again.",
                    restored.reminders_past,
                ) % {"count": restored.reminders_past}
            messages.success(request, said)
            return redirect("home")
    # A refused file is a 400: the page says what is wrong with it.
    status = 400 if request.method == "POST" and form.errors else 200
    return render(request, "portability/backup.html", {"form": form, "empty": empty}, status=status)


@login_required
def backup_download(request: AuthedRequest) -> StreamingHttpResponse:
    # Streamed as it is read: the queries and the memory stay those of a small account.
    response = StreamingHttpResponse(
        backup_stream(request.user), content_type="application/json; charset=utf-8"
    )
    day = local_today(request.user).isoformat()
    response["Content-Disposition"] = f'attachment; filename="rebound-backup-{day}.json"'
    return response
