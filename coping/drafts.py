"""Drafted words the user can edit: feedback requests, check-in and thank-you notes."""

from applications.models import Application, Contact
from interviews.models import SelfAssessment
from rebound.lib.letters import greeting, signature
from rebound.lib.localtime import local_today

from .models import CopingPlan


def _assessments(application: Application) -> list[SelfAssessment]:
    return list(
        SelfAssessment.objects.filter(interview__application=application).order_by(
            "interview__starts_at"
        )
    )


def skills_from_assessments(application: Application) -> list[str]:
    seen: dict[str, None] = {}
    for assessment in _assessments(application):
        for skill in assessment.skill_list:
            seen.setdefault(skill, None)
    return list(seen)


def reflection_prefill(application: Application) -> dict[str, str]:
    """Start the reflection from what the user wrote right after each interview."""
    assessments = _assessments(application)
    if not assessments:
        return {}

    def joined(attr: str) -> str:
        return "\n".join(v for a in assessments if (v := getattr(a, attr).strip()))

    fit = ", ".join(str(a.qualification_fit) for a in assessments)
    return {
        "qualified": f"Right after the interviews I rated my fit {fit} out of 5.",
        "performance": joined("went_well"),
        "tripped_questions": joined("tripped_questions"),
        "skills_to_improve": "\n".join(
            [*skills_from_assessments(application), joined("change_next_time")]
        ).strip(),
    }


def _greeting(contact: Contact | None) -> str:
    return greeting([contact.name] if contact else [])


def feedback_greeting(contact: Contact | None) -> str:
    """The greeting line a feedback request to this person opens with."""
    return _greeting(contact)


def greeting_follows(body: str, *, before: Contact | None, after: Contact | None) -> str:
    """The body with its greeting line changed to greet `after`, when it still holds the
    greeting drafted for `before` (an edited greeting is the user's and stays as written)."""
    head, newline, rest = body.partition("\n")
    old, new = _greeting(before), _greeting(after)
    if old == new or head.strip() != old:
        return body
    return new + ("\r" if head.endswith("\r") else "") + newline + rest


def feedback_request(plan: CopingPlan, contact: Contact | None) -> tuple[str, str]:
    application = plan.application
    subject = f"Feedback on my application for {application.role}"
    body = (
        f"{_greeting(contact)}\n\n"
        f"Thank you for the time you and the team gave me during the process for the "
        f"{application.role} role at {application.company.name}. I was disappointed not to "
        f"go further, and I would value hearing what I could have done better.\n\n"
        f"If you can spare a few minutes, even two or three points would help me a lot as I "
        f"prepare for what comes next.\n\n"
        f"Thank you again, and I hope our paths cross again.\n\n"
        f"Best regards,\n{signature(plan.owner)}"
    )
    return subject, body


def keep_in_touch_note(plan: CopingPlan) -> str:
    follow_up = getattr(plan, "follow_up", None)
    contact = follow_up.contact if follow_up else None
    if follow_up and follow_up.note.strip():
        return follow_up.note
    application = plan.application
    # A month, not "a few months ago": the note may be saved today and sent any time later
    # (or now), and a month stays true.
    heard = plan.opened_on
    month = f"{heard:%B}" if heard.year == local_today(plan.owner).year else f"{heard:%B %Y}"
    # "Since then I have kept building my skills" only once there has been a "since then".
    grown = (local_today(plan.owner) - heard).days >= 30
    since = "Since then I have kept building my skills, and " if grown else ""
    return (
        f"{_greeting(contact)}\n\n"
        f"I interviewed for the {application.role} role at {application.company.name} and "
        f"heard back in {month}. I enjoyed our conversations and I am still keen on "
        f"{application.company.name}.\n\n"
        f"{since}I wanted to ask whether there are any openings coming up where my "
        f"experience could fit.\n\n"
        f"Thank you, and I hope all is well with the team.\n\n"
        f"Best regards,\n{signature(plan.owner)}"
    )
