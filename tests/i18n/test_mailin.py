"""Mail in in German, every word (issue 27): the Inbox (empty, and with questions waiting,
applied and dismissed), a kept email's page, the Ways in page (before and after a forwarding
address and an IMAP folder), each form again with its errors, the messages after each action,
and the questions Rebound asks, rendered for the same data in German and in English and
checked with tests/i18n/check.py.

The questions and the IMAP folder's last problem are kept as words when the email is read
(by a paste, the SMTP service or the beat's IMAP poll): they are written in the owner's
language whatever language the process reading the email was in, so they are checked for
English words on their own, and passed as data to the page checks.
"""

import datetime as dt
import socket

import pytest
from django.contrib.messages import get_messages
from django.template.loader import render_to_string
from django.test import Client
from django.urls import reverse
from django.utils import translation

from applications.models import StatusChange
from mailin.models import ImapAccount, InboundMessage, InboxPreference, Suggestion
from mailin.services import sources
from mailin.services.messages import inbound_message_store
from mailin.tasks import imap_account_poll_task
from tests.factories import ApplicationFactory, CompanyFactory, UserFactory
from tests.i18n.check import assert_german, english_left, page_in_both

pytestmark = [pytest.mark.django_db, pytest.mark.frozen("2026-12-06 12:00Z")]

# The emails' own words (names, subjects, the text shown as it came) read the same in both.
DATA = [
    "Northwind Labs Recruiting",
    "Northwind Labs",
    "Northwind",
    "Ironbark Security Recruiting",
    "Ironbark Security",
    "Security Analyst",
    "Data Analyst",
    "BI Analyst",
    "Nora",
    "jobs@northwindlabs.com",
    "careers@ironbarksecurity.com",
    "nora@northwindlabs.com",
    "Your application for Data Analyst",
    "Application received: Security Analyst",
    "Data Analyst interview",
    "Your offer",
    "ada@example.org",
    "imap.example.com",
    "INBOX",
    "Port",
    "25 new jobs for you",
]

# H1's status words (applications/pipeline.py), German once its catalogue is compiled.
STATUS_WORDS = ["Rejected", "rejected", "Applied", "applied", "Wishlist", "wishlist"]

REJECTION = (
    "From: Northwind Labs Recruiting <jobs@northwindlabs.com>\n"
    "To: ada@example.org\n"
    "Subject: Your application for Data Analyst\n"
    "Message-ID: <no-1@northwindlabs.com>\n"
    "Date: Thu, 03 Dec 2026 09:30:00 +0100\n\n"
    "Dear Ada,\n\nThank you for your interest in the Data Analyst position at Northwind Labs. "
    "Unfortunately, we have decided to move forward with other candidates whose experience "
    "more closely matches our needs.\n\nWe wish you every success.\nNorthwind Labs Talent Team"
)
OFFER = (
    "From: Northwind Labs <jobs@northwindlabs.com>\nSubject: Your offer\n"
    "Message-ID: <offer-1@northwindlabs.com>\nDate: Fri, 04 Dec 2026 10:00:00 +0100\n\n"
    "Dear Ada,\n\nWe are delighted to offer you the position of Data Analyst at Northwind Labs. "
    "Your offer letter is attached.\n\nBest, Northwind Labs"
)
INVITE = (
    "From: Nora <nora@northwindlabs.com>\nSubject: Data Analyst interview\n"
    "Message-ID: <invite-1@northwindlabs.com>\nDate: Tue, 01 Dec 2026 11:00:00 +0000\n\n"
    "We would like to invite you to a technical interview for the Data Analyst role on "
    "Wednesday 16 December at 14:00 GMT. It will be a video call on Zoom."
)
CONFIRMATION = (
    "From: Ironbark Security <careers@ironbarksecurity.com>\n"
    "Subject: Application received: Security Analyst\n"
    "Message-ID: <got-1@ironbarksecurity.com>\nDate: Thu, 26 Nov 2026 08:00:00 +0100\n\n"
    "Thank you for applying to Ironbark Security. We have received your application for the "
    "Security Analyst position and will review it carefully.\n\nIronbark Security Recruiting"
)
NEWSLETTER = (
    "From: Weekly Jobs <digest@jobs.example>\nSubject: 25 new jobs for you\n"
    "Message-ID: <digest-1@jobs.example>\nDate: Wed, 02 Dec 2026 07:00:00 +0000\n"
    "List-Unsubscribe: <mailto:unsubscribe@jobs.example>\n\n"
    "25 new jobs matching your search. Unsubscribe at any time."
)


