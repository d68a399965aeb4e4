from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.core.exceptions import ValidationError
from django.core.paginator import Paginator
from django.db import transaction
from django.http import HttpRequest, HttpResponse
from django.shortcuts import get_object_or_404, redirect, render
from django.urls import reverse
from django.utils import timezone
from django.views.decorators.csrf import csrf_exempt
from django.views.decorators.http import require_http_methods, require_POST

from rebound.localtime import local_to_utc
from rebound.redirects import safe_next
from rebound.types import AuthedRequest

from . import links, selectors, services
from .forms import ReminderDateForm
from .models import Reminder

PAGE_SIZE = 20


def _reminder(request: AuthedRequest, reminder_id: int) -> Reminder:
    return get_object_or_404(
        Reminder.objects.select_related("owner"), pk=reminder_id, owner=request.user
    )


@login_required
def reminder_list(request: AuthedRequest) -> HttpResponse:
    base = Reminder.objects.filter(owner=request.user)
    upcoming = base.filter(status__in=Reminder.OPEN).order_by("due_at", "pk")
    failed = base.filter(status=Reminder.Status.FAILED).order_by("-updated_at")
    history = Paginator(
        base.filter(
            status__in=[Reminder.Status.SENT, Reminder.Status.DONE, Reminder.Status.CANCELLED]
        ).order_by("-updated_at", "-pk"),
        PAGE_SIZE,
    ).get_page(request.GET.get("page"))
    return render(
        request,
        "reminders/reminder_list.html",
        {
            "upcoming": selectors.with_subjects(upcoming),
            "failed": selectors.with_subjects(failed),
            "history": history,
            "history_rows": selectors.with_subjects(history),
        },
    )


@login_required
@require_http_methods(["GET", "POST"])
def reminder_update(request: AuthedRequest, reminder_id: int) -> HttpResponse:
    reminder = _reminder(request, reminder_id)
    form = ReminderDateForm(
        request.POST or None,
        initial={"local_date": reminder.local_date, "local_time": reminder.local_time},
    )
    if request.method == "POST" and form.is_valid():
        data = form.cleaned_data
        due = local_to_utc(data["local_date"], data["local_time"], reminder.timezone)
        if due <= timezone.now():
            form.add_error("local_date", "Pick a moment in the future, or use “Send now”.")
        else:
            try:
                with transaction.atomic():
                    services.reminder_reschedule(
                        reminder=reminder,
                        local_date=data["local_date"],
                        local_time=data["local_time"],
                    )
            except ValidationError as exc:
                form.add_error(None, exc)
            else:
                messages.success(request, "Reminder moved.")
                return redirect("reminders:list")
    return render(
        request,
        "form_page.html",
        {
            "form": form,
            "title": f"Change the date of “{reminder.get_kind_display()}”",
            "intro": f"Times are in {reminder.timezone}.",
            "cancel_url": reverse("reminders:list"),
        },
    )


@login_required
@require_POST
def reminder_cancel(request: AuthedRequest, reminder_id: int) -> HttpResponse:
    reminder = _reminder(request, reminder_id)
    if services.reminder_cancel(reminder=reminder, reason="You cancelled it."):
        messages.success(request, "Reminder cancelled.")
    elif reminder.status == Reminder.Status.SENT:
        messages.info(request, "That reminder had already gone out.")
    else:
        messages.info(
            request, f"That reminder was already {reminder.get_status_display().lower()}."
        )
    return redirect(safe_next(request, reverse("reminders:list")))


@login_required
@require_POST
def reminder_send_now(request: AuthedRequest, reminder_id: int) -> HttpResponse:
    reminder = _reminder(request, reminder_id)
    services.reminder_send_now(reminder=reminder)
    messages.success(request, "On its way: it goes out within a minute.")
    return redirect("reminders:list")


@csrf_exempt  # the signed token is the credential; mail clients POST one-click unsubscribes
@require_http_methods(["GET", "POST"])
def reminder_link(request: HttpRequest, token: str) -> HttpResponse:
    """One-click links from emails: act on one reminder, log no one in."""
    data = links.read_token(token)
    reminder = (
        Reminder.objects.select_related("owner").filter(pk=data["r"]).first() if data else None
    )
    template = "reminders/reminder_link.html"
    if data is None or reminder is None:
        return render(request, template, {"state": "invalid"}, status=400)
    action = data["a"]
    about = selectors.with_subjects([reminder])[0].about
    if data["v"] != reminder.version:
        return render(request, template, {"state": "used", "reminder": reminder}, status=410)
    if request.method == "GET":
        # Mail scanners follow links: a GET only asks, the button (a POST) acts.
        return render(
            request,
            template,
            {
                "state": "confirm",
                "reminder": reminder,
                "about": about,
                "label": links.ACTIONS[action],
            },
        )
    try:
        if action == "done":
            services.reminder_mark_done(reminder=reminder)
        elif action == "snooze":
            services.reminder_snooze(reminder=reminder)
        else:
            services.reminder_cancel(reminder=reminder, reason="You stopped it from its email.")
    except ValidationError as exc:
        return render(
            request,
            template,
            {"state": "error", "reminder": reminder, "error": " ".join(exc.messages)},
            status=409,
        )
    reminder.refresh_from_db()
    return render(request, template, {"state": "done", "reminder": reminder, "action": action})
