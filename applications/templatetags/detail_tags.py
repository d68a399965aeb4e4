"""The application page's lists beside its sections, built in Python: its timeline, its
people, the company's other people and the owner's other applications there. Through the
template engine (a date, a status label and a link or two a row) they were a tenth of a heavy
user's application page in issue 24's profile. tests/applications/test_detail_rows.py holds
each equal to the template loop it replaced, in English and German, whatever the text."""

from collections.abc import Iterable

from django import template
from django.utils import dateformat
from django.utils.safestring import SafeString, mark_safe
from django.utils.translation import gettext

from applications import pipeline
from applications.models import Application, Contact, StatusChange
from rebound.lib.datefmt import day
from rebound.lib.html import esc

register = template.Library()

# get_FOO_display() without its per-call hashing of every choice's lazy label (Django's
# make_hashable: a catalogue lookup a label, nine for a status): each label shown is looked up
# once a list instead (`_Labels`).
STATUS_LABELS = dict(StatusChange._meta.get_field("to_status").flatchoices)
KIND_LABELS = dict(Contact._meta.get_field("kind").flatchoices)


class _Labels(dict[str, str]):
    """A choice field's labels as escaped text, each looked up when first asked for; an
    unknown value stands for itself, as with get_FOO_display()."""

    def __init__(self, choices: dict[str, object]) -> None:
        super().__init__()
        self.choices = choices

    def __missing__(self, value: str) -> str:
        self[value] = found = esc(self.choices.get(value, value))
        return found


# Words are looked up outside f-strings, where makemessages (xgettext) would not find them. A
# {% translate %} is escaped as any variable; a {% blocktranslate %}'s own words are not (only
# the values put in them).


@register.simple_tag
def timeline_items(changes: Iterable[StatusChange]) -> SafeString:
    """The timeline's <li>s, oldest first, as the page's loop wrote them."""
    correct = esc(gettext("correct date"))
    labels = _Labels(STATUS_LABELS)
    rows = []
    for change in changes:
        label = labels[change.to_status]
        if change.from_status:
            what = label
        else:
            what = gettext("Added as %(status)s") % {
                "status": esc(pipeline.in_sentence(change.to_status))
            }
        of = gettext("of %(status)s") % {"status": label}
        changed = esc(day(change.changed_on)) if change.changed_on else ""
        note = f'<span class="d-block small">{esc(change.note)}</span>' if change.note else ""
        rows.append(
            "\n        <li>\n"
            f'          <span class="fw-semibold">{what}</span>\n'
            f'          <span class="d-block small text-body-secondary">{changed} · '
            f'<a href="{esc(change.correct_url)}">{correct}'
            f'<span class="visually-hidden"> {of}</span></a></span>\n'
            f"          {note}\n"
            "        </li>\n        "
        )
    return mark_safe("".join(rows))


def _contact(contact: Contact, detail: str, kinds: _Labels) -> str:
    email = ""
    if contact.email:
        address = esc(contact.email)
        email = f'<br><a class="small" href="mailto:{address}">{address}</a>'
    return (
        f'\n        <li class="mb-2"><a href="{esc(contact.get_absolute_url())}">'
        f"{esc(contact.name)}</a> "
        f'<span class="small text-body-secondary">{kinds[contact.kind]}'
        f"{detail}</span>{email}</li>\n        "
    )


@register.simple_tag
def people_items(people: Iterable[Contact]) -> SafeString:
    """The people on the application (each with its company, when it has one)."""
    kinds = _Labels(KIND_LABELS)
    return mark_safe(
        "".join(_contact(c, f", {esc(c.company.name)}" if c.company else "", kinds) for c in people)
    )


@register.simple_tag
def contact_items(contacts: Iterable[Contact]) -> SafeString:
    """The company's other people (each with its title, when it has one)."""
    kinds = _Labels(KIND_LABELS)
    return mark_safe(
        "".join(_contact(c, f", {esc(c.title)}" if c.title else "", kinds) for c in contacts)
    )


@register.simple_tag
def earlier_items(others: Iterable[Application]) -> SafeString:
    """The owner's other applications at the company: role, status and month (`|date:_("M Y")`:
    a date filter writes "" for no date)."""
    month = gettext("M Y")
    rows = []
    for other in others:
        since = other.status_changed_on
        rows.append(
            f'<li><a href="{esc(other.get_absolute_url())}">{esc(other.role)}</a> — '
            f"{esc(pipeline.in_sentence(other.status))}, "
            f"{esc(dateformat.format(since, month)) if since else ''}</li>"
        )
    return mark_safe("".join(rows))
