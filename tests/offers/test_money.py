"""Amounts as each language writes them, through Babel: whole units, the locale's grouping and
symbol, and CLDR's space between a symbol of letters and the digits."""

import pytest
from django.utils import translation

from offers.money import money


@pytest.mark.parametrize(
    ("language", "currency", "said"),
    [
        ("de", "EUR", "85.000\xa0€"),
        ("de", "USD", "85.000\xa0$"),
        ("de", "CHF", "85.000\xa0CHF"),
        ("en", "EUR", "€85,000"),
        ("en", "USD", "$85,000"),
        ("en", "CHF", "CHF\xa085,000"),
        ("en", "GBP", "£85,000"),
    ],
)
def test_it_writes_an_amount_as_the_reader_does(language, currency, said):
    with translation.override(language):
        assert money(85_000, currency) == said


def test_no_cents_and_big_numbers_grouped():
    with translation.override("de"):
        assert money(100_000_000, "EUR") == "100.000.000\xa0€"
        assert money(0, "EUR") == "0\xa0€"
    with translation.override("en"):
        assert money(1_234_567, "JPY") == "¥1,234,567"
