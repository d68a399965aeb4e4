"""Insights and the work-search log in German: every page (with data and empty, every period,
the forms with errors), both CSVs with their German headers word for word, the record of
applications (Nachweis der Eigenbemühungen) as the offices ask for it, printable on A4, and
its result (Ergebnis) for cases set up by hand."""

import datetime as dt
from pathlib import Path
from zoneinfo import ZoneInfo

import pytest
from django.db import connection
from django.test.utils import CaptureQueriesContext
from django.urls import reverse
from django.utils import translation

from applications import services as applications
from applications.models import Application, Company
from applications.pipeline import Status
from coping.models import JournalEntry
from coping.services import outreach_log
from insights import worklog, worklog_record
from interviews.models import Interview, SelfAssessment
from interviews.services import interview_save
from rebound.models import User
from tests.factories import CompanyFactory, ContactFactory, UserFactory
from tests.i18n.check import assert_german, page_in_both

pytestmark = [
    pytest.mark.django_db,
    pytest.mark.frozen(dt.datetime(2026, 11, 25, 12, tzinfo=dt.UTC)),
]
D = dt.date
BERLIN = ZoneInfo("Europe/Berlin")
RANGE = {"start": "2026-11-02", "end": "2026-11-22"}
INSIGHTS = reverse("insights:insights")
LOG = reverse("insights:work_search_log")
LOG_CSV = reverse("insights:work_search_log_csv")

# The test's own data, which reads the same in both languages.
DATA = [
    "Müller & Söhne GmbH", "Hauptstraße 5", "10115 Berlin", "Acme AG", "Globex", "Initech",
    "Umbrella", "Sachbearbeiterin", "Analystin", "Entwickler", "Teamleitung", "Werkstudent",
    "Praktikum", "Dana", "dana@acme.example", "Eve", "Alice", "alice@example.com",
    "Gehaltsfrage", "Verhandeln", "https://acme.example/jobs/1",
]  # fmt: skip


def _apply(owner, company, role, applied, *moves, via="", source="job_board", **fields):
    application = applications.application_create(
        owner=owner, company=company, role=role, status=Status.APPLIED, date_applied=applied,
        source=source, applied_via=via, **fields,
    )  # fmt: skip
    for status, on in moves:
        applications.application_change_status(application=application, to_status=status, on=on)
    return application


def _interview(application, starts_at, fmt="video"):
    return interview_save(
        interview=Interview(
            application=application,
            round_type="technical",
            format=fmt,
            starts_at=starts_at,
            ends_at=starts_at + dt.timedelta(hours=1),
        )
    )


@pytest.fixture
def search(alice: User) -> dict[str, Application]:
    """Alice's November, in Berlin: one application for each result the record can say."""
    mueller = CompanyFactory(
        owner=alice, name="Müller & Söhne GmbH", address="Hauptstraße 5\n10115 Berlin"
    )
    acme = CompanyFactory(owner=alice, name="Acme AG")
    globex = CompanyFactory(owner=alice, name="Globex")
    initech = CompanyFactory(owner=alice, name="Initech")
    umbrella = CompanyFactory(owner=alice, name="Umbrella")
    dana = ContactFactory(company=acme, name="Dana", email="dana@acme.example")
    made = {
        # Rejected after an interview: the outcome is the rejection.
        "absage": _apply(alice, mueller, "Sachbearbeiterin", D(2026, 11, 3), via="post"),
        # Still applied, but an interview is scheduled: an invitation.
        "einladung": _apply(alice, acme, "Analystin", D(2026, 11, 4), via="email",
                            posting_url="https://acme.example/jobs/1", contacts=[dana]),
        "zusage": _apply(alice, globex, "Entwickler", D(2026, 11, 5),
                         (Status.INTERVIEWING, D(2026, 11, 8)), (Status.OFFER, D(2026, 11, 20)),
                         via="in_person"),
        "offen": _apply(alice, initech, "Teamleitung", D(2026, 11, 6), via="phone"),
        # Never a word back: open, with no reply.
        "still": _apply(alice, umbrella, "Werkstudent", D(2026, 11, 7),
                        (Status.GHOSTED, D(2026, 11, 21)), via="online"),
        # Interviewed, then silence.
        "verstummt": _apply(alice, umbrella, "Praktikum", D(2026, 11, 9),
                            (Status.SCREENING, D(2026, 11, 10)),
                            (Status.INTERVIEWING, D(2026, 11, 11)),
                            (Status.GHOSTED, D(2026, 11, 22))),
        "zurueck": _apply(alice, acme, "Entwickler", D(2026, 11, 10),
                          (Status.WITHDRAWN, D(2026, 11, 13)), source="referral"),
    }  # fmt: skip
    _interview(made["absage"], dt.datetime(2026, 11, 10, 10, tzinfo=BERLIN), "onsite")
    applications.application_change_status(
        application=made["absage"], to_status=Status.REJECTED, on=D(2026, 11, 12)
    )
    done = _interview(made["einladung"], dt.datetime(2026, 11, 18, 14, tzinfo=BERLIN), "phone")
    SelfAssessment.objects.create(
        interview=done, qualification_fit=4, preparation=3, communication=4,
        technical_answers=3, rapport=5, confidence=4, tripped_questions="Gehaltsfrage",
        skills_to_build="Verhandeln",
    )  # fmt: skip
    eve = ContactFactory(company=globex, name="Eve", email="", phone="")
    outreach_log(owner=alice, contact=eve, on=D(2026, 11, 14), outcome="lead")
    for day, mood in ((D(2026, 11, 20), 1), (D(2026, 11, 21), 2), (D(2026, 11, 22), 2)):
        JournalEntry.objects.create(owner=alice, written_on=day, mood=mood, text="")
    return made


