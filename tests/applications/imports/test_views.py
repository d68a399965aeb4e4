"""Importing other trackers' exports: each known format, a messy hand-made spreadsheet, bad
files, re-imports and failures. Expected applications and timelines are written out by hand
from the fixture files in tests/applications/imports/."""

import datetime as dt
import io
from pathlib import Path

import pytest
import time_machine
from django.core.files.uploadedfile import SimpleUploadedFile
from django.urls import reverse

from applications import company_services, services
from applications.models import Application, Contact, ImportJob
from applications.pipeline import Status
from coping.models import CopingPlan
from reminders.models import Reminder

FILES = Path(__file__).parent
NOW = dt.datetime(2026, 11, 25, 12, tzinfo=dt.UTC)
pytestmark = [pytest.mark.django_db, pytest.mark.frozen(NOW)]


def _upload(client, name, content=None):
    content = (FILES / name).read_bytes() if content is None else content
    response = client.post(
        reverse("applications:import_start"), {"file": SimpleUploadedFile(name, content)}
    )
    return response


def _job(owner) -> ImportJob:
    return ImportJob.objects.filter(owner=owner).latest("pk")


def _map(client, job, statuses=None, as_new=False, **columns):
    """Post the mapping form as shown, with the given status choices and column changes."""
    page = client.get(job.get_absolute_url())
    form = page.context["form"]
    data = {name: form[name].value() or "" for name in form.fields if name != "as_new"}
    for word, status in (statuses or {}).items():
        field = next(n for n in form.words if n.lower() == word.lower())
        data[f"status_{form.words.index(field)}"] = status
    data.update({f"col_{k}": v for k, v in columns.items()})
    if as_new:
        data["as_new"] = "on"
    return client.post(job.get_absolute_url(), data)


def _import(client, job, django_capture_on_commit_callbacks):
    with django_capture_on_commit_callbacks(execute=True):
        response = client.post(reverse("applications:import_run", args=[job.pk]))
    assert response.status_code == 302
    job.refresh_from_db()
    return job


def _timeline(application):
    return [(c.to_status, c.changed_on) for c in application.status_changes.order_by("pk")]


D = dt.date


def test_linkedin_job_applications(
    alice, alice_client, eager_tasks, django_capture_on_commit_callbacks
):
    assert _upload(alice_client, "linkedin_job_applications.csv").status_code == 302
    job = _job(alice)
    assert job.recognised == "LinkedIn job applications" and job.total == 3
    # Contact Email and Contact Phone Number are the applicant's own: left out, and said so.
    assert job.mapping == {"company": 3, "role": 4, "applied": 0, "url": 5, "resume": 6}
    assert _map(alice_client, job).status_code == 302
    preview = alice_client.get(reverse("applications:import_preview", args=[job.pk]))
    assert "<strong>3</strong> applications will be imported" in preview.content.decode()
    job = _import(alice_client, job, django_capture_on_commit_callbacks)
    assert (job.state, job.created) == ("done", 3)
    acme = Application.objects.get(owner=alice, company__name="Acme Corp")
    assert (acme.role, acme.status, acme.date_applied) == ("Data Analyst", "applied", D(2024, 3, 7))
    assert acme.posting_url == "https://www.linkedin.com/jobs/view/3841234567"
    assert _timeline(acme) == [("applied", D(2024, 3, 7))]
    assert not Contact.objects.filter(owner=alice).exists()
    assert [(a.kind, a.version) for a in acme.attachments.all()] == [
        ("resume", "Sam_Resume_2024.pdf")
    ]
    # Old applications come in as history: no "no reply yet" nudges for 2024.
    assert not Reminder.objects.filter(owner=alice).exists()
    assert job.rows == []  # the file's copy is gone once imported


def test_linkedin_saved_jobs_become_the_wishlist(
    alice, alice_client, eager_tasks, django_capture_on_commit_callbacks
):
    _upload(alice_client, "linkedin_saved_jobs.csv")
    job = _job(alice)
    assert job.recognised == "LinkedIn saved jobs"
    _map(alice_client, job)
    _import(alice_client, job, django_capture_on_commit_callbacks)
    saved = Application.objects.filter(owner=alice).order_by("company__name")
    assert [(a.company.name, a.role, a.status, a.date_applied) for a in saved] == [
        ("Hooli", "BI Developer", "wishlist", None),
        ("Umbrella", "Product Analyst", "wishlist", None),
    ]


