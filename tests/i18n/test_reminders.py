"""Reminders in German, every word (issue 27): the reminders page with reminders in every state
and empty, each of its forms and questions with their errors and messages, the preview, every
page a link in an email opens, and the engine's promise: each email is written in its
recipient's language, whatever language the process sending it has, on the beat's own path
(the dispatch task, its send task, SMTP).

Alice reads German (`page_in_both` switches her to English for the second rendering); the
pages a link opens speak the language of the email's owner, signed in or not.
"""

import datetime as dt
import email.header
import uuid
from email.message import Message

import pytest
from django.conf import settings
from django.test import Client
from django.urls import reverse
from django.utils import timezone, translation

from applications.pipeline import Status
from coping.services import feedback_request_draft, feedback_request_mark_sent
from interviews.models import Interview
from interviews.reminder_kinds import INTERVIEW_PREP, PROMISED_REPLY, THANK_YOU
from interviews.services import interview_delete, interview_reminders_sync
from offers.models import Offer
from offers.services import offer_save
from people.services import keep_warm_set
from reminders import emails, kinds, links
from reminders.dispatch_services import reminders_send_batch
from reminders.kinds import load_subjects, scope_of
from reminders.models import Reminder
from reminders.services import reminder_schedule
from reminders.tasks import dispatch_reminders
from tests.factories import (
    ApplicationFactory,
    CompanyFactory,
    ContactFactory,
    InterviewFactory,
    UserFactory,
    reject,
    reminders_about,
)
from tests.i18n.check import assert_german, english_left, page_in_both
from todos.services import todo_add
from weekly.services import letter_settings_save

pytestmark = [pytest.mark.django_db, pytest.mark.frozen("2027-03-10 10:00Z")]

NOW = dt.datetime(2027, 3, 10, 10, tzinfo=dt.UTC)
DATA = [
    "Acme",
    "Globex",
    "Initech",
    "Analyst",
    "Hana Ito",
    "Alice",
    "Europe/Berlin",
    "SMTPDataError 554",
]
LINKS = [f"{settings.SITE_URL}/{path}/" for path in ("interviews", "applications", "reminders")]


@pytest.fixture
def german(alice):
    alice.language = "de"
    alice.save()
    return alice


def _interview(owner, company: str = "Acme", days: int = 5) -> Interview:
    application = ApplicationFactory(
        company=CompanyFactory(owner=owner, name=company),
        role="Analyst",
        status=Status.INTERVIEWING,
        status_changed_on=NOW.date(),
    )
    starts = NOW + dt.timedelta(days=days, hours=4)
    interview = InterviewFactory(
        application=application,
        starts_at=starts,
        ends_at=starts + dt.timedelta(hours=1),
        promised_reply_by=(starts + dt.timedelta(days=7)).date(),
        questions="",
    )
    interview.interviewers.set([ContactFactory(company=application.company, name="Hana Ito")])
    interview_reminders_sync(interview=interview)
    return interview


@pytest.fixture
def every_state(german):
    """Alice's reminders in each state a page shows: scheduled, sending, failed with its
    error, sent, sent and stopped, done, cancelled with a reason."""
    acme = _interview(german)
    globex = _interview(german, "Globex", days=9)
    prep, thank_you, reply = (
        reminders_about(acme, kind).get() for kind in (INTERVIEW_PREP, THANK_YOU, PROMISED_REPLY)
    )
    Reminder.objects.filter(pk=thank_you.pk).update(
        status="failed", last_error="SMTPDataError 554", attempts=8
    )
    Reminder.objects.filter(pk=reply.pk).update(status="sending", lease_token=uuid.uuid4())
    g_prep, g_thanks, g_reply = (
        reminders_about(globex, kind).get() for kind in (INTERVIEW_PREP, THANK_YOU, PROMISED_REPLY)
    )
    Reminder.objects.filter(pk=g_prep.pk).update(status="sent", sent_at=NOW)
    Reminder.objects.filter(pk=g_thanks.pk).update(
        status="sent", sent_at=NOW, ended_reason=Reminder.STOPPED_FROM_EMAIL
    )
    Reminder.objects.filter(pk=g_reply.pk).update(status="done")
    # Cancelled the way Rebound cancels: its reason written in Alice's words.
    gone = _interview(german, "Initech", days=12)
    with translation.override("en"):  # whatever the process speaks
        interview_delete(interview=gone)
    return {"scheduled": prep, "failed": thank_you, "sending": reply, "sent": g_prep}


