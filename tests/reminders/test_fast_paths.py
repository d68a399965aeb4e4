"""A reminder email sets its own MIME boundary (reminders/emails.py) instead of letting the
email package pick one and check it against the text, and a worker writes its bytes directly
(`emails.message_bytes`). The message must be the one Django's EmailMultiAlternatives builds
from the same parts: same headers, parts and bodies once parsed, byte for byte what Django's
generator writes, with a boundary that is unique per email and found in no body."""

import datetime as dt
import email
import email.policy
import re
from email.message import EmailMessage
from typing import Any

import pytest
import time_machine
from django.core.mail import EmailMultiAlternatives
from django.template import Context, Engine, engines
from django.template.loader import get_template
from django.utils import timezone

from applications.models import Application
from applications.pipeline import Status
from coping.services import feedback_request_draft, feedback_request_mark_sent
from interviews.services import interview_reminders_sync
from reminders import email_templates, emails, kinds, selectors
from reminders.models import Reminder
from tests.factories import ApplicationFactory, CompanyFactory, InterviewFactory, reject

# RFC 2046: a boundary is 1 to 70 of these characters, not ending in a space.
BCHARS = re.compile(r"[0-9A-Za-z'()+_,\-./:=? ]{0,69}[0-9A-Za-z'()+_,\-./:=?]")

# Bodies that would trip a careless boundary: lines that look like delimiters (ours
# included), "From " lines, a line over 998 bytes (quoted-printable then), non-ASCII,
# markup and both quotes, CRLF, and nothing at all.
HOSTILE_TEXTS = [
    "Plain words.\n",
    "--\n-- \n--=_rebound_\n--=_rebound_00000000000000000000000000000000--\n==_\n",
    "From the desk of Northwind\nFrom here on\n>From quoted\n",
    "x" * 1200 + "\n" + "é" * 700 + "\n",
    "Zürich – 東京 💼 <b>bold</b> & \"quoted\" 'single'\r\nwindows line\r\n",
    "",
    # Around the 998-byte line limit (quoted-printable beyond it), counted in bytes.
    "y" * 998 + "\n" + "é" * 499 + "\n",
    "y" * 999,
    "é" * 500 + "\n",
    "lone\rreturns\r\rand no final newline",
    "\n\n",
]


def _parsed(message: Any) -> EmailMessage:
    parsed = email.message_from_bytes(message.as_bytes(), policy=email.policy.default)
    assert isinstance(parsed, EmailMessage)
    return parsed


def _shape(message: EmailMessage) -> dict[str, Any]:
    """Everything a mail client reads, the boundary aside."""
    params = dict(message["Content-Type"].params)
    params.pop("boundary")
    return {
        "headers": [(k, str(v)) for k, v in message.items() if k.lower() != "content-type"],
        "content_type": (message.get_content_type(), params),
        "parts": [
            (part.get_content_type(), list(part.items()), part.get_content())
            for part in message.iter_parts()
        ],
    }


def _lines(text: str) -> list[str]:
    # Any line break: the generator writes each as the message's line separator.
    return re.split(r"\r\n|\r|\n", text.rstrip("\r\n"))


def _plain_twin(fast: EmailMultiAlternatives) -> EmailMultiAlternatives:
    """The same email through Django's own class: its boundary left to the email package."""
    plain = EmailMultiAlternatives(
        subject=fast.subject,
        body=fast.body,
        from_email=fast.from_email,
        to=fast.to,
        headers=fast.extra_headers,
    )
    for content, mimetype in fast.alternatives:
        plain.attach_alternative(content, mimetype)
    assert type(plain) is not type(fast)
    return plain


def _compare(reminder: Reminder, rendered: dict[str, str]) -> str:
    """Assert the fast message is the plain one; returns its boundary."""
    fast = emails.message(reminder, rendered)
    with time_machine.travel(dt.datetime(2026, 12, 6, 9, 0, 0, tzinfo=dt.UTC), tick=False):
        built, plain = fast.message(), _plain_twin(fast).message()
        # What a worker sends to an SMTP server, written without the email package's
        # objects: the same bytes, with the same boundary.
        direct = emails.message_bytes(reminder, rendered, boundary=built.get_boundary())
    assert direct == built.as_bytes(linesep="\r\n")
    fast_parsed, plain_parsed = _parsed(built), _parsed(plain)
    assert _shape(fast_parsed) == _shape(plain_parsed)
    # And the bodies are the rendered ones, whatever the transfer encoding chose.
    # (Django leaves out an empty text part, in both.)
    bodies = {part.get_content_type(): part.get_content() for part in fast_parsed.iter_parts()}
    expected = {"text/plain": rendered["text"], "text/html": rendered["html"]}
    assert {kind: _lines(body) for kind, body in bodies.items()} == {
        kind: _lines(body) for kind, body in expected.items() if body
    }

    # Byte for byte what compat32, Django's policy, writes for the same message.
    assert built.policy is emails.SHORT_HEADERS
    ours = built.as_bytes(linesep="\r\n")
    built.policy = email.policy.compat32
    assert ours == built.as_bytes(linesep="\r\n")
    built.policy = emails.SHORT_HEADERS

    boundary = fast_parsed.get_boundary()
    assert boundary is not None and boundary.startswith("=_rebound_")
    assert BCHARS.fullmatch(boundary)
    # Short enough for the Content-Type header to stay on one line (no folding to pay for).
    assert direct.startswith(
        f'Content-Type: multipart/alternative; boundary="{boundary}"\r\n'.encode()
    )
    raw = built.as_bytes()
    # Exactly one delimiter per part and the close, and never inside a body.
    parts = len(list(fast_parsed.iter_parts()))
    assert raw.count(b"--" + boundary.encode()) == parts + 1
    assert raw.count(b"--" + boundary.encode() + b"--") == 1
    for part in fast_parsed.iter_parts():
        body = part.get_payload(decode=True)
        assert boundary.encode() not in body
    return boundary


