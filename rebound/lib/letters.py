"""How drafted notes greet people and sign off, shared by every app that drafts one, and the
spans of time emails speak of, in the active language (wrap a note made outside a request in
rebound.lib.language.in_language_of).

Each language greets in its own way: English by first name ("Dear Dana,"), German with the
whole name as a letter to an employer does („Guten Tag Dana Whitfield,“). The catalogue
decides: the sentences are given both `first_name(s)` and `full_name(s)` to choose from.
"""

import datetime as dt
from collections.abc import Sequence

from django.utils import dateformat
from django.utils.translation import gettext as _
from django.utils.translation import ngettext, pgettext

from rebound.models import User


def first_name(full_name: str) -> str:
    parts = full_name.split()
    return parts[0] if parts else full_name


def _listed(names: Sequence[str]) -> str:
    """ "A", "A and B", "A, B and C" in the active language."""
    if len(names) == 1:
        return names[0]
    return _("%(names)s and %(last)s") % {"names": ", ".join(names[:-1]), "last": names[-1]}


def greeting(names: Sequence[str]) -> str:
    """ "Dear A,", "Dear A and B,", "Dear A, B and C,"; "Dear all," past four; "Hello," alone."""
    people = [" ".join(n.split()) for n in names if n.strip()]
    if not people:
        return pgettext("greeting", "Hello,")
    if len(people) > 4:
        return pgettext("greeting", "Dear all,")
    firsts = [first_name(n) for n in people]
    values = {
        "first_name": firsts[0],
        "full_name": people[0],
        "first_names": _listed(firsts),
        "full_names": _listed(people),
    }
    if len(people) == 1:
        # Translators: %(first_name)s or %(full_name)s, whichever your language greets with.
        # xgettext:no-python-format
        return pgettext("greeting", "Dear %(first_name)s,") % values
    # Translators: %(first_names)s or %(full_names)s, whichever your language greets with.
    # xgettext:no-python-format
    return pgettext("greeting", "Dear %(first_names)s,") % values


def signature(user: User) -> str:
    return user.get_full_name() or user.first_name or ""


def _months(days: int) -> int:
    return round(days / 30.44)  # the mean month, so 91 days after 6 Sept reads "3 months"


def span(days: int) -> str:
    """A stretch of days as a person says it: "1 day", "9 days", "a week", "3 weeks",
    "4 months", "a year", "2 years"."""
    if days == 7:
        return _("a week")
    if days < 14:
        return ngettext("%(n)d day", "%(n)d days", days) % {"n": days}
    if days < 60:
        return ngettext("%(n)d week", "%(n)d weeks", days // 7) % {"n": days // 7}
    months = _months(days)
    if months < 12:
        return ngettext("%(n)d month", "%(n)d months", months) % {"n": months}
    if days < 730:
        return _("a year")
    return ngettext("%(n)d year", "%(n)d years", days // 365) % {"n": days // 365}


def days_ago(days: int) -> str:
    """How long ago, as a person says it: "today", "yesterday", "9 days ago", "3 weeks ago".
    Emails compute it from the real dates when they go out, never from the date they were
    planned for (a reminder can be sent early, late or moved)."""
    if days <= 0:
        return _("today")
    if days == 1:
        return _("yesterday")
    if days == 7:
        return _("a week ago")
    if days < 14:
        return ngettext("%(n)d day ago", "%(n)d days ago", days) % {"n": days}
    if days < 60:
        return ngettext("%(n)d week ago", "%(n)d weeks ago", days // 7) % {"n": days // 7}
    months = _months(days)
    if months < 12:
        return ngettext("%(n)d month ago", "%(n)d months ago", months) % {"n": months}
    if days < 730:
        return _("a year ago")
    return ngettext("%(n)d year ago", "%(n)d years ago", days // 365) % {"n": days // 365}


def days_ago_opening(days: int) -> str:
    """days_ago() to open a sentence: "Earlier today", "Yesterday", "3 weeks ago"."""
    if days <= 0:
        return _("Earlier today")
    said = days_ago(days)
    return said[:1].upper() + said[1:]


def day_phrase(day: dt.date, today: dt.date) -> str:
    """ "today", "tomorrow", "yesterday", or "on Friday 12 December" for any other day."""
    offset = (day - today).days
    if offset == 0:
        return _("today")
    if offset == 1:
        return _("tomorrow")
    if offset == -1:
        return _("yesterday")
    # Translators: Django's date format syntax (l = weekday, j = day, F = month).
    return _("on %(day)s") % {"day": dateformat.format(day, pgettext("date format", "l j F"))}
