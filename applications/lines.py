"""What an application is called in a line of text ("Backend engineer at Acme"), from plain
values: str(application) says it of one, reminder kinds of many (reminders.kinds.PlainLines),
with the words looked up once."""

from collections.abc import Sequence

from django.utils.translation import gettext as _


def application_lines(rows: Sequence[tuple[str, str]]) -> list[str]:
    """Each application given as (role, company name), as str(application) says it."""
    role_at = _("%(role)s at %(company)s")
    return [role_at % {"role": role, "company": company} for role, company in rows]