def _check(client, user, url, *, method="get", data=None, allowed=()):
    german, english = page_in_both(client, user, url, method=method, data=data)
    assert_german(german, english, [*DATA, *allowed])
    return german


# --- the reminders page and its forms -------------------------------------------------------


def test_the_reminders_page_with_every_state(german, alice_client, every_state):
    page = _check(alice_client, german, reverse("reminders:list"))
    for words in (
        "Konnten nicht gesendet werden",
        "Der Mailserver hat sie nicht angenommen (SMTPDataError 554).",
        "Geplant · fällig am",
        "Wird gesendet · fällig am",
        "Gesendet am 10. März 2027",
        "Sie haben sie über ihre E-Mail beendet.",
        "Das Gespräch wurde gelöscht.",
        "Datum ändern",
        "Streichen…",
        "Gesprächsvorbereitung",
        "Dankesschreiben",
        "Zugesagte Rückmeldung",
    ):
        assert words in page, words


def test_the_reminders_page_empty_and_waiting_for_a_confirmed_address(german, alice_client):
    page = _check(alice_client, german, reverse("reminders:list"))
    assert "Nichts geplant." in page and "Noch keine." in page
    type(german).objects.filter(pk=german.pk).update(email_verified=False)
    page = _check(alice_client, german, reverse("reminders:list"))
    assert "Ihre Adresse ist noch nicht bestätigt" in page


def test_changing_a_date_and_its_errors(german, alice_client, every_state):
    url = reverse("reminders:update", args=[every_state["scheduled"].pk])
    page = _check(alice_client, german, url)
    assert "Datum von „Gesprächsvorbereitung“ ändern" in page
    page = _check(
        alice_client, german, url, method="post", data={"local_date": "x", "local_time": "25:00"}
    )
    assert "Bitte ein gültiges Datum eingeben." in page
    past = {"local_date": "2027-03-10", "local_time": "08:00"}
    page = _check(alice_client, german, url, method="post", data=past)
    assert "Wählen Sie einen Zeitpunkt in der Zukunft" in page
    late = {"local_date": "2040-01-01", "local_time": "08:00"}
    _check(alice_client, german, url, method="post", data=late)
    response = alice_client.post(
        url, {"local_date": "2027-03-20", "local_time": "08:00"}, follow=True
    )
    assert [str(m) for m in response.context["messages"]] == ["Erinnerung verschoben."]


def test_cancelling_asks_then_says_what_happened(german, alice_client, every_state):
    for state in ("scheduled", "failed"):
        url = reverse("reminders:cancel", args=[every_state[state].pk])
        page = _check(alice_client, german, url)
        assert "Erinnerung streichen" in page and "Behalten" in page
    url = reverse("reminders:cancel", args=[every_state["scheduled"].pk])
    response = alice_client.post(url, follow=True)
    assert [str(m) for m in response.context["messages"]] == ["Erinnerung gestrichen."]
    response = alice_client.post(url, follow=True)
    assert [str(m) for m in response.context["messages"]] == [
        "Nichts zu streichen. Die Erinnerung wurde gestrichen: Sie haben sie selbst gestrichen."
    ]
    page = _check(alice_client, german, reverse("reminders:list"))
    assert "Sie haben sie selbst gestrichen." in page


def test_sending_now_asks_then_says_what_happened(german, alice_client, every_state):
    for state in ("scheduled", "failed"):
        _check(alice_client, german, reverse("reminders:send_now", args=[every_state[state].pk]))
    url = reverse("reminders:send_now", args=[every_state["scheduled"].pk])
    page = _check(alice_client, german, url)
    assert "statt am 14. März 2027 um 18:00 Uhr" in page
    response = alice_client.post(url, follow=True)
    assert [str(m) for m in response.context["messages"]] == [
        "Ist unterwegs: Die E-Mail wird innerhalb einer Minute verschickt."
    ]
    sent = reverse("reminders:send_now", args=[every_state["sent"].pk])
    response = alice_client.get(sent, follow=True)
    assert [str(m) for m in response.context["messages"]] == [
        "Nichts zu senden. Die Erinnerung wurde am 10. März 2027 gesendet."
    ]


