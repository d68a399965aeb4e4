"""The applications app in German, every word (issue 27): the table, the board, quick add, an
application and its forms, companies and contacts, attachments, bulk actions, the import from
upload to done, the "no reply yet" email and its drafted follow-up, rendered for the same data
in German and in English and checked with tests/i18n/check.py; and the two facts the German
work-search log reads (a company's address, how an application was sent).

Alice reads German (`page_in_both` switches her to English for the second rendering). Her data
is names, so only those are `allowed`.
"""

import datetime as dt
import email.header
from email.message import Message

import pytest
import time_machine
from django.conf import settings
from django.core.exceptions import ValidationError
from django.core.files.uploadedfile import SimpleUploadedFile
from django.urls import reverse
from django.utils import translation

from applications import archive_services, attachment_services, export, services
from applications.imports.services import steps
from applications.models import Application, AppliedVia, Company, ImportJob
from applications.no_reply_services import NO_REPLY
from applications.pipeline import Status
from applications.reminder_kinds import follow_up_note
from applications.tag_services import application_set_tags
from reminders import emails, kinds, selectors
from reminders.dispatch_services import reminders_dispatch
from tests.factories import (
    ApplicationFactory,
    CompanyFactory,
    ContactFactory,
    UserFactory,
    reminders_about,
)
from tests.i18n.check import assert_german, english_left, page_in_both

pytestmark = [pytest.mark.django_db, pytest.mark.frozen("2027-03-10 10:00Z")]

TODAY = dt.date(2027, 3, 10)

# The test's own data: names of people, companies, roles, tags and files.
DATA = [
    "Acme",
    "Globex",
    "Initech",
    "Analyst",
    "Data Engineer",
    "Hana Ito",
    "hana@acme.example",
    "Sam Okafor",
    "Alice",
    "Berlin",
    "Fintech",
    "lebenslauf.pdf",
    "Lebenslauf 2027",
    "bewerbungen.csv",
    "Firma",
    "Stelle",
    "Stand",
    "Beworben am",
    "Bemerkung",
    "Absage",
    "Einladung",
    "EUR",
    "+49 30 1234567",
    "Hauptstraße 1, 10115 Berlin",
    # The same word in German.
    "Website",
    # Links in emails (their paths are English words).
    f"{settings.SITE_URL}/applications/",
    f"{settings.SITE_URL}/reminders/",
]


def _german(german: str, english: str, *extra: str, html: bool = True) -> None:
    assert_german(german, english, [*DATA, *extra], html=html)


@pytest.fixture
def alice(db):
    return UserFactory(email="alice@example.com", first_name="Alice", language="de")


@pytest.fixture
def client(alice, client):
    client.force_login(alice)
    return client


@pytest.fixture
def acme(alice) -> Company:
    return CompanyFactory(
        owner=alice,
        name="Acme",
        website="https://acme.example",
        address="Hauptstraße 1, 10115 Berlin",
    )


@pytest.fixture
def hana(alice, acme):
    return ContactFactory(
        owner=alice, company=acme, name="Hana Ito", email="hana@acme.example", kind="recruiter"
    )


@pytest.fixture
def applied(alice, acme, hana) -> Application:
    """Applied on 1 March, with its people, a tag, the résumé sent, and a step since."""
    application = ApplicationFactory(
        company=acme,
        role="Analyst",
        status_changed_on=dt.date(2027, 3, 1),
        salary_min=50000,
        salary_max=60000,
        currency="EUR",
        location="Berlin",
        remote_mode="hybrid",
        applied_via=AppliedVia.EMAIL,
    )
    application.contacts.set([hana])
    application_set_tags(application=application, names=["Fintech"])
    attachment_services.attachment_add(
        application=application,
        kind="resume",
        upload=SimpleUploadedFile("lebenslauf.pdf", b"%PDF-1.4 cv", "application/pdf"),
        version="Lebenslauf 2027",
    )
    return application