@pytest.mark.parametrize("text", HOSTILE_TEXTS)
def test_a_reminder_email_is_the_message_django_would_build(alice, text):
    ApplicationFactory(company=CompanyFactory(owner=alice, name="Northwind"))
    reminder = Reminder.objects.filter(owner=alice).first()
    assert reminder is not None
    html = f"<p>{text}</p><p>--=_rebound_{'0' * 32}</p>"
    rendered = {
        "subject": "Ünïcode & <subject> " + "long " * 30,
        "text": text,
        "html": html,
        "stop_url": "https://rebound.example/r/abc/",
    }
    _compare(reminder, rendered)


def test_every_real_reminder_email_is_the_message_django_would_build(alice):
    company = CompanyFactory(owner=alice, name='Ünïcode & "Co" <b>')
    ApplicationFactory(company=company, role="Analyst – Zürich")
    reminders = list(Reminder.objects.filter(owner=alice))
    assert reminders
    boundaries = set()
    for reminder in reminders:
        rendered = emails.render(reminder, kinds.get(reminder.kind), selectors.subject_of(reminder))
        for _ in range(25):
            boundaries.add(_compare(reminder, rendered))
    # A new boundary for every email built, not one per process or per reminder.
    assert len(boundaries) == 25 * len(reminders)
    assert Application.objects.filter(owner=alice).count() == 1


# Header values at and around what the fast path takes: the edge of 78 columns, whitespace
# runs, tabs, line breaks, leading or trailing blanks, non-ASCII, encoded words, colons.
HOSTILE_HEADERS = ["x" * n for n in (0, 1, 60, 66, 67, 68, 69, 70, 76, 77, 78, 79, 200)] + [
    "How are you doing after Northwind?",
    "two  spaces",
    "a\ttab",
    " leading",
    "trailing ",
    "line\nbreak",
    "line\r\nbreak",
    "Zürich",
    "=?utf-8?q?caf=C3=A9?=",
    "Subject: looks like a header",
    "word " * 20,
    "<https://rebound.example/r/" + "a" * 80 + "/>",
    "List-Unsubscribe=One-Click",
]


@pytest.mark.parametrize("name", ["Subject", "List-Unsubscribe", "X-Rebound-Reminder", "To"])
@pytest.mark.parametrize("value", HOSTILE_HEADERS)
@pytest.mark.parametrize("linesep", ["\n", "\r\n"])
def test_short_headers_fold_every_header_as_compat32_does(name, value, linesep):
    ours = emails.SHORT_HEADERS.clone(linesep=linesep)
    theirs = email.policy.compat32.clone(linesep=linesep)
    try:
        expected = theirs.fold_binary(name, value)
    except Exception as error:  # the same refusal, then
        with pytest.raises(type(error)):
            ours.fold_binary(name, value)
        return
    assert ours.fold_binary(name, value) == expected
    assert ours.fold(name, value) == theirs.fold(name, value)


def _plain_engine() -> Engine:
    """Django's engine as configured, with a cache of its own: templates compiled afresh,
    never touched by reminders.email_templates."""
    base = engines["django"].engine  # type: ignore[attr-defined]
    return Engine(
        dirs=base.dirs,
        app_dirs=base.app_dirs,
        libraries=base.libraries,
        builtins=[b for b in base.builtins if b not in Engine.default_builtins],
        autoescape=base.autoescape,
        string_if_invalid=base.string_if_invalid,
    )


@pytest.mark.parametrize("language", ["en", "de"])
def test_every_kind_renders_its_fixed_words_once_and_the_same(alice, language, monkeypatch):
    alice.language = language
    alice.first_name = 'Ä & <b>"Ann"</b>'
    alice.save()
    company = CompanyFactory(owner=alice, name='Ünïcode & "Co" <b>')
    application = ApplicationFactory(company=company, role="Analyst – Zürich")
    soon = timezone.now() + dt.timedelta(days=1)
    interview = InterviewFactory(
        application=application,
        starts_at=soon,
        ends_at=soon + dt.timedelta(hours=1),
        promised_reply_by=soon.date() + dt.timedelta(days=3),
    )
    interview_reminders_sync(interview=interview)
    plan = reject(ApplicationFactory(company=company, status=Status.INTERVIEWING))
    feedback_request_mark_sent(request=feedback_request_draft(plan=plan), on=plan.opened_on)
    reminders = list(Reminder.objects.filter(owner=alice).select_related("owner"))
    assert len({r.kind for r in reminders}) >= 6
    plain = _plain_engine()

    def through_django(name: str, context: dict, *, autoescape: bool = True) -> str:
        return plain.get_template(name).render(Context(context, autoescape=autoescape))

    with time_machine.travel(dt.datetime(2026, 12, 6, 9, 0, 0, tzinfo=dt.UTC), tick=False):
        for reminder in reminders:
            kind, subject = kinds.get(reminder.kind), selectors.subject_of(reminder)
            for _ in range(2):  # the second time from what the first one kept
                fast = emails.render(reminder, kind, subject)
            with monkeypatch.context() as patched:
                patched.setattr(email_templates, "render", through_django)
                assert emails.render(reminder, kind, subject) == fast, reminder.kind
    template = get_template(f"{kinds.get(reminders[0].kind).template_prefix}.html").template
    assert getattr(template, "_rebound_fixed_words", False)
