from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.core.exceptions import ValidationError
from django.http import HttpResponse
from django.shortcuts import get_object_or_404, redirect, render
from django.utils import timezone
from django.utils.translation import gettext as _
from django.views.decorators.http import require_http_methods

from applications.models import Application
from applications.selectors import posting_of
from rebound.lib.localtime import local_today
from rebound.lib.paging import Window
from rebound.lib.types import AuthedRequest

from . import calendar, services
from .forms import InterviewForm, SelfAssessmentForm
from .models import Interview, SelfAssessment

# Two lists on one page: twenty each keeps it as light as the reminders page.
PAGE_SIZE = 20
# What interviews/interview_list.html reads of a row; anything else would be a query per row
# (tests/interviews/test_interviews.py counts them).
LIST_COLUMNS = (
    "pk",
    "round_type",
    "format",
    "starts_at",
    "application__role",
    "application__company__name",
    "assessment__confidence",
)


def _interview(request: AuthedRequest, interview_id: int) -> Interview:
    return get_object_or_404(
        Interview.objects.select_related("application__company", "application__owner"),
        pk=interview_id,
        owner=request.user,
    )


@login_required
def interview_list(request: AuthedRequest) -> HttpResponse:
    now = timezone.now()
    # Only what a row shows: four models of 40-odd columns each (notes and questions decrypted
    # on the way) made 40 rows cost as much as the rest of the page (issue 24's profile).
    base = (
        Interview.objects.filter(owner=request.user)
        .select_related("application__company", "assessment")
        .only(*LIST_COLUMNS)
    )
    # Pages without a count (rebound.lib.paging): counting thousands of past interviews was the
    # page's slowest query, and the total is not shown.
    upcoming = Window(
        base.upcoming(now).order_by("starts_at", "pk"), request.GET.get("upcoming"), PAGE_SIZE
    )
    past = Window(base.past(now).order_by("-starts_at", "-pk"), request.GET.get("page"), PAGE_SIZE)
    return render(request, "interviews/interview_list.html", {"upcoming": upcoming, "past": past})


def _save(form: InterviewForm) -> Interview:
    return services.interview_save(
        interview=form.instance,
        interviewers=form.cleaned_data["interviewers"],
        new_interviewer_names=form.cleaned_data["new_interviewers"],
        move_applied_date=form.cleaned_data["move_applied_date"],
    )


@login_required
@require_http_methods(["GET", "POST"])
def interview_create(request: AuthedRequest, application_id: int) -> HttpResponse:
    application = get_object_or_404(
        Application.objects.select_related("company", "owner"),
        pk=application_id,
        owner=request.user,
    )
    form = InterviewForm(
        request.POST or None,
        owner=request.user,
        instance=Interview(application=application),
        initial={"date": local_today(request.user)},
    )
    if request.method == "POST" and form.is_valid():
        try:
            interview = _save(form)
        except ValidationError as exc:
            form.add_error(None, exc)
        else:
            messages.success(request, _("Interview logged."))
            return redirect(interview)
    return render(
        request,
        "interviews/interview_form.html",
        {"form": form, "application": application, "title": _("Log an interview")},
    )


@login_required
def interview_detail(request: AuthedRequest, interview_id: int) -> HttpResponse:
    interview = _interview(request, interview_id)
    assessment = SelfAssessment.objects.filter(interview=interview).first()
    # The job description beside the preparation: one query, whatever its length.
    posting = posting_of(interview.application)
    return render(
        request,
        "interviews/interview_detail.html",
        {
            "interview": interview,
            "interviewers": interview.interviewers.order_by("name"),
            "assessment": assessment,
            "is_over": interview.ends_at <= timezone.now(),
            "posting": posting,
            "application": interview.application,
        },
    )


@login_required
def interview_calendar(request: AuthedRequest, interview_id: int) -> HttpResponse:
    """The interview as an .ics file, to add to any calendar app."""
    interview = _interview(request, interview_id)
    response = HttpResponse(
        calendar.interview_calendar(interview), content_type="text/calendar; charset=utf-8"
    )
    response["Content-Disposition"] = f'attachment; filename="interview-{interview.pk}.ics"'
    return response


@login_required
@require_http_methods(["GET", "POST"])
def interview_update(request: AuthedRequest, interview_id: int) -> HttpResponse:
    interview = _interview(request, interview_id)
    form = InterviewForm(request.POST or None, owner=request.user, instance=interview)
    if request.method == "POST" and form.is_valid():
        try:
            _save(form)
        except ValidationError as exc:
            form.add_error(None, exc)
        else:
            messages.success(request, _("Saved."))
            return redirect(interview)
    return render(
        request,
        "interviews/interview_form.html",
        {"form": form, "application": interview.application, "title": _("Edit interview")},
    )


@login_required
@require_http_methods(["GET", "POST"])
def interview_delete(request: AuthedRequest, interview_id: int) -> HttpResponse:
    interview = _interview(request, interview_id)
    if request.method == "POST":
        application = services.interview_delete(interview=interview)
        messages.success(request, _("Interview deleted, and its reminders cancelled."))
        return redirect(application)
    return render(
        request,
        "confirm_delete.html",
        {
            "object": interview,
            "what": _("interview"),
            "question": _("Delete this interview?"),
            "consequences": _(
                "Its self-assessment goes with it, and its reminders (prep, thank-you, promised "
                "reply) are cancelled."
            ),
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
        messages.success(request, _("Self-assessment saved. Well done for taking the time."))
        return redirect(interview.application)
    return render(
        request, "interviews/assessment_form.html", {"form": form, "interview": interview}
    )
