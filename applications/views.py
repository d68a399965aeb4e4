import csv
import datetime as dt
from collections.abc import Iterator
from typing import Any

from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.core.exceptions import ValidationError
from django.core.paginator import Paginator
from django.db import transaction
from django.db.models import Count, Prefetch, Q, QuerySet
from django.db.models.deletion import RestrictedError
from django.http import HttpResponse, StreamingHttpResponse
from django.shortcuts import get_object_or_404, redirect, render
from django.urls import reverse
from django.utils import timezone
from django.utils.http import url_has_allowed_host_and_scheme
from django.views.decorators.http import require_http_methods, require_POST

from rebound.types import AuthedRequest

from . import services
from .forms import (
    ApplicationFilterForm,
    ApplicationForm,
    CompanyForm,
    ContactForm,
    CorrectDateForm,
    InterviewForm,
    QuickAddForm,
    SelfAssessmentForm,
    StatusChangeForm,
)
from .models import (
    Application,
    Company,
    Contact,
    Interview,
    SelfAssessment,
    Status,
    StatusChange,
)

PAGE_SIZE = 25


# --- owner-scoped getters: another user's object is a 404 --------------------------------


def _application(request: AuthedRequest, application_id: int) -> Application:
    return get_object_or_404(
        Application.objects.select_related("company", "owner"),
        pk=application_id,
        owner=request.user,
    )


def _interview(request: AuthedRequest, interview_id: int) -> Interview:
    return get_object_or_404(
        Interview.objects.select_related("application__company", "application__owner"),
        pk=interview_id,
        application__owner=request.user,
    )


def _safe_next(request: AuthedRequest, default: str) -> str:
    target = request.POST.get("next") or request.GET.get("next") or ""
    if url_has_allowed_host_and_scheme(target, allowed_hosts={request.get_host()}):
        return target
    return default


# --- applications -------------------------------------------------------------------------


def _filtered_applications(request: AuthedRequest, form: ApplicationFilterForm) -> QuerySet:
    qs = Application.objects.filter(owner=request.user).select_related("company")
    if not form.is_valid():
        return qs
    data = form.cleaned_data
    if data["q"]:
        q = data["q"]
        qs = qs.filter(
            Q(role__icontains=q)
            | Q(company__name__icontains=q)
            | Q(notes__icontains=q)
            | Q(location__icontains=q)
        )
    if data["status"]:
        qs = qs.filter(status=data["status"])
    if data["source"]:
        qs = qs.filter(source=data["source"])
    if data["company"]:
        qs = qs.filter(company=data["company"])
    sort = data["sort"] or "-updated_at"
    return qs.order_by(sort, "-pk")


@login_required
def application_list(request: AuthedRequest) -> HttpResponse:
    form = ApplicationFilterForm(request.GET or None, owner=request.user)
    page = Paginator(_filtered_applications(request, form), PAGE_SIZE).get_page(
        request.GET.get("page")
    )
    query = request.GET.copy()
    query.pop("page", None)
    return render(
        request,
        "applications/application_list.html",
        {
            "form": form,
            "page": page,
            "query": query.urlencode(),
            "filtered": any(v for k, v in request.GET.items() if k not in {"page", "sort"}),
            "bookmarklet": _bookmarklet(request),
        },
    )


def _bookmarklet(request: AuthedRequest) -> str:
    url = request.build_absolute_uri(reverse("applications:quick_add"))
    return (
        "javascript:(()=>{window.open('" + url + "?role='+encodeURIComponent(document.title)"
        "+'&posting_url='+encodeURIComponent(location.href),'_blank')})()"
    )


def _board_context(request: AuthedRequest) -> dict[str, Any]:
    applications = Application.objects.filter(owner=request.user).select_related("company")
    columns: dict[str, list[Application]] = {value: [] for value in Status.values}
    for application in applications.order_by("-excitement", "-updated_at"):
        columns[application.status].append(application)
    return {
        "columns": [(Status(value), columns[value]) for value in Status.values],
    }