# Insights


@pytest.mark.parametrize("period", ["30", "90", "year", "all"])
def test_insights_reads_german_in_every_period(alice, alice_client, search, period):
    german, english = page_in_both(alice_client, alice, INSIGHTS + f"?period={period}")
    assert_german(german, english, DATA)
    assert "Auswertung" in german and "Wie weit Ihre Bewerbungen gekommen sind" in german
    assert "In Ihrem Tagebuch stand zuletzt viel Schweres" in german  # the low-mood note
    assert "Was Sie zuletzt aus dem Tritt gebracht hat" in german
    assert "Gesprächsrunde" in german


def test_a_custom_range_is_german_with_german_dates(alice, alice_client, search):
    query = "?period=custom&start=2026-11-01&end=2026-11-24"
    german, english = page_in_both(alice_client, alice, INSIGHTS + query)
    assert_german(german, english, DATA)
    assert "Zeitraum: 1. November 2026 bis 24. November 2026." in " ".join(german.split())
    assert "1 nov 2026 to 24 nov 2026" in english


def test_the_charts_labels_come_from_the_server_in_german(alice, alice_client, search):
    german, english = page_in_both(alice_client, alice, INSIGHTS + "?period=30")
    # The weeks' labels: "3 Nov" in English, "3. Nov" in German (the data for insights.js).
    data = german.split('id="insights-data"', 1)[1].split("</script>", 1)[0]
    assert '"16. Nov"' in data and '"16 Nov"' in english.split('id="insights-data"', 1)[1]
    # The mood's days: ISO in English, as they were; German dates in German.
    assert '"20.11.2026"' in data and '"2026-11-20"' in english.split('id="insights-data"', 1)[1]
    # The ratings' names, the series' keys, are German too.
    assert "Wie gut Sie vorbereitet waren" in data


def test_insights_without_data_is_german(alice, alice_client):
    for period in ("30", "all"):
        german, english = page_in_both(alice_client, alice, INSIGHTS + f"?period={period}")
        assert_german(german, english, DATA)
        assert "In diesem Zeitraum haben Sie keine Bewerbung verschickt." in german


def test_the_period_forms_errors_are_german(alice, alice_client, search):
    cases = [
        "?period=custom",
        "?period=custom&start=2026-11-20&end=2026-11-10",
        "?period=custom&start=someday&end=2030-01-01",
    ]
    for query in cases:
        german, english = page_in_both(alice_client, alice, INSIGHTS + query)
        assert_german(german, english, DATA)
        assert "<title>Error:" not in german
    german, _ = page_in_both(alice_client, alice, INSIGHTS + cases[1])
    assert "Das Ende kann nicht vor dem Beginn liegen." in german