@pytest.fixture
def many(alice, applied):
    """Applications in every lane: the board and the table have something everywhere."""
    globex = CompanyFactory(owner=alice, name="Globex")
    initech = CompanyFactory(owner=alice, name="Initech")
    made = [applied]
    for status, company in (
        (Status.WISHLIST, globex),
        (Status.INTERVIEWING, initech),
        (Status.REJECTED, globex),
        (Status.GHOSTED, initech),
    ):
        made.append(
            ApplicationFactory(
                company=company,
                role="Data Engineer",
                status=status,
                status_changed_on=dt.date(2027, 2, 20),
            )
        )
    archive_services.application_archive(application=made[3])
    return made


# Pages with data -----------------------------------------------------------------------------


def _urls(applied: Application, hana) -> list[str]:
    attachment = applied.attachments.get()
    change = applied.status_changes.first()
    return [
        reverse("applications:application_list"),
        reverse("applications:application_list") + "?status=open&sort=role&archived=on",
        reverse("applications:application_list") + "?q=Analyst",
        reverse("applications:board"),
        reverse("applications:board") + "?show=rejected",
        reverse("applications:board") + "?tag=Fintech",
        reverse("applications:quick_add"),
        reverse("applications:quick_add") + "?title=Data+Engineer+bei+Initech+%7C+Karriere",
        reverse("applications:application_create"),
        reverse("applications:application_create") + f"?company={applied.company_id}",
        reverse("applications:company_history") + f"?company={applied.company_id}",
        applied.get_absolute_url(),
        reverse("applications:application_update", args=[applied.pk]),
        reverse("applications:application_delete", args=[applied.pk]),
        reverse("applications:status_change_correct", args=[change.pk]),
        reverse("applications:attachment_add", args=[applied.pk]),
        reverse("applications:attachment_remove", args=[attachment.pk]),
        reverse("applications:company_list"),
        reverse("applications:company_list") + "?q=Nirgendwo",
        applied.company.get_absolute_url(),
        reverse("applications:company_create"),
        reverse("applications:company_update", args=[applied.company_id]),
        reverse("applications:company_delete", args=[applied.company_id]),
        reverse("applications:contact_list"),
        reverse("applications:contact_list") + "?kind=hr",
        reverse("applications:contact_create"),
        reverse("applications:contact_update", args=[hana.pk]),
        reverse("applications:contact_delete", args=[hana.pk]),
        reverse("applications:import_start"),
    ]


def test_every_page_with_data_is_german(client, alice, many, hana):
    applied = many[0]
    failed = []
    for url in _urls(applied, hana):
        german, english = page_in_both(client, alice, url)
        try:
            _german(german, english, "Nirgendwo", "https://acme.example")
        except AssertionError as error:
            failed.append(f"{url}: {error}")
    assert not failed, "\n".join(failed)


def test_the_application_page_says_its_facts_in_german(client, applied):
    page = " ".join(client.get(applied.get_absolute_url()).content.decode().split())
    assert 'Art der Bewerbung</dt><dd class="col-sm-8">per E-Mail</dd>' in page
    assert "seit 1. März 2027" in page
    assert "Angelegt als „Beworben“" in page
    assert "Personen bei Acme" not in page and "Weitere bei Acme" in page
    assert "50.000–60.000 EUR" in page


def test_the_table_rows_built_in_python_are_german(client, many):
    page = " ".join(client.get(reverse("applications:application_list")).content.decode().split())
    assert (
        '<td data-label="Unternehmen">' in page and '"badge text-bg-light">archiviert' not in page
    )
    assert "1. März 2027" in page and "Analyst bei Acme" in page
    assert "5 Bewerbungen" not in page and "4 Bewerbungen" in page


def test_the_board_cards_and_move_choices_are_german(client, many):
    response = client.get(reverse("applications:board"))
    page = response.content.decode()
    assert ">Verschieben<span" in page and "Analyst bei Acme" in page
    groups = response.context["move_choices"]["interviewing"]["groups"]
    assert [name for name, _moves in groups] == ["Weiter", "Abschließen", "Einen Schritt zurück"]
    assert groups[0][1] == [("offer", "Angebot")]
    # The same board for an English reader is English: the move choices are per language.
    bob = UserFactory(language="en")
    client.force_login(bob)
    assert "Back a step" in client.get(reverse("applications:board")).content.decode()