def test_the_preview_and_its_email(german, alice_client, every_state):
    for state in ("scheduled", "failed", "sent"):
        url = reverse("reminders:preview", args=[every_state[state].pk])
        page = _check(alice_client, german, url, allowed=LINKS)
        assert "Betreff" in page and "So sieht die E-Mail aus" in page
        _check(
            alice_client,
            german,
            reverse("reminders:preview_email", args=[every_state[state].pk]),
            allowed=LINKS,
        )


def test_a_preview_that_wont_be_sent_says_why_in_german(german, alice_client, every_state):
    reminder = every_state["scheduled"]
    Interview.objects.filter(pk=reminder.subject_id).update(promised_reply_by=None)
    reply = reminders_about(Interview(pk=reminder.subject_id), PROMISED_REPLY).get()
    page = _check(alice_client, german, reverse("reminders:preview", args=[reply.pk]))
    assert (
        "Diese E-Mail wird nicht gesendet: Es ist kein Datum für die Rückmeldung mehr eingetragen."
        in page
    )
    Interview.objects.filter(pk=reminder.subject_id).delete()
    page = _check(alice_client, german, reverse("reminders:preview", args=[reminder.pk]))
    assert "Das, worum es ging, wurde gelöscht; deshalb wird die E-Mail nicht gesendet." in page


def test_the_state_sentences(german, every_state):
    for reminder in Reminder.objects.filter(owner=german):
        with translation.override("de"):
            de = reminder.state_sentence()
        with translation.override("en"):
            en = reminder.state_sentence()
        assert not english_left(de, en, DATA, html=False), de
        assert de.startswith("Die Erinnerung ") and de != en


def test_the_models_words_in_german(german):
    with translation.override("de"):
        names = [str(Reminder._meta.verbose_name), str(Reminder._meta.verbose_name_plural)]
        names += [str(label) for _, label in Reminder.Status.choices]
        names += [str(f.verbose_name) for f in Reminder._meta.fields if f.name != "id"]
    with translation.override("en"):
        english = [str(Reminder._meta.verbose_name), str(Reminder._meta.verbose_name_plural)]
        english += [str(label) for _, label in Reminder.Status.choices]
        english += [str(f.verbose_name) for f in Reminder._meta.fields if f.name != "id"]
    same = {"Status", "Version"}  # the same word in German
    left = [de for de, en in zip(names, english, strict=True) if de == en and de not in same]
    assert left == []


# --- the pages a link in an email opens ------------------------------------------------------


def _link_pair(reminder: Reminder, action: str, *, method: str = "get") -> tuple[str, str]:
    """The page a link opens, for its owner reading German then English; nobody signed in,
    and a browser asking for the other language."""
    pages = []
    for language, browser in (("de", "en"), ("en", "de")):
        type(reminder.owner).objects.filter(pk=reminder.owner_id).update(language=language)
        reminder.refresh_from_db()
        url = links.link(reminder, action).removeprefix(settings.SITE_URL)
        response = getattr(Client(HTTP_ACCEPT_LANGUAGE=browser), method)(url)
        pages.append(response.content.decode())
    type(reminder.owner).objects.filter(pk=reminder.owner_id).update(language="de")
    return pages[0], pages[1]


def test_the_link_pages_ask_in_the_owners_language(german, every_state):
    for action in ("done", "snooze", "stop"):
        de, en = _link_pair(every_state["scheduled"], action)
        assert_german(de, en, DATA)
        assert '<html lang="de">' in de


def test_the_link_pages_after_acting(german):
    said = {}
    companies = iter(f"Acme {n}" for n in range(10))
    for action in ("done", "snooze", "stop", "stop after sending"):
        pages = []
        for language in ("de", "en"):
            german.language = language
            german.save()
            reminder = reminders_about(_interview(german, next(companies)), THANK_YOU).get()
            if action == "stop after sending":  # it stays sent, stopped for good
                Reminder.objects.filter(pk=reminder.pk).update(status="sent", sent_at=NOW)
                reminder.refresh_from_db()
            url = links.link(reminder, action.split()[0]).removeprefix(settings.SITE_URL)
            # Nobody signed in, a browser asking for English: the owner's language wins.
            pages.append(Client(HTTP_ACCEPT_LANGUAGE="en").post(url).content.decode())
        assert_german(*pages, DATA)
        said[action] = pages[0]
    assert "Als erledigt markiert" in said["done"]
    assert "Wir schreiben Ihnen wieder am" in said["snooze"]
    assert "Sie bekommen diese Erinnerung nicht." in said["stop"]
    assert "endgültig abgeschlossen" in said["stop after sending"]


