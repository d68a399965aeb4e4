"""The interviews section of an application's page, owned here so applications/ need not
import interviews/ (docs/architecture.md).

Each interview's card is built in Python: nine cards through the template engine were a fifth
of a heavy user's application page in issue 24's profile (docs/performance.md).
tests/interviews/test_application_cards.py holds each card equal to the template it replaced.
"""

import datetime as dt
import functools
from typing import Any

from django import template
from django.db import connection
from django.db.models import Prefetch
from django.utils import dateformat, timezone
from django.utils.safestring import SafeString, mark_safe
from django.utils.translation import gettext, ngettext, pgettext

from applications.models import Application, Contact
from interviews.models import RATING_FIELDS, Interview, SelfAssessment
from rebound.lib import batch
from rebound.lib.datefmt import day, when_format
from rebound.lib.html import esc

from .interview_list_tags import FORMAT_LABELS, ROUND_LABELS

register = template.Library()

# What a card shows (interview_card below) of an interview and its self-assessment: not the
# preparation notes, location or dates kept. "application" because the related manager sets
# each row's application from it (a query per row if deferred).
_SHOWN = ("round_type", "starts_at", "ends_at", "format", "questions", "promised_reply_by")
_ASSESSED = (
    *RATING_FIELDS,
    "went_well",
    "tripped_questions",
    "change_next_time",
    "skills_to_build",
)
CARD_COLUMNS = ("pk", "application", *_SHOWN, *(f"assessment__{name}" for name in _ASSESSED))


# Words are looked up outside f-strings, where makemessages (xgettext) would not find them.
# A {% translate %} is escaped as any variable; a {% blocktranslate %}'s own words are not
# (only the values put in them), so the functions below escape the one and not the other.


class Words:
    """The cards' words, each looked up once for a section's cards: nine cards looked up some
    ninety (a catalogue lookup costs as much as building a line of a card), and the ratings'
    labels (SelfAssessment.rating_labels) once instead of once a card."""

    def __init__(self) -> None:
        self.minutes = gettext("%(minutes)s min")
        self.with_ = pgettext("interviewers", "With")
        self.promised = gettext("They promised to reply by <strong>%(day)s</strong>.")
        self.write = gettext("Write your self-assessment")
        self.confidence = gettext("Your self-assessment — confidence %(confidence)s/5")
        self.went_well = gettext("Went well:")
        self.tripped = gettext("Tripped on:")
        self.differently = gettext("What you would do differently:")
        self.skills = gettext("Skills to build:")
        self.edit = gettext("Edit self-assessment")
        self.moment = when_format(weekday=True)
        self._labels: dict[tuple[int, str], str] = {}
        self._asked: dict[int, str] = {}

    def asked(self, n: int) -> str:
        if n not in self._asked:
            said = ngettext("%(n)s question asked", "%(n)s questions asked", n)
            self._asked[n] = said % {"n": n}
        return self._asked[n]

    @functools.cached_property
    def rating_labels(self) -> dict[str, str]:
        return SelfAssessment.rating_labels()

    def label(self, labels: dict[str, Any], value: str) -> str:
        """A choice's label (ROUND_LABELS, FORMAT_LABELS: lazy) as text, translated once."""
        key = (id(labels), value)
        found = self._labels.get(key)
        if found is None:
            found = self._labels[key] = str(labels.get(value, value))
        return found


def _questions(questions: list[str], words: Words) -> str:
    if not questions:
        return ""
    n = len(questions)
    asked = words.asked(n)
    items = "".join(f"<li>{esc(q)}</li>" for q in questions)
    return (
        f'\n      <details><summary class="small">{asked}</summary>\n'
        f'        <ul class="small mt-1">{items}</ul></details>\n      '
    )


def _assessment(interview: Interview, now: dt.datetime, words: Words) -> str:
    # select_related("assessment") caches a missing one as None: the attribute then raises.
    a = getattr(interview, "assessment", None)
    if not a:
        if interview.ends_at < now:
            write = esc(words.write)
            return (
                '\n        <a class="btn btn-sm btn-outline-primary mt-1" href="'
                f'{esc(interview.assessment_url)}">{write}'
                "</a>\n      "
            )
        return ""
    confidence = words.confidence % {"confidence": esc(a.confidence)}
    # a.ratings, with the labels looked up once for all the cards.
    ratings = "".join(
        f'<li class="list-inline-item">{esc(label)}: {esc(getattr(a, name))}/5</li>'
        for name, label in words.rating_labels.items()
    )
    texts = ""
    for said, value in (
        (words.went_well, a.went_well),
        (words.tripped, a.tripped_questions),
        (words.differently, a.change_next_time),
    ):
        if value:
            texts += f'<p class="small mb-1 text-pre"><strong>{esc(said)}</strong> {esc(value)}</p>'
        texts += "\n          "
    if a.skills_to_build:
        said = esc(words.skills)
        skills = ", ".join(esc(skill) for skill in a.skill_list)
        texts += f'<p class="small mb-1"><strong>{said}</strong> {skills}</p>'
    edit = esc(words.edit)
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


