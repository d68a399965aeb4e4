"""An IMAP folder the user connects, against a real IMAP server (a dovecot of the test's own)."""

import datetime as dt
import time
from collections.abc import Iterator

import pytest
from django.db import connection
from django.urls import reverse

from mailin.models import ImapAccount, InboundMessage
from mailin.services import sources
from mailin.services.messages import inbound_message_store
from mailin.tasks import imap_accounts_poll_task
from rebound.celery import app as celery_app
from tests.factories import ApplicationFactory, CompanyFactory

from .dovecot import Dovecot, free_port, running_dovecot

ALICE_PASSWORD = "alice-imap-pw-9f2"


def rejection(n: int, *, company: str = "Northwind Labs", role: str = "Data Analyst") -> bytes:
    domain = company.lower().replace(" ", "") + ".com"
    return (
        f"From: Talent Team <jobs@{domain}>\r\n"
        f"To: alice@example.com\r\n"
        f"Subject: Your application for {role}\r\n"
        f"Message-ID: <reject-{n}@{domain}>\r\n"
        f"Date: Thu, 03 Dec 2026 09:1{n % 10}:00 +0000\r\n"
        "\r\n"
        f"Dear Alice,\r\n\r\nThank you for your interest in the {role} role at {company}. "
        "After careful consideration we have decided to move forward with other candidates.\r\n"
        f"\r\nKind regards,\r\nThe {company} hiring team\r\n"
    ).encode()


@pytest.fixture
def dovecot(settings) -> Iterator[Dovecot]:
    # The tests' server is on the loopback, which a real deployment refuses.
    settings.MAILIN_IMAP_ALLOW_PRIVATE_HOSTS = True
    with running_dovecot({"alice": ALICE_PASSWORD, "bob": "bob-imap-pw"}) as server:
        yield server


@pytest.fixture
def northwind(alice):
    company = CompanyFactory(
        owner=alice, name="Northwind Labs", website="https://northwindlabs.com"
    )
    return ApplicationFactory(owner=alice, company=company, role="Data Analyst")


def form(server: Dovecot, **changes: object) -> dict[str, object]:
    data: dict[str, object] = {
        "host": server.host,
        "port": server.port,
        "security": "plain",
        "username": "alice",
        "password": ALICE_PASSWORD,
        "folder": "INBOX",
    }
    data.update(changes)
    return data


def connect(client, server: Dovecot, **changes: object):
    return client.post(reverse("mailin:imap_connect"), form(server, **changes))


# --- connecting ---------------------------------------------------------------------------


def test_it_says_the_password_was_refused(alice_client, dovecot):
    response = connect(alice_client, dovecot, password="not-the-password")
    assert response.status_code == 400
    assert "didn’t accept that user name and password" in response.content.decode()
    assert not ImapAccount.objects.exists()


def test_it_says_the_folder_does_not_exist(alice_client, dovecot):
    response = connect(alice_client, dovecot, folder="Job search")
    assert response.status_code == 400
    assert "there’s no folder called “Job search”" in response.content.decode()
    assert not ImapAccount.objects.exists()


def test_it_says_the_host_cannot_be_reached(alice_client, dovecot):
    closed = free_port()  # nothing listens there
    response = connect(alice_client, dovecot, port=closed)
    assert response.status_code == 400
    assert f"couldn’t connect to 127.0.0.1 on port {closed}" in response.content.decode()


def test_it_says_an_unknown_host_name_is_unknown(alice_client, dovecot):
    response = connect(alice_client, dovecot, host="imap.no-such-provider.invalid")
    assert response.status_code == 400
    assert (
        "couldn’t find a server called imap.no-such-provider.invalid" in response.content.decode()
    )


def test_a_private_address_is_refused_outside_tests(alice_client, dovecot, settings):
    settings.MAILIN_IMAP_ALLOW_PRIVATE_HOSTS = False
    response = connect(alice_client, dovecot)
    assert response.status_code == 400
    assert "inside a private network" in response.content.decode()
    assert not ImapAccount.objects.exists()


