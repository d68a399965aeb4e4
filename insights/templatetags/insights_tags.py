"""The funnel as a flow (Sankey-style), drawn on the server as SVG: no chart library, nothing
to run in the browser, readable offline. The table beside it says the same. And the page's
long tables' rows."""

import datetime as dt
from collections.abc import Callable, Iterable
from html import escape
from typing import Any

from django import template
from django.conf import settings
from django.template.defaultfilters import date, floatformat
from django.urls import reverse
from django.utils import formats
from django.utils.html import conditional_escape
from django.utils.safestring import SafeString, mark_safe
from django.utils.translation import gettext as _
from django.utils.translation import ngettext

from applications.pipeline import EXITS
from insights.metrics.activity import Week
from insights.metrics.assessments import Assessment
from insights.metrics.funnel import FUNNEL_STAGES, Funnel
from insights.metrics.wellbeing import MoodDay
from insights.worklog import lowered
from insights.worklog_words import KINDS
from rebound.lib.datefmt import date_writer

register = template.Library()

_WIDTH, _HEIGHT, _BAR, _TOP, _PAD = 640, 260, 56, 24, 48
_EXIT_COLOURS = {"rejected": "#9b2c2c", "withdrawn": "#6c5d2e", "ghosted": "#5a6270"}


@register.simple_tag
def funnel_svg(funnel: Funnel, stage_labels: dict[str, str], applied_label: str) -> SafeString:
    columns = [("applied", applied_label, funnel.applied)] + [
        (s.value, stage_labels[s.value], funnel.reached[s.value]) for s in FUNNEL_STAGES
    ]
    most = max(funnel.applied, 1)
    scale = (_HEIGHT - _TOP - 70) / most
    step = (_WIDTH - _BAR) / (len(columns) - 1)
    parts = []
    bottom = 0.0  # the lowest thing drawn: the picture ends there, not at a fixed height
    for i, (key, label, count) in enumerate(columns):
        x = i * step
        h = max(count * scale, 1)
        if i + 1 < len(columns):  # the band to the next stage
            nh = max(columns[i + 1][2] * scale, 1)
            parts.append(
                f'<polygon points="{x + _BAR},{_TOP} {x + step},{_TOP} {x + step},{_TOP + nh} '
                f'{x + _BAR},{_TOP + h}" fill="#1f5f5b" fill-opacity=".18"/>'
            )
        parts.append(
            f'<rect x="{x:.1f}" y="{_TOP}" width="{_BAR}" height="{h:.1f}" fill="#1f5f5b"/>'
        )
        parts.append(
            f'<text x="{x + _BAR / 2:.1f}" y="{_TOP - 8}" text-anchor="middle">'
            f"{escape(str(label))} {count}</text>"
        )
        y = _TOP + h + 6
        for exit_ in EXITS:  # who left here, and how
            n = funnel.exits[exit_.value].get(key, 0)
            if not n:
                continue
            eh = max(n * scale, 1)
            parts.append(
                f'<rect x="{x + 8:.1f}" y="{y:.1f}" width="{_BAR - 16}" height="{eh:.1f}" '
                f'fill="{_EXIT_COLOURS[exit_.value]}"/>'
            )
            parts.append(
                f'<text x="{x + _BAR + 2:.1f}" y="{y + 10:.1f}" class="small">'
                f"{escape(str(exit_.label))} {n}</text>"
            )
            y += eh + 4
        bottom = max(bottom, _TOP + h, y + 10 if y > _TOP + h + 6 else 0)
    height = round(bottom + 8)
    return mark_safe(
        # Room on both sides for the first and last stage's labels, centred on their bars.
        f'<svg viewBox="-{_PAD} 0 {_WIDTH + 2 * _PAD} {height}" class="funnel-svg" role="img" '
        'aria-labelledby="funnel-title"><title id="funnel-title">'
        + escape(
            _(
                "How far the applications got, and where they left: the table below has the "
                "same numbers."
            )
        )
        + "</title>"
        + "".join(parts)
        + "</svg>"
    )


@register.filter
def percent(share: float) -> str:
    """A share as a whole percentage, the way the reader's language writes it ("42%", "42 %")."""
    return _("%(number)s%%") % {"number": formats.number_format(round(share * 100))}


@register.filter
def in_sentence(label: str) -> str:
    """A label inside a sentence: English lowercases it ("last 30 days"), German keeps its
    nouns' capitals ("Letzte 30 Tage")."""
    return lowered(str(label))


@register.filter
def get_item(mapping: dict, key: str) -> object:
    return mapping.get(key) if mapping else None


@register.simple_tag
def share(funnel: Funnel, stage: str) -> str:
    return percent(funnel.reached_share(stage))


# The long tables' rows, written here rather than by the template language: a year of weeks,
# the latest self-assessments and ninety days of moods were most of the page's rendering.
# Each cell is what the template wrote, `{{ value }}` (localized, escaped) or the same filter;
# tests/insights/test_table_rows.py holds them equal to the template they replace.