def test_reactive_resume_with_its_stages_and_a_closed_one_asked_about(
    alice, alice_client, eager_tasks, django_capture_on_commit_callbacks
):
    _upload(alice_client, "reactive_resume.csv")
    job = _job(alice)
    assert job.recognised == "Reactive Resume"
    # "closed" means nothing definite: Rebound asks instead of guessing.
    response = _map(alice_client, job)
    assert response.status_code == 200
    assert "Choose what “closed” means in Rebound." in response.content.decode()
    assert _map(alice_client, job, {"closed": "rejected"}).status_code == 302
    job = _import(alice_client, job, django_capture_on_commit_callbacks)
    assert job.created == 6
    apps = {a.company.name: a for a in Application.objects.filter(owner=alice)}
    assert _timeline(apps["Acme Corp"]) == [("applied", D(2025, 3, 1))]
    assert _timeline(apps["Globex"]) == [("applied", D(2025, 3, 2)), ("screening", D(2025, 3, 10))]
    assert _timeline(apps["Initech"]) == [
        ("applied", D(2025, 3, 3)), ("interviewing", D(2025, 3, 20)),
    ]  # fmt: skip
    assert _timeline(apps["Hooli"]) == [("applied", D(2025, 3, 4)), ("offer", D(2025, 4, 2))]
    umbrella = apps["Umbrella"]
    assert _timeline(umbrella) == [("applied", D(2025, 3, 5)), ("rejected", D(2025, 3, 25))]
    assert "Why it closed: Rejected after the final round" in umbrella.notes
    assert (apps["Vandelay"].status, apps["Vandelay"].date_applied) == ("wishlist", None)
    assert "Source: Hacker News" in apps["Vandelay"].notes and apps["Vandelay"].source == "other"
    acme = apps["Acme Corp"]
    assert (acme.salary_min, acme.salary_max, acme.currency) == (55000, 65000, "EUR")
    assert (acme.source, acme.location) == ("job_board", "Berlin")
    assert sorted(acme.tags.values_list("name", flat=True)) == ["remote", "sql"]
    assert [c.name for c in acme.contacts.all()] == ["Dana Scully"]
    assert (apps["Initech"].salary_min, apps["Hooli"].currency) == (70000, "GBP")
    # An old rejection comes in as history: no plan, no reminders.
    assert not CopingPlan.objects.filter(owner=alice).exists()
    assert not Reminder.objects.filter(owner=alice).exists()


def test_jobsync_with_na_dates_and_its_own_words(
    alice, alice_client, eager_tasks, django_capture_on_commit_callbacks
):
    _upload(alice_client, "jobsync.csv")
    job = _job(alice)
    assert job.recognised == "JobSync"
    assert job.mapping["applied"] == 3  # appliedDate, not the true/false "applied"
    _map(alice_client, job, {"Expired": "ghosted", "Archived": "withdrawn"})
    job = _import(alice_client, job, django_capture_on_commit_callbacks)
    assert job.created == 7
    status = dict(Application.objects.filter(owner=alice).values_list("company__name", "status"))
    assert status == {
        "Acme Corp": "applied", "Globex": "interviewing", "Initech": "rejected",
        "Hooli": "offer", "Umbrella": "wishlist", "Vandelay": "ghosted", "Pied Piper": "withdrawn",
    }  # fmt: skip
    globex = Application.objects.get(owner=alice, company__name="Globex")
    # No date for the interview stage in JobSync's export: dated with the application.
    assert _timeline(globex) == [("applied", D(2025, 2, 3)), ("interviewing", D(2025, 2, 3))]
    umbrella = Application.objects.get(owner=alice, company__name="Umbrella")
    assert umbrella.date_applied is None and umbrella.source == "job_board"