# Empty pages ------------------------------------------------------------------------------


@pytest.mark.parametrize(
    "url",
    [
        reverse("applications:application_list"),
        reverse("applications:application_list") + "?status=offer",
        reverse("applications:board"),
        reverse("applications:company_list"),
        reverse("applications:contact_list"),
        reverse("applications:contact_list") + "?kind=hr",
        reverse("applications:import_start"),
    ],
)
def test_every_empty_page_is_german(client, alice, url):
    german, english = page_in_both(client, alice, url)
    _german(german, english)


# Forms with errors ----------------------------------------------------------------------------


def _forms(applied: Application, hana) -> list[tuple[str, dict[str, object]]]:
    change = applied.status_changes.first()
    return [
        (
            reverse("applications:application_create"),
            {
                "role": "",
                "salary_min": "9",
                "salary_max": "1",
                "excitement": "9",
                "date_applied": "2099-01-01",
                "currency": "EURO",
                "applied_via": "fax",
            },
        ),
        (
            reverse("applications:application_update", args=[applied.pk]),
            {
                "company": applied.company_id,
                "role": "Analyst",
                "excitement": "3",
                "date_applied": "",
                "salary_min": "5",
            },
        ),
        (
            reverse("applications:application_update", args=[applied.pk]),
            {
                "company": applied.company_id,
                "new_company": "Globex",
                "role": "Analyst",
                "excitement": "0",
                "date_applied": "1960-01-01",
            },
        ),
        (reverse("applications:quick_add"), {"company": "", "role": "", "posting_url": "kein"}),
        (
            reverse("applications:quick_add"),
            {"company": "Acme", "role": "Analyst", "salary_min": "9", "salary_max": "1"},
        ),
        (reverse("applications:status_change_correct", args=[change.pk]), {"on": "2099-01-01"}),
        (
            reverse("applications:company_create"),
            {"name": "Acme", "website": "kein", "address": "x" * 501},
        ),
        (
            reverse("applications:contact_create"),
            {"name": "", "email": "kein", "company": applied.company_id, "new_company": "Globex"},
        ),
        (reverse("applications:contact_update", args=[hana.pk]), {"name": "", "kind": "boss"}),
        (reverse("applications:attachment_add", args=[applied.pk]), {"kind": "resume"}),
        (
            reverse("applications:attachment_add", args=[applied.pk]),
            {"kind": "resume", "file": SimpleUploadedFile("lebenslauf.pdf", b"not a pdf")},
        ),
        (
            reverse("applications:attachment_add", args=[applied.pk]),
            {"kind": "resume", "file": SimpleUploadedFile("lebenslauf.exe", b"MZ")},
        ),
        (
            reverse("applications:import_start"),
            {"file": SimpleUploadedFile("bewerbungen.csv", b"Firma;Stelle\n")},
        ),
        (
            reverse("applications:import_start"),
            {"file": SimpleUploadedFile("bewerbungen.csv", b"%PDF-1.4 kein csv")},
        ),
    ]


def test_every_form_with_errors_is_german(client, alice, applied, hana):
    failed = []
    for url, data in _forms(applied, hana):
        for value in data.values():
            if hasattr(value, "seek"):
                value.seek(0)
        pages = []
        for language in ("de", "en"):
            type(alice).objects.filter(pk=alice.pk).update(language=language)
            for value in data.values():
                if hasattr(value, "seek"):
                    value.seek(0)
            response = client.post(url, data)
            assert response.status_code == 200, (url, response.status_code)
            pages.append(response.content.decode())
        type(alice).objects.filter(pk=alice.pk).update(language="de")
        assert (
            "is-invalid" in pages[0] or "alert-danger" in pages[0] or "invalid-feedback" in pages[0]
        ), url
        try:
            _german(pages[0], pages[1], "kein", "Globex", "x" * 501)
        except AssertionError as error:
            failed.append(f"{url} {data}: {error}")
    assert not failed, "\n".join(failed)