@pytest.fixture
def ada():
    return UserFactory(email="ada@example.org", timezone="Europe/Berlin", language="de")


@pytest.fixture
def northwind(ada):
    company = CompanyFactory(owner=ada, name="Northwind Labs", website="https://northwindlabs.com")
    return ApplicationFactory(
        owner=ada, company=company, role="Data Analyst", status_changed_on=dt.date(2026, 11, 2)
    )


@pytest.fixture
def client(ada):
    client = Client()
    client.force_login(ada)
    return client


def _store(user, raw):
    # As the SMTP service and the IMAP poll keep mail: outside a request, in English.
    with translation.override("en"):
        stored, _reading, _created = inbound_message_store(
            user=user, raw=raw, source=InboundMessage.Source.FORWARD
        )
    return stored


def _questions(user):
    return [s.text for s in Suggestion.objects.filter(owner=user)]


def _messages(response):
    return [str(m) for m in get_messages(response.wsgi_request)]


# --- the questions, kept in the owner's language ---------------------------------------------


def test_the_questions_are_asked_in_the_owners_language_whoever_read_the_email(ada, northwind):
    ironbark = CompanyFactory(owner=ada, name="Ironbark Security")
    ApplicationFactory(owner=ada, company=ironbark, role="Security Analyst", status="wishlist")
    for raw in (REJECTION, OFFER, INVITE, CONFIRMATION, NEWSLETTER):
        _store(ada, raw)
    questions = _questions(ada)
    assert len(questions) == 5
    for question in questions:
        assert not english_left(question, "", DATA, html=False), question
    assert "Northwind Labs hat Ihnen am 3. Dez. für „Data Analyst“ abgesagt" in " ".join(questions)


def test_an_english_readers_questions_stay_english(northwind):
    english = UserFactory(email="en@example.org", language="en")
    company = CompanyFactory(owner=english, name="Northwind Labs")
    ApplicationFactory(owner=english, company=company, role="Data Analyst")
    with translation.override("de"):
        inbound_message_store(user=english, raw=REJECTION, source=InboundMessage.Source.PASTE)
    (question,) = _questions(english)
    assert question.startswith("Northwind Labs said no to Data Analyst on 3 Dec")


def test_an_automatic_rejection_writes_the_timeline_in_the_owners_language(ada, northwind):
    InboxPreference.objects.create(owner=ada, auto_apply=True)
    _store(ada, REJECTION)
    northwind.refresh_from_db()
    assert northwind.status == "rejected"
    change = StatusChange.objects.filter(application=northwind).order_by("-pk").first()
    assert change.note == "Aus einer E-Mail von Northwind Labs"


def test_the_beats_imap_poll_keeps_its_problem_in_the_owners_language(ada, settings):
    settings.MAILIN_IMAP_ALLOW_PRIVATE_HOSTS = True
    with socket.socket() as unused:
        unused.bind(("127.0.0.1", 0))
        port = unused.getsockname()[1]
    account = ImapAccount.objects.create(
        owner=ada, host="127.0.0.1", port=port, security="plain", username="ada", password="x"
    )
    with translation.override("en"):
        imap_account_poll_task(account.pk)
    account.refresh_from_db()
    assert account.last_error.startswith("Rebound konnte keine Verbindung zu 127.0.0.1 auf Port")
    assert not english_left(account.last_error, "", ["127.0.0.1", str(port)], html=False)


