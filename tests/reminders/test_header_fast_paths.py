"""The shortcuts a worker takes writing a reminder email's headers (reminders/emails.py) give
exactly what Django's and the standard library's own code gives: headers stored as
forbid_multi_line_headers stores them and folded as compat32 folds them."""

import email.policy
import random
import string

import pytest
from django.core.mail.message import forbid_multi_line_headers

from reminders import emails

NAMES = ["Subject", "To", "From", "List-Unsubscribe", "X-Rebound-Reminder", "Message-ID"]
HOSTILE = [
    "",
    "plain",
    "How are you doing after Northwind?",
    "two  spaces",
    " leading",
    "trailing ",
    "a\ttab",
    "line\nbreak",
    "line\r\nbreak",
    "Zürich",
    "=?utf-8?q?caf=C3=A9?=",
    "AT&T <b>bold</b> \"quoted\" 'single'",
    "a;b,c d;e,f " * 8,
    "<https://rebound.example/r/" + "a" * 80 + ":1tXyZ:" + "b" * 43 + "/>",
    "Bob <bob@example.com>",
    "\x7f control",
] + ["x" * n for n in (0, 1, 60, 75, 76, 77, 78, 79, 200, 998, 999)]


def _random_values(seed: int, n: int) -> list[str]:
    rng = random.Random(seed)
    words = string.ascii_letters + string.digits + string.punctuation
    values = []
    for _ in range(n):
        length = rng.choice([rng.randint(0, 90), rng.randint(60, 300), rng.randint(990, 1010)])
        alphabet = words + (" " * rng.randint(0, 8))
        values.append("".join(rng.choice(alphabet) for _ in range(length)))
    return values


@pytest.mark.parametrize("name", NAMES)
def test_a_header_stored_as_is_is_what_django_stores(name):
    for value in HOSTILE + _random_values(hash(name) % 1000, 400):
        if emails._stored_as_is(name, value):
            assert forbid_multi_line_headers(name, value, "utf-8") == (name, value), value
    # The path every real header takes is the shortcut, not the fallback.
    assert emails._stored_as_is("Subject", "How are you doing after Northwind?")
    assert emails._stored_as_is("List-Unsubscribe", HOSTILE[13])
    assert not emails._stored_as_is("Subject", "Zürich")


@pytest.mark.parametrize("name", [*NAMES, "X" * 70])
@pytest.mark.parametrize("linesep", ["\n", "\r\n"])
def test_one_long_word_folds_as_compat32_folds_it(name, linesep):
    ours = emails.SHORT_HEADERS.clone(linesep=linesep)
    theirs = email.policy.compat32.clone(linesep=linesep)
    rng = random.Random(len(name))
    alphabet = string.ascii_letters + string.digits + string.punctuation
    for length in [*range(1, 200), 997, 998, 999, 2000]:
        value = "".join(rng.choice(alphabet) for _ in range(length))
        assert ours.fold_binary(name, value) == theirs.fold_binary(name, value), value
        assert ours.fold(name, value) == theirs.fold(name, value)


def test_every_header_of_a_message_is_written_as_django_writes_it():
    for name in NAMES:
        for value in HOSTILE:
            try:
                _name, stored = forbid_multi_line_headers(name, value, "utf-8")
                expected = email.policy.compat32.clone(linesep="\r\n").fold_binary(name, stored)
            except Exception as error:  # the same refusal, then
                with pytest.raises(type(error)):
                    emails._header(name, value)
                continue
            assert emails._header(name, value) == expected, (name, value)