# Messages after each action ------------------------------------------------------------------


def _messages(response) -> list[str]:
    return [str(m) for m in response.context["messages"]] if response.context else []


def test_what_each_action_says_is_german(client, alice, applied, many):
    def said(method, url, data=None):
        response = getattr(client, method)(url, data or {}, follow=True)
        return " ".join(_messages(response))

    move = reverse("applications:application_change_status", args=[applied.pk])
    assert said("post", move, {"to_status": "interviewing"}) == "Verschoben nach „Im Gespräch“."
    assert said("post", move, {"to_status": "interviewing"}) == (
        "Sie stand bereits auf „Im Gespräch“."
    )
    assert said("post", move, {"to_status": "wishlist"}) == (
        "Eine Bewerbung kann nicht direkt von „Im Gespräch“ zu „Merkliste“ wechseln."
    )
    assert said("post", move, {"to_status": "offer", "on": "2027-02-01"}) == (
        "Sie kann nicht am 1. Feb. 2027 auf „Angebot“ gekommen sein: Das liegt vor dem "
        "Bewerbungsdatum (1. März 2027)."
    )
    archive = reverse("applications:application_archive", args=[applied.pk])
    assert said("post", archive) == "Nur eine abgeschlossene Bewerbung kann archiviert werden."
    assert said("post", reverse("applications:company_delete", args=[applied.company_id])) == (
        "Zu diesem Unternehmen gibt es noch Bewerbungen. Löschen oder verschieben Sie diese zuerst."
    )
    bulk = reverse("applications:applications_bulk")
    ids = [a.pk for a in many]
    text = said("post", bulk, {"ids": ids, "action": "archive", "confirm": "1"})
    assert text.startswith("Erledigt für 2 von 5.") and "Analyst bei Acme: ist noch offen." in text
    assert "Kreuzen Sie die Bewerbungen an" in said("post", bulk, {"action": "tag", "tag": "x"})
    created = said(
        "post",
        reverse("applications:quick_add"),
        {"company": "Initech", "role": "Analyst", "status": "wishlist"},
    )
    assert created == (
        "Analyst bei Initech hinzugefügt. Den Rest können Sie ergänzen, wann immer Sie möchten."
    )
    for message in (created, text):
        assert not english_left(message, "", DATA, html=False)


@pytest.mark.parametrize("action", ["move", "tag", "archive", "delete"])
def test_each_bulk_review_is_german(client, alice, many, action):
    data = {
        "ids": [a.pk for a in many],
        "action": action,
        "to_status": "ghosted" if action == "move" else "",
        "tag": "Fintech" if action == "tag" else "",
    }
    german, english = page_in_both(
        client, alice, reverse("applications:applications_bulk"), method="post", data=data
    )
    _german(german, english)


# The import, from upload to done ----------------------------------------------------------------

GERMAN_SHEET = (
    "Firma;Stelle;Stand;Beworben am;Art der Bewerbung;Bemerkung\n"
    "Acme;Analyst;Beworben;01.03.2027;per E-Mail;\n"
    "Globex;Data Engineer;Absage;15.02.2027;schriftlich;Zu wenig SQL\n"
    "Initech;Data Engineer;Einladung;31.02.2027;online;\n"
    ";Analyst;Beworben;01.03.2027;;\n"
    "Umbrella;Analyst;Irgendwas;01.03.2027;;\n"
).encode("cp1252")


# The sheet's own words (its header and cells) read the same in both languages.
SHEET_DATA = ["Umbrella", "Irgendwas", "Zu wenig SQL", "Art der Bewerbung", "Beworben",
              "per E-Mail", "schriftlich", "online", "01.03.2027", "15.02.2027",
              "31.02.2027"]  # fmt: skip


