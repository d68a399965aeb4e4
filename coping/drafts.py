"""Drafted words the user can edit: feedback requests, check-in and thank-you notes.

Each is written in the active language: a page's request has the user's, and anything drafted
outside a request (a reminder's email, a plan opened by mail in) runs inside
`rebound.lib.language.in_language_of(owner)`.
"""

from django.utils import dateformat
from django.utils.translation import get_language, gettext, ngettext, pgettext

from applications.models import Application, Contact
from interviews.models import SelfAssessment
from rebound.lib.letters import greeting, signature
from rebound.lib.localtime import local_today
from rebound.models import User

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
        "qualified": ngettext(
            "Right after the interviews I rated my fit %(fit)s out of 5.",
            "Right after the interviews I rated my fit %(fit)s out of 5.",
            len(assessments),
        )
        % {"fit": fit},
        "performance": joined("went_well"),
        "tripped_questions": joined("tripped_questions"),
        "skills_to_improve": "\n".join(
            [*skills_from_assessments(application), joined("change_next_time")]
        ).strip(),
    }


# How a German letter greets: "Sehr geehrte Frau Dr. Berger," when the contact's name carries
# the salutation ("Frau Dr. Anna Berger"), else the neutral "Guten Tag Anna Berger," (German
# letters greet by the whole name, never by the first name alone), and "Sehr geehrte Damen und
# Herren," when nobody is named. English keeps rebound.lib.letters' "Dear Anna,".
_GERMAN_SALUTATIONS = {"frau": "Sehr geehrte Frau", "herr": "Sehr geehrter Herr"}


def _german_greeting(name: str) -> str:
    words = name.split()
    if not words:
        return "Sehr geehrte Damen und Herren,"
    salutation = _GERMAN_SALUTATIONS.get(words[0].lower())
    if salutation and len(words) > 1:
        titles = [w for w in words[1:-1] if w.endswith(".")]  # "Dr.", "Prof."
        return f"{salutation} {' '.join([*titles, words[-1]])},"
    return f"Guten Tag {' '.join(words)},"


def _greeting(contact: Contact | None) -> str:
    if (get_language() or "").startswith("de"):
        return _german_greeting(contact.name if contact else "")
    return greeting([contact.name] if contact else [])


def _closing(user: User) -> str:
    # Translators: the sign-off above the sender's name in a drafted email; German has no
    # comma after "Mit freundlichen Grüßen".
    sign_off = pgettext("letter sign-off", "Best regards,")
    return f"{sign_off}\n{signature(user)}"


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
    names = {"role": application.role, "company": application.company.name}
    subject = gettext("Feedback on my application for %(role)s") % names
    paragraphs = [
        _greeting(contact),
        # Translators: follows the greeting line; a German letter goes on in lower case.
        gettext(
            "Thank you for the time you and the team gave me during the process for the "
            "%(role)s role at %(company)s. I was disappointed not to go further, and I would "
            "value hearing what I could have done better."
        )
        % names,
        gettext(
            "If you can spare a few minutes, even two or three points would help me a lot as I "
            "prepare for what comes next."
        ),
        gettext("Thank you again, and I hope our paths cross again."),
        _closing(plan.owner),
    ]
    return subject, "\n\n".join(paragraphs)


def keep_in_touch_note(plan: CopingPlan) -> str:
    follow_up = getattr(plan, "follow_up", None)
    contact = follow_up.contact if follow_up else None
    if follow_up and follow_up.note.strip():
        return follow_up.note
    application = plan.application
    # A month, not "a few months ago": the note may be saved today and sent any time later
    # (or now), and a month stays true.
    heard = plan.opened_on
    # Django's month names are in the active language ("March", "März"); strftime's aren't.
    month_format = "F" if heard.year == local_today(plan.owner).year else "F Y"
    names = {
        "role": application.role,
        "company": application.company.name,
        "month": dateformat.format(heard, month_format),
    }
    # "Since then I have kept building my skills" only once there has been a "since then".
    grown = (local_today(plan.owner) - heard).days >= 30
    ask = (
        gettext(
            "Since then I have kept building my skills, and I wanted to ask whether there are "
            "any openings coming up where my experience could fit."
        )
        if grown
        else gettext(
            "I wanted to ask whether there are any openings coming up where my experience "
            "could fit."
        )
    )
    paragraphs = [
        _greeting(contact),
        # Translators: follows the greeting line; a German letter goes on in lower case.
        gettext(
            "I interviewed for the %(role)s role at %(company)s and heard back in %(month)s. "
            "I enjoyed our conversations and I am still keen on %(company)s."
        )
        % names,
        ask,
        gettext("Thank you, and I hope all is well with the team."),
        _closing(plan.owner),
    ]
    return "\n\n".join(paragraphs)
