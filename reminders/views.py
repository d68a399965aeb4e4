from contextlib import nullcontext
from typing import Any

from csp.decorators import csp_exempt
from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.core.exceptions import ValidationError
from django.db import transaction
from django.http import Http404, HttpRequest, HttpResponse
from django.shortcuts import get_object_or_404, redirect, render
from django.urls import reverse
from django.utils import timezone
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy
from django.views.decorators.clickjacking import xframe_options_sameorigin
from django.views.decorators.csrf import csrf_exempt
from django.views.decorators.http import require_http_methods

from rebound.lib.language import in_language_of
from rebound.lib.localtime import local_to_utc
from rebound.lib.paging import Window
from rebound.lib.redirects import safe_next
from rebound.lib.types import AuthedRequest

from . import emails, kinds, links, selectors, services
from .forms import ReminderDateForm
from .models import Reminder, in_sentence

# Three lists on one page, ten rows each: what is next, what failed, what is done.
PAGE_SIZE = 10
# Written on a reminder its owner cancels, in their language (reminders.services._finish).
YOU_CANCELLED_IT = gettext_lazy("You cancelled it.")


def _nothing_to(verb: str, reminder: Reminder) -> str:
    said = {"state": reminder.state_sentence()}
    if verb == "send":
        return _("Nothing to send. %(state)s") % said
    return _("Nothing to cancel. %(state)s") % said


def _reminder(request: AuthedRequest, reminder_id: int) -> Reminder:
    return get_object_or_404(
        Reminder.objects.select_related("owner"), pk=reminder_id, owner=request.user
    )


@login_required
def reminder_list(request: AuthedRequest) -> HttpResponse:
    # Only what a row shows (a reminder has six timestamps; loading them all was a tenth of a
    # heavy user's page).
    base = Reminder.objects.filter(owner=request.user).only(
        "pk", "kind", "subject_id", "status", "due_at", "sent_at", "last_error", "ended_reason"
    )
    # Every list is paginated, without counts (rebound.lib.paging): a long search leaves
    # thousands of reminders behind it, and counting them was a third of the page.
    upcoming = Window(
        base.filter(status__in=Reminder.OPEN).order_by("due_at", "pk"),
        request.GET.get("upcoming"),
        PAGE_SIZE,
    )
    failed = Window(
        base.filter(status=Reminder.Status.FAILED).order_by("-updated_at", "-pk"),
        request.GET.get("failed"),
        PAGE_SIZE,
    )
    history = Window(
        base.filter(
            status__in=[Reminder.Status.SENT, Reminder.Status.DONE, Reminder.Status.CANCELLED]
        ).order_by("-updated_at", "-pk"),
        request.GET.get("page"),
        PAGE_SIZE,
    )
    upcoming_rows, failed_rows, history_rows = selectors.with_subjects_grouped(
        [upcoming, failed, history]
    )
    return render(
        request,
        "reminders/reminder_list.html",
        {
            "upcoming": upcoming_rows,
            "upcoming_page": upcoming,
            "failed": failed_rows,
            "failed_page": failed,
            "history": history,
            "history_rows": history_rows,
        },
    )


@login_required
@require_http_methods(["GET", "POST"])
def reminder_update(request: AuthedRequest, reminder_id: int) -> HttpResponse:
    reminder = _reminder(request, reminder_id)
    form = ReminderDateForm(
        request.POST or None,
        owner=request.user,
        initial={"local_date": reminder.local_date, "local_time": reminder.local_time},
    )
    if request.method == "POST" and form.is_valid():
        data = form.cleaned_data
        due = local_to_utc(data["local_date"], data["local_time"], reminder.timezone)
        if due <= timezone.now():
            form.add_error("local_date", _("Pick a moment in the future, or use “Send now”."))
        else:
            try:
                with transaction.atomic():
                    services.reminder_reschedule(
                        reminder=reminder,
                        local_date=data["local_date"],
                        local_time=data["local_time"],
                    )
            except ValidationError as exc:
                form.add_error("local_date", exc)
            else:
                messages.success(request, _("Reminder moved."))
                return redirect("reminders:list")
    return render(
        request,
        "form_page.html",
        {
            "form": form,
            "title": _("Change the date of “%(kind)s”") % {"kind": reminder.get_kind_display()},
            "intro": _("Times are in %(zone)s.") % {"zone": reminder.timezone},
            "cancel_url": reverse("reminders:list"),
        },
    )