def _upload(client, content: bytes = GERMAN_SHEET, name: str = "bewerbungen.csv") -> ImportJob:
    response = client.post(
        reverse("applications:import_start"), {"file": SimpleUploadedFile(name, content)}
    )
    assert response.status_code == 302, response.content.decode()[:2000]
    return ImportJob.objects.latest("pk")


def test_the_import_reads_german_headers_statuses_and_how_you_applied(client, alice):
    job = _upload(client)
    assert set(job.mapping) >= {"company", "role", "status", "applied", "applied_via", "notes"}
    form = client.get(job.get_absolute_url()).context["form"]
    assert form["status_0"].initial == "applied"  # Beworben, known
    known = {form.words[i]: form.fields[f"status_{i}"].initial for i in range(len(form.words))}
    assert known == {"Beworben": "applied", "Absage": "rejected", "Einladung": "interviewing",
                     "Irgendwas": ""}  # fmt: skip


def test_every_import_page_is_german(client, alice, applied):
    job = _upload(client)
    german, english = page_in_both(client, alice, job.get_absolute_url())
    _german(german, english, *SHEET_DATA)
    # The mapping with errors: a word left unanswered, a column chosen twice.
    data = {f"col_{name}": str(i) for name, i in job.mapping.items()}
    data |= {"col_role": data["col_company"]}
    german, english = page_in_both(client, alice, job.get_absolute_url(), method="post", data=data)
    _german(german, english, *SHEET_DATA)
    assert "Diese Spalte ist schon „Unternehmen“ zugeordnet." in german
    assert "Wählen Sie, was „Irgendwas“ in Rebound bedeutet." in german
    # Mapped: the preview, then the import and its end.
    data = {f"col_{name}": str(i) for name, i in job.mapping.items()}
    form = client.get(job.get_absolute_url()).context["form"]
    for i in range(len(form.words)):
        data[f"status_{i}"] = form.fields[f"status_{i}"].initial or "applied"
    assert client.post(job.get_absolute_url(), data).status_code == 302
    preview = reverse("applications:import_preview", args=[job.pk])
    german, english = page_in_both(client, alice, preview)
    # A cell's problem is said when the rows are read with the mapping (in German, here) and
    # kept with them: the English rendering of the same import shows that German sentence.
    unreadable = "„31.02.2027“ kann Rebound nicht als Bewerbungsdatum lesen."
    _german(german, english, *SHEET_DATA, unreadable)
    assert "„31.02.2027“ kann Rebound nicht als Bewerbungsdatum lesen." in german
    assert "Sieht aus wie eine Bewerbung, die Sie schon haben" in german
    steps.import_queue(job=job)
    job.refresh_from_db()
    german, english = page_in_both(client, alice, job.get_absolute_url())
    _german(german, english)
    from applications.imports.services import work

    with translation.override("en"):  # the worker's own language
        work.import_run(job_id=job.pk)
    job.refresh_from_db()
    assert job.state == ImportJob.State.DONE
    # Why each row was skipped, kept for the owner's pages: in their language.
    whys = " ".join(skipped["why"] for skipped in job.skipped_rows)
    assert "Kein Unternehmen." in whys and "Sieht aus wie eine Bewerbung" in whys
    assert not english_left(whys, "", [*DATA, *SHEET_DATA], html=False)
    german, english = page_in_both(client, alice, job.get_absolute_url())
    _german(german, english)
    german, english = page_in_both(client, alice, reverse("applications:import_start"))
    _german(german, english, "bewerbungen.csv")
    globex = Application.objects.get(owner=alice, company__name="Globex")
    assert globex.applied_via == AppliedVia.POST
    assert "Zu wenig SQL" in globex.notes


def test_a_file_that_is_not_a_table_says_so_in_german(client, alice):
    german, _english = page_in_both(
        client,
        alice,
        reverse("applications:import_start"),
        method="post",
        data={"file": SimpleUploadedFile("bewerbungen.csv", b"\x89PNG\r\n\x1a\n")},
    )
    assert "Diese Datei ist ein PNG-Bild, keine Tabelle." in german


