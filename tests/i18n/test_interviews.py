"""Interviews in German, every word (issue 27): each page of the interviews app with data and
empty, each form re-rendered with its errors, the messages after each action, the section on
an application's page, the calendar file, the drafted thank-you note and every email the app
owns (thank-you, promised reply, interview prep: subject, text and HTML, in each of their
cases), rendered for the same data in German and in English and checked with
tests/i18n/check.py.

Alice reads German (`page_in_both` switches her to English for the second rendering). Her own
words (notes, questions, her self-assessment) are written in German, as she would write them;
only names, addresses and the time zone are `allowed`.
"""

import datetime as dt

import icalendar
import pytest
from django.conf import settings
from django.template.loader import render_to_string
from django.urls import reverse
from django.utils import timezone, translation

from interviews import drafts
from interviews.calendar import interview_calendar
from interviews.models import Interview
from interviews.reminder_kinds import INTERVIEW_PREP, PROMISED_REPLY, THANK_YOU
from interviews.templatetags.interview_tags import application_interviews
from reminders import emails, kinds
from reminders.kinds import scope_of
from reminders.models import Reminder
from reminders.services import reminder_schedule
from tests.factories import (
    ApplicationFactory,
    CompanyFactory,
    ContactFactory,
    InterviewFactory,
    SelfAssessmentFactory,
)
from tests.i18n.check import assert_german, english_left, page_in_both

pytestmark = [pytest.mark.django_db, pytest.mark.frozen("2027-03-10 10:00Z")]

NOW = dt.datetime(2027, 3, 10, 10, tzinfo=dt.UTC)
# The test's own data that reads the same in both languages: names, places, the time zone.
DATA = [
    "Acme",
    "Analyst",
    "Hana Ito",
    "Sam Okafor",
    "CTO",
    "Alice",
    "Europe/Berlin",
    "Raum 4, Hauptstraße 1",
    "https://meet.example/acme",
    # Alice's own words, written in German as she would write them.
    "Erzählen Sie von sich",
    "Warum Acme?",
    "Guter Draht zur Teamleitung",
    "Die Frage nach verteilten Zählern",
    "Mehr Beispiele vorbereiten",
    "Systementwurf",
    "Fallstudie ausdrucken",
    "SQL",
]
# Links in emails: their paths are English words, and the same in every language.
LINKS = [f"{settings.SITE_URL}/{path}/" for path in ("interviews", "applications", "reminders")]


@pytest.fixture
def german(alice):
    alice.language = "de"
    alice.last_name = "Adler"
    alice.save()
    return alice


@pytest.fixture
def acme(german):
    company = CompanyFactory(owner=german, name="Acme")
    return ApplicationFactory(
        company=company, role="Analyst", status="interviewing", status_changed_on=NOW.date()
    )


def _interview(application, *, starts_at, assessed=False, **fields):
    interview = InterviewFactory(
        application=application,
        starts_at=starts_at,
        ends_at=starts_at + dt.timedelta(minutes=45),
        questions="Erzählen Sie von sich\nWarum Acme?",
        **fields,
    )
    if assessed:
        SelfAssessmentFactory(
            interview=interview,
            went_well="Guter Draht zur Teamleitung",
            tripped_questions="Die Frage nach verteilten Zählern",
            change_next_time="Mehr Beispiele vorbereiten",
            skills_to_build="Systementwurf\nSQL",
        )
    return interview


@pytest.fixture
def rounds(acme):
    """A past round assessed, a past one not yet, and one ahead with everything filled in."""
    hana = ContactFactory(company=acme.company, name="Hana Ito", title="CTO")
    past = _interview(acme, starts_at=NOW - dt.timedelta(days=9), assessed=True)
    past.interviewers.set([hana])
    unassessed = _interview(acme, starts_at=NOW - dt.timedelta(days=2), round_type="phone_screen")
    ahead = _interview(
        acme,
        starts_at=NOW + dt.timedelta(days=1, hours=3),
        round_type="onsite",
        format="onsite",
        location="Raum 4, Hauptstraße 1",
        preparation_notes="Fallstudie ausdrucken",
        promised_reply_by=(NOW + dt.timedelta(days=8)).date(),
    )
    ahead.interviewers.set([hana])
    return past, unassessed, ahead


def _check(client, user, url, *, method="get", data=None, allowed=()):
    german, english = page_in_both(client, user, url, method=method, data=data)
    assert_german(german, english, [*DATA, *allowed])
    return german


