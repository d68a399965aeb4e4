"""Import another tracker's export: upload (a workbook is read in the background) → check
the columns and status words → preview every row → import in the background, with progress.
Pages read through selectors.py and write through services/steps.py; a GET writes nothing (a job
whose worker was lost is shown as failed, progress.as_shown)."""

from typing import Any

from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.core.paginator import Paginator
from django.http import HttpResponse, StreamingHttpResponse
from django.shortcuts import get_object_or_404, redirect, render
from django.utils.translation import gettext as _
from django.views.decorators.http import require_http_methods, require_POST

from rebound.lib.csvfile import csv_response
from rebound.lib.localtime import local_today
from rebound.lib.types import AuthedRequest
from rebound.upload_limits import upload_limit

from ..models import ImportJob
from ..pipeline import Status
from . import reading, selectors
from .forms import MAX_STATUS_WORDS, ImportMappingForm, ImportUploadForm
from .mapping import ignored_columns, status_words
from .records import import_timeline, row_at, shown
from .services import progress, steps

PREVIEW_ROWS = 100


def _job(request: AuthedRequest, job_id: int) -> ImportJob:
    # The uploaded bytes are the reading task's alone; the records, the pages' that read them.
    return get_object_or_404(
        ImportJob.objects.defer("upload", "records"), pk=job_id, owner=request.user
    )


def _unread(job: ImportJob) -> bool:
    """Still being read, or refused while being read: there are no columns to check."""
    return job.state == ImportJob.State.READING or (
        job.state == ImportJob.State.FAILED and not job.header
    )


@upload_limit(reading.MAX_BYTES)
@login_required
@require_http_methods(["GET", "POST"])
def import_start(request: AuthedRequest) -> HttpResponse:
    form = ImportUploadForm(request.POST or None, request.FILES or None)
    if request.method == "POST" and form.is_valid():
        upload = form.cleaned_data["file"]
        try:
            job = steps.import_start(
                owner=request.user, filename=upload.name, raw=reading.read_upload(upload)
            )
        except reading.ImportFileError as error:
            form.add_error("file", _("%(why)s Nothing was imported.") % {"why": error})
        else:
            return redirect(job)
    jobs = selectors.imports_recent(owner=request.user)
    return render(request, "applications/import_start.html", {"form": form, "jobs": jobs})


@login_required
@require_http_methods(["GET", "POST"])
def import_detail(request: AuthedRequest, job_id: int) -> HttpResponse:
    job = _job(request, job_id)
    display = progress.as_shown(job)
    if _unread(display) or display.state not in (ImportJob.State.MAPPING, ImportJob.State.FAILED):
        return render(request, "applications/import_status.html", _status(display))
    mapping = {k: int(v) for k, v in job.mapping.items()}
    words = status_words(job.header, job.rows, mapping)
    form = ImportMappingForm(request.POST or None, job=job, words=words)
    if request.method == "POST":
        if form.status_column_changed():
            steps.import_columns(job=job, columns=form.columns())
            messages.info(request, _("The status column changed: say what its words mean."))
            return redirect(job)
        if form.is_valid():
            steps.import_map(
                job=job,
                columns=form.mapping(),
                statuses=form.statuses(),
                as_new=form.cleaned_data["as_new"],
            )
            return redirect("applications:import_preview", job.pk)
    return render(
        request,
        "applications/import_mapping.html",
        {
            "job": display,
            "form": form,
            "column_fields": [form[f"col_{name}"] for name in form.field_names],
            "status_fields": [form[f"status_{i}"] for i in range(len(form.words))],
            "too_many_words": len(words) > MAX_STATUS_WORDS,
            "sample": [shown(row) for row in job.rows if any(row)][:3],
            "ignored": ignored_columns(job.header, mapping),
        },
    )


@login_required
def import_preview(request: AuthedRequest, job_id: int) -> HttpResponse:
    job = progress.as_shown(_job(request, job_id))
    if _unread(job) or job.state not in (ImportJob.State.MAPPING, ImportJob.State.FAILED):
        return redirect(job)
    records = selectors.import_records(job)
    errors = sum(1 for r in records if r.errors)
    duplicates = sum(1 for r in records if not r.errors and r.warnings)
    page = Paginator(records, PREVIEW_ROWS).get_page(request.GET.get("page"))
    today = local_today(request.user)
    # Each row's timeline as it will be written (its dates filled in as the import fills them).
    timelines = [
        [(str(Status(status).label), on) for status, on in import_timeline(r, today)]
        if not r.errors
        else []
        for r in page
    ]
    return render(
        request,
        "applications/import_preview.html",
        {
            "job": job,
            "page": page,
            "rows": list(zip(page, timelines, strict=True)),
            "total": len(records),
            "errors": errors,
            "duplicates": duplicates,
            "importable": len(records) - errors - duplicates,
        },
    )


@login_required
@require_POST
def import_run(request: AuthedRequest, job_id: int) -> HttpResponse:
    job = _job(request, job_id)
    if not steps.import_queue(job=job):
        messages.info(request, _("That import has already started."))
    return redirect(job)


def _status(job: ImportJob) -> dict[str, Any]:
    done, _ = progress.import_progress(job)
    good = job.created if job.state == ImportJob.State.DONE else None
    return {"job": job, "done": done, "created": good, "unread": _unread(job)}


@login_required
def import_progress(request: AuthedRequest, job_id: int) -> HttpResponse:
    """The progress fragment htmx polls while the import runs; its last answer stops it."""
    job = progress.as_shown(_job(request, job_id))
    if job.state == ImportJob.State.MAPPING and request.htmx:
        # The file is read: on to its columns.
        return HttpResponse(headers={"HX-Redirect": job.get_absolute_url()})
    return render(request, "applications/_import_progress.html", _status(job))


@login_required
def import_skipped_csv(request: AuthedRequest, job_id: int) -> StreamingHttpResponse:
    """The rows that are (or were) skipped, as the file had them, and why."""
    job = _job(request, job_id)
    if job.state == ImportJob.State.DONE:
        rows = [[s["line"], s["why"], *shown(s["row"])] for s in job.skipped_rows]
    else:
        rows = [
            [line, " ".join(r.errors + r.warnings), *shown(row_at(job.rows, line))]
            for r in selectors.import_records(job)
            if r.errors or r.warnings
            for line in r.lines
        ]
    header = [_("line"), _("why"), *job.header]
    return csv_response(f"skipped-{job.filename.rsplit('.', 1)[0]}.csv", header, rows)


@login_required
@require_POST
def import_delete(request: AuthedRequest, job_id: int) -> HttpResponse:
    job = _job(request, job_id)
    if not steps.import_delete(job=job):
        messages.error(request, _("That import is running; it can be forgotten once it ends."))
        return redirect(job)
    messages.success(
        request,
        _("Rebound no longer keeps “%(file)s”. The applications it brought in stay.")
        % {"file": job.filename},
    )
    return redirect("applications:import_start")