def test_the_insights_csv_has_german_headers_and_words(alice, alice_client, search):
    alice.language = "de"
    alice.save()
    response = alice_client.get(reverse("insights:csv"), {"period": "30"})
    assert response["Content-Disposition"] == 'attachment; filename="rebound-auswertung.csv"'
    lines = b"".join(response.streaming_content).decode().splitlines()
    assert lines[0] == "Bereich,Kennzahl,Wert"
    assert lines[1] == "Zeitraum,,Letzte 30 Tage"
    assert lines[2] == "Verlauf,Beworben,7"
    assert lines[3:11] == [
        "Verlauf,erreicht: Vorauswahl,4",
        "Verlauf,erreicht: Im Gespräch,4",
        "Verlauf,erreicht: Angebot,1",
        "Verlauf,erreicht: Angenommen,0",
        "Verlauf,Abgesagt nach „Im Gespräch“,1",
        "Verlauf,Zurückgezogen nach „Beworben“,1",
        "Verlauf,Keine Antwort mehr nach „Beworben“,1",
        "Verlauf,Keine Antwort mehr nach „Im Gespräch“,1",
    ]
    assert "Antworten insgesamt,alle: Tage bis zur ersten Antwort (Median),5.0" in lines
    assert "Antworten insgesamt,alle: beworben,7" in lines
    assert any(line.startswith("Woche,2026-11-16: Bewerbungen,") for line in lines)
    assert any(line.startswith("Selbsteinschätzung,2026-11-18 ") for line in lines)
    assert "Stimmung,2026-11-20,1.0" in lines
    english = [line.split(",")[0] for line in lines]
    assert not {"funnel", "week", "mood", "self-assessment"} & set(english)


def test_the_insights_csv_stays_english_for_an_english_reader(alice, alice_client, search):
    response = alice_client.get(reverse("insights:csv"), {"period": "30"})
    assert response["Content-Disposition"] == 'attachment; filename="rebound-insights.csv"'
    lines = b"".join(response.streaming_content).decode().splitlines()
    assert lines[:3] == ["section,measure,value", "period,,Last 30 days", "funnel,applied,7"]
    assert lines[3:11] == [
        "funnel,reached screening,4",
        "funnel,reached interviewing,4",
        "funnel,reached offer,1",
        "funnel,reached accepted,0",
        "funnel,rejected from interviewing,1",
        "funnel,withdrawn from applied,1",
        "funnel,ghosted from applied,1",
        "funnel,ghosted from interviewing,1",
    ]
    assert "responses by overall,all: median days to an answer,5.0" in lines


# The work-search log: the record of applications (a German reader's default)

HEADER_DE = "Datum,Arbeitgeber (Name und Anschrift),Stelle,Art der Bewerbung,Ergebnis"
HEADER_COLUMNS = HEADER_DE.split(",")


def test_the_record_says_each_result_as_the_office_asks(alice, search):
    with translation.override("de"):
        rows = [
            r.as_row() for r in worklog_record.sent_rows(alice, D(2026, 11, 2), D(2026, 11, 22))
        ]
    assert rows == [
        ["03.11.2026", "Müller & Söhne GmbH, Hauptstraße 5, 10115 Berlin", "Sachbearbeiterin",
         "schriftlich", "Absage"],
        ["04.11.2026", "Acme AG", "Analystin", "per E-Mail", "Einladung"],
        ["05.11.2026", "Globex", "Entwickler", "persönlich", "Zusage"],
        ["06.11.2026", "Initech", "Teamleitung", "telefonisch", "offen"],
        ["07.11.2026", "Umbrella", "Werkstudent", "online", "offen (keine Antwort)"],
        ["09.11.2026", "Umbrella", "Praktikum", "online", "Einladung, danach keine Antwort"],
        # No way of applying given: a referral says nothing of it.
        ["10.11.2026", "Acme AG", "Entwickler", "nicht angegeben", "zurückgezogen"],
    ]  # fmt: skip
    with translation.override("en"):
        english = [
            r.as_row() for r in worklog_record.sent_rows(alice, D(2026, 11, 2), D(2026, 11, 22))
        ]
    assert english[0] == [
        "2026-11-03", "Müller & Söhne GmbH, Hauptstraße 5, 10115 Berlin", "Sachbearbeiterin",
        "In writing", "Rejection",
    ]  # fmt: skip
    assert [r[4] for r in english] == [
        "Rejection", "Invitation to interview", "Offer received", "Open", "Open (no reply)",
        "Invitation, then no reply", "Withdrawn",
    ]  # fmt: skip