# --- pages --------------------------------------------------------------------------------


def test_the_interviews_list_with_rounds_and_empty(german, alice_client, rounds):
    page = _check(alice_client, german, reverse("interviews:list"))
    assert "Demnächst" in page and "Vergangen" in page and "Eingeschätzt" in page
    Interview.objects.all().delete()
    page = _check(alice_client, german, reverse("interviews:list"))
    assert "Noch keine vergangenen Gespräche." in page


def test_each_interview_page_in_german(german, alice_client, rounds):
    past, unassessed, ahead = rounds
    for interview in rounds:
        _check(alice_client, german, reverse("interviews:detail", args=[interview.pk]))
        _check(alice_client, german, reverse("interviews:update", args=[interview.pk]))
        _check(alice_client, german, reverse("interviews:delete", args=[interview.pk]))
        _check(alice_client, german, reverse("interviews:assessment_edit", args=[interview.pk]))
    page = _check(alice_client, german, reverse("interviews:detail", args=[ahead.pk]))
    assert "Gespräch vor Ort" in page and "Gesprächspartner" in page
    page = _check(alice_client, german, reverse("interviews:detail", args=[unassessed.pk]))
    assert "Selbsteinschätzung schreiben" in page and "Telefoninterview" in page
    page = _check(alice_client, german, reverse("interviews:detail", args=[past.pk]))
    assert "Ihre Selbsteinschätzung" in page and "Wie gut Sie vorbereitet waren" in page


def test_a_bare_interview_page_in_german(german, alice_client, acme):
    bare = InterviewFactory(
        application=acme,
        starts_at=NOW + dt.timedelta(days=20),
        ends_at=NOW + dt.timedelta(days=20, hours=1),
        questions="",
        round_type="other",
    )
    page = _check(alice_client, german, reverse("interviews:detail", args=[bare.pk]))
    assert "Noch keine notiert." in page


def test_the_form_to_log_an_interview_and_its_errors(german, alice_client, acme):
    ContactFactory(company=acme.company, name="Sam Okafor")
    url = reverse("interviews:create", args=[acme.pk])
    page = _check(alice_client, german, url)
    assert "Gespräch eintragen" in page and "Neue Gesprächspartner" in page
    # Nothing chosen; an end before its start; a reply promised before the interview.
    page = _check(alice_client, german, url, method="post", data={"location": "Raum 4"})
    assert "Dieses Feld ist zwingend erforderlich." in page
    bad = {
        "round_type": "technical",
        "format": "video",
        "date": "2027-03-12",
        "start_time": "14:00",
        "end_time": "13:00",
        "promised_reply_by": "2027-03-11",
    }
    page = _check(alice_client, german, url, method="post", data=bad)
    assert "Das Gespräch muss nach seinem Beginn enden." in page
    assert "Das Datum der Rückmeldung darf nicht vor dem Gespräch liegen." in page
    page = _check(alice_client, german, url, method="post", data={**bad, "date": "2035-01-01"})
    assert "Das Datum des Gesprächs darf nicht nach dem" in page
    assert Interview.objects.count() == 0


def test_an_interview_before_the_date_applied_asks_in_german(german, alice_client):
    applied = ApplicationFactory(
        company=CompanyFactory(owner=german, name="Acme"),
        role="Analyst",
        status_changed_on=dt.date(2027, 3, 5),
    )
    url = reverse("interviews:create", args=[applied.pk])
    data = {
        "round_type": "technical",
        "format": "video",
        "date": "2027-03-01",
        "start_time": "10:00",
        "end_time": "11:00",
    }
    page = _check(alice_client, german, url, method="post", data=data)
    assert "Ja, Bewerbungsdatum auf den 1. März verschieben" in page
    assert "vor dem Datum Ihrer Bewerbung (5. März)" in page
    assert Interview.objects.count() == 0


def test_the_self_assessment_form_and_its_errors(german, alice_client, rounds):
    url = reverse("interviews:assessment_edit", args=[rounds[1].pk])
    page = _check(alice_client, german, url)
    assert "Wie ist es gelaufen?" in page and "Wie klar Sie sich ausgedrückt haben" in page
    page = _check(alice_client, german, url, method="post", data={"confidence": "9"})
    assert "Dieses Feld ist zwingend erforderlich." in page