def _cell(value: Any) -> str:
    """`{{ value }}` in a template: localized, escaped. A whole number without thousands
    separators is its digits (Django's own shortcut, taken without the calls around it)."""
    if type(value) is int and not settings.USE_THOUSAND_SEPARATOR:
        return str(value)
    if type(value) is str:
        # Plain text (not already safe): what escape() does, without its lazy-string checks
        # (a fifth of the log page's rows went on them).
        return escape(value)
    return conditional_escape(formats.localize(value))


def _days(day_format: str) -> Callable[[dt.date], str]:
    """`{{ day|date:day_format }}` for a table's rows: a date (not a time) is written once per
    language (rebound.lib.datefmt.date_writer): the same weeks and days come back on every
    page."""
    write = date_writer(day_format)

    def day(value: dt.date) -> str:
        if isinstance(value, dt.datetime):  # a time is written in the active time zone
            return _cell(date(value, day_format))
        return _cell(write(value))

    return day


@register.simple_tag
def week_rows(weeks: Iterable[Week], day_format: str) -> SafeString:
    dated = _days(day_format)
    return mark_safe(
        "".join(
            f'<tr><th scope="row">{dated(w.monday)}</th>'
            f"<td>{_cell(w.applications)}</td><td>{_cell(w.interviews)}</td>"
            f"<td>{_cell(w.goal or '—')}</td></tr>"
            for w in weeks
        )
    )


@register.simple_tag
def point_rows(points: Iterable[Assessment], keys: Iterable[str], day_format: str) -> SafeString:
    dated = _days(day_format)
    keys = list(keys)
    return mark_safe(
        "".join(
            f'<tr><th scope="row">{dated(p.day)}</th>'
            f"<td>{_cell(p.round_label)}</td>"
            + "".join(f"<td>{_cell(p.ratings.get(key))}</td>" for key in keys)
            + "</tr>"
            for p in points
        )
    )


@register.simple_tag
def mood_rows(moods: Iterable[MoodDay], day_format: str) -> SafeString:
    dated = _days(day_format)
    said = _("Mood %(mood)s of 5")
    # A day's mood is an average of a few whole numbers: the same few dozen values come back
    # (ninety days of a heavy journal), and floatformat takes ~15 µs each. Each written once.
    written: dict[float, str] = {}

    def mood(value: float) -> str:
        if value not in written:
            written[value] = said % {"mood": _cell(floatformat(value, "-1"))}
        return written[value]

    return mark_safe(
        "".join(
            f'<tr><th scope="row">{dated(m.day)}</th><td>{mood(m.mood)}</td></tr>' for m in moods
        )
    )


@register.simple_tag
def event_rows(events: Iterable[tuple[Any, str]], day_format: str) -> SafeString:
    dated = _days(day_format)
    return mark_safe(
        "".join(
            f'<tr><th scope="row">{dated(day)}</th><td>{_cell(what)}</td></tr>'
            for day, what in events
        )
    )


@register.simple_tag
def activity_rows(rows: Iterable[Any], day_format: str) -> SafeString:
    """The work-search log's rows (insights.worklog.Activity), as the template wrote them."""
    dated = _days(day_format)
    kinds = {key: _cell(label) for key, label in KINDS.items()}  # each looked up once
    return mark_safe(
        "".join(
            f'<tr><th scope="row">{dated(r.day)}</th><td>{kinds[r.kind]}</td>'
            f"<td>{_cell(r.employer or '—')}</td><td>{_cell(r.position or '—')}</td>"
            f"<td>{_cell(r.method)}</td><td>{_cell(r.contact or '—')}</td>"
            f'<td class="text-break">{_cell(r.where or "—")}</td><td>{_cell(r.result)}</td></tr>'
            for r in rows
        )
    )


@register.simple_tag
def sent_rows(rows: Iterable[Any], day_format: str) -> SafeString:
    """The record of applications' rows (insights.worklog_record.Sent), as the template
    wrote them."""
    dated = _days(day_format)
    return mark_safe(
        "".join(
            f'<tr><th scope="row">{dated(r.day)}</th><td>{_cell(r.employer)}'
            + "".join(f'<br><span class="small">{_cell(line)}</span>' for line in r.address_lines)
            + f"</td><td>{_cell(r.position or '—')}</td><td>{_cell(r.method)}</td>"
            f"<td>{_cell(r.result)}</td></tr>"
            for r in rows
        )
    )


# The page's other repeated pieces, written here too (issue 24): the funnel's table, the
# answers' rows, the ratings' tables and the lists of what tripped you and the skills. Held
# equal to the template lines they replace by tests/insights/test_page_pieces.py.


def _said(translated: str, **values: Any) -> str:
    """`{% blocktranslate trimmed %}` of a message (translated by the caller, where
    makemessages finds it) with these values: each value as `{{ value }}` writes it."""
    return translated % {name: _cell(value) for name, value in values.items()}


def _default_0(value: Any) -> Any:
    """`{{ value|default:0 }}`."""
    return value or 0


@register.simple_tag
def exit_heads(exit_labels: dict[str, str]) -> SafeString:
    here = _("%(label)s here")  # once, not per column
    return mark_safe(
        "".join(
            f'<th scope="col">{_said(here, label=label)}</th>' for label in exit_labels.values()
        )
    )


