"""Drafted words about interviews the user can edit, and the shared greeting helpers."""

from collections.abc import Sequence
from typing import Any

from .models import Interview


def first_name(full_name: str) -> str:
    return full_name.split()[0] if full_name.split() else full_name


def greeting(names: Sequence[str]) -> str:
    """ "Dear A,", "Dear A and B,", "Dear A, B and C,", "Dear all," past four; "Hello," alone."""
    names = [first_name(n) for n in names if n.strip()]
    if not names:
        return "Hello,"
    if len(names) > 4:
        return "Dear all,"
    if len(names) == 1:
        return f"Dear {names[0]},"
    return f"Dear {', '.join(names[:-1])} and {names[-1]},"


def signature(user: Any) -> str:
    return user.get_full_name() or user.first_name or ""


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