def test_the_messages_after_each_action_are_german(german, alice_client, acme):
    def said(response) -> list[str]:
        return [str(m) for m in response.context["messages"]]

    response = alice_client.post(
        reverse("interviews:create", args=[acme.pk]),
        {
            "round_type": "final",
            "format": "phone",
            "date": "2027-03-20",
            "start_time": "09:00",
            "end_time": "10:00",
            "new_interviewers": "Sam Okafor",
        },
        follow=True,
    )
    interview = Interview.objects.get()
    assert said(response) == ["Gespräch eingetragen."]
    response = alice_client.post(
        reverse("interviews:update", args=[interview.pk]),
        {
            "round_type": "final",
            "format": "phone",
            "date": "2027-03-21",
            "start_time": "09:00",
            "end_time": "10:00",
        },
        follow=True,
    )
    assert said(response) == ["Gespeichert."]
    ratings = {name: "3" for name in ("qualification_fit", "preparation", "communication")}
    ratings |= {"technical_answers": "4", "rapport": "5", "confidence": "4"}
    response = alice_client.post(
        reverse("interviews:assessment_edit", args=[interview.pk]), ratings, follow=True
    )
    assert said(response) == [
        "Selbsteinschätzung gespeichert. Schön, dass Sie sich die Zeit genommen haben."
    ]
    response = alice_client.post(reverse("interviews:delete", args=[interview.pk]), follow=True)
    assert said(response) == ["Gespräch gelöscht; seine Erinnerungen sind gestrichen."]
    # What the deletion wrote on its reminders is German too: Alice reads it on her page.
    reasons = set(Reminder.objects.filter(owner=german).values_list("ended_reason", flat=True))
    assert "Das Gespräch wurde gelöscht." in reasons


def test_the_section_on_an_application_page(german, rounds, acme):
    def section(language: str) -> str:
        with translation.override(language):
            return render_to_string(
                "interviews/_application_interviews.html", application_interviews(acme)
            )

    german_html, english_html = section("de"), section("en")
    assert_german(german_html, english_html, DATA)
    assert "Ihre Selbsteinschätzung – Zuversicht 3/5" in german_html
    assert "2 gestellte Fragen" in german_html
    Interview.objects.all().delete()
    assert_german(section("de"), section("en"), DATA)


def test_the_calendar_file_names_the_round_in_german(german, rounds):
    ahead = rounds[2]
    summaries = []
    for language in ("de", "en"):
        with translation.override(language):
            (event,) = icalendar.Calendar.from_ical(interview_calendar(ahead)).walk("VEVENT")
        summaries.append(str(event["summary"]))
    assert summaries == [
        "Gespräch vor Ort – Analyst bei Acme",
        "On-site interview — Analyst at Acme",
    ]


def test_the_drafted_thank_you_note(german, rounds):
    past = rounds[0]
    notes = []
    for language in ("de", "en"):
        with translation.override(language):
            notes.append(drafts.thank_you_note(past))
    assert_german(*notes, [*DATA, "Alice Adler"], html=False)
    assert "Mit freundlichen Grüßen\nAlice Adler" in notes[0]


# --- emails -------------------------------------------------------------------------------


def _rendered(reminder: Reminder, language: str) -> dict[str, str]:
    """The email as sent to its owner reading `language`, whatever the process speaks."""
    type(reminder.owner).objects.filter(pk=reminder.owner_id).update(language=language)
    reminder = Reminder.objects.select_related("owner").get(pk=reminder.pk)
    kind = kinds.get(reminder.kind)
    subject = kinds.load_subjects([(reminder.kind, reminder.subject_id)])[
        (reminder.kind, reminder.subject_id)
    ]
    # The process speaks the other language: the owner's must win.
    with translation.override("en" if language == "de" else "de"):
        return emails.render(reminder, kind, subject)


def _assert_email_german(reminder: Reminder, allowed=()) -> dict[str, str]:
    german, english = _rendered(reminder, "de"), _rendered(reminder, "en")
    everything = [*DATA, *LINKS, *allowed]
    assert_german(german["subject"], english["subject"], everything, html=False)
    assert_german(german["text"], english["text"], everything, html=False)
    assert_german(german["html"], english["html"], everything)
    assert german["language"] == "de" and english["language"] == "en"
    assert '<html lang="de">' in german["html"]
    return german


def _reminder(interview: Interview, kind: str) -> Reminder:
    return reminder_schedule(
        owner=interview.owner,
        kind=kind,
        subject=interview,
        local_date=(NOW + dt.timedelta(days=3)).date(),
        scope=scope_of(interview.application),
    )