def interview_card(
    interview: Interview, now: dt.datetime, words: Words | None = None
) -> SafeString:
    """One interview's card, as interviews/_application_interviews.html's loop wrote it;
    the cards of one section share their `words`."""
    words = words or Words()
    minutes = words.minutes % {"minutes": esc(interview.duration_minutes)}
    people = getattr(interview, "interviewer_names", None)
    if people is None:  # not read with the interview (SQLite): its prefetched interviewers
        people = [person.name for person in interview.interviewers.all()]
    with_ = ""
    if people:
        said_with = esc(words.with_)
        names = ", ".join(esc(name) for name in people)
        with_ = f'<p class="mb-1 small">{said_with} {names}</p>'
    promised = ""
    if interview.promised_reply_by:
        said = words.promised % {"day": esc(day(interview.promised_reply_by))}
        promised = f'<p class="small mb-1">{said}</p>'
    round_ = words.label(ROUND_LABELS, interview.round_type)
    format_ = words.label(FORMAT_LABELS, interview.format)
    # rebound.lib.datefmt.when(weekday=True), its format looked up once a section.
    starts = dateformat.format(timezone.localtime(interview.starts_at), words.moment)
    return mark_safe(
        '\n  <article class="card mb-3">\n'
        '    <div class="card-body">\n'
        f'      <h3 class="h6"><a href="{esc(interview.get_absolute_url())}">{esc(round_)}</a>\n'
        '        <span class="text-body-secondary fw-normal">'
        f"· {esc(starts)} · {minutes} · {esc(format_)}"
        "</span></h3>\n"
        f"      \n      {with_}\n"
        f"      {_questions(interview.question_list, words)}\n"
        f"      {promised}\n"
        f"      {_assessment(interview, now, words)}\n"
        "    </div>\n"
        "  </article>\n  "
    )


# The cards' read on PostgreSQL: each interview with its self-assessment (a LEFT JOIN) and its
# interviewers' names (an array), CARD_COLUMNS and nothing else. Built and compiled from a
# queryset (select_related, only, an ArraySubquery) the same read cost 1.2 ms more than its
# round trip, on every application's page (issue 24); through raw() another 0.1 ms, setting
# itself up (rebound.lib.batch.raw builds the rows as it does); _assessment_of converts the
# self-assessment's columns.
_CARD_FIELDS = ("id", "application_id", *_SHOWN)
_CARDS = """
    SELECT {fields}, s.id AS a_id, {assessed},
           ARRAY(SELECT c.name FROM applications_contact c
                 JOIN interviews_interview_interviewers x ON x.contact_id = c.id
                 WHERE x.interview_id = i.id ORDER BY c.name) AS interviewer_names
    FROM interviews_interview i
    LEFT JOIN interviews_selfassessment s ON s.interview_id = i.id
    WHERE i.application_id = %s
    ORDER BY i.starts_at""".format(
    fields=", ".join(f"i.{name}" for name in _CARD_FIELDS),
    assessed=", ".join(f"s.{name} AS a_{name}" for name in _ASSESSED),
)


def cards_statement(application: Application) -> tuple[str, list[Any]]:
    """What the cards read on PostgreSQL, for rebound.lib.batch.together."""
    return _CARDS, [application.pk]


@register.simple_tag
def interview_reads(application: Application) -> list[tuple[str, list[Any]]]:
    """What `application_interviews` reads, for {% together %} (rebound_tags): nothing sent
    ahead elsewhere (SQLite reads them by querysets)."""
    return [cards_statement(application)] if connection.vendor == "postgresql" else []


def _assessment_of(interview: Interview) -> SelfAssessment | None:
    """The self-assessment read with the interview, its words decrypted as a query's would
    be (EncryptedTextField.from_db_value); None without one."""
    if interview.a_id is None:  # type: ignore[attr-defined]
        return None
    fields = {}
    for name in _ASSESSED:
        value = getattr(interview, f"a_{name}")
        convert = getattr(SelfAssessment._meta.get_field(name), "from_db_value", None)
        fields[name] = value if convert is None else convert(value, None, connection)
    return SelfAssessment(pk=interview.a_id, interview=interview, **fields)  # type: ignore[attr-defined]


def _cards_read(application: Application) -> list[Interview]:
    interviews = batch.raw(Interview, *cards_statement(application))
    for interview in interviews:
        # As select_related("assessment") and the related manager leave them.
        Interview.assessment.related.set_cached_value(interview, _assessment_of(interview))
        interview.application = application
    return interviews


@register.inclusion_tag("interviews/_application_interviews.html")
def application_interviews(application: Application) -> dict[str, Any]:
    if connection.vendor == "postgresql":
        interviews = _cards_read(application)
    else:
        # The interviewers' names by a query of their own (SQLite has no arrays).
        interviews = list(
            application.interviews.select_related("assessment")
            .only(*CARD_COLUMNS)
            .order_by("starts_at")
            .prefetch_related(
                Prefetch("interviewers", Contact.objects.only("pk", "name").order_by("name"))
            )
        )
    now = timezone.now()
    words = Words() if interviews else None  # no words looked up for no interview
    cards = [interview_card(interview, now, words) for interview in interviews]
    return {"application": application, "cards": cards}
