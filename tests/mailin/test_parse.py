"""Reading messages: forwards (nested, pasted, German), HTML, and hostile input, bounded."""

import datetime as dt
import time
import zoneinfo

from hypothesis import given, settings
from hypothesis import strategies as st

from mailin.parse.bodies import html_to_text
from mailin.parse.message import parse_message
from mailin.parse.parsed import MAX_MESSAGE_BYTES, MAX_PARTS

BERLIN = zoneinfo.ZoneInfo("Europe/Berlin")

GMAIL_FORWARD = b"""From: Jana Weber <jana@example.org>
To: in+abc@rebound.example
Subject: Fwd: Your application
Date: Tue, 01 Dec 2026 10:00:00 +0100
Message-ID: <outer-1@example.org>

FYI

---------- Forwarded message ---------
From: Northwind Labs <no-reply@us.greenhouse-mail.io>
Date: Mon, Nov 30, 2026 at 4:12 PM
Subject: Update on your application for Data Analyst
To: <jana@example.org>

Hi Jana,
We decided to move forward with other candidates.

On Mon, Nov 2, 2026 at 9:00 AM Jana <jana@example.org> wrote:
> Thanks for the call, I'd love an offer!
"""


def test_it_reads_a_forward_as_the_original():
    message = parse_message(GMAIL_FORWARD, default_tz="Europe/Berlin")
    assert message.sender_name == "Northwind Labs"
    assert message.sender_address == "no-reply@us.greenhouse-mail.io"
    assert message.subject == "Update on your application for Data Analyst"
    assert message.date == dt.datetime(2026, 11, 30, 16, 12, tzinfo=BERLIN)
    assert message.forwarded_by == "jana@example.org"
    assert message.forward_depth == 1
    # The original's words only: the quoted history and the forwarder's "FYI" are set aside.
    assert message.text == "Hi Jana,\nWe decided to move forward with other candidates."
    assert "offer" in message.quoted and "offer" not in message.text


def test_it_reads_the_innermost_of_nested_forwards():
    raw = (
        "From: Jana <jana@example.org>\nSubject: Fwd: FW: Role\nDate: Sat, 05 Dec 2026 10:00:00"
        " +0100\n\n---------- Forwarded message ---------\nFrom: Lena <lena@example.net>\n"
        "Date: Fri, Dec 4, 2026 at 9:12 PM\nSubject: FW: Role\nTo: Jana <jana@example.org>\n\n"
        "here it is\n\n-----Original Message-----\nFrom: Jana <jana@example.org>\n"
        "Sent: Friday, December 4, 2026 6:30 PM\nTo: Lena\nSubject: FW: Role\n\nlook\n\n"
        "-----Original Message-----\nFrom: Copperleaf Studios <jobs@copperleaf.studio>\n"
        "Sent: Friday, December 4, 2026 3:05 PM\nTo: Jana\nSubject: Technical Writer application\n"
        "\nWe won't be moving ahead with your application.\n"
    )
    message = parse_message(raw, default_tz="Europe/Berlin")
    assert message.sender_address == "jobs@copperleaf.studio"
    assert message.subject == "Technical Writer application"
    assert message.date == dt.datetime(2026, 12, 4, 15, 5, tzinfo=BERLIN)
    assert message.forward_depth == 3
    assert message.text == "We won't be moving ahead with your application."


