"""One small function per reminder email, over three templates (subject, text, HTML)."""

from typing import Any

from django.conf import settings
from django.core.mail import EmailMultiAlternatives
from django.template.loader import render_to_string
from django.urls import reverse
from django.utils import timezone

from . import drafts
from .links import link
from .models import Reminder


def _site(path: str) -> str:
    return settings.SITE_URL + path


def _context(reminder: Reminder) -> dict[str, Any]:
    application = reminder.application
    context: dict[str, Any] = {
        "reminder": reminder,
        "user": reminder.owner,
        "application": application,
        "interview": reminder.interview,
        "plan": reminder.plan,
        "done_url": link(reminder, "done"),
        "snooze_url": link(reminder, "snooze"),
        "stop_url": link(reminder, "stop"),
        "reminders_url": _site(reverse("coping:reminder_list")),
        "application_url": _site(application.get_absolute_url()) if application else "",
        "plan_url": _site(reminder.plan.get_absolute_url()) if reminder.plan else "",
    }
    if reminder.kind == Reminder.Kind.KEEP_IN_TOUCH and reminder.plan is not None:
        context["draft"] = drafts.keep_in_touch_note(reminder.plan)
        context["skills"] = drafts.skills_from_assessments(reminder.plan.application)
    if reminder.kind == Reminder.Kind.THANK_YOU and reminder.interview is not None:
        context["draft"] = drafts.thank_you_note(reminder.interview)
    return context


def send_reminder_email(reminder: Reminder) -> None:
    with timezone.override(reminder.owner.tzinfo):
        context = _context(reminder)
        name = f"emails/reminder_{reminder.kind}"
        subject = " ".join(render_to_string(f"{name}_subject.txt", context).split())
        text = render_to_string(f"{name}.txt", context)
        html = render_to_string(f"{name}.html", context)
    message = EmailMultiAlternatives(
        subject=subject,
        body=text,
        to=[reminder.owner.email],
        headers={
            "Message-ID": reminder.message_id,
            "List-Unsubscribe": f"<{context['stop_url']}>",
            "List-Unsubscribe-Post": "List-Unsubscribe=One-Click",
            "X-Rebound-Reminder": str(reminder.pk),
        },
    )
    message.attach_alternative(html, "text/html")
    message.send(fail_silently=False)
