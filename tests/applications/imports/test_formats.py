"""Imports take real files as they come (issue 22): accented company names re-imported, the
applicant's own details left out, a workbook's data on its second sheet, formulas as the
values the spreadsheet saved, every column with a home in Rebound brought in (and the rest
listed), and files that aren't tables named for what they are.

Workbooks are built here with openpyxl (never committed); CSV fixtures are in imports/."""

import datetime as dt
import io
import re
import subprocess
import sys
import zipfile
from pathlib import Path

import openpyxl
import pytest
import time_machine
from django.core.files.uploadedfile import SimpleUploadedFile
from django.urls import reverse

from applications.models import Application, Contact, ImportJob

FILES = Path(__file__).parent
NOW = dt.datetime(2026, 11, 25, 12, tzinfo=dt.UTC)
pytestmark = [pytest.mark.django_db, pytest.mark.frozen(NOW)]
D = dt.date


def _upload(client, name, content, capture):
    # A workbook is read by a background task once the upload is committed.
    with capture(execute=True):
        return client.post(
            reverse("applications:import_start"), {"file": SimpleUploadedFile(name, content)}
        )


def _job(owner) -> ImportJob:
    return ImportJob.objects.filter(owner=owner).latest("pk")


def _mapping_page(client, job) -> str:
    return " ".join(client.get(job.get_absolute_url()).content.decode().split())


def _confirm(client, job, capture, statuses=None):
    """Post the mapping form as shown (with the given status choices), then import."""
    form = client.get(job.get_absolute_url()).context["form"]
    data = {name: form[name].value() or "" for name in form.fields if name != "as_new"}
    for word, status in (statuses or {}).items():
        data[f"status_{form.words.index(word)}"] = status
    assert client.post(job.get_absolute_url(), data).status_code == 302
    with capture(execute=True):
        client.post(reverse("applications:import_run", args=[job.pk]))
    job.refresh_from_db()
    return job


def _preview(client, job) -> str:
    page = client.get(reverse("applications:import_preview", args=[job.pk]))
    return " ".join(page.content.decode().split())


def _xlsx(book: openpyxl.Workbook, saved: dict[str, str] | None = None) -> bytes:
    """The workbook's bytes; `saved` gives formula cells the value a spreadsheet program
    would have saved with them (openpyxl writes formulas without one)."""
    buffer = io.BytesIO()
    book.save(buffer)
    if not saved:
        return buffer.getvalue()
    out = io.BytesIO()
    with zipfile.ZipFile(buffer) as source, zipfile.ZipFile(out, "w") as target:
        for item in source.infolist():
            data = source.read(item.filename)
            if item.filename == "xl/worksheets/sheet1.xml":
                xml = data.decode()
                for ref, value in saved.items():
                    xml, n = re.subn(
                        rf'<c r="{ref}"([^>]*)><f>(.*?)</f><v\s*/?>(?:</v>)?',
                        rf'<c r="{ref}"\1 t="str"><f>\2</f><v>{value}</v>',
                        xml,
                    )
                    assert n == 1, (ref, xml)
                data = xml.encode()
            target.writestr(item, data)
    return out.getvalue()


def test_importing_a_linkedin_file_twice_adds_nothing_at_accented_companies(
    alice, alice_client, eager_tasks, django_capture_on_commit_callbacks
):
    raw = (FILES / "linkedin_accented_companies.csv").read_bytes()
    _upload(alice_client, "Job Applications.csv", raw, django_capture_on_commit_callbacks)
    job = _confirm(alice_client, _job(alice), django_capture_on_commit_callbacks)
    assert (job.state, job.created) == ("done", 6)
    _upload(alice_client, "Job Applications.csv", raw, django_capture_on_commit_callbacks)
    again = _job(alice)
    preview = _preview(alice_client, again)
    assert "<strong>0</strong> applications will be imported" in preview
    assert preview.count("Looks like an application you already have") == 6
    again = _confirm(alice_client, again, django_capture_on_commit_callbacks)
    assert (again.created, len(again.skipped_rows)) == (0, 6)
    assert Application.objects.filter(owner=alice).count() == 6
    assert sorted(alice.company_set.values_list("name", flat=True)) == sorted(
        ["Acme Corp", "Čedok", "Île-de-France Mobilités", "Ørsted", "Škoda Auto", "İş Bankası"]
    )


