"""Small pieces of wording mail in builds in Python: a day, a moment, a label inside a sentence,
in the active language (the owner's, via rebound.lib.language.in_language_of, outside a
request)."""

import datetime as dt

from django.utils import dateformat
from django.utils.translation import get_language, gettext


def day(on: dt.date | None) -> str:
    """ "3 Dec" in English, "3. Dez." in German; words for an unknown day."""
    if on is None:
        return gettext("an unknown date")
    # Translators: a day and month as Django's date filter writes it ("3 Dec"; German "j. N").
    return dateformat.format(on, gettext("j M"))


def full_day(on: dt.date) -> str:
    """ "3 Dec 2026" in English, "3. Dez. 2026" in German."""
    # Translators: a date as Django's date filter writes it ("3 Dec 2026"; German "j. N Y").
    return dateformat.format(on, gettext("j M Y"))


def moment(at: dt.datetime) -> str:
    """ "Thu 3 Dec, 14:00 CET" in English, "Do, 3. Dez., 14:00 CET" in German: in the
    moment's own zone, as the email gave it."""
    zone = at.tzname() or ""
    # Translators: a weekday, day, month and time for Django's date filter ("Thu 3 Dec, 14:00").
    shape = gettext("D j M, H:i")
    return f"{dateformat.format(at, shape)} {zone}".strip()


def in_sentence(label: str) -> str:
    """A status or label as it reads inside a sentence: lower-cased in English ("marked
    rejected"); German keeps its capitals (nouns), and the German sentences quote it."""
    if (get_language() or "en").split("-")[0] == "de":
        return str(label)
    return str(label).lower()
