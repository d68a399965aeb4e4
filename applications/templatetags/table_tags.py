"""The applications table's row, built in Python from plain values (selectors.TABLE_COLUMNS):
the template engine spent about 150 µs on each of the 25 rows, most of the page's time under
load (issue 12's profile). And its header, whose columns sort the table (issue 28)."""

from collections.abc import Iterable
from html import escape
from typing import Any

from django import template
from django.http import QueryDict
from django.utils import timezone
from django.utils.safestring import SafeString, mark_safe
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy

from applications.models import Source
from applications.pipeline import Status
from rebound.lib.datefmt import date_in, day_format
from rebound.lib.types import StrOrPromise
from rebound.lib.urlcache import object_url

register = template.Library()

_STATUS = dict(Status.choices)
_SOURCE = dict(Source.choices)

_ROW = (
    "<tr>"
    '<td><input class="form-check-input" type="checkbox" name="ids" value="{pk}"'
    ' id="tick-{pk}" form="bulk">'
    '<label class="visually-hidden" for="tick-{pk}">{tick_label}</label>'
    "</td>"
    '<td data-label="{h_role}"><a href="{url}">{role}</a>{archived}</td>'
    '<td data-label="{h_company}"><a href="{company_url}" class="link-secondary">{company}</a>'
    "</td>"
    '<td data-label="{h_status}"><span class="badge rounded-pill status-{status}">'
    "{status_label}</span></td>"
    '<td data-label="{h_applied}">{applied}</td>'
    '<td data-label="{h_source}">{source}</td>'
    '<td data-label="{h_excitement}">{excitement}/5</td>'
    '<td data-label="{h_updated}">{updated}</td>'
    "</tr>"
)


def _page_words() -> dict[str, Any]:
    """What every row of a page says alike, in the active language, looked up once a page:
    per row, these gettext calls and the links' reverse() were a third of the rows' time."""
    detail_head, _sep, detail_tail = object_url(
        "applications:application_detail", "{pk}"
    ).partition("{pk}")
    company_head, _sep, company_tail = object_url("applications:company_detail", "{pk}").partition(
        "{pk}"
    )
    return {
        # The columns' names (the data-label a narrow screen shows beside each cell); the
        # same words as the table's header.
        "headings": {
            "h_role": escape(_("Role")),
            "h_company": escape(_("Company")),
            "h_status": escape(_("Status")),
            "h_applied": escape(_("Applied")),
            "h_source": escape(_("Source")),
            "h_excitement": escape(_("Excitement")),
            "h_updated": escape(_("Updated")),
        },
        "archived": f' <span class="badge text-bg-light">{escape(_("archived"))}</span>',
        "tick": _("%(role)s at %(company)s"),
        "statuses": {value: escape(str(label)) for value, label in _STATUS.items()},
        "sources": {value: escape(str(label)) for value, label in _SOURCE.items()},
        "detail": (detail_head, detail_tail),
        "company": (company_head, company_tail),
        "day_format": day_format(),
    }


def _row(row: dict[str, Any], words: dict[str, Any]) -> str:
    applied, status, pk = row["date_applied"], row["status"], row["pk"]
    role, company = escape(row["role"]), escape(row["company__name"])
    detail_head, detail_tail = words["detail"]
    company_head, company_tail = words["company"]
    status_label = words["statuses"].get(status)
    return _ROW.format(
        **words["headings"],
        pk=pk,
        role=role,
        tick_label=words["tick"] % {"role": role, "company": company},
        url=f"{detail_head}{pk}{detail_tail}",
        archived=words["archived"] if row["archived_at"] else "",
        company=company,
        company_url=f"{company_head}{row['company_id']}{company_tail}",
        status=escape(status),
        status_label=escape(status) if status_label is None else status_label,
        applied=date_in(applied, words["day_format"]) if applied else "—",
        source=words["sources"].get(row["source"], "") or "—",
        excitement=row["excitement"],
        # In the user's time zone, as the template's date filter would show it.
        # With its year, as "Applied" has it: one date format per table.
        updated=date_in(timezone.localtime(row["updated_at"]).date(), words["day_format"]),
    )