def test_linkedins_contact_columns_are_the_applicants_own_and_left_out(
    alice, alice_client, eager_tasks, django_capture_on_commit_callbacks
):
    raw = (FILES / "linkedin_accented_companies.csv").read_bytes()
    _upload(alice_client, "Job Applications.csv", raw, django_capture_on_commit_callbacks)
    job = _job(alice)
    page = _mapping_page(alice_client, job)
    assert "These columns won’t be imported" in page
    assert "<li>Contact Email — your own details, not the employer’s</li>" in page
    assert "<li>Contact Phone Number — your own details, not the employer’s</li>" in page
    assert "<li>Question And Answers</li>" in page
    _confirm(alice_client, job, django_capture_on_commit_callbacks)
    assert not Contact.objects.filter(owner=alice).exists()
    log = alice_client.get(
        reverse("insights:work_search_log"), {"start": "2025-10-01", "end": "2025-10-31"}
    ).content.decode()
    assert "Škoda Auto" in log and "sam@example.com" not in log and "+420" not in log


def test_a_workbook_whose_first_sheet_is_empty_is_read_from_the_sheet_with_data(
    alice, alice_client, eager_tasks, django_capture_on_commit_callbacks
):
    book = openpyxl.Workbook()
    book.active.title = "Notes"
    sheet = book.create_sheet("Applications")
    sheet.append(["Company", "Role", "Status", "Date Applied"])
    sheet.append(["Acme", "Analyst", "Applied", dt.date(2025, 5, 6)])
    sheet.append(["Globex", "Engineer", "Rejected", dt.date(2025, 5, 7)])
    response = _upload(alice_client, "search.xlsx", _xlsx(book), django_capture_on_commit_callbacks)
    job = _job(alice)
    assert response.status_code == 302 and response.url == job.get_absolute_url()
    page = _mapping_page(alice_client, job)
    assert "2 rows" in page and "read from the sheet <strong>“Applications”</strong>" in page
    job = _confirm(alice_client, job, django_capture_on_commit_callbacks)
    imported = Application.objects.filter(owner=alice).values_list("company__name", "status")
    assert sorted(imported) == [("Acme", "applied"), ("Globex", "rejected")]


def test_formula_cells_come_in_as_the_values_the_spreadsheet_saved(
    alice, alice_client, eager_tasks, django_capture_on_commit_callbacks
):
    book = openpyxl.Workbook()
    sheet = book.active
    sheet.append(["Company", "Role", "Status", "Notes"])
    sheet.append(['=PROPER("klarna bank ab")', "Analyst", "Applied", '=B2&" role"'])
    sheet.append(['=UPPER("ikea")', "Designer", "Applied", ""])
    raw = _xlsx(book, saved={"A2": "Klarna Bank Ab", "D2": "Analyst role"})
    _upload(alice_client, "tracker.xlsx", raw, django_capture_on_commit_callbacks)
    job = _job(alice)
    preview = _preview(alice_client, job)
    assert "<strong>1</strong> application will be imported" in preview
    assert (
        "The company is a formula (=UPPER(&quot;ikea&quot;)) with no value saved in the "
        "workbook. Open the file in your spreadsheet, save it, and upload it again." in preview
    )
    job = _confirm(alice_client, job, django_capture_on_commit_callbacks)
    klarna = Application.objects.get(owner=alice)
    assert (klarna.company.name, klarna.notes) == ("Klarna Bank Ab", "Analyst role")
    skipped = alice_client.get(reverse("applications:import_skipped", args=[job.pk]))
    lines = b"".join(skipped.streaming_content).decode().splitlines()
    assert lines[1].startswith('3,"The company is a formula') and '\'=UPPER(""ikea"")' in lines[1]


def test_teals_salary_range_and_excitement_come_in(
    alice, alice_client, eager_tasks, django_capture_on_commit_callbacks
):
    raw = (FILES / "teal.csv").read_bytes()
    _upload(alice_client, "teal.csv", raw, django_capture_on_commit_callbacks)
    job = _job(alice)
    page = _mapping_page(alice_client, job)
    assert "won’t be imported" not in page  # every column has a home
    job = _confirm(alice_client, job, django_capture_on_commit_callbacks)
    apps = {a.company.name: a for a in Application.objects.filter(owner=alice)}
    klarna, spotify, volvo = apps["Klarna"], apps["Spotify"], apps["Volvo"]
    assert (klarna.salary_min, klarna.salary_max, klarna.currency) == (55000, 65000, "EUR")
    assert (spotify.salary_min, spotify.salary_max) == (70000, 85000)
    assert [a.excitement for a in (klarna, spotify, volvo)] == [4, 5, 2]
    assert (volvo.status, volvo.salary_min) == ("wishlist", None)


