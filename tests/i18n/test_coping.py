"""The plan after a rejection in German, every word (issue 27): each page of the coping app
with data and empty, each form re-rendered with its errors, the messages after each action,
every reminder email (subject, text, HTML) and every drafted note, rendered for the same data
in German and in English and checked with tests/i18n/check.py. The legal step is H3's and is
checked in its own tests.

Alice reads German (`page_in_both` switches her to English for the second rendering). Her
data is written in German where she would write it, so only names are `allowed`.
"""

import datetime as dt
import email.header
from email.message import Message

import pytest
import time_machine
from django.conf import settings
from django.core.exceptions import ValidationError
from django.test import Client
from django.urls import reverse
from django.utils import translation

from applications.pipeline import Status
from applications.services import application_change_status
from coping import drafts, services
from coping.models import CopingPlan, FeedbackRequest, PlanStep, Reflection, Step
from coping.reminder_kinds import COPING_CHECK_IN, FEEDBACK_CHASE, KEEP_IN_TOUCH
from reminders import emails, kinds, selectors
from reminders.dispatch_services import reminders_dispatch
from reminders.models import Reminder
from tests.factories import (
    ApplicationFactory,
    CompanyFactory,
    ContactFactory,
    InterviewFactory,
    SelfAssessmentFactory,
    UserFactory,
    reject,
    reminders_about,
)
from tests.i18n.check import assert_german, english_left, page_in_both

pytestmark = [pytest.mark.django_db, pytest.mark.frozen("2027-03-10 10:00Z")]

TODAY = dt.date(2027, 3, 10)

# The test's own data: names of people, companies and roles read the same in both languages.
DATA = [
    "Acme",
    "Globex",
    "Initech",
    "Analyst",
    "Data Engineer",
    "Hana Ito",
    "hana@acme.example",
    "Sam Okafor",
    "Alice Adler",
    "Alice",
    "Bob",
]

ALLOWED = DATA


def _german(german: str, english: str, *extra: str, html: bool = True) -> None:
    assert_german(german, english, [*ALLOWED, *extra, *_stored()], html=html)


def _stored() -> list[str]:
    """What the user's plans hold, as saved: drafted in their language (German) when the plan
    opened or the draft was made, it reads the same in both renderings, as their own words do.
    Each line on its own, as the plain-text check compares lines."""
    texts = [settings.SITE_URL + reverse("reminders:list")]
    for reflection in Reflection.objects.all():
        texts += [reflection.qualified, reflection.performance, reflection.tripped_questions]
        texts += reflection.skills_to_improve.splitlines()
        texts.append(" ".join(reflection.skills_to_improve.split()))
    for request in FeedbackRequest.objects.all():
        texts += [request.subject, " ".join(request.body.split()), *request.body.splitlines()]
    return [t for t in texts if t.strip()]


@pytest.fixture
def alice(db):
    return UserFactory(
        email="alice@example.com",
        first_name="Alice",
        last_name="Adler",
        language="de",
        keep_in_touch_months=3,
    )


@pytest.fixture
def hana(alice):
    return ContactFactory(
        company=CompanyFactory(owner=alice, name="Acme"),
        kind="hr",
        name="Hana Ito",
        email="hana@acme.example",
    )


@pytest.fixture
def plan(alice, hana) -> CopingPlan:
    """Acme's rejection, after an interview Alice assessed in her own (German) words."""
    application = ApplicationFactory(
        company=hana.company, role="Analyst", status=Status.INTERVIEWING
    )
    SelfAssessmentFactory(
        interview=InterviewFactory(application=application),
        went_well="Gutes Gespräch mit der Teamleitung",
        tripped_questions="Die Frage zum Systementwurf",
        skills_to_build="Systementwurf\nVerteilte Systeme",
    )
    plan = reject(application)
    assert plan is not None
    return plan


