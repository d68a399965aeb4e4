"""The funnel as a flow (Sankey-style), drawn on the server as SVG: no chart library, nothing
to run in the browser, readable offline. The table beside it says the same."""

from html import escape

from django import template
from django.utils import formats
from django.utils.safestring import SafeString, mark_safe
from django.utils.translation import gettext as _

from applications.pipeline import EXITS
from insights.metrics.funnel import FUNNEL_STAGES, Funnel
from insights.worklog import lowered

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
