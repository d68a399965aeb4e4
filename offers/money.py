"""Amounts of money as the reader's language writes them: „85.000 €“ in German, "€85,000" in
English, through Babel (CLDR's patterns and symbols), never by hand.

Whole units: a salary's cents say nothing and make columns of numbers harder to compare."""

import functools
import re

from babel import Locale, UnknownLocaleError
from babel.numbers import format_currency
from django.conf import settings
from django.utils.translation import get_language, to_locale


@functools.lru_cache(maxsize=32)
def _pattern(locale: str) -> tuple[Locale, str]:
    try:
        parsed = Locale.parse(locale)
    except (UnknownLocaleError, ValueError):
        parsed = Locale.parse(to_locale(settings.LANGUAGE_CODE))
    standard = parsed.currency_formats["standard"].pattern
    # "#,##0.00 ¤" → "#,##0 ¤": the locale's grouping and symbol, without the decimals.
    return parsed, re.sub(r"\.[0#]+", "", standard)


# CLDR's currency spacing, which Babel leaves out: a symbol made of letters ("CHF", "CA") is
# kept apart from the digits by a no-break space ("CHF 92,000"); "€" and "US$" stay close.
_LETTER_THEN_DIGIT = re.compile(r"(?<=[^\W\d_])(?=\d)|(?<=\d)(?=[^\W\d_])")


def money(amount: int, currency: str) -> str:
    """`amount` whole units of `currency`, in the active language."""
    locale, pattern = _pattern(to_locale(get_language() or settings.LANGUAGE_CODE))
    text = format_currency(amount, currency, format=pattern, locale=locale, currency_digits=False)
    return _LETTER_THEN_DIGIT.sub("\u00a0", text)
