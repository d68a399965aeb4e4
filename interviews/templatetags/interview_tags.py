"""The interviews section of an application's page, owned here so applications/ need not
import interviews/ (docs/architecture.md).

Each interview's card is built in Python: nine cards through the template engine were a fifth
of a heavy user's application page in issue 24's profile (docs/performance.md).
tests/interviews/test_application_cards.py holds each card equal to the template it replaced.
"""

import datetime as dt
from typing import Any

from django import template
from django.contrib.postgres.expressions import ArraySubquery
from django.db import connection
from django.db.models import OuterRef, Prefetch
from django.utils import timezone
from django.utils.safestring import SafeString, mark_safe
from django.utils.translation import gettext, ngettext, pgettext

from applications.models import Application, Contact
from interviews.models import RATING_FIELDS, Interview
from rebound.lib.datefmt import day, when

from .interview_list_tags import FORMAT_LABELS, ROUND_LABELS, esc

register = template.Library()

# What a card shows (interview_card below) of an interview and its self-assessment: not the
# preparation notes, location or dates kept. "application" because the related manager sets
# each row's application from it (a query per row if deferred).
CARD_COLUMNS = (
    "pk",
    "application",
    "round_type",
    "starts_at",
    "ends_at",
    "format",
    "questions",
    "promised_reply_by",
    *(f"assessment__{name}" for name in RATING_FIELDS),
    "assessment__confidence",
    "assessment__went_well",
    "assessment__tripped_questions",
    "assessment__change_next_time",
    "assessment__skills_to_build",
)


# Words are looked up outside f-strings, where makemessages (xgettext) would not find them.
# A {% translate %} is escaped as any variable; a {% blocktranslate %}'s own words are not
# (only the values put in them), so the functions below escape the one and not the other.


def _questions(questions: list[str]) -> str:
    if not questions:
        return ""
    n = len(questions)
    asked = ngettext("%(n)s question asked", "%(n)s questions asked", n) % {"n": n}
    items = "".join(f"<li>{esc(q)}</li>" for q in questions)
    return (
        f'\n      <details><summary class="small">{asked}</summary>\n'
        f'        <ul class="small mt-1">{items}</ul></details>\n      '
    )


def _assessment(interview: Interview, now: dt.datetime) -> str:
    # select_related("assessment") caches a missing one as None: the attribute then raises.
    a = getattr(interview, "assessment", None)
    if not a:
        if interview.ends_at < now:
            write = esc(gettext("Write your self-assessment"))
            return (
                '\n        <a class="btn btn-sm btn-outline-primary mt-1" href="'
                f'{esc(interview.assessment_url)}">{write}'
                "</a>\n      "
            )
        return ""
    confidence = gettext("Your self-assessment — confidence %(confidence)s/5") % {
        "confidence": esc(a.confidence)
    }
    ratings = "".join(
        f'<li class="list-inline-item">{esc(label)}: {esc(value)}/5</li>'
        for label, value in a.ratings
    )
    texts = ""
    for said, value in (
        (gettext("Went well:"), a.went_well),
        (gettext("Tripped on:"), a.tripped_questions),
        (gettext("What you would do differently:"), a.change_next_time),
    ):
        if value:
            texts += f'<p class="small mb-1 text-pre"><strong>{esc(said)}</strong> {esc(value)}</p>'
        texts += "\n          "
    if a.skills_to_build:
        said = esc(gettext("Skills to build:"))
        skills = ", ".join(esc(skill) for skill in a.skill_list)
        texts += f'<p class="small mb-1"><strong>{said}</strong> {skills}</p>'
    edit = esc(gettext("Edit self-assessment"))
    return (
        "\n        \n"
        '        <div class="mt-2 p-2 bg-body-tertiary rounded">\n'
        f'          <p class="small fw-semibold mb-1">{confidence}</p>\n'
        f'          <ul class="list-inline small mb-1">{ratings}</ul>\n'
        f"          {texts}\n"
        f'          <a class="small" href="{esc(interview.assessment_url)}">'
        f"{edit}</a>\n"
        "        </div>\n"
        "        \n      "
    )


def interview_card(interview: Interview, now: dt.datetime) -> SafeString:
    """One interview's card, as interviews/_application_interviews.html's loop wrote it."""
    minutes = gettext("%(minutes)s min") % {"minutes": esc(interview.duration_minutes)}
    people = getattr(interview, "interviewer_names", None)
    if people is None:  # not read with the interview (SQLite): its prefetched interviewers
        people = [person.name for person in interview.interviewers.all()]
    with_ = ""
    if people:
        said_with = esc(pgettext("interviewers", "With"))
        names = ", ".join(esc(name) for name in people)
        with_ = f'<p class="mb-1 small">{said_with} {names}</p>'
    promised = ""
    if interview.promised_reply_by:
        said = gettext("They promised to reply by <strong>%(day)s</strong>.") % {
            "day": esc(day(interview.promised_reply_by))
        }
        promised = f'<p class="small mb-1">{said}</p>'
    round_ = ROUND_LABELS.get(interview.round_type, interview.round_type)
    format_ = FORMAT_LABELS.get(interview.format, interview.format)
    return mark_safe(
        '\n  <article class="card mb-3">\n'
        '    <div class="card-body">\n'
        f'      <h3 class="h6"><a href="{esc(interview.get_absolute_url())}">{esc(round_)}</a>\n'
        '        <span class="text-body-secondary fw-normal">'
        f"· {esc(when(interview.starts_at, weekday=True))} · {minutes} · {esc(format_)}"
        "</span></h3>\n"
        f"      \n      {with_}\n"
        f"      {_questions(interview.question_list)}\n"
        f"      {promised}\n"
        f"      {_assessment(interview, now)}\n"
        "    </div>\n"
        "  </article>\n  "
    )


@register.inclusion_tag("interviews/_application_interviews.html")
def application_interviews(application: Application) -> dict[str, Any]:
    interviews = (
        application.interviews.select_related("assessment")
        .only(*CARD_COLUMNS)
        .order_by("starts_at")
    )
    if connection.vendor == "postgresql":
        # The interviewers' names in each interview's own row (an array), not a query of
        # their own: a card shows nothing else of them.
        interviews = interviews.annotate(
            interviewer_names=ArraySubquery(
                Contact.objects.filter(interviews=OuterRef("pk")).order_by("name").values("name")
            )
        )
    else:
        interviews = interviews.prefetch_related(
            Prefetch("interviewers", Contact.objects.only("pk", "name").order_by("name"))
        )
    now = timezone.now()
    cards = [interview_card(interview, now) for interview in interviews]
    return {"application": application, "cards": cards}