@pytest.mark.parametrize(
    ("status", "invited", "expected"),
    [
        (Status.APPLIED, False, "open"),
        (Status.SCREENING, False, "open"),
        (Status.WISHLIST, False, "open"),
        (Status.APPLIED, True, "invitation"),
        (Status.SCREENING, True, "invitation"),
        (Status.INTERVIEWING, False, "invitation"),
        (Status.OFFER, True, "offer"),
        (Status.ACCEPTED, False, "offer"),
        (Status.REJECTED, True, "rejection"),
        (Status.REJECTED, False, "rejection"),
        (Status.WITHDRAWN, True, "withdrawn"),
        (Status.GHOSTED, False, "silent"),
        (Status.GHOSTED, True, "invited_silent"),
    ],
)
def test_the_result_follows_the_rules(status, invited, expected):
    assert worklog_record.verdict(status, invited) == expected


def test_the_record_page_is_german_and_ready_to_print(alice, alice_client, search):
    german, english = page_in_both(alice_client, alice, LOG + "?" + _query(RANGE))
    assert_german(german, english, DATA)
    flat = " ".join(german.split())
    # The header a clerk reads first: what it is, whose, which period, how many.
    assert "<title>Nachweis der Eigenbemühungen · Rebound</title>" in flat
    assert '<h2 class="h5 mt-4">Nachweis der Eigenbemühungen</h2>' in flat
    assert "<dd>Alice (alice@example.com)</dd>" in flat
    assert "<dt>Zeitraum</dt><dd>02.11.2026 bis 22.11.2026</dd>" in flat
    assert "<dt>Bewerbungen</dt><dd>7</dd>" in flat
    for column in HEADER_COLUMNS:
        assert f'<th scope="col">{column}</th>' in flat
    assert (
        '<th scope="row">03.11.2026</th><td>Müller &amp; Söhne GmbH'
        '<br><span class="small">Hauptstraße 5</span><br><span class="small">10115 Berlin</span>'
        "</td><td>Sachbearbeiterin</td><td>schriftlich</td><td>Absage</td>"
    ) in flat
    # How each result was read, on the screen (not on paper).
    assert '<p class="small text-body-secondary no-print">So entsteht das Ergebnis:' in flat
    # Printing: A4, only the record (the menus, the form and the links are .no-print), and a
    # line to sign.
    assert 'href="/static/insights/worklog-print.css" media="print"' in flat
    assert 'class="row g-2 align-items-end mb-2 no-print"' in flat
    # (In a div: app.css hides every <header> on paper.)
    assert '<div class="worklog-head">' in flat
    assert (
        '<div class="worklog-signature" hidden><span>Ort, Datum</span><span>Unterschrift</span>'
        in (flat)
    )
    css = (Path(__file__).parents[2] / "insights/static/insights/worklog-print.css").read_text()
    assert "@page { size: A4;" in css and ".worklog-signature[hidden] { display: flex" in css
    # The English reader's log is the list of every activity, as it always was.
    assert "Job-search activities of Alice" in english and "worklog-print.css" not in english


def test_the_every_activity_list_is_german_too(alice, alice_client, search):
    german, english = page_in_both(alice_client, alice, LOG + "?" + _query(RANGE, "activities"))
    assert_german(german, english, DATA)
    flat = " ".join(german.split())
    assert "Eigenbemühungen von Alice" in flat
    assert "Vom 2. November 2026 bis 22. November 2026: 7 Bewerbungen, 2 Vorstellungsgespräche" in (
        flat
    )
    assert "<td>Netzwerkkontakt</td>" in flat
    # The layout asked for stays in the links (dates, pages, the CSV).
    assert f"{LOG_CSV}?start=2026-11-02&amp;end=2026-11-22&amp;layout=activities" in flat


def test_the_record_without_rows_and_with_errors_is_german(alice, alice_client, search):
    german, english = page_in_both(alice_client, alice, LOG + "?start=2026-01-05&end=2026-01-11")
    assert_german(german, english, DATA)
    assert "In diesem Zeitraum gibt es keine Bewerbungen." in german and "<table" not in german
    for query in (
        "?start=2026-11-20&end=2026-11-10",
        "?start=2024-01-01&end=2026-11-20",
        "?start=someday",
        "?end=2030-01-01",
    ):
        german, english = page_in_both(alice_client, alice, LOG + query)
        assert_german(german, english, DATA)
    german, _ = page_in_both(alice_client, alice, LOG + "?start=2024-01-01&end=2026-11-20")
    assert "Ein Nachweis umfasst höchstens 366 Tage." in german