@login_required
def board(request: AuthedRequest) -> HttpResponse:
    return render(request, "applications/board.html", _board_context(request))


@login_required
@require_http_methods(["GET", "POST"])
def application_create(request: AuthedRequest) -> HttpResponse:
    initial = {"company": request.GET.get("company")}
    form = ApplicationForm(request.POST or None, owner=request.user, initial=initial)
    if request.method == "POST" and form.is_valid():
        data = form.cleaned_data
        with transaction.atomic():
            company = data.pop("company") or services.company_get_or_create(
                owner=request.user, name=data["new_company"]
            )
            data.pop("new_company")
            status = Status.APPLIED if data.get("date_applied") else Status.WISHLIST
            application = services.application_create(
                owner=request.user, company=company, status=status, **data
            )
        messages.success(request, f"Added {application}.")
        return redirect(application)
    history = _company_history(request, form["company"].value())
    return render(
        request,
        "applications/application_form.html",
        {"form": form, "history": history, "title": "New application"},
    )


def _company_history(request: AuthedRequest, company_id: Any) -> QuerySet | None:
    try:
        company_id = int(company_id)
    except (TypeError, ValueError):
        return None
    return (
        Application.objects.filter(owner=request.user, company_id=company_id)
        .select_related("company")
        .order_by("-created_at")
    )


@login_required
def company_history(request: AuthedRequest) -> HttpResponse:
    """An htmx fragment: what happened the last times you applied to this company."""
    history = _company_history(request, request.GET.get("company"))
    return render(request, "applications/_company_history.html", {"history": history})


@login_required
@require_http_methods(["GET", "POST"])
def quick_add(request: AuthedRequest) -> HttpResponse:
    form = QuickAddForm(request.POST or None, initial=request.GET.dict())
    if request.method == "POST" and form.is_valid():
        data = form.cleaned_data
        with transaction.atomic():
            company = services.company_get_or_create(owner=request.user, name=data["company"])
            application = services.application_create(
                owner=request.user,
                company=company,
                role=data["role"],
                posting_url=data["posting_url"],
                status=data["status"],
                date_applied=services.local_today(request.user)
                if data["status"] == Status.APPLIED
                else None,
            )
        messages.success(request, f"Added {application}. Fill in the rest whenever you like.")
        return redirect(application)
    return render(request, "applications/quick_add.html", {"form": form})


@login_required
def application_detail(request: AuthedRequest, application_id: int) -> HttpResponse:
    application = _application(request, application_id)
    interviews = (
        application.interviews.select_related("assessment")
        .prefetch_related(Prefetch("interviewers", Contact.objects.order_by("name")))
        .order_by("starts_at")
    )
    earlier = (
        Application.objects.filter(owner=request.user, company_id=application.company_id)
        .exclude(pk=application.pk)
        .order_by("-created_at")
    )
    return render(
        request,
        "applications/application_detail.html",
        {
            "application": application,
            "timeline": application.status_changes.order_by("changed_on", "created_at"),
            "interviews": interviews,
            "contacts": application.company.contacts.order_by("name"),
            "earlier": earlier,
            "status_form": StatusChangeForm(initial={"on": services.local_today(request.user)}),
            "now": timezone.now(),
            "extras": application_detail_extras(request, application),
        },
    )


# Other apps may add sections to the application page without applications importing them:
# each hook takes (request, application) and returns a rendered HTML string or "".
DETAIL_SECTIONS: list[Any] = []


def application_detail_extras(request: AuthedRequest, application: Application) -> list[str]:
    return [html for hook in DETAIL_SECTIONS if (html := hook(request, application))]