@pytest.fixture
def full_plan(alice, plan) -> CopingPlan:
    """Every section of the plan holds something: a journal entry, a sent feedback request,
    a goal, an outreach, other open applications."""
    services.journal_entry_create(owner=alice, plan=plan, mood=2, text="Heute war schwer.")
    request = services.feedback_request_draft(plan=plan, contact=plan.follow_up.contact)
    services.feedback_request_mark_sent(request=request, on=TODAY)
    services.net_goal_set(plan=plan, target=3, weeks=2)
    sam = ContactFactory(
        company=CompanyFactory(owner=alice, name="Initech"), kind="network", name="Sam Okafor"
    )
    services.outreach_log(owner=alice, plan=plan, contact=sam, on=TODAY, outcome="lead")
    ApplicationFactory(
        company=CompanyFactory(owner=alice, name="Globex"),
        role="Data Engineer",
        status=Status.INTERVIEWING,
    )
    return plan


@pytest.fixture
def client(alice) -> Client:
    client = Client()
    client.force_login(alice)
    return client


def _step(plan: CopingPlan, step: str) -> str:
    return reverse("coping:plan_step", args=[plan.pk, step])


# Pages, with data --------------------------------------------------------------------------


@pytest.mark.parametrize(
    "step", [Step.REFLECT, Step.FEELINGS, Step.WIDEN, Step.NEVER_SETTLE, Step.KEEP_IN_TOUCH]
)
def test_every_step_page_with_data_is_german(client, alice, full_plan, step):
    german, english = page_in_both(client, alice, _step(full_plan, step))
    _german(german, english, "Heute war schwer.", "Systementwurf, Verteilte Systeme")


def test_the_plan_page_with_its_reminders_and_goal_is_german(client, alice, full_plan):
    german, english = page_in_both(client, alice, full_plan.get_absolute_url())
    _german(german, english)
    assert "Nach Acme wieder Tritt fassen" in german
    assert "Absage am 10. März 2027" in german
    assert "von 6 Schritten erledigt oder übersprungen" not in german  # legal step not added
    assert "von 5 Schritten erledigt oder übersprungen" in german
    assert "Erinnerungen zu diesem Plan" in german


def test_the_plans_list_and_journal_with_data_are_german(client, alice, full_plan):
    for url in (reverse("coping:plan_list"), reverse("coping:journal")):
        german, english = page_in_both(client, alice, url)
        _german(german, english, "Heute war schwer.")
    german, _english = page_in_both(client, alice, reverse("coping:journal"))
    assert "Mittwoch, 10. März 2027 · Stimmung 2/5" in german


def test_the_journal_entry_edit_and_delete_pages_are_german(client, alice, full_plan):
    entry = full_plan.journal.get()
    for url in (
        reverse("coping:journal_entry_update", args=[entry.pk]),
        reverse("coping:journal_entry_delete", args=[entry.pk]),
    ):
        german, english = page_in_both(client, alice, url)
        _german(german, english, "Heute war schwer.")
    german, _english = page_in_both(
        client, alice, reverse("coping:journal_entry_delete", args=[entry.pk])
    )
    assert "Ihr Eintrag vom 10. März 2027" in german


def test_the_application_page_section_is_german(client, alice, full_plan):
    german, english = page_in_both(client, alice, full_plan.application.get_absolute_url())
    # Only coping's section: the rest of the page is the applications helper's.
    section = german[german.index('id="coping-heading"') :]
    section = section[: section.index("</section>")]
    section_en = english[english.index('id="coping-heading"') :]
    section_en = section_en[: section_en.index("</section>")]
    _german("<h2 " + section, "<h2 " + section_en)
    assert "Absage am 10. März 2027" in section


def test_a_complete_plan_and_a_closed_one_are_german(client, alice, plan):
    PlanStep.objects.filter(plan=plan).update(state=PlanStep.State.DONE)
    german, english = page_in_both(client, alice, plan.get_absolute_url())
    _german(german, english)
    assert "Alle Schritte geschafft." in german
    services.plan_close(plan=plan)
    german, english = page_in_both(client, alice, plan.get_absolute_url())
    _german(german, english)
    assert "Diesen Plan wieder öffnen" in german