def test_linkedins_resume_name_becomes_the_resume_version_sent(
    alice, alice_client, eager_tasks, django_capture_on_commit_callbacks
):
    raw = (FILES / "linkedin_job_applications.csv").read_bytes()
    _upload(alice_client, "Job Applications.csv", raw, django_capture_on_commit_callbacks)
    _confirm(alice_client, _job(alice), django_capture_on_commit_callbacks)
    initech = Application.objects.get(owner=alice, company__name="Initech")
    page = alice_client.get(initech.get_absolute_url()).content.decode()
    assert "Sam_Resume_AE.pdf" in page
    assert list(initech.attachments.values_list("kind", "version")) == [
        ("resume", "Sam_Resume_AE.pdf")
    ]


@pytest.mark.parametrize(
    ("name", "statuses", "company", "saved_on"),
    [
        ("huntr.csv", {}, "Zalando", D(2025, 8, 14)),  # Huntr's Date Added
        ("linkedin_saved_jobs.csv", {}, "Umbrella", D(2024, 12, 20)),  # LinkedIn's Saved Date
    ],
)
def test_saved_roles_are_dated_the_day_they_were_saved(
    alice,
    alice_client,
    eager_tasks,
    django_capture_on_commit_callbacks,
    name,
    statuses,
    company,
    saved_on,
):
    _upload(alice_client, name, (FILES / name).read_bytes(), django_capture_on_commit_callbacks)
    _confirm(alice_client, _job(alice), django_capture_on_commit_callbacks, statuses)
    saved = Application.objects.get(owner=alice, company__name=company)
    assert (saved.status, saved.status_changed_on) == ("wishlist", saved_on)
    assert [(c.to_status, c.changed_on) for c in saved.status_changes.all()] == [
        ("wishlist", saved_on)
    ]


def test_a_salary_header_merged_over_two_columns_keeps_both(
    alice, alice_client, eager_tasks, django_capture_on_commit_callbacks
):
    book = openpyxl.Workbook()
    sheet = book.active
    sheet.append(["Company", "Role", "Salary", None, "Status"])
    sheet.merge_cells("C1:D1")
    sheet.append(["Acme", "Analyst", 50000, 60000, "Applied"])
    sheet.append(["Globex", "Engineer", 70000, 90000, "Applied"])
    _upload(alice_client, "salaries.xlsx", _xlsx(book), django_capture_on_commit_callbacks)
    job = _job(alice)
    assert job.header[3] == "Salary (its second column)"
    _confirm(alice_client, job, django_capture_on_commit_callbacks)
    salaries = Application.objects.filter(owner=alice).order_by("company__name")
    assert [(a.salary_min, a.salary_max) for a in salaries] == [(50000, 60000), (70000, 90000)]


PDF = b"%PDF-1.7\n%\xe2\xe3\xcf\xd3\n1 0 obj\n<< /Type /Catalog >>\nendobj\n" + bytes(
    range(128, 256)
)


@pytest.mark.parametrize(
    ("content", "message"),
    [
        (PDF, "That file is a PDF document, not a spreadsheet."),
        (b"\xff\xd8\xff\xe0\x00\x10JFIF" + bytes(200), "That file is a JPEG photo"),
        (b"PK\x03\x04", "That workbook can’t be read."),
    ],
)
def test_a_file_that_isnt_a_table_is_named_for_what_it_is(
    alice, alice_client, django_capture_on_commit_callbacks, content, message
):
    response = _upload(
        alice_client, "applications.csv", content, django_capture_on_commit_callbacks
    )
    page = " ".join(response.content.decode().split())
    assert response.status_code == 200 and message in page and "Nothing was imported." in page
    assert "text encoding" not in page
    assert not ImportJob.objects.exists()


def test_a_word_document_renamed_xlsx_is_named_for_what_it_is(
    alice, alice_client, django_capture_on_commit_callbacks
):
    buffer = io.BytesIO()
    with zipfile.ZipFile(buffer, "w") as docx:
        docx.writestr("[Content_Types].xml", "<Types/>")
        docx.writestr("word/document.xml", "<document/>")
    response = _upload(
        alice_client, "applications.xlsx", buffer.getvalue(), django_capture_on_commit_callbacks
    )
    assert "That file is a Word document, not a spreadsheet." in response.content.decode()