@login_required
@require_http_methods(["GET", "POST"])
def application_update(request: AuthedRequest, application_id: int) -> HttpResponse:
    application = _application(request, application_id)
    form = ApplicationForm(request.POST or None, instance=application, owner=request.user)
    if request.method == "POST" and form.is_valid():
        with transaction.atomic():
            if not form.cleaned_data.get("company"):
                form.instance.company = services.company_get_or_create(
                    owner=request.user, name=form.cleaned_data["new_company"]
                )
            form.save()
        messages.success(request, "Saved.")
        return redirect(application)
    return render(
        request,
        "applications/application_form.html",
        {"form": form, "application": application, "title": f"Edit {application}"},
    )


@login_required
@require_http_methods(["GET", "POST"])
def application_delete(request: AuthedRequest, application_id: int) -> HttpResponse:
    application = _application(request, application_id)
    if request.method == "POST":
        services.application_delete(application=application)
        messages.success(request, f"Deleted {application}.")
        return redirect("applications:application_list")
    return render(
        request,
        "confirm_delete.html",
        {
            "object": application,
            "what": "application",
            "consequences": "Its timeline, interviews and self-assessments go with it, "
            "and any reminders about it are cancelled.",
            "cancel_url": application.get_absolute_url(),
        },
    )


# Other apps may decide where the user lands after a status change (e.g. the coping plan a
# rejection opened). Each hook takes (application, change) and returns (url, why) or None.
AFTER_STATUS_CHANGE: list[Any] = []


@login_required
@require_POST
def application_change_status(request: AuthedRequest, application_id: int) -> HttpResponse:
    application = _application(request, application_id)
    form = StatusChangeForm(request.POST)
    error = None
    change = None
    if form.is_valid():
        try:
            change = services.application_change_status(
                application=application,
                to_status=form.cleaned_data["to_status"],
                on=form.cleaned_data["on"],
                note=form.cleaned_data["note"],
            )
        except ValidationError as exc:
            error = " ".join(exc.messages)
    else:
        error = " ".join(str(message) for errors in form.errors.values() for message in errors)
    follow_up = next(
        (offer for hook in AFTER_STATUS_CHANGE if change and (offer := hook(application, change))),
        None,
    )
    if request.htmx:
        context = _board_context(request)
        context.update(error=error, moved=application if change else None, follow_up=follow_up)
        return render(request, "applications/_board.html", context)
    if error:
        messages.error(request, error)
    elif change is None:
        # A double submit or the back button: nothing new happened, and the user should know.
        messages.info(request, f"It was already {application.get_status_display().lower()}.")
    else:
        messages.success(request, f"Moved to {change.get_to_status_display()}.")
        if follow_up:
            url, text = follow_up
            messages.info(request, text)
            return redirect(url)
    return redirect(_safe_next(request, application.get_absolute_url()))


@login_required
@require_http_methods(["GET", "POST"])
def status_change_correct(request: AuthedRequest, change_id: int) -> HttpResponse:
    change = get_object_or_404(
        StatusChange.objects.select_related("application__owner", "application__company"),
        pk=change_id,
        application__owner=request.user,
    )
    form = CorrectDateForm(request.POST or None, initial={"on": change.changed_on})
    if request.method == "POST" and form.is_valid():
        try:
            services.status_change_correct_date(change=change, on=form.cleaned_data["on"])
        except ValidationError as exc:
            form.add_error("on", exc)
        else:
            messages.success(request, "Date corrected.")
            return redirect(change.application)
    return render(request, "applications/status_change_form.html", {"form": form, "change": change})


