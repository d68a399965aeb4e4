"""Drafted words about interviews the user can edit."""

from rebound.lib.letters import greeting, signature

from .models import Interview


def thank_you_note(interview: Interview) -> str:
    application = interview.application
    people = sorted(interview.interviewers.all(), key=lambda p: p.name)
    return (
        f"{greeting([p.name for p in people])}\n\n"
        f"Thank you for taking the time to talk with me about the {application.role} role. "
        f"I enjoyed learning more about {application.company.name} and the team, and our "
        f"conversation made me even more interested in the position.\n\n"
        f"Please let me know if I can share anything else.\n\n"
        f"Best regards,\n{signature(application.owner)}"
    )