def test_a_messy_windows_1252_semicolon_sheet(
    alice, alice_client, eager_tasks, django_capture_on_commit_callbacks
):
    _upload(alice_client, "messy_windows1252_semicolons.csv")
    job = _job(alice)
    assert job.header[0] == "Employer" and job.rows[0][0] == "Müller GmbH"
    assert job.total == 6  # the blank line (line 4) is no row
    words = {"Beworben": "applied", "Absage": "rejected", "Vorstellungsgespräch": "interviewing"}
    assert _map(alice_client, job, words).status_code == 302
    page = alice_client.get(reverse("applications:import_preview", args=[job.pk]))
    text = " ".join(page.content.decode().split())
    assert (
        "<strong>4</strong> applications will be imported; <strong>2</strong> with a problem"
        in text
    )
    assert "No company." in text and "“31.02.2025” isn’t a date Rebound reads" in text
    # Each row's timeline as it will be written: the rejection dated with the application.
    assert (
        'Applied <span class="text-nowrap">10 Mar 2025</span> → Rejected '
        '<span class="text-nowrap">10 Mar 2025</span>' in text
    )
    assert "55000–55000 EUR" in text
    skipped = alice_client.get(reverse("applications:import_skipped", args=[job.pk]))
    lines = b"".join(skipped.streaming_content).decode().splitlines()
    assert (
        lines[0] == "line,why,Employer,Job Title,Application Status,Date Applied,Notes,Salary Range"
    )
    assert [line.split(",")[0] for line in lines[1:]] == ["5", "6"]  # as in a spreadsheet
    job = _import(alice_client, job, django_capture_on_commit_callbacks)
    assert (job.created, len(job.skipped_rows)) == (4, 2)
    cafe = Application.objects.get(owner=alice, company__name="Café Zürich AG")
    assert cafe.role == "Analyst" and _timeline(cafe) == [
        ("applied", D(2025, 3, 10)), ("rejected", D(2025, 3, 10)),
    ]  # fmt: skip
    # A formula is text: stored as typed, and neutralised when exported again.
    assert cafe.notes == '=HYPERLINK("http://evil.example";"click")'
    formula = Application.objects.get(owner=alice, company__name="Formula Inc")
    assert formula.role == '=HYPERLINK("http://evil.example";"x")'
    export = alice_client.get(reverse("applications:application_export"))
    assert 'Formula Inc,"\'=HYPERLINK(""http://evil.example"";""x"")"' in (
        b"".join(export.streaming_content).decode()
    )
    muller = Application.objects.get(owner=alice, company__name="Müller GmbH")
    assert (muller.salary_min, muller.currency, muller.date_applied) == (
        55000,
        "EUR",
        D(2025, 3, 7),
    )
    strasse = Application.objects.get(owner=alice, company__name="Straße & Söhne")
    assert (strasse.salary_min, strasse.salary_max) == (60000, 70000)


def test_importing_the_same_file_twice_creates_nothing_new(
    alice, alice_client, eager_tasks, django_capture_on_commit_callbacks
):
    for _ in range(2):
        _upload(alice_client, "reactive_resume.csv")
        job = _job(alice)
        _map(alice_client, job, {"closed": "rejected"})
        job = _import(alice_client, job, django_capture_on_commit_callbacks)
    assert (job.created, len(job.skipped_rows)) == (0, 6)
    assert "already have" in job.skipped_rows[0]["why"]
    assert Application.objects.filter(owner=alice).count() == 6
    assert alice.company_set.count() == 6


def test_reboundss_own_export_comes_back_with_whole_timelines(
    alice, bob, alice_client, bob_client, eager_tasks, django_capture_on_commit_callbacks
):
    acme = company_services.company_get_or_create(owner=alice, name="Acme")
    app = services.application_create(
        owner=alice, company=acme, role="Analyst", status=Status.APPLIED,
        date_applied=D(2026, 9, 1), source="referral", posting_url="https://acme.example/1",
    )  # fmt: skip
    services.application_change_status(application=app, to_status="screening", on=D(2026, 9, 8))
    services.application_change_status(application=app, to_status="interviewing", on=D(2026, 9, 20))
    services.application_change_status(application=app, to_status="rejected", on=D(2026, 10, 2))
    services.application_create(owner=alice, company=acme, role="Someday", status=Status.WISHLIST)
    export = b"".join(
        alice_client.get(reverse("applications:application_export")).streaming_content
    )
    _upload(bob_client, "rebound.csv", export)
    job = _job(bob)
    assert job.recognised == "Rebound’s own CSV export"
    assert _map(bob_client, job).status_code == 302
    job = _import(bob_client, job, django_capture_on_commit_callbacks)
    assert job.created == 2
    mine = Application.objects.get(owner=bob, role="Analyst")
    assert _timeline(mine) == [
        ("applied", D(2026, 9, 1)), ("screening", D(2026, 9, 8)),
        ("interviewing", D(2026, 9, 20)), ("rejected", D(2026, 10, 2)),
    ]  # fmt: skip
    assert (mine.status, mine.date_applied, mine.source) == ("rejected", D(2026, 9, 1), "referral")
    assert mine.posting_url == "https://acme.example/1"
    assert Application.objects.get(owner=bob, role="Someday").status == "wishlist"