# --- the pages --------------------------------------------------------------------------------


def test_the_empty_inbox(client, ada):
    german, english = page_in_both(client, ada, reverse("mailin:inbox"))
    assert "Posteingang" in german
    assert_german(german, english, DATA)


def test_the_inbox_with_questions_waiting_applied_and_dismissed(client, ada, northwind):
    InboxPreference.objects.create(owner=ada, auto_apply=True)
    ironbark = CompanyFactory(owner=ada, name="Ironbark Security")
    ApplicationFactory(owner=ada, company=ironbark, role="Security Analyst", status="wishlist")
    # Two Data Analyst applications: the invitation asks which one.
    ApplicationFactory(
        owner=ada, company=CompanyFactory(owner=ada, name="Globex"), role="BI Analyst"
    )
    for raw in (REJECTION, OFFER, INVITE, CONFIRMATION, NEWSLETTER):
        _store(ada, raw)
    newsletter = Suggestion.objects.get(owner=ada, message__subject="25 new jobs for you")
    client.post(reverse("mailin:suggestion_dismiss", args=[newsletter.pk]))
    assert Suggestion.objects.filter(owner=ada, state="applied").exists()
    german, english = page_in_both(client, ada, reverse("mailin:inbox"))
    assert "Automatisch übernommen" in german and "Verworfen" in german
    assert_german(german, english, [*DATA, *_questions(ada), "Globex"])


def test_a_kept_emails_page_and_one_no_longer_kept(client, ada, northwind):
    stored = _store(ada, REJECTION)
    german, english = page_in_both(client, ada, reverse("mailin:message_detail", args=[stored.pk]))
    assert "3. Dez. 2026" in german
    # The email is shown as it came: its words are the sender's, not Rebound's.
    text = [line.strip() for line in REJECTION.split("\n\n", 1)[1].splitlines() if line.strip()]
    shown = [*DATA, *_questions(ada), *text, REJECTION.split("\n\n", 1)[1]]
    assert_german(german, english, shown)
    InboundMessage.objects.filter(pk=stored.pk).update(raw="", raw_until=None)
    german, english = page_in_both(client, ada, reverse("mailin:message_detail", args=[stored.pk]))
    assert_german(german, english, [*DATA, *_questions(ada)])


def test_the_emails_on_an_applications_page(ada, northwind):
    _store(ada, REJECTION)
    rendered = []
    for language in ("de", "en"):
        with translation.override(language):
            rendered.append(
                render_to_string(
                    "mailin/_application_section.html",
                    {
                        "application": northwind,
                        "emails": list(InboundMessage.objects.filter(application=northwind)),
                    },
                )
            )
    german, english = rendered
    assert "E-Mail von Northwind Labs, 3. Dez.: Absage" in german
    assert "Email from Northwind Labs, 3 Dec: rejection" in english
    assert_german(german, english, DATA)


def test_the_ways_in_page_before_anything_is_set_up(client, ada):
    german, english = page_in_both(client, ada, reverse("mailin:ways_in"))
    assert "Weiterleitungsadresse" in german
    assert_german(german, english, DATA)


def test_the_ways_in_page_with_an_address_and_a_folder(client, ada, northwind):
    sources.forwarding_address_create(user=ada)
    _store(ada, REJECTION)
    ImapAccount.objects.create(
        owner=ada,
        host="imap.example.com",
        port=993,
        username="ada@example.org",
        password="x",
        last_polled_at=dt.datetime(2026, 12, 6, 10, tzinfo=dt.UTC),
        last_error="",
    )
    german, english = page_in_both(client, ada, reverse("mailin:ways_in"))
    assert "vor 2\xa0Stunden" in german
    address = sources.forwarding_address_live(user=ada).address
    assert_german(german, english, [*DATA, address, "Apple iCloud Mail"])


