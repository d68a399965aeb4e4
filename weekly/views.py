from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.http import HttpResponse
from django.shortcuts import redirect, render
from django.utils.translation import gettext as _
from django.views.decorators.http import require_http_methods

from rebound.lib.types import AuthedRequest
from reminders import emails, kinds
from reminders.models import Reminder
from reminders.services import reminder_open

from .forms import WeeklyLetterForm
from .letter import HARD_RULE
from .models import WeeklyLetter
from .services import WEEKLY_LETTER, letter_settings_save


def _letter(request: AuthedRequest) -> WeeklyLetter:
    """The user's settings, or the defaults (off), unsaved."""
    letter = WeeklyLetter.objects.filter(user=request.user).first()
    letter = letter or WeeklyLetter(user=request.user)
    letter.user = request.user
    return letter


@login_required
@require_http_methods(["GET", "POST"])
def letter_settings(request: AuthedRequest) -> HttpResponse:
    letter = _letter(request)
    form = WeeklyLetterForm(request.POST or None, instance=letter)
    if request.method == "POST" and form.is_valid():
        data = form.cleaned_data
        letter_settings_save(
            user=request.user, enabled=data["enabled"], weekday=data["weekday"], goal=data["goal"]
        )
        if data["enabled"]:
            messages.success(request, _("Saved. Your weekly letter is on."))
        else:
            messages.success(request, _("Saved. You won’t get the weekly letter."))
        return redirect("weekly:settings")
    upcoming = reminder_open(kind=WEEKLY_LETTER, subject=letter) if letter.pk else None
    return render(
        request,
        "weekly/settings.html",
        {"form": form, "letter": letter, "upcoming": upcoming, "rule": HARD_RULE},
    )


@login_required
@require_http_methods(["GET"])
def letter_preview(request: AuthedRequest) -> HttpResponse:
    """This week's letter as it would be sent now, every link inert."""
    letter = _letter(request)
    reminder = Reminder(owner=request.user, kind=WEEKLY_LETTER, subject_id=letter.pk or 0)
    rendered = emails.render(reminder, kinds.get(WEEKLY_LETTER), letter, preview=True)
    return render(request, "weekly/preview.html", {"letter": letter, "rendered": rendered})
