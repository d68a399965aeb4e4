"""The applications table's row, built in Python from plain values (selectors.TABLE_COLUMNS):
the template engine spent about 150 µs on each of the 25 rows, most of the page's time under
load (issue 12's profile). And its header, whose columns sort the table (issue 28)."""

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
from rebound.lib.datefmt import day
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


def _headings() -> dict[str, str]:
    """The columns' names (the data-label a narrow screen shows beside each cell), in the
    active language; the same words as the table's header."""
    return {
        "h_role": escape(_("Role")),
        "h_company": escape(_("Company")),
        "h_status": escape(_("Status")),
        "h_applied": escape(_("Applied")),
        "h_source": escape(_("Source")),
        "h_excitement": escape(_("Excitement")),
        "h_updated": escape(_("Updated")),
    }


@register.simple_tag
def application_row(row: dict[str, Any]) -> SafeString:
    """One row of the table; `row` is a values() dict with TABLE_COLUMNS."""
    applied = row["date_applied"]
    role, company = escape(row["role"]), escape(row["company__name"])
    archived = escape(_("archived"))
    return mark_safe(
        _ROW.format(
            **_headings(),
            pk=row["pk"],
            role=role,
            tick_label=_("%(role)s at %(company)s") % {"role": role, "company": company},
            url=object_url("applications:application_detail", row["pk"]),
            archived=f' <span class="badge text-bg-light">{archived}</span>'
            if row["archived_at"]
            else "",
            company=company,
            company_url=object_url("applications:company_detail", row["company_id"]),
            status=escape(row["status"]),
            status_label=escape(str(_STATUS.get(row["status"], row["status"]))),
            applied=day(applied) if applied else "—",
            source=escape(str(_SOURCE.get(row["source"], ""))) or "—",
            excitement=row["excitement"],
            # In the user's time zone, as the template's date filter would show it.
            # With its year, as "Applied" has it: one date format per table.
            updated=day(timezone.localtime(row["updated_at"])),
        )
    )


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