@pytest.mark.parametrize("state", ["reading", "queued", "failed"])
def test_the_import_progress_is_german(client, alice, state):
    job = ImportJob.objects.create(
        owner=alice,
        filename="bewerbungen.csv",
        state=state,
        header=["Firma", "Stelle"] if state != "reading" else [],
        total=3,
        beat_at=dt.datetime(2027, 3, 10, 9, 59, 59, tzinfo=dt.UTC),
    )
    german, english = page_in_both(client, alice, job.get_absolute_url())
    _german(german, english)
    german, english = page_in_both(
        client, alice, reverse("applications:import_progress", args=[job.pk])
    )
    _german(german, english)


def test_a_workbook_read_by_the_worker_fails_in_its_owners_language(alice):
    from applications.imports.services import work

    job = ImportJob.objects.create(
        owner=alice, filename="bewerbungen.xlsx", state="reading", upload=b"PK\x03\x04 kaputt"
    )
    with translation.override("en"):
        work.import_read(job_id=job.pk)
    job.refresh_from_db()
    assert job.error == (
        "Diese Arbeitsmappe lässt sich nicht lesen. Öffnen Sie sie in Ihrer Tabellenkalkulation "
        "und speichern Sie sie erneut als .xlsx oder als CSV. Es wurde nichts importiert."
    )


def test_the_export_is_german_and_comes_back_in(client, alice, applied):
    response = client.get(reverse("applications:application_export"))
    text = b"".join(response.streaming_content).decode()
    header, first = text.splitlines()[:2]
    assert header == (
        "Unternehmen,Stelle,Aktueller Status,Bewerbungsdatum,Quelle,Link zur Stellenanzeige,"
        "Vorheriger Status,Neuer Status,Geändert am,Notiz,Gesendeter Lebenslauf,"
        "Gesendetes Anschreiben"
    )
    assert first.startswith("Acme,Analyst,Beworben,2027-03-01,Jobbörse,")
    # An English reader's file, and the module's header as tests read it, stay English.
    with translation.override("en"):
        assert [str(h) for h in export.HEADER][:3] == ["company", "role", "status now"]
    # Rebound's own file, exported in German, is recognised and imported whole.
    bob = UserFactory(language="de")
    client.force_login(bob)
    job = _upload(client, text.encode(), "rebound.csv")
    assert job.recognised == "Rebounds eigener CSV-Export"


# Emails and the drafted note ------------------------------------------------------------------


def _render(reminder) -> dict[str, str]:
    reminder.refresh_from_db()
    return emails.render(reminder, kinds.get(reminder.kind), selectors.subject_of(reminder))


def _email_in_both(alice, reminder) -> tuple[dict[str, str], dict[str, str]]:
    rendered = []
    for language in ("de", "en"):
        type(alice).objects.filter(pk=alice.pk).update(language=language)
        reminder.owner.refresh_from_db()
        rendered.append(_render(reminder))
    type(alice).objects.filter(pk=alice.pk).update(language="de")
    return rendered[0], rendered[1]


@pytest.mark.parametrize("days", [0, 10, 30])
def test_the_no_reply_email_is_german(alice, acme, days):
    application = ApplicationFactory(
        company=acme, role="Analyst", status_changed_on=TODAY - dt.timedelta(days=days)
    )
    german, english = _email_in_both(alice, reminders_about(application, NO_REPLY).get())
    for part in ("subject", "text"):
        _german(german[part], english[part], html=False)
    _german(german["html"], english["html"])
    assert german["subject"] == "Noch keine Antwort von Acme"
    text = " ".join(german["text"].split())
    if days == 0:
        assert "Sie haben sich heute bei Acme auf die Stelle als Analyst beworben" in text
    else:
        assert "und seitdem hat sich nichts getan." in text
        assert ("So früh ist Stille ganz normal." in text) == (days <= 21)