def test_an_xlsx_workbook_with_dates(
    alice, alice_client, eager_tasks, django_capture_on_commit_callbacks
):
    import openpyxl

    book = openpyxl.Workbook()
    sheet = book.active
    sheet.append(["Company", "Position", "Status", "Date Applied", "Notes"])
    sheet.append(["Acme", "Analyst", "Applied", dt.datetime(2025, 5, 6), "Met them at a fair"])
    sheet.append(["Globex", "Engineer", "Interviewing", dt.date(2025, 5, 7), None])
    buffer = io.BytesIO()
    book.save(buffer)
    with django_capture_on_commit_callbacks(execute=True):  # read in the background
        _upload(alice_client, "search.xlsx", buffer.getvalue())
    job = _job(alice)
    _map(alice_client, job)
    job = _import(alice_client, job, django_capture_on_commit_callbacks)
    acme = Application.objects.get(owner=alice, company__name="Acme")
    assert (acme.date_applied, acme.notes) == (D(2025, 5, 6), "Met them at a fair")
    assert Application.objects.get(owner=alice, company__name="Globex").status == "interviewing"


def test_a_failure_half_way_saves_nothing(
    alice, alice_client, eager_tasks, django_capture_on_commit_callbacks, monkeypatch
):
    from applications.models import StatusChange

    def disk_full(*args, **kwargs):
        # After the companies, contacts, tags and applications went in.
        raise RuntimeError("disk full")

    monkeypatch.setattr(StatusChange.objects, "bulk_create", disk_full)
    _upload(alice_client, "reactive_resume.csv")
    job = _job(alice)
    _map(alice_client, job, {"closed": "rejected"})
    job = _import(alice_client, job, django_capture_on_commit_callbacks)
    assert job.state == "failed" and "Nothing was saved" in job.error
    assert not Application.objects.filter(owner=alice).exists()
    assert not alice.company_set.exists()
    assert len(job.rows) == 6  # kept, to try again
    page = alice_client.get(job.get_absolute_url()).content.decode()
    assert "Nothing was saved" in page


def test_as_new_opens_the_plan_a_rejection_opens_today(
    alice, alice_client, eager_tasks, django_capture_on_commit_callbacks
):
    content = (
        b"Company,Role,Status,Date Applied,Stage Date\n"
        b"Acme,Analyst,Rejected,2026-11-10,2026-11-24\n"
    )
    _upload(alice_client, "now.csv", content)
    job = _job(alice)
    _map(alice_client, job, as_new=True)
    _import(alice_client, job, django_capture_on_commit_callbacks)
    app = Application.objects.get(owner=alice)
    assert _timeline(app) == [("applied", D(2026, 11, 10)), ("rejected", D(2026, 11, 24))]
    assert CopingPlan.objects.filter(owner=alice, application=app).count() == 1