@login_required
def application_export(request: AuthedRequest) -> StreamingHttpResponse:
    """Every application with its dated status history, as CSV (one row per status change)."""
    changes = (
        StatusChange.objects.filter(application__owner=request.user)
        .select_related("application__company")
        .order_by(
            "application__company__name",
            "application__role",
            "application_id",
            "changed_on",
            "created_at",
        )
    )

    class Echo:
        def write(self, value: str) -> str:
            return value

    writer = csv.writer(Echo())
    header = [
        "company",
        "role",
        "status now",
        "date applied",
        "source",
        "posting URL",
        "from status",
        "to status",
        "changed on",
        "note",
    ]

    def rows() -> Iterator[str]:
        yield writer.writerow(header)
        for change in changes.iterator(chunk_size=500):
            app = change.application
            yield writer.writerow(
                [
                    app.company.name,
                    app.role,
                    app.get_status_display(),
                    app.date_applied.isoformat() if app.date_applied else "",
                    app.get_source_display(),
                    app.posting_url,
                    change.get_from_status_display(),
                    change.get_to_status_display(),
                    change.changed_on.isoformat(),
                    change.note,
                ]
            )

    response = StreamingHttpResponse(rows(), content_type="text/csv; charset=utf-8")
    stamp = services.local_today(request.user).isoformat()
    response["Content-Disposition"] = f'attachment; filename="rebound-applications-{stamp}.csv"'
    return response


# --- companies and contacts ---------------------------------------------------------------


@login_required
def company_list(request: AuthedRequest) -> HttpResponse:
    companies = Company.objects.filter(owner=request.user).annotate(
        application_count=Count("applications", distinct=True),
        contact_count=Count("contacts", distinct=True),
    )
    q = request.GET.get("q", "").strip()
    if q:
        companies = companies.filter(name__icontains=q)
    page = Paginator(companies.order_by("name"), PAGE_SIZE).get_page(request.GET.get("page"))
    return render(request, "applications/company_list.html", {"page": page, "q": q})


@login_required
def company_detail(request: AuthedRequest, company_id: int) -> HttpResponse:
    company = get_object_or_404(Company, pk=company_id, owner=request.user)
    return render(
        request,
        "applications/company_detail.html",
        {
            "company": company,
            "applications": company.applications.order_by("-created_at"),
            "contacts": company.contacts.order_by("name"),
        },
    )


@login_required
@require_http_methods(["GET", "POST"])
def company_create(request: AuthedRequest) -> HttpResponse:
    form = CompanyForm(request.POST or None, owner=request.user)
    if request.method == "POST" and form.is_valid():
        form.instance.owner = request.user
        company = form.save()
        messages.success(request, f"Added {company}.")
        return redirect(company)
    return render(
        request,
        "form_page.html",
        {"form": form, "title": "New company", "cancel_url": reverse("applications:company_list")},
    )


@login_required
@require_http_methods(["GET", "POST"])
def company_update(request: AuthedRequest, company_id: int) -> HttpResponse:
    company = get_object_or_404(Company, pk=company_id, owner=request.user)
    form = CompanyForm(request.POST or None, instance=company, owner=request.user)
    if request.method == "POST" and form.is_valid():
        form.save()
        messages.success(request, "Saved.")
        return redirect(company)
    return render(
        request,
        "form_page.html",
        {"form": form, "title": f"Edit {company}", "cancel_url": company.get_absolute_url()},
    )


@login_required
@require_http_methods(["GET", "POST"])
def company_delete(request: AuthedRequest, company_id: int) -> HttpResponse:
    company = get_object_or_404(Company, pk=company_id, owner=request.user)
    if request.method == "POST":
        try:
            company.delete()
        except RestrictedError:
            messages.error(
                request, "This company still has applications. Delete or move them first."
            )
            return redirect(company)
        messages.success(request, f"Deleted {company}.")
        return redirect("applications:company_list")
    return render(
        request,
        "confirm_delete.html",
        {
            "object": company,
            "what": "company",
            "consequences": "Its contacts stay in your contacts, without a company.",
            "cancel_url": company.get_absolute_url(),
        },
    )


@login_required
def contact_list(request: AuthedRequest) -> HttpResponse:
    contacts = Contact.objects.filter(owner=request.user).select_related("company")
    kind = request.GET.get("kind", "")
    if kind in Contact.Kind.values:
        contacts = contacts.filter(kind=kind)
    page = Paginator(contacts.order_by("name"), PAGE_SIZE).get_page(request.GET.get("page"))
    return render(
        request,
        "applications/contact_list.html",
        {"page": page, "kind": kind, "kinds": Contact.Kind.choices},
    )