@login_required
@require_http_methods(["GET", "POST"])
def reminder_cancel(request: AuthedRequest, reminder_id: int) -> HttpResponse:
    """Asks first (a cancelled reminder can't be brought back), then cancels on the button."""
    reminder = _reminder(request, reminder_id)
    if request.method == "GET":
        if reminder.status not in Reminder.OPEN and reminder.status != Reminder.Status.FAILED:
            messages.info(request, _nothing_to("cancel", reminder))
            return redirect("reminders:list")
        return render(
            request,
            "reminders/cancel.html",
            {"reminder": reminder, "row": selectors.with_subjects([reminder])[0]},
        )
    if services.reminder_cancel(reminder=reminder, reason=YOU_CANCELLED_IT):
        messages.success(request, _("Reminder cancelled."))
    else:
        messages.info(request, _nothing_to("cancel", reminder))
    return redirect(safe_next(request, reverse("reminders:list")))


@login_required
@require_http_methods(["GET", "POST"])
def reminder_send_now(request: AuthedRequest, reminder_id: int) -> HttpResponse:
    """Says what sending early replaces, then sends on the button press."""
    reminder = _reminder(request, reminder_id)
    if reminder.status not in (Reminder.Status.SCHEDULED, Reminder.Status.FAILED):
        messages.info(request, _nothing_to("send", reminder))
        return redirect("reminders:list")
    if request.method == "POST":
        services.reminder_send_now(reminder=reminder)
        messages.success(request, _("On its way: it goes out within a minute."))
        return redirect("reminders:list")
    kind = kinds.registered().get(reminder.kind)
    return render(
        request,
        "reminders/send_now.html",
        {
            "reminder": reminder,
            "row": selectors.with_subjects([reminder])[0],
            "note": str(kind.send_now_note) if kind else "",
        },
    )


@login_required
def reminder_preview(request: AuthedRequest, reminder_id: int) -> HttpResponse:
    """The email exactly as it would go out now, links inert; nothing is sent or changed."""
    reminder = _reminder(request, reminder_id)
    kind = kinds.registered().get(reminder.kind)
    subject = selectors.subject_of(reminder)
    if kind is None or subject is None:
        blocked = _("What it was about has been deleted, so it won’t be sent.")
        rendered = None
    else:
        reason = str(kind.obsolete(subject))
        blocked = (
            _("It won’t be sent: %(reason)s") % {"reason": in_sentence(reason)} if reason else ""
        )
        rendered = emails.render(reminder, kind, subject, preview=True)
    return render(
        request,
        "reminders/preview.html",
        {
            "reminder": reminder,
            "row": selectors.with_subjects([reminder])[0],
            "rendered": rendered,
            "blocked": blocked,
        },
    )


# The preview's email is the page of a stranger's words (a role or a company name can come
# from any job posting): it is served on its own, in a sandbox that gives it an opaque origin,
# no scripts, no forms, no plugins and no navigation of the page around it, and nothing it
# loads can leave this site. Only this site may frame it.
PREVIEW_EMAIL_POLICY = (
    "sandbox; default-src 'none'; style-src 'unsafe-inline'; img-src 'self' data:; "
    "frame-ancestors 'self'; base-uri 'none'; form-action 'none'"
)