def test_finished_reminders_links_say_where_it_stands(german, every_state):
    stopped = every_state["scheduled"]
    Client().post(links.link(stopped, "stop").removeprefix(settings.SITE_URL))
    for action in ("stop", "done", "snooze"):
        de, en = _link_pair(stopped, action)
        assert_german(de, en, DATA)
        assert "Diese Erinnerung ist abgeschlossen" in de


def test_a_used_snooze_link_and_an_action_that_cant_act(german, every_state):
    reminder = every_state["sent"]
    stale = links.link(reminder, "snooze").removeprefix(settings.SITE_URL)
    Reminder.objects.filter(pk=reminder.pk).update(version=reminder.version + 1)
    pages = []
    for language in ("de", "en"):
        type(german).objects.filter(pk=german.pk).update(language=language)
        pages.append(Client().get(stale).content.decode())
    assert_german(*pages, DATA)
    assert "Dieser Link wurde schon verwendet" in pages[0]


def test_a_link_that_names_no_reminder_follows_the_browser(german):
    token = links.make_token(Reminder(pk=10**9, version=1), "done")
    for url in (f"/r/{token}/", "/r/not-a-token/"):
        de = Client(HTTP_ACCEPT_LANGUAGE="de").get(url).content.decode()
        en = Client(HTTP_ACCEPT_LANGUAGE="en").get(url).content.decode()
        assert_german(de, en, DATA)
        assert "Dieser Link funktioniert nicht" in de
    with pytest.MonkeyPatch.context() as patch:
        patch.setattr(links, "MAX_AGE", -1)
        de = Client(HTTP_ACCEPT_LANGUAGE="de").get(f"/r/{token}/").content.decode()
        en = Client(HTTP_ACCEPT_LANGUAGE="en").get(f"/r/{token}/").content.decode()
    assert_german(de, en, DATA)
    assert "Dieser Link ist abgelaufen" in de


# --- the engine: each email in its recipient's language ----------------------------------


def _parts(message: Message) -> dict[str, str]:
    header = email.header.decode_header(message["Subject"])
    found = {"subject": str(email.header.make_header(header))}
    for part in message.walk():
        if part.get_content_maintype() == "text":
            found[part.get_content_type()] = part.get_payload(decode=True).decode()
    return found


@pytest.mark.parametrize("process_language", ["en", "de"])
def test_the_beat_sends_each_owner_their_own_language(
    german, eager_tasks, smtp_sink, process_language
):
    """The beat's path: the dispatch task claims what is due and hands it to the send task,
    which renders and sends; here the tasks run inline, in a process speaking one language,
    and each recipient still reads their own."""
    english = UserFactory(email="bob@example.com", first_name="Bob", language="en")
    due = []
    for owner in (german, english):
        interview = _interview(owner)
        due.append(reminders_about(interview, INTERVIEW_PREP).get())
    Reminder.objects.filter(pk__in=[r.pk for r in due]).update(
        due_at=NOW - dt.timedelta(minutes=1), run_at=NOW - dt.timedelta(minutes=1)
    )
    with translation.override(process_language):
        assert dispatch_reminders.delay().get() == 2
    messages = {m["To"]: m for m in smtp_sink.wait_for(2)}
    assert set(messages) == {german.email, english.email}
    to_german, to_english = _parts(messages[german.email]), _parts(messages[english.email])
    assert messages[german.email]["Content-Language"] == "de"
    assert messages[english.email]["Content-Language"] == "en"
    assert to_german["subject"] == "Montag, 15. März: Ihr Fachgespräch bei Acme"
    assert to_english["subject"] == "Monday 15 March: your technical interview with Acme"
    for part in ("subject", "text/plain", "text/html"):
        html = part == "text/html"
        assert_german(to_german[part], to_english[part], [*DATA, *LINKS, "Bob"], html=html)
    assert "Hello" not in to_german["text/plain"]
    assert "Hello Bob," in to_english["text/plain"]
    sent = Reminder.objects.filter(pk__in=[r.pk for r in due]).values_list("status", flat=True)
    assert set(sent) == {"sent"}


