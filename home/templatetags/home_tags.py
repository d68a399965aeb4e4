"""Home's three interview lists, built in Python: through the template engine (a date in local
time, a round's label, a sentence a row) they were a third of home's own template time in
issue 24's profile. tests/home/test_interview_rows.py holds each equal to the loop it
replaced, in English and German, whatever the text."""

from collections.abc import Iterable

from django import template
from django.utils import dateformat, timezone
from django.utils.safestring import SafeString, mark_safe
from django.utils.translation import gettext, pgettext

from interviews.models import Interview
from rebound.lib.html import esc
from rebound.templatetags.rebound_tags import day_month, mid_sentence

register = template.Library()


def _rows(rows: Iterable[str]) -> SafeString:
    return mark_safe("".join(f'\n      <p class="mb-2">{row}</p>\n    ' for row in rows))


# Words are looked up outside f-strings, where makemessages (xgettext) would not find them.
# A {% translate %} is escaped as any variable; a {% blocktranslate %}'s own words are not
# (only the values put in them).


@register.simple_tag
def upcoming_rows(interviews: Iterable[Interview]) -> SafeString:
    """ "Coming up": each interview's round and company, and when (in local time)."""
    # `{% translate … as upcoming_format %}` escapes the format as it stores it.
    shown = esc(pgettext("date format", "D j M, H:i"))
    return _rows(
        f'<a href="{esc(i.get_absolute_url())}">{esc(i.get_round_type_display())} — '
        f"{esc(i.company_name)}</a>"  # type: ignore[attr-defined]
        '<br><span class="small text-body-secondary">'
        f"{esc(dateformat.format(timezone.localtime(i.starts_at), shown))}</span>"
        for i in interviews
    )


@register.simple_tag
def assess_rows(interviews: Iterable[Interview]) -> SafeString:
    """ "How did it go?": a link to each past interview's self-assessment."""
    return _rows(
        f'<a href="{esc(i.assessment_url)}">'
        + gettext("Assess your %(round)s with %(company)s")
        % {
            "round": esc(mid_sentence(i.get_round_type_display())),
            "company": esc(i.company_name),  # type: ignore[attr-defined]
        }
        + "</a>"
        for i in interviews
    )


@register.simple_tag
def overdue_rows(interviews: Iterable[Interview]) -> SafeString:
    """ "Waiting to hear back": each promised reply overdue, with its company."""
    return _rows(
        gettext('<a href="%(url)s">%(company)s</a> promised a reply by %(by)s.')
        % {
            "url": esc(i.application_url),
            "company": esc(i.company_name),  # type: ignore[attr-defined]
            "by": esc(day_month(i.promised_reply_by)),
        }
        for i in interviews
    )