def test_a_connection_that_works_is_kept_with_its_password_encrypted(alice_client, dovecot, alice):
    response = connect(alice_client, dovecot)
    assert response.status_code == 302
    page = alice_client.get(reverse("mailin:ways_in")).content.decode()
    assert f"“INBOX” of alice on {dovecot.host}" in page
    assert ALICE_PASSWORD not in page
    account = ImapAccount.objects.get(owner=alice)
    assert account.password == ALICE_PASSWORD  # read back through the key
    with connection.cursor() as cursor:
        cursor.execute("SELECT password FROM mailin_imapaccount WHERE id = %s", [account.pk])
        (stored,) = cursor.fetchone()
    assert ALICE_PASSWORD not in stored
    assert stored.startswith("fernet:")


# --- reading ------------------------------------------------------------------------------


def test_it_reads_only_what_arrives_after_connecting_and_each_message_once(
    alice_client, dovecot, alice, northwind
):
    dovecot.append("alice", rejection(1, company="Old Mail Ltd", role="Clerk"))  # history
    connect(alice_client, dovecot)
    account = ImapAccount.objects.get(owner=alice)
    dovecot.append("alice", rejection(2))
    dovecot.append("alice", rejection(3, company="Kestrel Payments", role="Analyst"))

    result = sources.imap_account_poll(account=account)
    assert (result.stored, result.error) == (2, "")
    kept = InboundMessage.objects.filter(owner=alice, source="imap")
    assert sorted(kept.values_list("message_id", flat=True)) == [
        "reject-2@northwindlabs.com",
        "reject-3@kestrelpayments.com",
    ]
    northwind_message = kept.get(message_id="reject-2@northwindlabs.com")
    assert northwind_message.application == northwind
    assert northwind_message.suggestion.action == "mark_rejected"

    again = sources.imap_account_poll(account=ImapAccount.objects.get(pk=account.pk))
    assert again.stored == 0
    assert kept.count() == 2


def test_it_changes_nothing_on_the_server(alice_client, dovecot, alice):
    connect(alice_client, dovecot)
    dovecot.append("alice", rejection(4))
    sources.imap_account_poll(account=ImapAccount.objects.get(owner=alice))
    with dovecot.mailbox("alice") as box:
        box.folder.set("INBOX", readonly=True)
        flags = [message.flags for message in box.fetch(mark_seen=False)]
    assert len(flags) == 1 and "\\Seen" not in flags[0]  # still there, still unread


def test_a_renumbered_folder_is_read_again_without_keeping_anything_twice(
    alice_client, dovecot, alice
):
    with dovecot.mailbox("alice") as box:
        box.folder.create("Jobs")
    connect(alice_client, dovecot, folder="Jobs")
    dovecot.append("alice", rejection(5), folder="Jobs")
    account = ImapAccount.objects.get(owner=alice)
    assert sources.imap_account_poll(account=account).stored == 1
    before = ImapAccount.objects.get(pk=account.pk)
    old_validity = before.uidvalidity

    # The server renumbers the folder (as after a restore): a new UIDVALIDITY, UIDs from 1.
    time.sleep(1.1)  # dovecot's UIDVALIDITY counts seconds
    with dovecot.mailbox("alice") as box:
        box.folder.rename("Jobs", "Jobs before")
        box.folder.create("Jobs")
    dovecot.append("alice", rejection(5), folder="Jobs")  # read before: kept once
    dovecot.append("alice", rejection(6, company="Helix Bio", role="Backend Engineer"), "Jobs")

    result = sources.imap_account_poll(account=before)
    after = ImapAccount.objects.get(pk=account.pk)
    assert after.uidvalidity != old_validity
    assert (result.stored, after.last_uid) == (1, 2)
    assert sorted(
        InboundMessage.objects.filter(owner=alice).values_list("message_id", flat=True)
    ) == ["reject-5@northwindlabs.com", "reject-6@helixbio.com"]
    assert sources.imap_account_poll(account=after).stored == 0


