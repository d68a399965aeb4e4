"""A worker writes the headers that repeat from email to email once: the constant ones
(MIME-Version, List-Unsubscribe-Post), Content-Language once per language, and the Date line
once per second (formatdate writes whole seconds). Each email must still be the bytes
Django's message writes at that moment (test_fast_paths.py compares every real email), with
the Date of the second it was built in, in local time when EMAIL_USE_LOCALTIME says so."""

import datetime as dt
from email.utils import formatdate
from typing import Any

import pytest
import time_machine

from rebound.models import User
from reminders import emails, kinds, selectors
from reminders.models import Reminder
from tests.factories import ApplicationFactory, CompanyFactory

pytestmark = pytest.mark.django_db

NINE = dt.datetime(2026, 12, 6, 9, 0, 0, tzinfo=dt.UTC)


def _date_line(message: bytes) -> bytes:
    (line,) = [x for x in message.split(b"\r\n") if x.startswith(b"Date: ")]
    return line


def _an_email(alice: User) -> tuple[Reminder, dict[str, str]]:
    ApplicationFactory(company=CompanyFactory(owner=alice, name="Northwind"))
    reminder = Reminder.objects.filter(owner=alice).select_related("owner").first()
    assert reminder is not None
    kind = kinds.get(reminder.kind)
    return reminder, emails.render(reminder, kind, selectors.subject_of(reminder))


@pytest.mark.parametrize("language", ["en", "de"])
def test_each_email_is_djangos_message_in_its_language(alice: User, language: str) -> None:
    alice.language = language
    alice.save()
    reminder, rendered = _an_email(alice)
    assert rendered["language"] == language
    for moment in [NINE, NINE + dt.timedelta(milliseconds=999), NINE + dt.timedelta(seconds=1)]:
        with time_machine.travel(moment, tick=False):
            built = emails.message(reminder, rendered).message()
            direct = emails.message_bytes(reminder, rendered, boundary=built.get_boundary())
        assert direct == built.as_bytes(linesep="\r\n")
        assert f"Content-Language: {language}\r\n".encode() in direct


def test_the_date_is_the_second_each_email_was_built_in(alice: User, settings: Any) -> None:
    reminder, rendered = _an_email(alice)
    lines = []
    for moment in [
        NINE,
        NINE + dt.timedelta(milliseconds=999),
        NINE + dt.timedelta(seconds=1),
        NINE + dt.timedelta(days=1),
        NINE,  # back again: the clock may be set back
    ]:
        with time_machine.travel(moment, tick=False):
            line = _date_line(emails.message_bytes(reminder, rendered))
            assert line == f"Date: {formatdate(moment.timestamp())}".encode()
            lines.append(line)
    assert lines[0] == lines[1] == lines[4] != lines[2] != lines[3]
    settings.EMAIL_USE_LOCALTIME = True
    with time_machine.travel(NINE, tick=False):
        line = _date_line(emails.message_bytes(reminder, rendered))
        assert line == f"Date: {formatdate(NINE.timestamp(), localtime=True)}".encode()


@pytest.mark.parametrize(
    ("name", "value"),
    [
        ("MIME-Version", "1.0"),
        ("List-Unsubscribe-Post", "List-Unsubscribe=One-Click"),
        ("Content-Language", "en"),
        ("Content-Language", "de"),
    ],
)
def test_a_repeating_header_is_the_one_written_each_time(name: str, value: str) -> None:
    assert emails._constant_header(name, value) == emails._header(name, value)
    assert emails._constant_header(name, value) is emails._constant_header(name, value)
