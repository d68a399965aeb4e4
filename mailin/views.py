"""The Inbox: what Rebound read in the user's mail, and the person's decision on each.

Thin views: an owner-scoped getter, a form, one service call (mailin/services/)."""

from __future__ import annotations

from django.conf import settings
from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.core.exceptions import ValidationError
from django.http import HttpResponse
from django.shortcuts import get_object_or_404, redirect, render
from django.urls import reverse
from django.utils.translation import gettext as _
from django.views.decorators.http import require_http_methods, require_POST

from applications.models import Application
from interviews.forms import InterviewForm
from interviews.models import Interview
from interviews.services import interview_save
from rebound.lib.paging import Window
from rebound.lib.redirects import safe_next
from rebound.lib.types import AuthedRequest
from rebound.upload_limits import upload_limit

from .classify.labels import LABEL_NAMES
from .display import message_shown
from .forms import (
    ChooseApplicationForm,
    CorrectForm,
    InboxPreferenceForm,
    PasteForm,
    interview_initial,
    owner_applications,
)
from .models import InboundMessage, Suggestion
from .services import suggestions
from .services.messages import inbound_message_paste
from .services.preferences import inbox_preference, inbox_preference_set

PAGE_SIZE = 20


def _suggestion(request: AuthedRequest, suggestion_id: int) -> Suggestion:
    return get_object_or_404(
        Suggestion.objects.select_related("message", "application__company", "owner"),
        pk=suggestion_id,
        owner=request.user,
    )


def _error(request: AuthedRequest, exc: ValidationError) -> None:
    messages.error(request, " ".join(exc.messages))


@login_required
def inbox(request: AuthedRequest) -> HttpResponse:
    suggestions = Window(
        Suggestion.objects.filter(owner=request.user)
        .select_related("message", "application__company")
        .order_by("-created_at", "-pk"),
        request.GET.get("page"),
        PAGE_SIZE,
    )
    return render(
        request,
        "mailin/inbox.html",
        {
            "page": suggestions,
            # One list for every row's "which application?" and correction choices.
            "applications": list(owner_applications(request.user)),
            "labels": list(LABEL_NAMES.items()),
            "paste_form": PasteForm(),
            "preference_form": InboxPreferenceForm(instance=inbox_preference(request.user)),
        },
    )


# An upload over the limit is refused before its body is read (rebound/upload_limits.py).
@upload_limit(settings.MAILIN_UPLOAD_MAX_BYTES)
@login_required
@require_POST
def paste(request: AuthedRequest, application_id: int | None = None) -> HttpResponse:
    application = None
    if application_id is not None:
        application = get_object_or_404(Application, pk=application_id, owner=request.user)
    back = application.get_absolute_url() if application else reverse("mailin:inbox")
    form = PasteForm(request.POST, request.FILES)
    if not form.is_valid():
        for errors in form.errors.values():
            messages.error(request, " ".join(str(error) for error in errors))
        return redirect(back)
    try:
        stored, created = inbound_message_paste(
            user=request.user, raw=form.raw, application=application
        )
    except ValidationError as exc:
        _error(request, exc)
        return redirect(back)
    suggestion = stored.suggestion
    if not created:
        messages.info(request, _("Rebound already has that email; here is what it suggested."))
    elif suggestion.auto_applied:
        messages.success(
            request, _("Applied automatically, as you chose: %(text)s") % {"text": suggestion.text}
        )
    else:
        messages.success(request, _("Read it. Rebound's suggestion is at the top of your Inbox."))
    return redirect(f"{reverse('mailin:inbox')}#suggestion-{suggestion.pk}")


@login_required
@require_POST
def suggestion_apply(request: AuthedRequest, suggestion_id: int) -> HttpResponse:
    suggestion = _suggestion(request, suggestion_id)
    chosen = None
    if request.POST.get("application"):
        form = ChooseApplicationForm(request.POST, owner=request.user)
        if not form.is_valid():
            messages.error(request, _("Choose one of your applications."))
            return redirect("mailin:inbox")
        chosen = form.cleaned_data["application"]
    if suggestion.action == Suggestion.Action.ADD_INTERVIEW:
        url = reverse("mailin:suggestion_interview", args=[suggestion.pk])
        return redirect(f"{url}?application={chosen.pk}" if chosen else url)
    try:
        outcome = suggestions.suggestion_apply(suggestion=suggestion, application=chosen)
    except ValidationError as exc:
        _error(request, exc)
        return redirect("mailin:inbox")
    messages.success(request, outcome.message)
    return redirect(outcome.url or reverse("mailin:inbox"))