def test_each_poll_reads_a_bounded_batch(alice_client, dovecot, alice, settings):
    settings.MAILIN_IMAP_BATCH = 2
    connect(alice_client, dovecot)
    for n in (7, 8, 9):
        dovecot.append("alice", rejection(n, company=f"Firm {n}", role="Analyst"))
    account = ImapAccount.objects.get(owner=alice)
    assert sources.imap_account_poll(account=account).stored == 2
    assert sources.imap_account_poll(account=ImapAccount.objects.get(pk=account.pk)).stored == 1


def test_a_failed_poll_is_kept_in_words_and_shown(alice_client, dovecot, alice):
    connect(alice_client, dovecot)
    dovecot.set_password("alice", "changed-on-the-server")
    result = sources.imap_account_poll(account=ImapAccount.objects.get(owner=alice))
    assert "didn’t accept that user name and password" in result.error
    page = alice_client.get(reverse("mailin:ways_in")).content.decode()
    assert "The last look didn’t go well:" in page
    assert "didn’t accept that user name and password" in page


def test_the_beat_reads_each_folder_for_its_own_owner(
    alice_client, bob_client, dovecot, alice, bob, eager_tasks, northwind
):
    entries = [e for e in celery_app.conf.beat_schedule.values() if "imap" in e["task"]]
    assert [e["task"] for e in entries] == ["mailin.tasks.imap_accounts_poll_task"]
    assert entries[0]["schedule"] <= 600  # every few minutes

    connect(alice_client, dovecot)
    connect(bob_client, dovecot, username="bob", password="bob-imap-pw")
    dovecot.append("alice", rejection(10))

    imap_accounts_poll_task.delay()

    message = InboundMessage.objects.get(source="imap")
    assert (message.owner, message.application) == (alice, northwind)
    assert message.suggestion.on == dt.date(2026, 12, 3)
    assert not InboundMessage.objects.filter(owner=bob).exists()
    assert ImapAccount.objects.get(owner=bob).last_error == ""


def test_disconnecting_forgets_the_password_and_what_it_brought(alice_client, dovecot, alice):
    connect(alice_client, dovecot)
    dovecot.append("alice", rejection(11))
    sources.imap_account_poll(account=ImapAccount.objects.get(owner=alice))
    pasted, _, _ = inbound_message_store(user=alice, raw=rejection(12), source="paste")

    response = alice_client.post(reverse("mailin:imap_remove"), follow=True)
    assert "The one message it brought is forgotten." in response.content.decode()
    assert not ImapAccount.objects.exists()
    assert list(InboundMessage.objects.filter(owner=alice)) == [pasted]
    with dovecot.mailbox("alice") as box:
        box.folder.set("INBOX", readonly=True)
        assert len(box.numbers()) == 1  # the mail on the server stays


def test_another_users_connection_is_not_shown(alice_client, bob_client, dovecot, bob):
    connect(bob_client, dovecot, username="bob", password="bob-imap-pw")
    page = alice_client.get(reverse("mailin:ways_in")).content.decode()
    assert "of bob on" not in page
    alice_client.post(reverse("mailin:imap_remove"))
    assert ImapAccount.objects.filter(owner=bob).exists()


def test_a_renumbered_folder_of_old_mail_is_not_read_as_new(alice_client, dovecot, alice):
    with dovecot.mailbox("alice") as box:
        box.folder.create("Jobs")
    connect(alice_client, dovecot, folder="Jobs")
    time.sleep(1.1)  # dovecot's UIDVALIDITY counts seconds
    with dovecot.mailbox("alice") as box:
        box.folder.rename("Jobs", "Jobs before")
        box.folder.create("Jobs")
        # Restored from an archive: old mail, arrived long before the last poll.
        long_ago = dt.datetime(2026, 1, 5, 9, 0, tzinfo=dt.UTC)
        for n in (20, 21):
            box.append(rejection(n, company=f"Archive {n}", role="Clerk"), "Jobs", dt=long_ago)

    account = ImapAccount.objects.get(owner=alice)
    assert sources.imap_account_poll(account=account).stored == 0
    dovecot.append("alice", rejection(22), folder="Jobs")
    assert sources.imap_account_poll(account=ImapAccount.objects.get(owner=alice)).stored == 1
    assert list(InboundMessage.objects.values_list("message_id", flat=True)) == [
        "reject-22@northwindlabs.com"
    ]