@login_required
@xframe_options_sameorigin
@csp_exempt()  # type: ignore[arg-type]  # its own, stricter policy below
def reminder_preview_email(request: AuthedRequest, reminder_id: int) -> HttpResponse:
    """The HTML part of the email as it would go out now, for the preview page's frame."""
    reminder = _reminder(request, reminder_id)
    kind = kinds.registered().get(reminder.kind)
    subject = selectors.subject_of(reminder)
    if kind is None or subject is None:
        raise Http404(_("What this reminder was about has been deleted."))
    rendered = emails.render(reminder, kind, subject, preview=True)
    response = HttpResponse(rendered["html"], content_type="text/html; charset=utf-8")
    response["Content-Security-Policy"] = PREVIEW_EMAIL_POLICY
    response["Cache-Control"] = "private, no-store"
    response["Referrer-Policy"] = "no-referrer"
    return response


def _link_page(request: HttpRequest, state: str, status: int = 200, **context: Any) -> HttpResponse:
    """The page a link from an email opens, in the language of the email (its owner's) when
    the link names a reminder, the browser's otherwise; nobody need be signed in."""
    reminder = context.get("reminder")
    with in_language_of(reminder.owner) if reminder else nullcontext():
        return render(
            request, "reminders/reminder_link.html", {"state": state, **context}, status=status
        )


@csrf_exempt  # the signed token is the credential; mail clients POST one-click unsubscribes
@require_http_methods(["GET", "POST"])
def reminder_link(request: HttpRequest, token: str) -> HttpResponse:
    """One-click links from emails: act on one reminder, log no one in."""
    try:
        data = links.read_token(token)
    except links.Expired:
        return _link_page(request, "expired", status=410)
    reminder = (
        Reminder.objects.select_related("owner").filter(pk=data["r"]).first() if data else None
    )
    if data is None or reminder is None:
        return _link_page(request, "invalid", status=400)
    # The page speaks the email's language (its owner's), as do the words an action returns.
    with in_language_of(reminder.owner):
        return _act_on_link(request, reminder, data)


def _act_on_link(request: HttpRequest, reminder: Reminder, data: dict[str, Any]) -> HttpResponse:
    kind = kinds.registered().get(reminder.kind)
    action = data["a"]
    extra = kind.action(action) if kind else None
    if action not in links.ACTIONS and extra is None:
        return _link_page(request, "invalid", status=400)
    # Stop and done stay valid for as long as the reminder exists (a mail client's one-click
    # unsubscribe may come weeks after a snooze); a link that can no longer act says where
    # the reminder stands, and "already used" only when its own action was taken.
    state = links.link_state(reminder, action, data["v"])
    if state is not None:
        return _link_page(request, state, status=410, reminder=reminder)
    about = selectors.with_subjects([reminder])[0].about
    label = str(extra.label if extra else links.ACTIONS[action])
    if request.method == "GET":
        # Mail scanners follow links: a GET only asks, the button (a POST) acts.
        question = str(extra.question) if extra else ""
        return _link_page(
            request, "confirm", reminder=reminder, about=about, label=label, question=question
        )
    context: dict[str, Any] = {"reminder": reminder, "about": about, "action": action}
    try:
        if extra is not None:
            context["message"] = _run_action(reminder, extra)
        elif action == "done":
            services.reminder_mark_done(reminder=reminder)
        elif action == "snooze":
            services.reminder_snooze(reminder=reminder)
        else:
            context["stopped"] = services.reminder_stop(reminder=reminder)
    except ValidationError as exc:
        return _link_page(
            request, "error", status=409, reminder=reminder, error=" ".join(exc.messages)
        )
    reminder.refresh_from_db()
    return _link_page(request, "done", **context)


def _run_action(reminder: Reminder, action: kinds.KindAction) -> str:
    """A kind's own action on the subject, then the reminder is done (its links die)."""
    with transaction.atomic():
        subject = selectors.subject_of(reminder)
        if subject is None:
            raise ValidationError(_("What this reminder was about has been deleted."))
        message = action.run(subject)
        services.reminder_mark_done(reminder=reminder)
    return message
