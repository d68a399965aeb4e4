"""The applications table's row, built in Python from plain values (selectors.TABLE_COLUMNS):
the template engine spent about 150 µs on each of the 25 rows, most of the page's time under
load (issue 12's profile)."""

from html import escape
from typing import Any

from django import template
from django.utils import timezone
from django.utils.safestring import SafeString, mark_safe

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
    '<label class="visually-hidden" for="tick-{pk}">{role} at {company}</label>'
    "</td>"
    '<td data-label="Role"><a href="{url}">{role}</a>{archived}</td>'
    '<td data-label="Company"><a href="{company_url}" class="link-secondary">{company}</a></td>'
    '<td data-label="Status"><span class="badge rounded-pill status-{status}">{status_label}'
    "</span></td>"
    '<td data-label="Applied">{applied}</td>'
    '<td data-label="Source">{source}</td>'
    '<td data-label="Excitement">{excitement}/5</td>'
    '<td data-label="Updated">{updated}</td>'
    "</tr>"
)


@register.simple_tag
def application_row(row: dict[str, Any]) -> SafeString:
    """One row of the table; `row` is a values() dict with TABLE_COLUMNS."""
    applied = row["date_applied"]
    return mark_safe(
        _ROW.format(
            pk=row["pk"],
            role=escape(row["role"]),
            url=object_url("applications:application_detail", row["pk"]),
            archived=' <span class="badge text-bg-light">archived</span>'
            if row["archived_at"]
            else "",
            company=escape(row["company__name"]),
            company_url=object_url("applications:company_detail", row["company_id"]),
            status=escape(row["status"]),
            status_label=escape(_STATUS.get(row["status"], row["status"])),
            applied=day(applied) if applied else "—",
            source=escape(_SOURCE.get(row["source"], "")) or "—",
            excitement=row["excitement"],
            # In the user's time zone, as the template's date filter would show it.
            # With its year, as "Applied" has it: one date format per table.
            updated=day(timezone.localtime(row["updated_at"])),
        )
    )