def test_a_ghosted_plan_says_so_in_german(client, alice, hana):
    application = ApplicationFactory(company=hana.company, role="Analyst", status=Status.APPLIED)
    plan = reject(application, to_status=Status.GHOSTED)
    german, english = page_in_both(client, alice, plan.get_absolute_url())
    _german(german, english)
    assert "keine Antwort mehr seit dem 10. März 2027" in german


# Pages, empty ------------------------------------------------------------------------------


def test_the_empty_plans_list_and_journal_are_german(client, alice):
    for url in (reverse("coping:plan_list"), reverse("coping:journal")):
        german, english = page_in_both(client, alice, url)
        _german(german, english)
    german, _english = page_in_both(client, alice, reverse("coping:plan_list"))
    assert "Keine Pläne – und das ist eine gute Nachricht" in german


@pytest.mark.parametrize(
    "step", [Step.REFLECT, Step.FEELINGS, Step.WIDEN, Step.NEVER_SETTLE, Step.KEEP_IN_TOUCH]
)
def test_every_step_page_empty_is_german(client, alice, hana, step):
    """A plan with nothing done yet, no other application and no assessment."""
    application = ApplicationFactory(company=hana.company, role="Analyst", status=Status.APPLIED)
    plan = reject(application)
    german, english = page_in_both(client, alice, _step(plan, step))
    _german(german, english)


# Forms with errors -------------------------------------------------------------------------

INVALID = [
    ("journal", {"mood": "", "text": "", "written_on": "2099-01-01"}),
    (Step.FEELINGS, {"action": "journal", "mood": "9", "written_on": "2099-01-01"}),
    (Step.FEELINGS, {"action": "draft", "contact": "", "subject": "", "body": ""}),
    (Step.FEELINGS, {"action": "received", "received_on": "2027-03-01", "feedback": ""}),
    (Step.WIDEN, {"target": "0", "weeks": "99"}),
    (Step.NEVER_SETTLE, {"contact": "", "on": "", "outcome": "nonsense"}),
    (Step.KEEP_IN_TOUCH, {"interested": "yes", "check_in_on": "2027-03-01", "note": ""}),
]


@pytest.mark.parametrize(("where", "data"), INVALID)
def test_each_form_with_errors_is_german(client, alice, full_plan, where, data):
    url = reverse("coping:journal") if where == "journal" else _step(full_plan, where)
    german, english = page_in_both(client, alice, url, method="post", data=data)
    assert german != english
    _german(german, english, "Heute war schwer.", "Systementwurf, Verteilte Systeme")


def test_feedback_received_before_it_was_asked_for_says_so_in_german(client, alice, full_plan):
    german, _english = page_in_both(
        client,
        alice,
        _step(full_plan, Step.FEELINGS),
        method="post",
        data={"action": "received", "received_on": "2027-03-09", "feedback": "Zu wenig SQL."},
    )
    assert (
        "Die Rückmeldung kann nicht am 9. März 2027 angekommen sein, bevor Sie darum gebeten "
        "haben (10. März 2027)." in german
    )


# What each action says ---------------------------------------------------------------------


def _said(client, url: str, data: dict) -> str:
    """The page an action lands on, with its message."""
    response = client.post(url, data, follow=True)
    assert response.status_code == 200
    return response.content.decode()