def test_it_reads_german_forwards_and_outlook_paste():
    outlook_de = (
        "-----Ursprüngliche Nachricht-----\nVon: Personal <jobs@firma.de>\n"
        "Gesendet: Montag, 30. November 2026 10:14\nAn: Jana\nBetreff: Ihre Bewerbung\n\n"
        "Sehr geehrte Frau Weber, leider ..."
    )
    message = parse_message(outlook_de, default_tz="Europe/Berlin")
    assert (message.sender_address, message.subject) == ("jobs@firma.de", "Ihre Bewerbung")
    assert message.date == dt.datetime(2026, 11, 30, 10, 14, tzinfo=BERLIN)

    gmail_de = (
        "From: Jana <jana@example.org>\nSubject: Fwd: Absage\n\n"
        "---------- Weitergeleitete Nachricht ---------\nVon: Kranich Logistik <hr@kranich.de>\n"
        "Date: Mi., 2. Dez. 2026 um 11:20\nSubject: Absage\nTo: <jana@example.org>\n\nText\n"
    )
    message = parse_message(gmail_de, default_tz="Europe/Berlin")
    assert message.sender_name == "Kranich Logistik"
    assert message.date == dt.datetime(2026, 12, 2, 11, 20, tzinfo=BERLIN)

    thunderbird = (
        "Subject: Fwd: X\nFrom: jana@example.org\n\n-------- Weitergeleitete Nachricht --------\n"
        "Betreff: \tIhre Bewerbung\nDatum: \tWed, 2 Dec 2026 11:20:00 +0100\n"
        "Von: \tHR <hr@kranich.de>\nAn: \tjana@example.org\n\nHallo\n"
    )
    message = parse_message(thunderbird)
    assert (message.subject, message.sender_address) == ("Ihre Bewerbung", "hr@kranich.de")
    assert message.date == dt.datetime(2026, 12, 2, 10, 20, tzinfo=dt.UTC)

    pasted = (
        "From: Maple & Finch Careers <careers@mapleandfinch.co.uk>\n"
        "Sent: Tuesday, December 1, 2026 11:47 AM\nTo: Jana Weber\nSubject: Your application\n\n"
        "Dear Jana, ..."
    )
    message = parse_message(pasted, default_tz="Europe/London")
    assert message.sender_address == "careers@mapleandfinch.co.uk"
    assert message.date == dt.datetime(
        2026, 12, 1, 11, 47, tzinfo=zoneinfo.ZoneInfo("Europe/London")
    )


def test_apple_mail_forward_keeps_the_printed_zone():
    raw = (
        "From: jana@example.org\nSubject: Fwd: Hi\n\nBegin forwarded message:\n\n"
        "From: Lumen Health <talent@lumenhealth.io>\nSubject: Interview\n"
        "Date: 1 December 2026 at 10:14:03 CET\nTo: jana@example.org\n\nHello\n"
    )
    message = parse_message(raw, default_tz="America/New_York")
    assert message.sender_address == "talent@lumenhealth.io"
    assert message.date == dt.datetime(2026, 12, 1, 10, 14, tzinfo=BERLIN)


def test_a_reply_keeps_its_own_words_and_sets_the_quote_aside():
    raw = (
        "From: Ben <ben@sundial-energy.com>\nSubject: Re: thanks\nIn-Reply-To: <abc@x>\n"
        "References: <root@x> <abc@x>\n\nNot this time, sorry.\n\n"
        "Am 26.11.2026 um 18:02 schrieb Jana Weber <jana@example.org>:\n> ein Angebot?\n"
    )
    message = parse_message(raw)
    assert message.text == "Not this time, sorry."
    assert message.in_reply_to == "abc@x" and message.references == ("root@x", "abc@x")
    assert message.is_reply


def test_html_is_read_as_text_without_scripts_styles_or_remote_images():
    markup = (
        "<html><head><style>p{color:red}</style><script>alert('x')</script></head><body>"
        "<p>Hi&nbsp;Jana,</p><p>We&#39;re sorry<br>to say</p>"
        "<img src='https://track.example/p.gif'><a href='https://x.example'>link</a></body></html>"
    )
    text = html_to_text(markup)
    assert "alert" not in text and "color" not in text and "track.example" not in text
    assert "Hi Jana," in text and "We're sorry" in text and "link" in text


def test_an_html_only_message_gives_its_text():
    raw = (
        b"From: a@b.example\nSubject: s\nMIME-Version: 1.0\nContent-Type: text/html; charset=utf-8"
        b"\n\n<p>Thank you for applying</p><script>x()</script>"
    )
    assert parse_message(raw).text == "Thank you for applying"


def test_malformed_mime_never_raises():
    samples = [
        b"",
        b"\x00\xff\xfe garbage",
        b"Content-Type: multipart/mixed; boundary=\n\n--\n--",
        b"From: <<<@@>>>\nDate: not a date\nSubject: =?utf-8?B?!!!?=\nContent-Type: text/plain;"
        b" charset=klingon\n\n\xe4\xf6\xfc",
        b"Content-Type: multipart/alternative; boundary=zz\n\n--zz\nContent-Type: text/plain\n"
        b"Content-Transfer-Encoding: base64\n\n!!!not base64!!!\n--zz",
        b"Content-Type: message/rfc822\n\nnot a message at all",
        b"From: x\nSubject: only a header",
    ]
    for raw in samples:
        message = parse_message(raw)
        assert isinstance(message.text, str)


