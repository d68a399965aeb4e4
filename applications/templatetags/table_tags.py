"""The applications table's row, built in Python from plain values (selectors.TABLE_COLUMNS):
the template engine spent about 150 µs on each of the 25 rows, most of the page's time under
load (issue 12's profile)."""

from html import escape
from typing import Any

from django import template
from django.utils import timezone
from django.utils.safestring import SafeString, mark_safe
from django.utils.translation import gettext as _

from applications.models import Source
from applications.pipeline import Status
from rebound.lib.datefmt import day
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