def test_what_each_action_says_is_german(client, alice, plan):
    contact = plan.follow_up.contact
    cases = [
        (reverse("coping:journal"), {"mood": "3", "text": "Geht so.", "written_on": TODAY}),
        (_step(plan, Step.REFLECT), {"qualified": "Ja"}),
        (
            _step(plan, Step.FEELINGS),
            {"action": "draft", "contact": contact.pk, "subject": "Bitte", "body": "Text"},
        ),
        (_step(plan, Step.FEELINGS), {"action": "sent"}),
        (_step(plan, Step.WIDEN), {"target": "3", "weeks": "2"}),
        (
            _step(plan, Step.KEEP_IN_TOUCH),
            {"interested": "yes", "check_in_on": "2027-06-10", "contact": contact.pk},
        ),
        (
            reverse("coping:plan_step_state", args=[plan.pk, Step.NEVER_SETTLE]),
            {"state": "skipped"},
        ),
        (reverse("coping:plan_close", args=[plan.pk]), {}),
        (reverse("coping:plan_close", args=[plan.pk]), {"reopen": "1"}),
    ]
    expected = [
        "Tagebucheintrag gespeichert. Nur Sie können ihn sehen.",
        "Rückblick gespeichert. Das hat Mut gekostet.",
        "Bitte um Rückmeldung als Entwurf gespeichert.",
        "Als gesendet markiert. Wenn nichts kommt, erinnern wir Sie in zehn Tagen.",
        "Ziel gesetzt: bisher 0 von 3. Eine Bewerbung nach der anderen.",
        "Nachfassen für den 10. Juni 2027 geplant. Wir schicken Ihnen an dem Morgen eine E-Mail.",
        "ist erledigt",  # or "wird übersprungen": the step's name is H3's
        "Plan abgeschlossen. Gut, dass Sie auf sich geachtet haben.",
        "Der Plan ist wieder offen.",
    ]
    for (url, data), words in zip(cases, expected, strict=True):
        page = _said(client, url, data)
        if words == "ist erledigt":
            words = "wird übersprungen."
        assert words in page, (url, data)
        left = english_left(page, "", [*ALLOWED, "Geht so.", "Bitte", "Text", "Ja"])
        assert not left, (url, left)


def test_an_edited_journal_entry_with_errors_is_german(client, alice, full_plan):
    entry = full_plan.journal.get()
    url = reverse("coping:journal_entry_update", args=[entry.pk])
    data = {"mood": "", "text": "Heute war schwer.", "written_on": "2099-01-01"}
    german, english = page_in_both(client, alice, url, method="post", data=data)
    assert german != english
    _german(german, english, "Heute war schwer.")


def test_what_a_refused_action_says_is_german(client, alice, plan):
    page = _said(
        client, reverse("coping:plan_step_state", args=[plan.pk, Step.WIDEN]), {"state": "?"}
    )
    assert "Unbekannter Stand des Schritts." in page
    services.plan_close(plan=plan)
    application = plan.application
    application_change_status(application=application, to_status=Status.INTERVIEWING)
    assert reject(application) is not None  # a second rejection opens a new plan
    page = _said(client, reverse("coping:plan_close", args=[plan.pk]), {"reopen": "1"})
    assert "Für diese Bewerbung ist schon ein anderer Plan offen." in page


def test_marking_an_application_rejected_offers_the_plan_in_german(alice, hana):
    application = ApplicationFactory(
        company=hana.company, role="Analyst", status=Status.INTERVIEWING
    )
    with translation.override("en"):  # mail in, the API: whatever the process's language
        moved = application_change_status(application=application, to_status=Status.REJECTED)
    (next_step,) = moved.next_steps
    assert next_step.label == "Zum Plan"
    assert next_step.message == (
        "Das ist keine leichte Nachricht von Acme. Wenn Sie so weit sind: Hier ist ein kurzer "
        "Plan, der Ihnen hilft, wieder Tritt zu fassen."
    )


# Drafted notes -----------------------------------------------------------------------------


def _both(alice, make):
    with translation.override("de"):
        german = make()
    with translation.override("en"):
        english = make()
    return german, english


def test_the_feedback_request_reads_as_a_german_letter(alice, plan, hana):
    (subject, body), (subject_en, body_en) = _both(
        alice, lambda: drafts.feedback_request(plan, hana)
    )
    assert subject == "Bitte um Rückmeldung zu meiner Bewerbung als Analyst"
    assert body.startswith("Guten Tag Hana Ito,\n\nvielen Dank für die Zeit")
    assert body.endswith("\n\nMit freundlichen Grüßen\nAlice Adler")
    assert body_en.startswith("Dear Hana,") and body_en.endswith("Best regards,\nAlice Adler")
    _german(subject, subject_en, html=False)
    _german(body, body_en, html=False)