def test_a_charset_less_message_is_read_as_utf8_then_windows_1252():
    assert "Grünfeld" in parse_message("From: a@b\nSubject: s\n\nGrünfeld".encode()).text
    assert "Grünfeld" in parse_message("From: a@b\nSubject: s\n\nGrünfeld".encode("cp1252")).text


def test_a_huge_message_is_read_only_up_to_the_cap():
    raw = b"From: a@b.example\nSubject: big\n\nunfortunately " + b"x" * (MAX_MESSAGE_BYTES + 5000)
    started = time.monotonic()
    message = parse_message(raw)
    assert time.monotonic() - started < 10
    assert message.problems and "only its beginning" in message.problems[0]
    assert len(message.text) <= 50_000


def test_a_thousand_attachments_cost_no_more_than_the_first_hundred():
    parts = ["--b\nContent-Type: text/plain; charset=utf-8\n\nThank you for applying to Quillon.\n"]
    parts += [
        f"--b\nContent-Type: application/pdf\nContent-Disposition: attachment; "
        f'filename="cv-{n}.pdf"\nContent-Transfer-Encoding: base64\n\nJVBERi0=\n'
        for n in range(1000)
    ]
    raw = ("From: a@b.example\nSubject: many\nMIME-Version: 1.0\nContent-Type: multipart/mixed; "
           "boundary=b\n\n" + "".join(parts) + "--b--\n").encode()  # fmt: skip
    started = time.monotonic()
    message = parse_message(raw)
    assert time.monotonic() - started < 10
    assert message.text == "Thank you for applying to Quillon."
    assert len(message.attachment_names) < MAX_PARTS
    assert any("more than" in problem for problem in message.problems)


def test_a_forward_as_attachment_is_read_as_the_attached_message():
    raw = (
        b"From: jana@example.org\nSubject: Fwd: x\nMIME-Version: 1.0\n"
        b"Content-Type: multipart/mixed; boundary=b\n\n--b\nContent-Type: text/plain\n\n"
        b"see attached\n"
        b"--b\nContent-Type: message/rfc822\n\nFrom: Helix Bio <jobs@helixbio.de>\n"
        b"Subject: Interview invitation\nDate: Tue, 01 Dec 2026 09:00:00 +0100\n\n"
        b"We would like to invite you to an interview.\n--b--\n"
    )
    message = parse_message(raw)
    assert message.sender_address == "jobs@helixbio.de"
    assert message.subject == "Interview invitation"
    assert message.forwarded_by == "jana@example.org"
    assert message.text == "We would like to invite you to an interview."


def test_forwards_nested_past_the_limit_stop_safely():
    block = ("---------- Forwarded message ---------\nFrom: X <x@example.org>\nSubject: Fwd: y\n"
             "Date: Mon, Nov 30, 2026 at 4:12 PM\n\n")  # fmt: skip
    raw = "From: a@b\nSubject: Fwd: y\n\n" + block * 500 + "the end"
    message = parse_message(raw)
    assert any("nested too deeply" in problem for problem in message.problems)


HEADER_LINES = st.sampled_from(
    [
        b"From: a@b.example\n",
        b"Subject: =?utf-8?q?Re=3A_x?=\n",
        b"Content-Type: multipart/mixed; boundary=zz\n",
        b"Content-Type: text/html; charset=utf-16\n",
        b"Content-Transfer-Encoding: base64\n",
        b"Content-Transfer-Encoding: quoted-printable\n",
        b"Date: Mon, 99 Foo 2026 99:99:99 +9999\n",
        b"---------- Forwarded message ---------\n",
        b"-----Original Message-----\n",
        b"--zz\n",
        b"--zz--\n",
        b"\n",
    ]
)


@settings(max_examples=300, deadline=None)
@given(st.lists(st.one_of(HEADER_LINES, st.binary(max_size=80)), max_size=40))
def test_any_bytes_are_read_without_an_exception(chunks):
    message = parse_message(b"".join(chunks))
    assert isinstance(message.text, str) and len(message.text) <= 50_000