@pytest.mark.parametrize(
    ("content", "message"),
    [
        (b"", "The file is empty."),
        (b"   \n\n", "The file is empty."),
        (b"Company,Role,Status\n", "The file has a header row but no applications under it."),
        (b"\x89PNG\r\n\x1a\n\x00\x00\x00\rIHDR", "That file is a PNG image, not a spreadsheet."),
        (b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1" + b"\x00" * 100, "That is an old Excel file (.xls)."),
        (b"PK\x03\x04 not really a workbook", "That workbook can’t be read."),
        (b"Company,Role\n" + b"Acme,Analyst\n" * 10_001, "more than 10,000 rows"),
        (b"Company,Role\n" + b"x" * (5 * 1024 * 1024), "The file is over 5 MB."),
        (b"OnlyOneColumn\nvalue\n", "The first row should name the columns"),
        (b",".join(b"C%d" % i for i in range(101)) + b"\n" + b"x," * 100 + b"x\n", "101 columns"),
    ],
)
def test_bad_files_say_why_and_save_nothing(alice, alice_client, content, message):
    response = _upload(alice_client, "bad.csv", content)
    assert response.status_code == 200
    page = " ".join(response.content.decode().split())
    assert message in page and "Nothing was imported." in page
    assert "<title>Error:" in page
    assert not ImportJob.objects.exists()


def test_other_encodings_and_delimiters_read_the_same(alice, alice_client):
    text = "Company\tRole\tStatus\nCafé Ünïcode\tAnalyst\tApplied\n"
    for content in (
        text.encode("utf-16"),  # with its byte-order mark
        "\ufeff".encode() + text.encode("utf-8"),
        text.replace("\t", ";").encode("cp1252"),
    ):
        assert _upload(alice_client, "f.csv", content).status_code == 302
        job = _job(alice)
        assert job.header == ["Company", "Role", "Status"]
        assert job.rows == [["Café Ünïcode", "Analyst", "Applied"]]


def test_a_mapping_without_company_or_role_is_refused(alice, alice_client):
    _upload(alice_client, "f.csv", b"Name,Title,When\nAcme,Analyst,2025-01-01\n")
    job = _job(alice)
    response = _map(alice_client, job, role="1", company="1")
    text = response.content.decode()
    assert response.status_code == 200 and "That column is already the company." in text
    response = _map(alice_client, job, company="")
    assert "Choose the column with the company." in response.content.decode()


def test_strangers_get_404_for_every_import_page(alice, alice_client, bob_client):
    _upload(alice_client, "linkedin_saved_jobs.csv")
    job = _job(alice)
    for name, method in [
        ("import_detail", "get"), ("import_preview", "get"), ("import_progress", "get"),
        ("import_skipped", "get"), ("import_run", "post"), ("import_delete", "post"),
    ]:  # fmt: skip
        response = getattr(bob_client, method)(reverse(f"applications:{name}", args=[job.pk]))
        assert response.status_code == 404, name
    assert ImportJob.objects.get(pk=job.pk).state == "mapping"
    assert (
        "linkedin_saved_jobs.csv"
        not in bob_client.get(reverse("applications:import_start")).content.decode()
    )


def test_a_stalled_import_offers_to_start_again(
    alice, alice_client, eager_tasks, django_capture_on_commit_callbacks
):
    _upload(alice_client, "linkedin_saved_jobs.csv")
    job = _job(alice)
    ImportJob.objects.filter(pk=job.pk).update(state="running")  # its worker died, no heartbeat
    for name in ("import_progress", "import_detail"):
        page = alice_client.get(reverse(f"applications:{name}", args=[job.pk])).content.decode()
        assert "The import stopped before it finished" in page and "Nothing was saved" in page
    # Shown as failed, written so only by the next step (a POST) or the daily task.
    assert ImportJob.objects.get(pk=job.pk).state == "running"
    assert Contact.objects.filter(owner=alice).count() == 0
    job = _import(alice_client, job, django_capture_on_commit_callbacks)
    assert (job.state, job.created) == ("done", Application.objects.filter(owner=alice).count())
    assert job.created > 0


def test_uploads_left_for_30_days_are_forgotten(
    alice, alice_client, eager_tasks, django_capture_on_commit_callbacks
):
    from applications.imports.tasks import imports_forget_stale_task

    _upload(alice_client, "linkedin_saved_jobs.csv")
    left = _job(alice)
    _upload(alice_client, "messy_windows1252_semicolons.csv")
    done = _job(alice)
    _map(
        alice_client,
        done,
        {"Beworben": "applied", "Absage": "rejected", "Vorstellungsgespräch": "interviewing"},
    )
    done = _import(alice_client, done, django_capture_on_commit_callbacks)
    assert done.skipped_rows
    with time_machine.travel(NOW + dt.timedelta(days=29), tick=False):
        imports_forget_stale_task()
    assert ImportJob.objects.filter(pk=left.pk).exists()
    assert ImportJob.objects.get(pk=done.pk).skipped_rows
    with time_machine.travel(NOW + dt.timedelta(days=31), tick=False):
        imports_forget_stale_task()
    assert not ImportJob.objects.filter(pk=left.pk).exists()
    done.refresh_from_db()
    assert (done.skipped_rows, done.created) == ([], 4)  # the summary stays
    assert Application.objects.filter(owner=alice).count() == 4