def test_a_german_letter_greets_by_salutation_or_sir_or_madam(alice, plan):
    berger = ContactFactory(company=plan.application.company, name="Frau Dr. Anna Berger")
    vogel = ContactFactory(company=plan.application.company, name="Herr Jonas Vogel")
    with translation.override("de"):
        assert drafts.feedback_greeting(berger) == "Sehr geehrte Frau Dr. Berger,"
        assert drafts.feedback_greeting(vogel) == "Sehr geehrter Herr Vogel,"
        assert drafts.feedback_greeting(None) == "Sehr geehrte Damen und Herren,"
    with translation.override("en"):
        assert drafts.feedback_greeting(None) == "Hello,"


def test_the_keep_in_touch_note_reads_as_a_german_letter(alice, plan):
    german, english = _both(alice, lambda: drafts.keep_in_touch_note(plan))
    assert german.startswith(
        "Guten Tag Hana Ito,\n\nich hatte mich bei Acme als Analyst beworben und im März Ihre "
        "Rückmeldung erhalten."
    )
    assert german.endswith("Mit freundlichen Grüßen\nAlice Adler")
    _german(german, english, html=False)


def test_the_reflection_starts_in_the_owners_language_whoever_opens_the_plan(alice, hana):
    application = ApplicationFactory(
        company=hana.company, role="Analyst", status=Status.INTERVIEWING
    )
    SelfAssessmentFactory(interview=InterviewFactory(application=application))
    with translation.override("en"):  # mail in, the API: no German request around it
        plan = reject(application)
    assert plan.reflection.qualified == (
        "Direkt nach dem Gespräch habe ich meine Eignung mit 4 von 5 bewertet."
    )


# Emails ------------------------------------------------------------------------------------


def _render(reminder: Reminder) -> dict[str, str]:
    reminder.refresh_from_db()
    return emails.render(reminder, kinds.get(reminder.kind), selectors.subject_of(reminder))


def _email_in_both(alice, reminder: Reminder) -> tuple[dict[str, str], dict[str, str]]:
    rendered = []
    for language in ("de", "en"):
        type(alice).objects.filter(pk=alice.pk).update(language=language)
        reminder.owner.refresh_from_db()
        rendered.append(_render(reminder))
    type(alice).objects.filter(pk=alice.pk).update(language="de")
    return rendered[0], rendered[1]


def _assert_email_german(german: dict[str, str], english: dict[str, str], *extra: str) -> None:
    _german(german["subject"], english["subject"], *extra, html=False)
    _german(german["text"], english["text"], *extra, html=False)
    _german(german["html"], english["html"], *extra)


def test_the_keep_in_touch_email_is_german(alice, plan):
    german, english = _email_in_both(alice, reminders_about(plan, KEEP_IN_TOUCH).get())
    _assert_email_german(german, english, "Systementwurf, Verteilte Systeme")
    assert german["subject"] == "Zeit, sich bei Acme zu melden"
    text = " ".join(german["text"].split())
    assert "Heute früh hat Acme Ihnen für die Stelle als Analyst abgesagt." in text or (
        "hat Acme Ihnen für die Stelle als Analyst abgesagt." in text
    )
    assert "statt wie geplant am 10. Juni" in text
    assert "Guten Tag Hana Ito," in text and "Mit freundlichen Grüßen" in text


@pytest.mark.parametrize("done", [0, 4, 5])
def test_the_check_in_email_is_german(alice, plan, done):
    """Several steps left, one left, none left."""
    for plan_step in PlanStep.objects.filter(plan=plan).order_by("pk")[:done]:
        services.plan_step_set(plan=plan, step=plan_step.step, state=PlanStep.State.DONE)
    german, english = _email_in_both(alice, reminders_about(plan, COPING_CHECK_IN).get())
    _assert_email_german(german, english)
    assert german["subject"] == "Wie geht es Ihnen nach der Absage von Acme?"
    text = " ".join(german["text"].split())
    if done == 0:
        assert (
            "ein ruhiger Blick zurück, ein Tagebucheintrag, ein Ziel für neue Bewerbungen, "
            "das Weiterverfolgen Ihrer anderen Bewerbungen und eine Nachricht an die Menschen "
            "in Ihrem Netzwerk." in text
        )
    elif done == 4:
        assert "nur noch ein kleiner Schritt offen – eine Nachricht an die Menschen" in text
    else:
        assert "Sie haben jeden Schritt Ihres Plans geschafft" in text


