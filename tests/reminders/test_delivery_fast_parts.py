"""A text part of a reminder email is encoded once, its "\\n"s made CRLFs, and split into
lines only when one could pass 998 bytes or when it holds another line break. It must be the
part written line by line, as before (kept here), for any mix of line breaks, line lengths
around the limit, non-ASCII and lone surrogates; test_fast_paths.py holds both to Django's
own generator for real and hostile emails."""

import random
import re

import pytest
from django.core.mail.message import RFC5322_EMAIL_LINE_LENGTH_LIMIT

from reminders import emails

_LINE_BREAK = re.compile(r"\r\n|\r|\n")


def _part_line_by_line(subtype: str, text: str) -> bytes | None:
    """The part as it was written before: every line on its own."""
    lines = _LINE_BREAK.split(text)
    encoded = [line.encode("utf-8", "surrogateescape") for line in lines]
    if any(len(line) > RFC5322_EMAIL_LINE_LENGTH_LIMIT for line in encoded):
        return None
    cte = "7bit" if text.isascii() else "8bit"
    return emails._PART_HEADERS[(subtype, cte)] + b"\r\n".join(encoded)


PIECES = [
    "a",
    "ä",
    "€" * 200,
    "x" * 499,
    "y" * 998,
    "\n",
    "\r",
    "\r\n",
    "\n\n",
    "\udce4",
    " ",
    "<b>&amp;</b>",
    "",
]


@pytest.mark.parametrize("subtype", ["plain", "html"])
def test_it_writes_every_part_as_line_by_line_did(subtype: str) -> None:
    rnd = random.Random(24)
    texts = ["", "\n", "y" * 998, "y" * 999, "é" * 499, "é" * 500, "ä\n" * 600]
    texts += ["".join(rnd.choices(PIECES, k=rnd.randint(1, 10))) for _ in range(3000)]
    for text in texts:
        assert emails._part(subtype, text) == _part_line_by_line(subtype, text), repr(text)
