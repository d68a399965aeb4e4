"""A contact's page and the keep-warm nudge in German, every word (issue 28): the page with a
whole history and empty, the form with each of its errors, the messages after each action, and
the nudge's email (subject, text, HTML), each rendered for the same data in German and in
English and checked with tests/i18n/check.py."""

import pytest
from django.conf import settings
from django.test import Client
from django.urls import reverse
from django.utils import translation

from people import services
from reminders import emails, kinds
from reminders.models import Reminder
from tests.factories import ContactFactory
from tests.i18n.check import assert_german, page_in_both
from tests.people.histories import History, make_history

pytestmark = [pytest.mark.django_db, pytest.mark.frozen("2027-03-10 10:00Z")]


@pytest.fixture
def history(alice) -> History:
    """Hana's history with Alice, as tests/people has it."""
    return make_history(alice)


# The test's own data: names, a title, an address, a phone number, a subject, a note.
DATA = [
    "Hana Ito",
    "Head of Data",
    "hana@acme.example",
    "+49 30 1234567",
    "Met at PyCon.",
    "Coffee next week?",
    "Acme",
    "Analyst",
    "Nobody",
    "LinkedIn",
]


def _url(contact_id: int) -> str:
    return reverse("people:contact_detail", args=[contact_id])


def test_the_contact_page_with_a_whole_history_is_german(
    alice_client: Client, alice, history: History
) -> None:
    german, english = page_in_both(alice_client, alice, _url(history.hana.pk))
    assert_german(german, english, DATA)
    assert "20. Februar 2027" in german or "20. Feb. 2027" in german


def test_the_contact_page_with_keep_warm_on_is_german(
    alice_client: Client, alice, history: History
) -> None:
    services.keep_warm_set(contact=history.hana, weeks=4)
    german, english = page_in_both(alice_client, alice, _url(history.hana.pk))
    assert_german(german, english, DATA)
    assert "Nächste Erinnerung" in german


def test_the_contact_page_with_nothing_yet_is_german(alice_client: Client, alice) -> None:
    nobody = ContactFactory(owner=alice, company=None, name="Nobody", email="", kind="hr")
    german, english = page_in_both(alice_client, alice, _url(nobody.pk))
    assert_german(german, english, DATA)
    assert "Noch nichts mit dieser Person" in german


@pytest.mark.parametrize("weeks", ["1", "27", "", "bald"])
def test_the_keep_warm_form_errors_are_german(
    alice_client: Client, alice, history: History, weeks: str
) -> None:
    german, english = page_in_both(
        alice_client,
        alice,
        reverse("people:keep_warm_set", args=[history.hana.pk]),
        method="post",
        data={"weeks": weeks},
    )
    assert_german(german, english, [*DATA, "bald"])
    assert "Wochen" in german


@pytest.mark.parametrize("action", ["keep_warm_set", "contact_touched", "keep_warm_off"])
def test_the_messages_after_each_action_are_german(
    alice_client: Client, alice, history: History, action: str
) -> None:
    if action == "keep_warm_off":
        services.keep_warm_set(contact=history.hana, weeks=4)
    type(alice).objects.filter(pk=alice.pk).update(language="de")
    response = alice_client.post(
        reverse(f"people:{action}", args=[history.hana.pk]), {"weeks": 4}, follow=True
    )
    shown = [str(m) for m in response.context["messages"]]
    assert shown, action
    for message in shown:
        assert_german(message, "", DATA, html=False)
    assert any(word in " ".join(shown) for word in ("Kontaktpflege", "Kontakt"))


def _rendered(reminder: Reminder, language: str) -> dict[str, str]:
    type(reminder.owner).objects.filter(pk=reminder.owner_id).update(language=language)
    reminder = Reminder.objects.select_related("owner").get(pk=reminder.pk)
    subject = kinds.load_subjects([(reminder.kind, reminder.subject_id)])[
        (reminder.kind, reminder.subject_id)
    ]
    # The process speaks the other language: the owner's must win.
    with translation.override("en" if language == "de" else "de"):
        return emails.render(reminder, kinds.get(reminder.kind), subject)


@pytest.mark.parametrize("met", [True, False])
def test_the_keep_warm_email_is_german(alice, history: History, met: bool) -> None:
    contact = history.hana
    if not met:
        contact = ContactFactory(owner=alice, company=None, name="Nobody", email="", kind="network")
    keep_warm = services.keep_warm_set(contact=contact, weeks=4)
    reminder = Reminder.objects.get(kind=services.KEEP_WARM, subject_id=keep_warm.pk)
    german, english = _rendered(reminder, "de"), _rendered(reminder, "en")
    links = [settings.SITE_URL + keep_warm.get_absolute_url()]
    allowed = [*DATA, *links]
    assert_german(german["subject"], english["subject"], allowed, html=False)
    assert_german(german["text"], english["text"], allowed, html=False)
    assert_german(german["html"], english["html"], allowed)
    assert german["subject"].startswith("Zeit, sich wieder bei")
    if met:
        assert "20. Februar 2027" in german["text"] or "20. Feb. 2027" in german["text"]


def test_the_nudges_own_words_are_german(alice, history: History) -> None:
    keep_warm = services.keep_warm_set(contact=history.hana, weeks=4)
    kind = kinds.get(services.KEEP_WARM)
    with translation.override("de"):
        said = [
            str(kind.label),
            str(kind.when),
            str(kind.send_now_note),
            kind.describe(keep_warm),
            str(kind.actions[0].label),
            str(kind.actions[0].question),
        ]
    with translation.override("en"):
        english = [
            str(kind.label),
            str(kind.when),
            str(kind.send_now_note),
            kind.describe(keep_warm),
            str(kind.actions[0].label),
            str(kind.actions[0].question),
        ]
    assert_german("\n".join(said), "\n".join(english), DATA, html=False)
    type(alice).objects.filter(pk=alice.pk).update(language="de")
    alice.refresh_from_db()
    with translation.override("de"):
        done = kind.actions[0].run(keep_warm)
    assert done.startswith("Notiert:")