def _due_of_each_kind(owner) -> list[Reminder]:
    """One reminder of every kind any app declares, about a real subject of the owner's."""
    made = []
    for name, kind in sorted(kinds.registered().items()):
        application = ApplicationFactory(
            company=CompanyFactory(owner=owner), role="Analyst", status=Status.INTERVIEWING
        )
        if kind.subject_model == "applications.Application":
            subject = ApplicationFactory(company=CompanyFactory(owner=owner), role="Analyst")
        elif kind.subject_model == "interviews.Interview":
            soon = timezone.now() + dt.timedelta(days=2)
            subject = InterviewFactory(
                application=application,
                starts_at=soon,
                ends_at=soon + dt.timedelta(hours=1),
                promised_reply_by=soon.date(),
            )
        elif kind.subject_model == "todos.Todo":
            subject = todo_add(
                application=application, title="Mappe schicken",
                due_on=timezone.now().date() + dt.timedelta(days=21), remind_before=1,
            )  # fmt: skip
        elif kind.subject_model == "offers.Offer":
            in_offer = ApplicationFactory(company=CompanyFactory(owner=owner), status=Status.OFFER)
            subject = offer_save(
                offer=Offer(
                    application=in_offer, currency="EUR", base_salary=85_000,
                    deadline=timezone.now().date() + dt.timedelta(days=25),
                )
            )  # fmt: skip
        elif kind.subject_model == "people.KeepWarm":
            contact = ContactFactory(owner=owner, company=None, kind="network")
            subject = keep_warm_set(contact=contact, weeks=4)
        elif kind.subject_model == "weekly.WeeklyLetter":
            subject = letter_settings_save(user=owner, enabled=True, weekday=0, goal=None)
        else:
            assert kind.subject_model == "coping.CopingPlan", kind.subject_model
            subject = reject(application)
            request = feedback_request_draft(plan=subject)
            feedback_request_mark_sent(request=request, on=subject.opened_on)
        made.append(
            reminder_schedule(
                owner=owner,
                kind=name,
                subject=subject,
                local_date=timezone.now().date() + dt.timedelta(days=20),
                scope=scope_of(subject),
            )
        )
    return made


def test_every_kinds_email_is_rendered_in_its_owners_language(german):
    """The engine's part for every app's kinds (their wording is their own): each email is
    rendered as its owner reads it, whatever the process speaks; the frame every email shares
    (greeting, buttons, footer) is German."""
    for reminder in _due_of_each_kind(german):
        reminder = Reminder.objects.select_related("owner").get(pk=reminder.pk)
        kind = kinds.get(reminder.kind)
        subject = load_subjects([(reminder.kind, reminder.subject_id)])[
            (reminder.kind, reminder.subject_id)
        ]
        with translation.override("en"):
            rendered = emails.render(reminder, kind, subject)
            message = emails.message(reminder, rendered).message()
        assert rendered["language"] == "de", reminder.kind
        assert message["Content-Language"] == "de"
        assert '<html lang="de">' in rendered["html"], reminder.kind
        assert "Diese Erinnerung beenden" in rendered["html"], reminder.kind
        assert "Stop this reminder" not in rendered["text"], reminder.kind


def test_a_batch_sends_every_kind_in_its_owners_language(german, smtp_sink):
    """reminders_send_batch (what the send task runs) for a German owner and every kind, in
    a process speaking English: every email says it is German, and the shared frame is."""
    made = _due_of_each_kind(german)
    ids = [r.pk for r in made]
    token = uuid.uuid4()
    Reminder.objects.filter(pk__in=ids).update(status="sending", lease_token=token)
    with translation.override("en"):
        outcome = reminders_send_batch(reminder_ids=ids, lease_token=token)
    assert outcome == {"sent": len(ids)}
    for message in smtp_sink.wait_for(len(ids)):
        assert message["Content-Language"] == "de"
        html = _parts(message)["text/html"]
        assert '<html lang="de">' in html and "Diese Erinnerung beenden" in html


def test_a_reason_stored_in_english_before_german_is_shown_in_german(german, alice_client):
    """Rows written before Rebound spoke German hold English reasons: those Rebound wrote are
    catalogue entries, and show in the reader's language."""
    interview = _interview(german)
    reminders_about(interview).update(
        status="cancelled", ended_reason="The application is rejected."
    )
    page = _check(alice_client, german, reverse("reminders:list"))
    assert "Auf die Bewerbung kam eine Absage." in page
    reminder = reminders_about(interview, THANK_YOU).get()
    with translation.override("de"):
        assert reminder.state_sentence() == (
            "Die Erinnerung wurde gestrichen: Auf die Bewerbung kam eine Absage."
        )
    with translation.override("en"):
        assert reminder.state_sentence() == "It was cancelled: the application is rejected."
