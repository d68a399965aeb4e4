"""The interviews list's rows, built in Python: forty rows through the template engine (a date
in local time, the round, role and company each, a link or two) were a third of a heavy user's
page in issue 24's profile (docs/performance.md). tests/interviews/test_list_rows.py holds
them equal to the template they replaced."""

from html import escape

from django import template
from django.utils.safestring import SafeString, mark_safe

from interviews.models import Interview
from rebound.lib.datefmt import day_month, when

register = template.Library()

# get_FOO_display() without its per-call hashing of the value (a fifth of these rows' time).
_ROUND = dict(Interview._meta.get_field("round_type").flatchoices)
_FORMAT = dict(Interview._meta.get_field("format").flatchoices)


def _round(interview: Interview) -> str:
    return str(_ROUND.get(interview.round_type, interview.round_type))


def _e(value: object) -> str:
    """What autoescaping writes: conditional_escape's result, without its lazy-string wrapper
    for the plain strings these rows hold."""
    html = getattr(value, "__html__", None)
    if html is not None:
        return str(html())
    return escape(str(value))


def _title(interview: Interview) -> str:
    application = interview.application
    return (
        f'<a href="{_e(interview.get_absolute_url())}">{_e(_round(interview))}'
        f" — {_e(application.role)} at {_e(application.company.name)}</a>"
    )


@register.simple_tag
def upcoming_interview_row(interview: Interview) -> SafeString:
    return mark_safe(
        '\n    <li class="list-group-item">\n'
        f"      {_title(interview)}\n"
        '      <div class="small text-body-secondary">'
        f"{when(interview.starts_at, weekday=True)} · "
        f"{_e(_FORMAT.get(interview.format, interview.format))}"
        "</div>\n    </li>\n    "
    )


@register.simple_tag
def past_interview_row(interview: Interview) -> SafeString:
    # select_related("assessment") caches a missing one as None: the attribute then raises.
    assessment = getattr(interview, "assessment", None)
    if assessment:
        after = (
            '<span class="badge text-bg-success align-self-center">Assessed · confidence '
            f"{_e(assessment.confidence)}/5</span>\n      "
        )
    else:
        what = (
            f"{_e(_round(interview).lower())} interview at "
            f"{_e(interview.application.company.name)}, {day_month(interview.starts_at)}"
        )
        after = (
            '<a class="btn btn-sm btn-outline-primary align-self-center" href="'
            f'{_e(interview.assessment_url)}">Write self-assessment'
            f'<span class="visually-hidden"> for the {what}</span></a>'
        )
    return mark_safe(
        '\n    <li class="list-group-item d-flex flex-wrap justify-content-between gap-2">\n'
        f"      <span>{_title(interview)}\n"
        '      <span class="d-block small text-body-secondary">'
        f"{when(interview.starts_at, weekday=True)}</span></span>\n"
        f"      {after}\n    </li>\n    "
    )