def test_a_workbook_is_read_in_the_background_and_the_page_follows(
    alice, alice_client, eager_tasks, django_capture_on_commit_callbacks
):
    book = openpyxl.Workbook()
    book.active.append(["Company", "Role"])
    book.active.append(["Acme", "Analyst"])
    with django_capture_on_commit_callbacks() as callbacks:  # the worker hasn't run yet
        response = alice_client.post(
            reverse("applications:import_start"),
            {"file": SimpleUploadedFile("search.xlsx", _xlsx(book))},
        )
    job = _job(alice)
    assert (job.state, job.rows) == ("reading", [])
    page = " ".join(alice_client.get(response.url).content.decode().split())
    assert "Reading your workbook… A large one takes a few seconds." in page
    progress = reverse("applications:import_progress", args=[job.pk])
    assert (
        "Reading your workbook"
        in alice_client.get(progress, HTTP_HX_REQUEST="true").content.decode()
    )
    for callback in callbacks:
        callback()  # the worker reads it
    job.refresh_from_db()
    assert (job.state, job.total, job.header, bytes(job.upload)) == (
        "mapping",
        1,
        ["Company", "Role"],
        b"",
    )
    polled = alice_client.get(progress, HTTP_HX_REQUEST="true")
    assert polled["HX-Redirect"] == job.get_absolute_url()
    assert "Check the columns" in alice_client.get(job.get_absolute_url()).content.decode()


SQLITE_TWICE = r"""
import sys
import django
django.setup()
from django.core.management import call_command
call_command("migrate", verbosity=0)
from applications.imports.services import steps, work
from applications.models import Application, ImportJob
from rebound.models import User

alice = User.objects.create_user(email="alice@example.com", password="x" * 12)
raw = open(sys.argv[1], "rb").read()
for _ in range(2):
    job = steps.import_start(owner=alice, filename="Job Applications.csv", raw=raw)
    ImportJob.objects.filter(pk=job.pk).update(state="queued")
    work.import_run(job_id=job.pk)
job.refresh_from_db()
print(job.state, job.created, len(job.skipped_rows), Application.objects.count())
"""


@pytest.mark.slow
def test_importing_twice_adds_nothing_at_accented_companies_on_sqlite(sqlite_env):
    """`make run`'s database, where lower() folds only A to Z."""
    done = subprocess.run(
        [sys.executable, "-c", SQLITE_TWICE, str(FILES / "linkedin_accented_companies.csv")],
        cwd=Path(__file__).resolve().parents[3],
        env=sqlite_env,
        capture_output=True,
        text=True,
        timeout=300,
    )
    assert done.returncode == 0, done.stderr[-3000:]
    assert done.stdout.strip().splitlines()[-1] == "done 0 6 6"


def test_a_workbook_never_read_says_so_and_asks_for_it_again(
    alice, alice_client, django_capture_on_commit_callbacks
):
    book = openpyxl.Workbook()
    book.active.append(["Company", "Role"])
    book.active.append(["Acme", "Analyst"])
    with django_capture_on_commit_callbacks():  # its worker is lost: never read
        alice_client.post(
            reverse("applications:import_start"),
            {"file": SimpleUploadedFile("search.xlsx", _xlsx(book))},
        )
    job = _job(alice)
    with time_machine.travel(NOW + dt.timedelta(minutes=9), tick=False):
        assert "Reading your workbook" in _mapping_page(alice_client, job)
    with time_machine.travel(NOW + dt.timedelta(minutes=11), tick=False):
        page = _mapping_page(alice_client, job)
    assert "Rebound couldn’t read the file in time" in page and "Upload another file" in page
    job.refresh_from_db()
    assert job.state == "reading" and bytes(job.upload)  # shown as failed: a GET writes nothing
    run = reverse("applications:import_run", args=[job.pk])
    with time_machine.travel(NOW + dt.timedelta(minutes=11), tick=False):
        assert alice_client.post(run).status_code == 302
    job.refresh_from_db()
    # The POST writes it failed, its bytes dropped; nothing to import: not queued.
    assert (job.state, bytes(job.upload)) == ("failed", b"")