@register.simple_tag
def funnel_applied_row(
    funnel: Funnel, exit_labels: dict[str, str], applied_label: str
) -> SafeString:
    cells = "".join(
        # `{{ here.applied|default:0 }}`, `here` the exit's counts per stage (when any).
        f"<td>{_cell(_default_0(get_item((funnel.exits or {}).get(key) or {}, 'applied')))}</td>"
        for key in exit_labels
    )
    return mark_safe(
        f'<tr><th scope="row">{_cell(applied_label)}</th><td>{_cell(funnel.applied)}</td>'
        f"<td>{_cell(percent(1))}</td>{cells}</tr>"
    )


@register.simple_tag
def funnel_stage_rows(
    funnel: Funnel, stage_labels: dict[str, str], exit_labels: dict[str, str]
) -> SafeString:
    exits = [(funnel.exits or {}).get(key) or {} for key in exit_labels]
    return mark_safe(
        "".join(
            f'<tr><th scope="row">{_cell(label)}</th>'
            f"<td>{_cell(get_item(funnel.reached, key))}</td><td>{_cell(share(funnel, key))}</td>"
            + "".join(f"<td>{_cell(_default_0(get_item(here, key)))}</td>" for here in exits)
            + "</tr>"
            for key, label in stage_labels.items()
        )
    )


def _median(days: float | None) -> str:
    """`{% if days is not None %}{{ days|floatformat:"-1" }}{% else %}—{% endif %}`."""
    return "—" if days is None else _cell(floatformat(days, "-1"))


@register.simple_tag
def answer_rows(rows: Iterable[tuple[str, Any]], ghosted: bool) -> SafeString:
    """The answers by source (with the ghosted column) or by company (without)."""
    return mark_safe(
        "".join(
            f'<tr><th scope="row">{_cell(name)}</th><td>{_cell(s.applied)}</td>'
            f"<td>{_cell(s.heard_back)} ({_cell(percent(s.heard_back_rate))})</td>"
            f"<td>{_median(s.median_days)}</td>"
            + (f"<td>{_cell(s.ghosted)}</td>" if ghosted else "")
            + "</tr>"
            for name, s in rows
        )
    )


@register.simple_tag
def rating_heads(rating_labels: dict[str, str]) -> SafeString:
    return mark_safe(
        "".join(f'<th scope="col">{_cell(label)}</th>' for label in rating_labels.values())
    )


@register.simple_tag
def trend_rows(trend: dict[str, Any], rating_labels: dict[str, str]) -> SafeString:
    rows = []
    for key, label in rating_labels.items():
        pair = get_item(trend, key)
        rows.append(
            f'<tr><th scope="row">{_cell(label)}</th>'
            f"<td>{_cell(_index(pair, 0))}</td><td>{_cell(_index(pair, 1))}</td></tr>"
        )
    return mark_safe("".join(rows))


def _index(pair: Any, i: int) -> Any:
    """`{{ pair.0 }}`: "" (the template's nothing) when there is no such item."""
    try:
        return pair[i]
    except (TypeError, IndexError, KeyError):
        return ""


@register.simple_tag
def round_rows(by_round: dict[str, dict[str, float]], rating_labels: dict[str, str]) -> SafeString:
    keys = list(rating_labels)
    return mark_safe(
        "".join(
            f'<tr><th scope="row">{_cell(name)}</th>'
            + "".join(f"<td>{_cell(get_item(averages, key))}</td>" for key in keys)
            + "</tr>"
            for name, averages in by_round.items()
        )
    )


@register.simple_tag
def tripped_again_items(lines: Iterable[tuple[str, int]]) -> SafeString:
    return mark_safe(
        "".join(
            f'<li>{_cell(line)} <span class="text-body-secondary">('
            + ngettext("%(n)s interview", "%(n)s interviews", n) % {"n": _cell(n)}
            + ")</span></li>"
            for line, n in lines
        )
    )


@register.simple_tag
def tripped_latest_items(tripped: Iterable[Any], day_format: str) -> SafeString:
    """Each "what tripped you", as the template wrote it (its text, a link to its interview,
    its day), the lines between the items kept."""
    dated = _days(day_format)
    said = _("%(round)s interview, %(role)s at %(company)s")
    return mark_safe(
        "".join(
            '<li class="mb-2">\n        '
            f'<span class="d-block text-pre">{_cell(t.text)}</span>\n        '
            '<span class="small text-body-secondary">'
            f'<a href="{_cell(reverse("interviews:detail", args=[t.interview_id]))}">'
            + said
            % {"round": _cell(t.round_label), "role": _cell(t.role), "company": _cell(t.company)}
            + f"</a>, {dated(t.day)}</span>\n      </li>"
            for t in tripped
        )
    )


@register.simple_tag
def skill_items(skills: Iterable[tuple[str, int]]) -> SafeString:
    return mark_safe(
        "".join(
            f'<li class="list-inline-item badge text-bg-light">{_cell(skill)} × {_cell(n)}</li>'
            for skill, n in skills
        )
    )
