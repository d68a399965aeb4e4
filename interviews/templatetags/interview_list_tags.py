"""The interviews list's rows, built in Python: forty rows through the template engine (a date
in local time, the round, role and company each, a link or two) were a third of a heavy user's
page in issue 24's profile (docs/performance.md). tests/interviews/test_list_rows.py holds
them equal to the template they replaced."""

from django import template
from django.utils.safestring import SafeString, mark_safe
from django.utils.translation import gettext as _

from interviews.models import Interview
from rebound.lib.datefmt import day_month, when
from rebound.lib.html import esc

register = template.Library()

# get_FOO_display() without its per-call hashing of the value (a fifth of these rows' time).
ROUND_LABELS = dict(Interview._meta.get_field("round_type").flatchoices)
FORMAT_LABELS = dict(Interview._meta.get_field("format").flatchoices)


def _round(interview: Interview) -> str:
    return str(ROUND_LABELS.get(interview.round_type, interview.round_type))


def _title(interview: Interview) -> str:
    application = interview.application
    said = _("%(round)s — %(role)s at %(company)s") % {
        "round": _round(interview),
        "role": application.role,
        "company": application.company.name,
    }
    return f'<a href="{esc(interview.get_absolute_url())}">{esc(said)}</a>'


@register.simple_tag
def upcoming_interview_row(interview: Interview) -> SafeString:
    return mark_safe(
        '\n    <li class="list-group-item">\n'
        f"      {_title(interview)}\n"
        '      <div class="small text-body-secondary">'
        f"{when(interview.starts_at, weekday=True)} · "
        f"{esc(FORMAT_LABELS.get(interview.format, interview.format))}"
        "</div>\n    </li>\n    "
    )


@register.simple_tag
def past_interview_row(interview: Interview) -> SafeString:
    # select_related("assessment") caches a missing one as None: the attribute then raises.
    assessment = getattr(interview, "assessment", None)
    if assessment:
        assessed = _("Assessed · confidence %(confidence)s/5") % {
            "confidence": assessment.confidence
        }
        after = (
            f'<span class="badge text-bg-success align-self-center">{esc(assessed)}</span>\n      '
        )
    else:
        what = _("for %(interview)s at %(company)s, %(day)s") % {
            "interview": interview.the_round,
            "company": interview.application.company.name,
            "day": day_month(interview.starts_at),
        }
        write = esc(_("Write self-assessment"))
        after = (
            '<a class="btn btn-sm btn-outline-primary align-self-center" href="'
            f'{esc(interview.assessment_url)}">{write}'
            f'<span class="visually-hidden"> {esc(what)}</span></a>'
        )
    return mark_safe(
        '\n    <li class="list-group-item d-flex flex-wrap justify-content-between gap-2">\n'
        f"      <span>{_title(interview)}\n"
        '      <span class="d-block small text-body-secondary">'
        f"{when(interview.starts_at, weekday=True)}</span></span>\n"
        f"      {after}\n    </li>\n    "
    )