@login_required
@require_http_methods(["GET", "POST"])
def contact_create(request: AuthedRequest) -> HttpResponse:
    initial = {"company": request.GET.get("company"), "kind": request.GET.get("kind")}
    form = ContactForm(request.POST or None, owner=request.user, initial=initial)
    if request.method == "POST" and form.is_valid():
        form.instance.owner = request.user
        contact = form.save()
        messages.success(request, f"Added {contact.name}.")
        return redirect(_safe_next(request, reverse("applications:contact_list")))
    return render(
        request,
        "form_page.html",
        {
            "form": form,
            "title": "New contact",
            "cancel_url": _safe_next(request, reverse("applications:contact_list")),
        },
    )


@login_required
@require_http_methods(["GET", "POST"])
def contact_update(request: AuthedRequest, contact_id: int) -> HttpResponse:
    contact = get_object_or_404(Contact, pk=contact_id, owner=request.user)
    form = ContactForm(request.POST or None, instance=contact, owner=request.user)
    if request.method == "POST" and form.is_valid():
        form.save()
        messages.success(request, "Saved.")
        return redirect("applications:contact_list")
    return render(
        request,
        "form_page.html",
        {
            "form": form,
            "title": f"Edit {contact.name}",
            "cancel_url": reverse("applications:contact_list"),
            "delete_url": reverse("applications:contact_delete", args=[contact.pk]),
        },
    )


@login_required
@require_http_methods(["GET", "POST"])
def contact_delete(request: AuthedRequest, contact_id: int) -> HttpResponse:
    contact = get_object_or_404(Contact, pk=contact_id, owner=request.user)
    if request.method == "POST":
        contact.delete()
        messages.success(request, f"Deleted {contact.name}.")
        return redirect("applications:contact_list")
    return render(
        request,
        "confirm_delete.html",
        {
            "object": contact,
            "what": "contact",
            "consequences": "Interviews they took part in stay, without their name.",
            "cancel_url": reverse("applications:contact_list"),
        },
    )


# --- interviews and self-assessments ------------------------------------------------------


@login_required
def interview_list(request: AuthedRequest) -> HttpResponse:
    now = timezone.now()
    base = Interview.objects.filter(application__owner=request.user).select_related(
        "application__company", "assessment"
    )
    upcoming = base.filter(ends_at__gte=now).order_by("starts_at")
    past = Paginator(base.filter(ends_at__lt=now).order_by("-starts_at"), PAGE_SIZE).get_page(
        request.GET.get("page")
    )
    return render(request, "applications/interview_list.html", {"upcoming": upcoming, "past": past})


def _save_interview(request: AuthedRequest, form: InterviewForm) -> Interview:
    return services.interview_save(
        interview=form.instance,
        interviewers=form.cleaned_data["interviewers"],
        new_interviewer_names=form.cleaned_data["new_interviewers"],
    )


@login_required
@require_http_methods(["GET", "POST"])
def interview_create(request: AuthedRequest, application_id: int) -> HttpResponse:
    application = _application(request, application_id)
    form = InterviewForm(
        request.POST or None,
        owner=request.user,
        instance=Interview(application=application),
        initial={"date": services.local_today(request.user)},
    )
    if request.method == "POST" and form.is_valid():
        try:
            interview = _save_interview(request, form)
        except ValidationError as exc:
            form.add_error(None, exc)
        else:
            messages.success(request, "Interview logged.")
            return redirect(interview)
    return render(
        request,
        "applications/interview_form.html",
        {"form": form, "application": application, "title": "Log an interview"},
    )


@login_required
def interview_detail(request: AuthedRequest, interview_id: int) -> HttpResponse:
    interview = _interview(request, interview_id)
    assessment = SelfAssessment.objects.filter(interview=interview).first()
    return render(
        request,
        "applications/interview_detail.html",
        {
            "interview": interview,
            "interviewers": interview.interviewers.order_by("name"),
            "assessment": assessment,
            "is_over": interview.ends_at <= timezone.now(),
        },
    )


