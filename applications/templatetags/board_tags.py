"""The board's card, built in Python: a heavy user's board shows over a hundred, and the
template engine spent about 45 µs on each (a third of the page)."""

import datetime as dt
from functools import lru_cache
from html import escape

from django import template
from django.utils.safestring import SafeString, mark_safe
from django.utils.translation import get_language, ngettext
from django.utils.translation import gettext as _

from applications.selectors import BoardCard

register = template.Library()

# How many of a card's tags it names; the rest are a "+N".
CARD_TAGS = 3
# Up to two weeks a card counts days, up to nine weeks weeks, then whole months: a number
# small enough to read at a glance, and never "1 month" for five weeks.
DAYS_UNTIL = 14
WEEKS_UNTIL = 63

_CARD = (
    '<article class="card board-card mb-2" id="card-{pk}" draggable="true" data-pk="{pk}"'
    ' data-from="{status}"><div class="card-body p-2">'
    '<a class="fw-semibold d-block" href="{url}">{role}</a>'
    # board.js reads the company from the card's first .text-body-secondary: it stays first.
    '<div class="small text-body-secondary">{company}</div>'
    '<div class="board-meta small">'
    '<span class="board-age"><span aria-hidden="true">{age}</span>'
    '<span class="visually-hidden">{age_said}</span></span>'
    '<span class="board-stars"><span aria-hidden="true">{stars}</span>'
    '<span class="visually-hidden">{excitement}</span></span>'
    "</div>{tags}"
    # Without JavaScript "Move" opens the application's page at its move form; board.js
    # turns it into a button for the board's shared move dialog.
    '<a class="btn btn-sm btn-outline-primary mt-2 board-move" href="{url}#move-heading"'
    ' data-move>{move}<span class="visually-hidden"> {what}</span>…</a>'
    "</div></article>"
)


def whole_months(since: dt.date, today: dt.date) -> int:
    """Calendar months from `since` to `today`, counted as a person does: 31 January to
    28 February is not yet a month."""
    months = (today.year - since.year) * 12 + today.month - since.month
    return months - 1 if today.day < since.day else months


def time_in_stage(since: dt.date, today: dt.date) -> tuple[str, str]:
    """How long a card has been in its column, as (what the card shows, what a screen reader
    says): ("5 days", "In this stage for 5 days"). A date after today (a clock that was
    ahead) reads as today."""
    days = (today - since).days
    if days <= 0:
        return _("Today"), _("In this stage since today")
    if days < DAYS_UNTIL:
        shown = ngettext("%(count)s day", "%(count)s days", days)
        said = ngettext("In this stage for %(count)s day", "In this stage for %(count)s days", days)
        count = days
    elif days < WEEKS_UNTIL:
        count = days // 7
        shown = ngettext("%(count)s week", "%(count)s weeks", count)
        said = ngettext(
            "In this stage for %(count)s week", "In this stage for %(count)s weeks", count
        )
    else:
        count = whole_months(since, today)
        shown = ngettext("%(count)s month", "%(count)s months", count)
        said = ngettext(
            "In this stage for %(count)s month", "In this stage for %(count)s months", count
        )
    return shown % {"count": count}, said % {"count": count}


def _tags(names: tuple[str, ...], label: str) -> str:
    """The card's tag list; `label` is the list's name for a screen reader, escaped."""
    if not names:
        return ""
    items = "".join(
        f'<li class="badge text-bg-light border fw-normal">{escape(name)}</li>'
        for name in names[:CARD_TAGS]
    )
    rest = names[CARD_TAGS:]
    if rest:
        more = ngettext("%(count)s more tag", "%(count)s more tags", len(rest)) % {
            "count": len(rest)
        }
        # The names it stands for show on hover; a screen reader hears how many.
        items += (
            f'<li class="badge text-bg-light border fw-normal" title="{escape(", ".join(rest))}">'
            f'<span aria-hidden="true">+{len(rest)}</span>'
            f'<span class="visually-hidden">{escape(more)}</span></li>'
        )
    return f'<ul class="board-tags" aria-label="{label}">{items}</ul>'


# A card's words depend only on the language and a small number (its days in stage, its
# excitement): made once per language and value, not on each of a hundred cards (gettext
# looks the language up on every call, and the words were half of a card's time).
@lru_cache(maxsize=2048)
def _age(since: dt.date, today: dt.date, language: str | None) -> tuple[str, str]:
    age, age_said = time_in_stage(since, today)
    return escape(age), escape(age_said)


@lru_cache(maxsize=64)
def _excitement(value: int, language: str | None) -> str:
    return escape(_("Excitement %(value)s of 5") % {"value": value})


@lru_cache(maxsize=16)
def _words(language: str | None) -> tuple[str, str, str]:
    return escape(_("Move")), _("%(role)s at %(company)s"), escape(_("Tags"))


def card_html(card: BoardCard, today: dt.date) -> SafeString:
    """The card of `card` on `today` (the owner's local date: its time in stage)."""
    # html.escape (quotes included) is what format_html would do, without its lazy-string
    # checks per value; pk, status and excitement are an int, a choice value and an int.
    role, company = escape(card.role), escape(card.company_name)
    language = get_language()
    age, age_said = _age(card.status_changed_on, today, language)
    move, role_at, tags_label = _words(language)
    return mark_safe(
        _CARD.format(
            pk=card.pk,
            status=escape(card.status),
            url=escape(card.url),
            role=role,
            company=company,
            age=age,
            age_said=age_said,
            stars="★" * card.excitement + "☆" * (5 - card.excitement),
            excitement=_excitement(card.excitement, language),
            tags=_tags(card.tag_names, tags_label),
            move=move,
            what=role_at % {"role": role, "company": company},
        )
    )


@register.simple_tag
def board_card(card: BoardCard, today: dt.date) -> SafeString:
    """{% board_card card board_today %}: `today` is the owner's, worked out once by the view."""
    return card_html(card, today)