def test_the_imap_form_with_its_errors(client, ada):
    data = {"host": "not a host!", "security": "ssl", "port": "0", "username": "", "password": ""}
    german, english = page_in_both(
        client, ada, reverse("mailin:imap_connect"), method="post", data=data
    )
    assert "Schreiben Sie nur den Namen des Servers" in german
    assert_german(german, english, [*DATA, "not a host!"])


# --- what each action says --------------------------------------------------------------------


def test_what_the_inbox_says_after_each_action(client, ada, northwind):
    said = []
    said += _messages(client.post(reverse("mailin:paste"), {"text": ""}))
    said += _messages(client.post(reverse("mailin:paste"), {"text": REJECTION}))
    said += _messages(client.post(reverse("mailin:paste"), {"text": REJECTION}))
    suggestion = Suggestion.objects.get(owner=ada)
    said += _messages(client.post(reverse("mailin:suggestion_apply", args=[suggestion.pk])))
    said += _messages(client.post(reverse("mailin:suggestion_undo", args=[suggestion.pk])))
    said += _messages(
        client.post(reverse("mailin:suggestion_correct", args=[suggestion.pk]), {"label": "x"})
    )
    said += _messages(
        client.post(
            reverse("mailin:suggestion_correct", args=[suggestion.pk]), {"label": "rejection"}
        )
    )
    said += _messages(client.post(reverse("mailin:suggestion_dismiss", args=[suggestion.pk])))
    said += _messages(client.post(reverse("mailin:preferences"), {"keep_raw_days": "3"}))
    said += _messages(client.post(reverse("mailin:preferences"), {"keep_raw_days": "30"}))
    said += _messages(client.post(reverse("mailin:address_new")))
    said += _messages(client.post(reverse("mailin:address_new")))
    said += _messages(client.post(reverse("mailin:address_remove")))
    said += _messages(client.post(reverse("mailin:imap_poll_now")))
    said += _messages(client.post(reverse("mailin:imap_remove")))
    # Each response carries the messages not yet shown: every one, once.
    said = list(dict.fromkeys(said))
    assert len(said) == 15, said
    assert "Ihr Plan ist geöffnet." in " ".join(said)
    for text in said:
        allowed = [*DATA, *_questions(ada), *STATUS_WORDS]
        assert not english_left(text, "", allowed, html=False), text


@pytest.mark.parametrize(
    "changes, said",
    [
        ({"password": "not-the-password"}, "hat Benutzername und Passwort nicht angenommen"),
        ({"folder": "Bewerbungen"}, "es gibt keinen Ordner namens „Bewerbungen“"),
    ],
)
def test_what_a_real_imap_server_refuses_is_said_in_german(client, ada, settings, changes, said):
    from tests.mailin.dovecot import running_dovecot

    settings.MAILIN_IMAP_ALLOW_PRIVATE_HOSTS = True
    with running_dovecot({"ada": "ada-imap-pw"}) as server:
        data = {
            "host": server.host,
            "port": server.port,
            "security": "plain",
            "username": "ada",
            "password": "ada-imap-pw",
            "folder": "INBOX",
            **changes,
        }
        german, english = page_in_both(
            client, ada, reverse("mailin:imap_connect"), method="post", data=data
        )
    assert said in german
    shown = [*DATA, server.host, str(server.port), "ada", "Bewerbungen", "INBOX/Jobs", "INBOX.Jobs"]
    assert_german(german, english, shown)


def test_the_interview_form_from_an_invitation(client, ada, northwind):
    stored = _store(ada, INVITE)
    url = reverse("mailin:suggestion_interview", args=[stored.suggestion.pk])
    german, english = page_in_both(client, ada, url)
    assert "Gespräch aus der E-Mail eintragen" in german
    assert_german(german, english, [*DATA, "Northwind Labs — Data Analyst"])
