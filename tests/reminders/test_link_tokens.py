"""links.make_token keeps one keyed HMAC per secret instead of deriving it for every link
(signing.dumps did, three times an email). Its tokens must be signing.dumps's, character for
character, at any second, for any reminder and action, under whatever SECRET_KEY is in force,
and read_token (Django's signing.loads) must read them back."""

import datetime as dt
from typing import Any

import pytest
import time_machine
from django.core import signing
from django.test import override_settings

from reminders import links
from reminders.models import Reminder

ACTIONS = ["done", "snooze", "stop", "ghosted", "mark_ghosted", "ünïcode", 'a "quoted" one']
REMINDERS = [(1, 1), (7, 0), (12345, 3), (10**9, 2), (2**31 - 1, 987654), (42, 10**6)]
MOMENTS = [
    dt.datetime(2026, 12, 7, 9, 0, 0, tzinfo=dt.UTC),
    dt.datetime(2026, 12, 7, 9, 0, 0, 999_999, tzinfo=dt.UTC),  # the same second's end
    dt.datetime(2026, 12, 7, 9, 0, 1, tzinfo=dt.UTC),  # and the next one's
    dt.datetime(2030, 1, 1, tzinfo=dt.UTC),
    dt.datetime(1970, 1, 1, 0, 0, 0, tzinfo=dt.UTC),  # a timestamp of "0"
]


def _django(reminder: Reminder, action: str) -> str:
    return signing.dumps(
        {"r": reminder.pk, "a": action, "v": reminder.version}, salt="rebound.reminder-link"
    )


def _every_token_is_djangos() -> list[str]:
    made = []
    for moment in MOMENTS:
        with time_machine.travel(moment, tick=False):
            for pk, version in REMINDERS:
                reminder = Reminder(pk=pk, version=version)
                for action in ACTIONS:
                    token = links.make_token(reminder, action)
                    assert token == _django(reminder, action)
                    assert links.read_token(token) == {"r": pk, "a": action, "v": version}
                    made.append(token)
    return made


def test_tokens_are_signing_dumps_to_the_character_and_read_back() -> None:
    _every_token_is_djangos()


@pytest.mark.parametrize("key", ["another-secret-" * 4, b"a-secret-given-as-bytes" * 3])
def test_a_changed_secret_key_signs_with_the_new_key(key: str | bytes) -> None:
    before = _every_token_is_djangos()
    with override_settings(SECRET_KEY=key):
        after = _every_token_is_djangos()
        # The old key's links no longer read (none were signed with a stale key)...
        assert all(links.read_token(token) is None for token in before[:20])
    assert after != before
    # ... and back on the first key, its signatures again, not the override's.
    assert _every_token_is_djangos() == before
    assert all(links.read_token(token) is None for token in after[:20])


@override_settings(SECRET_KEY_FALLBACKS=["old-secret-" * 5])
def test_a_link_signed_with_a_retired_key_still_reads() -> None:
    with override_settings(SECRET_KEY="old-secret-" * 5):
        token = links.make_token(Reminder(pk=5, version=4), "done")
    assert links.read_token(token) == {"r": 5, "a": "done", "v": 4}


def test_values_that_are_not_plain_ints_are_written_as_json_writes_them() -> None:
    with time_machine.travel(MOMENTS[0], tick=False):
        odd: list[tuple[Any, Any]] = [(None, 1), (True, False), (3, None)]
        for pk, version in odd:
            reminder = Reminder(pk=pk, version=version)
            assert links.make_token(reminder, "done") == _django(reminder, "done")


def test_a_link_older_than_a_year_still_expires() -> None:
    with time_machine.travel(MOMENTS[0], tick=False):
        token = links.make_token(Reminder(pk=3, version=1), "stop")
    later = MOMENTS[0] + dt.timedelta(days=366)
    with time_machine.travel(later, tick=False), pytest.raises(links.Expired):
        links.read_token(token)