def _ics_text(value: str) -> str:
    # RFC 5545 text escaping: backslash, semicolon, comma and newlines.
    return (
        value.replace("\\", "\\\\")
        .replace(";", "\\;")
        .replace(",", "\\,")
        .replace("\r\n", "\\n")
        .replace("\n", "\\n")
    )


def _ics_fold(line: str) -> str:
    # RFC 5545: lines longer than 75 octets continue on the next line after a space.
    parts: list[str] = []
    current = ""
    for char in line:
        if len((current + char).encode()) > (75 if not parts else 74):
            parts.append(current)
            current = ""
        current += char
    return "\r\n ".join([*parts, current])


@login_required
def interview_calendar(request: AuthedRequest, interview_id: int) -> HttpResponse:
    """The interview as an .ics file, to add to any calendar app."""
    interview = _interview(request, interview_id)
    application = interview.application
    stamp = "%Y%m%dT%H%M%SZ"
    lines = [
        "BEGIN:VCALENDAR",
        "VERSION:2.0",
        "PRODID:-//Rebound//Interviews//EN",
        "BEGIN:VEVENT",
        f"UID:interview-{interview.pk}@rebound",
        f"DTSTAMP:{timezone.now().astimezone(dt.UTC):{stamp}}",
        f"DTSTART:{interview.starts_at.astimezone(dt.UTC):{stamp}}",
        f"DTEND:{interview.ends_at.astimezone(dt.UTC):{stamp}}",
        "SUMMARY:"
        + _ics_text(
            f"{interview.get_round_type_display()} interview — {application.role} at "
            f"{application.company.name}"
        ),
        "LOCATION:" + _ics_text(interview.location),
        "DESCRIPTION:" + _ics_text(interview.preparation_notes),
        "END:VEVENT",
        "END:VCALENDAR",
    ]
    body = "\r\n".join(_ics_fold(line) for line in lines) + "\r\n"
    response = HttpResponse(body, content_type="text/calendar")
    response["Content-Disposition"] = f'attachment; filename="interview-{interview.pk}.ics"'
    return response


@login_required
@require_http_methods(["GET", "POST"])
def interview_update(request: AuthedRequest, interview_id: int) -> HttpResponse:
    interview = _interview(request, interview_id)
    form = InterviewForm(request.POST or None, owner=request.user, instance=interview)
    if request.method == "POST" and form.is_valid():
        try:
            _save_interview(request, form)
        except ValidationError as exc:
            form.add_error(None, exc)
        else:
            messages.success(request, "Saved.")
            return redirect(interview)
    return render(
        request,
        "applications/interview_form.html",
        {"form": form, "application": interview.application, "title": "Edit interview"},
    )


@login_required
@require_http_methods(["GET", "POST"])
def interview_delete(request: AuthedRequest, interview_id: int) -> HttpResponse:
    interview = _interview(request, interview_id)
    if request.method == "POST":
        interview.delete()
        messages.success(request, "Interview deleted.")
        return redirect(interview.application)
    return render(
        request,
        "confirm_delete.html",
        {
            "object": interview,
            "what": "interview",
            "consequences": "Its self-assessment goes with it.",
            "cancel_url": interview.get_absolute_url(),
        },
    )


@login_required
@require_http_methods(["GET", "POST"])
def assessment_edit(request: AuthedRequest, interview_id: int) -> HttpResponse:
    interview = _interview(request, interview_id)
    assessment = SelfAssessment.objects.filter(interview=interview).first() or SelfAssessment(
        interview=interview
    )
    form = SelfAssessmentForm(request.POST or None, instance=assessment)
    if request.method == "POST" and form.is_valid():
        services.assessment_save(assessment=form.instance)
        messages.success(request, "Self-assessment saved. Well done for taking the time.")
        return redirect(interview.application)
    return render(
        request, "applications/assessment_form.html", {"form": form, "interview": interview}
    )
