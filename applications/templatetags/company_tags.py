"""The companies page's rows, built in Python: through the template engine (a link and two
counted sentences a row) a full page of 25 cost 2 ms more than a search's four, most of
what a heavy user's page cost over a small one's (issue 24's tenth pass).
tests/applications/test_company_rows.py holds them equal to the template loop they replaced,
in English and German, whatever the text."""

from collections.abc import Iterable

from django import template
from django.utils.formats import localize
from django.utils.safestring import SafeString, mark_safe
from django.utils.translation import ngettext

from applications.models import Company
from rebound.lib.html import esc

register = template.Library()


class _Counted(dict[tuple[bool, int], str]):
    """ "3 applications", "1 contact": each count's sentence looked up once a page, as
    {% blocktranslate count %} writes it (the number localized and escaped)."""

    def __missing__(self, key: tuple[bool, int]) -> str:
        applications, n = key
        if applications:
            said = ngettext("%(n)s application", "%(n)s applications", n)
        else:
            said = ngettext("%(n)s contact", "%(n)s contacts", n)
        self[key] = found = said % {"n": esc(localize(n))}
        return found


@register.simple_tag
def company_items(companies: Iterable[Company]) -> SafeString:
    """The page's companies (each with `application_count` and `contact_count` set), as the
    list's loop wrote them."""
    counted = _Counted()
    return mark_safe(
        "".join(
            '\n  <a class="list-group-item list-group-item-action d-flex justify-content-between"'
            f' href="{esc(company.get_absolute_url())}">\n'
            f"    <span>{esc(company.name)}</span>\n"
            '    <span class="small text-body-secondary">'
            f"{counted[True, company.application_count]} · "
            f"{counted[False, company.contact_count]}</span>\n"
            "  </a>\n  "
            for company in companies
        )
    )