@login_required
@require_http_methods(["GET", "POST"])
def suggestion_interview(request: AuthedRequest, suggestion_id: int) -> HttpResponse:
    """The interview form, pre-filled from the invitation; saving it applies the suggestion."""
    suggestion = _suggestion(request, suggestion_id)
    if suggestion.state != Suggestion.State.PENDING:
        messages.info(request, _("That one was already decided."))
        return redirect("mailin:inbox")
    application = suggestion.application
    wanted = request.GET.get("application") or request.POST.get("for_application")
    if wanted and wanted.isdigit():
        application = get_object_or_404(Application, pk=int(wanted), owner=request.user)
    if application is None:
        messages.error(request, _("Choose which application the interview is for."))
        return redirect("mailin:inbox")
    form = InterviewForm(
        request.POST or None,
        owner=request.user,
        instance=Interview(application=application),
        initial=interview_initial(suggestion.message, tz=request.user.tzinfo),
    )
    if request.method == "POST" and form.is_valid():
        try:
            interview = interview_save(
                interview=form.instance,
                interviewers=form.cleaned_data["interviewers"],
                new_interviewer_names=form.cleaned_data["new_interviewers"],
                move_applied_date=form.cleaned_data["move_applied_date"],
            )
        except ValidationError as exc:
            form.add_error(None, exc)
        else:
            suggestions.suggestion_interview_saved(suggestion=suggestion, interview=interview)
            messages.success(request, _("Interview added from the email. Good luck!"))
            return redirect(interview)
    return render(
        request,
        "interviews/interview_form.html",
        {"form": form, "application": application, "title": _("Add the interview from the email")},
    )


@login_required
@require_POST
def suggestion_dismiss(request: AuthedRequest, suggestion_id: int) -> HttpResponse:
    suggestions.suggestion_dismiss(suggestion=_suggestion(request, suggestion_id))
    messages.success(request, _("Dismissed. The email stays listed, with nothing changed."))
    return redirect("mailin:inbox")


@login_required
@require_POST
def suggestion_correct(request: AuthedRequest, suggestion_id: int) -> HttpResponse:
    suggestion = _suggestion(request, suggestion_id)
    form = CorrectForm(request.POST, owner=request.user)
    if not form.is_valid():
        messages.error(request, _("Choose what the email is, and the application if there is one."))
        return redirect("mailin:inbox")
    try:
        suggestions.suggestion_correct(
            suggestion=suggestion,
            label=form.cleaned_data["label"],
            application=form.cleaned_data["application"],
        )
    except ValidationError as exc:
        _error(request, exc)
        return redirect("mailin:inbox")
    messages.success(
        request, _("Corrected. Rebound will read the next email from this sender the same way.")
    )
    return redirect(f"{reverse('mailin:inbox')}#suggestion-{suggestion.pk}")


@login_required
@require_POST
def suggestion_undo(request: AuthedRequest, suggestion_id: int) -> HttpResponse:
    outcome = suggestions.suggestion_undo(suggestion=_suggestion(request, suggestion_id))
    messages.success(request, outcome.message)
    return redirect(safe_next(request, reverse("mailin:inbox")))


@login_required
@require_POST
def preferences(request: AuthedRequest) -> HttpResponse:
    form = InboxPreferenceForm(request.POST)
    if form.is_valid():
        inbox_preference_set(
            user=request.user,
            auto_apply=form.cleaned_data["auto_apply"],
            keep_raw_days=form.cleaned_data["keep_raw_days"],
        )
        messages.success(request, _("Inbox preferences saved."))
    else:
        messages.error(request, _("Choose one of the offered keeping times."))
    return redirect("mailin:inbox")


@login_required
def message_detail(request: AuthedRequest, message_id: int) -> HttpResponse:
    message = get_object_or_404(
        InboundMessage.objects.select_related("application__company", "suggestion"),
        pk=message_id,
        owner=request.user,
    )
    shown = message_shown(message.raw, tz=request.user.timezone) if message.raw else None
    return render(request, "mailin/message_detail.html", {"message": message, "shown": shown})