def test_the_drafted_follow_up_reads_as_a_german_letter(alice, acme):
    application = ApplicationFactory(
        company=acme, role="Analyst", status_changed_on=dt.date(2027, 3, 1)
    )
    with translation.override("de"):
        german = follow_up_note(application)
    with translation.override("en"):
        english = follow_up_note(application)
    _german(german, english, html=False)
    assert "am 1. März habe ich mich bei Acme auf die Stelle als Analyst beworben." in german
    assert german.endswith("Mit freundlichen Grüßen\nAlice")
    assert "I applied for the Analyst role at Acme on 1 March" in english


def _header(value: str) -> str:
    return str(email.header.make_header(email.header.decode_header(value)))


def _text_part(message: Message) -> str:
    for part in message.walk():
        if part.get_content_type() == "text/plain":
            return part.get_payload(decode=True).decode()
    raise AssertionError("no text part")


def test_a_german_users_nudge_goes_out_in_german_from_the_beat(alice, acme, smtp_sink):
    ApplicationFactory(company=acme, role="Analyst", status_changed_on=TODAY)
    ten_days_later = time_machine.travel(dt.datetime(2027, 3, 20, 9, tzinfo=dt.UTC), tick=False)
    with ten_days_later, translation.override("en"):  # the worker's own language
        reminders_dispatch()
    (message,) = smtp_sink.wait_for(1)
    assert _header(message["Subject"]) == "Noch keine Antwort von Acme"
    text = _text_part(message)
    assert "und seitdem hat sich nichts getan" in " ".join(text.split())
    assert not english_left(text, "", DATA, html=False)


def test_why_a_nudge_ended_is_kept_in_the_owners_language(alice, acme):
    application = ApplicationFactory(company=acme, role="Analyst", status_changed_on=TODAY)
    with translation.override("en"):
        services.application_change_status(application=application, to_status="interviewing")
    nudge = reminders_about(application, NO_REPLY).get()
    assert nudge.ended_reason == "Die Bewerbung hat einen neuen Status."


def test_the_obsolete_reason_and_the_one_click_answer_are_german(alice, acme):
    kind = kinds.get(NO_REPLY)
    application = ApplicationFactory(company=acme, role="Analyst", status_changed_on=TODAY)
    with translation.override("de"):
        assert kind.actions[0].label == "Auf „Keine Antwort mehr“ setzen"
        done = kind.actions[0].run(application)
        assert done.startswith("Analyst bei Acme steht jetzt auf „Keine Antwort mehr“")
        assert kind.obsolete(application) == (
            "Die Bewerbung hat einen neuen Status („Keine Antwort mehr“)."
        )


def test_a_timeline_out_of_order_is_refused_in_german(alice, acme):
    application = ApplicationFactory(
        company=acme, role="Analyst", status_changed_on=dt.date(2027, 3, 1)
    )
    with translation.override("de"), pytest.raises(ValidationError) as refused:
        services.application_change_status(
            application=application, to_status="screening", on=dt.date(2027, 2, 1)
        )
    assert refused.value.messages == [
        "Sie kann nicht am 1. Feb. 2027 auf „Vorauswahl“ gekommen sein: Das liegt vor dem "
        "Bewerbungsdatum (1. März 2027)."
    ]


def test_a_move_on_the_board_answers_in_german(client, applied):
    url = reverse("applications:application_change_status", args=[applied.pk])
    moved = client.post(url, {"to_status": "rejected"}, HTTP_HX_REQUEST="true")
    fragment = moved.content.decode()
    assert "Analyst bei Acme steht jetzt auf „Abgesagt“." in fragment
    assert not english_left(fragment, "", DATA)
    refused = client.post(url, {"to_status": "accepted"}, HTTP_HX_REQUEST="true")
    fragment = refused.content.decode()
    assert "Eine Bewerbung kann nicht direkt von „Abgesagt“ zu „Angenommen“ wechseln." in fragment
    assert not english_left(fragment, "", DATA)