@register.simple_tag
def application_row(row: dict[str, Any]) -> SafeString:
    """One row of the table; `row` is a values() dict with TABLE_COLUMNS."""
    return mark_safe(_row(row, _page_words()))


@register.simple_tag
def application_rows(rows: Iterable[dict[str, Any]]) -> SafeString:
    """A page's rows (values() dicts with TABLE_COLUMNS), each as application_row writes it
    and followed by the line break and indent the template's loop put after it."""
    words = _page_words()
    return mark_safe("".join(f"{_row(row, words)}\n  " for row in rows))


# The header's columns in the row's order: (the heading, the sort a first click chooses, or
# None where the column doesn't sort). A first click takes the order a person most often
# wants (names A–Z, dates and excitement highest first, statuses along the pipeline); a click
# on the column already sorting reverses it. Both directions are in ApplicationFilterForm.SORTS.
_HEADER: tuple[tuple[StrOrPromise, str | None], ...] = (
    (gettext_lazy("Role"), "role"),
    (gettext_lazy("Company"), "company__name"),
    (gettext_lazy("Status"), "status"),
    (gettext_lazy("Applied"), "-date_applied"),
    (gettext_lazy("Source"), None),
    (gettext_lazy("Excitement"), "-excitement"),
    (gettext_lazy("Updated"), "-updated_at"),
)
# Each order in words, for the links' names ("Company (sort A–Z)").
_ORDER_WORDS: dict[str, StrOrPromise] = {
    "role": gettext_lazy("A–Z"),
    "-role": gettext_lazy("Z–A"),
    "company__name": gettext_lazy("A–Z"),
    "-company__name": gettext_lazy("Z–A"),
    "status": gettext_lazy("along the pipeline"),
    "-status": gettext_lazy("against the pipeline"),
    "-date_applied": gettext_lazy("newest first"),
    "date_applied": gettext_lazy("oldest first"),
    "-excitement": gettext_lazy("most exciting first"),
    "excitement": gettext_lazy("least exciting first"),
    "-updated_at": gettext_lazy("newest first"),
    "updated_at": gettext_lazy("oldest first"),
}


def _reverse(sort: str) -> str:
    return sort.removeprefix("-") if sort.startswith("-") else f"-{sort}"


@register.simple_tag
def table_head(sort: str, query: str) -> SafeString:
    """The table's <thead>: each sortable heading a plain link to the table sorted by it (the
    other filters kept, back to the first page), the column sorting now marked with aria-sort
    and an arrow. `sort` is the table's order now, `query` its query string without the
    page. Works without JavaScript; on a phone, where the rows are cards, the same links are
    a row of their own above them (app.css)."""
    # Outside the f-string: xgettext (make messages) doesn't read inside one.
    tick = escape(_("Tick"))
    cells = [f'<th scope="col"><span class="visually-hidden">{tick}</span></th>']
    for heading, first in _HEADER:
        label = escape(str(heading))
        if first is None:
            cells.append(f'<th scope="col">{label}</th>')
            continue
        active = sort in (first, _reverse(first))
        target = _reverse(sort) if active else first
        link = QueryDict(query, mutable=True)
        link["sort"] = target
        if active:
            aria = ' aria-sort="descending"' if sort.startswith("-") else ' aria-sort="ascending"'
            arrow = "▼" if sort.startswith("-") else "▲"
            said = _("(sorted %(order)s, click to sort %(other)s)") % {
                "order": _ORDER_WORDS[sort],
                "other": _ORDER_WORDS[target],
            }
        else:
            aria, arrow = "", "↕"
            said = _("(sort %(order)s)") % {"order": _ORDER_WORDS[target]}
        cells.append(
            f'<th scope="col" class="sortable"{aria}><a class="table-sort" href="?'
            f'{escape(link.urlencode())}">{label}<span class="visually-hidden"> {escape(said)}'
            f'</span><span class="sort-arrow" aria-hidden="true">{arrow}</span></a></th>'
        )
    return mark_safe(f'<thead class="table-sort-bar"><tr>{"".join(cells)}</tr></thead>')