def test_the_records_csv_has_the_offices_german_headers(alice, alice_client, search):
    alice.language = "de"
    alice.save()
    response = alice_client.get(LOG_CSV, RANGE)
    assert response["Content-Disposition"] == (
        'attachment; filename="nachweis-eigenbemuehungen-2026-11-02-bis-2026-11-22.csv"'
    )
    lines = b"".join(response.streaming_content).decode().splitlines()
    assert lines[0] == HEADER_DE
    assert lines[1] == (
        '03.11.2026,"Müller & Söhne GmbH, Hauptstraße 5, 10115 Berlin",Sachbearbeiterin,'
        "schriftlich,Absage"
    )
    assert lines[5] == "07.11.2026,Umbrella,Werkstudent,online,offen (keine Antwort)"
    assert len(lines) == 1 + 7
    # Every activity, in German, when asked for.
    response = alice_client.get(LOG_CSV, RANGE | {"layout": "activities"})
    assert response["Content-Disposition"] == (
        'attachment; filename="eigenbemuehungen-2026-11-02-bis-2026-11-22.csv"'
    )
    lines = b"".join(response.streaming_content).decode().splitlines()
    assert (
        lines[0]
        == "Datum,Aktivität,Arbeitgeber,Stelle,Art,Ansprechperson,Anschrift oder Link,Ergebnis"
    )
    outreach = "14.11.2026,Netzwerkkontakt,Globex,,über einen Kontakt,Eve,,"
    assert any(line.startswith(outreach) for line in lines)


def test_an_english_readers_csv_is_unchanged(alice, alice_client, search):
    response = alice_client.get(LOG_CSV, RANGE)
    assert response["Content-Disposition"] == (
        'attachment; filename="work-search-log-2026-11-02-to-2026-11-22.csv"'
    )
    lines = b"".join(response.streaming_content).decode().splitlines()
    assert lines[0] == "Date,Activity,Employer,Position,How,Contact,Address or link,Result"
    assert (
        lines[1]
        == "2026-11-03,Application,Müller & Söhne GmbH,Sachbearbeiterin,In writing,,,Rejected"
    )
    # And the record of applications in English, when asked for.
    response = alice_client.get(LOG_CSV, RANGE | {"layout": "applications"})
    lines = b"".join(response.streaming_content).decode().splitlines()
    assert lines[0] == "Date,Employer (name and address),Position,How you applied,Result"


def test_the_record_costs_the_same_queries_for_7_applications_and_47(alice, alice_client, search):
    alice.language = "de"
    alice.save()

    def count(url):
        with CaptureQueriesContext(connection) as ctx:
            response = alice_client.get(url, RANGE)
            if hasattr(response, "streaming_content"):
                b"".join(response.streaming_content)
        return len(ctx.captured_queries)

    quiet = count(LOG), count(LOG_CSV)
    busy = Company.objects.create(owner=alice, name="Busy", address="Weg 1")
    for i in range(40):
        a = _apply(alice, busy, f"R{i}", D(2026, 11, 17), via="online")
        _interview(a, dt.datetime(2026, 11, 18, 9, tzinfo=BERLIN))
    assert (count(LOG), count(LOG_CSV)) == quiet


def test_pages_of_the_record_are_numbered_in_german(alice, alice_client, search, monkeypatch):
    monkeypatch.setattr(worklog, "PAGE_ROWS", 3)
    german, english = page_in_both(alice_client, alice, LOG + "?" + _query(RANGE) + "&page=2")
    assert_german(german, english, DATA)
    flat = " ".join(german.split())
    assert "In diesem Zeitraum liegen 7 Bewerbungen: Seite 2 von 3 zeigt 4 bis 6." in flat
    assert "Vorherige Seite" in flat and "Nächste Seite" in flat
    assert "Teamleitung" in flat and "Sachbearbeiterin" not in flat


def test_someone_elses_rows_never_show(alice, alice_client, search):
    stranger = UserFactory(email="stranger@example.com", language="de")
    _apply(stranger, CompanyFactory(owner=stranger, name="Fremdfirma"), "Fremd", D(2026, 11, 5))
    german, _ = page_in_both(alice_client, alice, LOG + "?" + _query(RANGE))
    assert "Fremdfirma" not in german


def _query(dates, layout=None):
    query = "&".join(f"{k}={v}" for k, v in dates.items())
    return query + (f"&layout={layout}" if layout else "")