@pytest.mark.parametrize("day", [0, 1, 5])
def test_the_prep_email_today_tomorrow_and_later(german, rounds, day):
    ahead = rounds[2]
    ahead.starts_at = NOW + dt.timedelta(days=day, hours=3)
    ahead.ends_at = ahead.starts_at + dt.timedelta(hours=1)
    ahead.save()
    german_email = _assert_email_german(_reminder(ahead, INTERVIEW_PREP))
    opening = {0: "Heute: Ihr Gespräch vor Ort bei Acme", 1: "Morgen: Ihr Gespräch vor Ort"}
    if day in opening:
        assert german_email["subject"].startswith(opening[day])
    else:
        assert german_email["subject"] == "Montag, 15. März: Ihr Gespräch vor Ort bei Acme"
    assert "persönlich: Raum 4, Hauptstraße 1" in german_email["text"]
    assert "Gesprächspartner: Hana Ito (CTO)" in german_email["text"]
    assert "Woran Sie in früheren Runden ins Stocken kamen" in german_email["text"]
    assert ("Auch guter Schlaf" in german_email["text"]) is (day != 0)


@pytest.mark.parametrize(
    ("shift", "assessed"),
    [
        (dt.timedelta(hours=2), False),
        (-dt.timedelta(hours=20), True),
        (-dt.timedelta(days=12), False),
    ],
)
def test_the_thank_you_email_before_after_and_late(german, acme, shift, assessed):
    interview = _interview(acme, starts_at=NOW + shift, assessed=assessed)
    interview.interviewers.set([ContactFactory(company=acme.company, name="Hana Ito")])
    german_email = _assert_email_german(_reminder(interview, THANK_YOU), ["Alice Adler"])
    assert german_email["subject"] == "Ein kurzes Dankeschön an Acme"
    assert "Mit freundlichen Grüßen" in german_email["text"]


@pytest.mark.parametrize("overdue", [True, False])
def test_the_promised_reply_email(german, acme, overdue):
    promised = NOW.date() + (dt.timedelta(days=-2) if overdue else dt.timedelta(days=2))
    interview = _interview(acme, starts_at=NOW - dt.timedelta(days=7), promised_reply_by=promised)
    german_email = _assert_email_german(_reminder(interview, PROMISED_REPLY))
    assert german_email["subject"].startswith("Acme wollte sich bis ")
    assert ("Funkstille ist häufig" in german_email["text"]) is overdue


def test_the_kinds_words_for_the_reminders_page(german, rounds):
    ahead = rounds[2]
    for kind in (THANK_YOU, PROMISED_REPLY, INTERVIEW_PREP):
        declared = kinds.get(kind)
        with translation.override("de"):
            de = [str(declared.label), str(declared.when), declared.describe(ahead)]
        with translation.override("en"):
            en = [str(declared.label), str(declared.when), declared.describe(ahead)]
        assert not english_left("\n".join(de), "\n".join(en), DATA, html=False), de


def test_obsolete_and_cancelled_reasons_are_written_in_the_owners_language(german, rounds):
    """A reason is written when the reminder ends, in the words of its owner, whoever ends it
    (here a process speaking English)."""
    from applications.services import application_change_status

    ahead = rounds[2]
    prep = _reminder(ahead, INTERVIEW_PREP)
    with translation.override("en"):
        application_change_status(application=ahead.application, to_status="rejected")
    prep.refresh_from_db()
    assert (prep.status, prep.ended_reason) == ("cancelled", "Auf die Bewerbung kam eine Absage.")
    with translation.override("de"):
        assert prep.state_sentence() == (
            "Die Erinnerung wurde gestrichen: Auf die Bewerbung kam eine Absage."
        )
    assert timezone.now() == NOW


def test_a_companys_name_is_text_in_the_text_part_and_escaped_in_the_html(german):
    application = ApplicationFactory(
        company=CompanyFactory(owner=german, name='AT&T "Labs" <Berlin>'),
        role="R&D",
        status="interviewing",
    )
    interview = _interview(application, starts_at=NOW + dt.timedelta(days=2))
    for kind in (INTERVIEW_PREP, THANK_YOU):
        german_email = _rendered(_reminder(interview, kind), "de")
        assert 'AT&T "Labs" <Berlin>' in german_email["subject"]
        assert 'bei AT&T "Labs" <Berlin>' in german_email["text"]
        assert "als R&D" in german_email["text"]
        assert "<strong>AT&amp;T &quot;Labs&quot; &lt;Berlin&gt;</strong>" in german_email["html"]
        assert "<Berlin>" not in german_email["html"]
