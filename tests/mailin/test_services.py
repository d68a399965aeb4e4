"""Keeping what a message said: once per message, matched through its thread, owner-scoped."""

import pytest
from django.db import IntegrityError

from mailin.models import InboundMessage, Suggestion
from mailin.services.messages import inbound_message_store
from tests.factories import ApplicationFactory, CompanyFactory, UserFactory

INVITE = (
    "From: Nora <nora@zephyrcloud.io>\nSubject: DevOps Engineer interview\n"
    "Message-ID: <invite-1@zephyrcloud.io>\nDate: Tue, 01 Dec 2026 11:00:00 +0000\n\n"
    "We would like to invite you to an interview for the DevOps Engineer role on "
    "Wednesday 9 December at 14:00 GMT."
)
# A reply that names neither the company nor the role: only its thread says which one.
REPLY = (
    "From: Nora <nora.private@example.net>\nSubject: Re: DevOps Engineer interview\n"
    "Message-ID: <reply-2@example.net>\nIn-Reply-To: <invite-1@zephyrcloud.io>\n"
    "Date: Thu, 10 Dec 2026 11:00:00 +0000\n\n"
    "Thanks for yesterday. We have decided to pursue other candidates."
)


@pytest.fixture
def zephyr(db):
    jana = UserFactory(email="jana@example.org")
    company = CompanyFactory(owner=jana, name="Zephyr Cloud", website="https://zephyrcloud.io")
    ApplicationFactory(owner=jana, company=company, role="Site Reliability Engineer")
    return ApplicationFactory(owner=jana, company=company, role="DevOps Engineer")


def test_a_reply_is_matched_through_the_stored_thread(zephyr):
    inbound_message_store(user=zephyr.owner, raw=INVITE, source="paste")
    stored, reading, created = inbound_message_store(user=zephyr.owner, raw=REPLY, source="paste")
    assert created
    assert reading.match.reasons == ("same thread",)
    assert stored.application == zephyr
    assert stored.suggestion.action == "mark_rejected"


def test_another_users_thread_is_never_followed(zephyr):
    bob = UserFactory()
    bob_company = CompanyFactory(owner=bob, name="Zephyr Cloud", website="https://zephyrcloud.io")
    bob_app = ApplicationFactory(owner=bob, company=bob_company)
    inbound_message_store(user=bob, raw=INVITE, source="paste")
    assert InboundMessage.objects.get(owner=bob).application == bob_app
    stored, reading, _ = inbound_message_store(user=zephyr.owner, raw=REPLY, source="paste")
    assert reading.match.reasons != ("same thread",)
    assert stored.application != bob_app


def test_the_same_message_twice_is_kept_once(zephyr):
    first, _, created = inbound_message_store(user=zephyr.owner, raw=INVITE, source="paste")
    second, _, again = inbound_message_store(user=zephyr.owner, raw=INVITE, source="forward")
    assert (created, again, first.pk) == (True, False, second.pk)
    assert InboundMessage.objects.count() == Suggestion.objects.count() == 1


def test_pasted_text_without_a_message_id_is_kept_once_too(zephyr):
    pasted = INVITE.replace("Message-ID: <invite-1@zephyrcloud.io>\n", "")
    inbound_message_store(user=zephyr.owner, raw=pasted, source="paste")
    _, _, again = inbound_message_store(user=zephyr.owner, raw=pasted, source="paste")
    assert not again
    assert InboundMessage.objects.count() == 1


def test_an_offer_can_never_be_stored_as_automatic(zephyr):
    stored, _, _ = inbound_message_store(user=zephyr.owner, raw=INVITE, source="paste")
    suggestion = stored.suggestion
    suggestion.action = "mark_offer_review"
    suggestion.auto_applicable = True
    with pytest.raises(IntegrityError):
        suggestion.save()