def test_the_feedback_chase_email_is_german(alice, plan):
    request = services.feedback_request_draft(plan=plan, contact=plan.follow_up.contact)
    services.feedback_request_mark_sent(request=request, on=TODAY)
    german, english = _email_in_both(alice, reminders_about(plan, FEEDBACK_CHASE).get())
    _assert_email_german(german, english)
    assert german["subject"] == "Noch keine Rückmeldung von Acme"
    assert "Bewerbungsverfahren als Analyst gebeten" in german["text"]


def _header(value: str) -> str:
    return str(email.header.make_header(email.header.decode_header(value)))


def _text_part(message: Message) -> str:
    for part in message.walk():
        if part.get_content_type() == "text/plain":
            return part.get_payload(decode=True).decode()
    raise AssertionError("no text part")


def test_a_german_users_check_in_goes_out_in_german_from_the_beat(alice, plan, smtp_sink):
    week_later = time_machine.travel(dt.datetime(2027, 3, 17, 9, tzinfo=dt.UTC), tick=False)
    with week_later, translation.override("en"):  # the worker's own language
        reminders_dispatch()
    (message,) = smtp_sink.wait_for(1)
    assert _header(message["Subject"]) == "Wie geht es Ihnen nach der Absage von Acme?"
    text = _text_part(message)
    assert "Die Absage von Acme ist jetzt eine Woche her." in " ".join(text.split())
    assert not english_left(text, "", [*ALLOWED, *_stored()], html=False)


def test_an_english_users_check_in_stays_english(alice, plan, smtp_sink):
    type(alice).objects.filter(pk=alice.pk).update(language="en")
    week_later = time_machine.travel(dt.datetime(2027, 3, 17, 9, tzinfo=dt.UTC), tick=False)
    with week_later, translation.override("de"):
        reminders_dispatch()
    (message,) = smtp_sink.wait_for(1)
    assert _header(message["Subject"]) == "How are you doing after Acme?"


def test_why_a_reminder_ended_is_kept_in_the_owners_language(alice, plan):
    with translation.override("en"):
        services.follow_up_schedule(follow_up=plan.follow_up, interested=False)
    reminder = reminders_about(plan, KEEP_IN_TOUCH).get()
    assert reminder.ended_reason == "Sie haben sich entschieden, sich dort nicht mehr zu melden."
    request = services.feedback_request_draft(plan=plan)
    services.feedback_request_mark_sent(request=request, on=TODAY)
    with translation.override("en"):
        services.feedback_request_mark_received(request=request, on=TODAY, feedback="Mehr SQL.")
    chase = reminders_about(plan, FEEDBACK_CHASE).get()
    assert chase.ended_reason == "Die Rückmeldung ist angekommen."
    assert FeedbackRequest.objects.get(plan=plan).status == FeedbackRequest.Status.RECEIVED


def test_the_services_refuse_in_german(alice, plan):
    with translation.override("de"), pytest.raises(ValidationError) as refused:
        services.follow_up_schedule(follow_up=plan.follow_up, interested=True, check_in_on=TODAY)
    assert refused.value.messages == ["Wählen Sie für das Nachfassen ein Datum in der Zukunft."]
    stranger = ContactFactory(company=CompanyFactory(owner=UserFactory(), name="Globex"))
    with translation.override("de"), pytest.raises(ValidationError) as refused:
        services.outreach_log(owner=alice, contact=stranger, on=TODAY, outcome="lead")
    assert refused.value.messages == ["Unbekannter Kontakt."]
