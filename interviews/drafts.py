"""Drafted words about interviews the user can edit, in the active language (an email renders
them in its recipient's: reminders.emails)."""

from django.utils.translation import gettext as _

from rebound.lib.letters import greeting, signature

from .models import Interview


def thank_you_note(interview: Interview) -> str:
    application = interview.application
    people = sorted(interview.interviewers.all(), key=lambda p: p.name)
    body = _(
        "Thank you for taking the time to talk with me about the %(role)s role. "
        "I enjoyed learning more about %(company)s and the team, and our conversation made "
        "me even more interested in the position.\n\n"
        "Please let me know if I can share anything else.\n\n"
        "Best regards,\n%(name)s"
    ) % {
        "role": application.role,
        "company": application.company.name,
        "name": signature(application.owner),
    }
    return f"{greeting([p.name for p in people])}\n\n{body}"
