"""The user's steps (services.py) over the records kept with the job: the file is read once
per mapping, and the preview, the skipped rows and the run read the same records; a page
asked with GET writes nothing, a stalled job included."""

import csv
import datetime as dt
import io
from pathlib import Path

import pytest
import time_machine
from django.core.files.uploadedfile import SimpleUploadedFile
from django.urls import reverse

from applications.imports import mapping, records
from applications.imports.services import steps, work
from applications.models import Application, ImportJob

FILES = Path(__file__).parent
NOW = dt.datetime(2026, 11, 25, 12, tzinfo=dt.UTC)
pytestmark = [pytest.mark.django_db, pytest.mark.frozen(NOW)]
MESSY = "messy_windows1252_semicolons.csv"
WORDS = {"Beworben": "applied", "Absage": "rejected", "Vorstellungsgespräch": "interviewing"}


def _uploaded(client, owner, name: str) -> ImportJob:
    client.post(
        reverse("applications:import_start"),
        {"file": SimpleUploadedFile(name, (FILES / name).read_bytes())},
    )
    return ImportJob.objects.filter(owner=owner).latest("pk")


def _map(client, job: ImportJob, statuses: dict[str, str]) -> None:
    form = client.get(job.get_absolute_url()).context["form"]
    data = {name: form[name].value() or "" for name in form.fields if name != "as_new"}
    for i, word in enumerate(form.words):
        data[f"status_{i}"] = statuses[word]
    response = client.post(job.get_absolute_url(), data)
    assert response.status_code == 302 and response.url.endswith("/preview/")


@pytest.fixture
def parses(monkeypatch) -> list[int]:
    """How many times the file's rows are read into records."""
    calls: list[int] = []
    parse = mapping.parse

    def counted(*args, **kwargs):
        calls.append(1)
        return parse(*args, **kwargs)

    monkeypatch.setattr(mapping, "parse", counted)
    return calls


def test_the_file_is_read_once_and_every_step_reads_the_same_records(
    alice, alice_client, parses, eager_tasks, django_capture_on_commit_callbacks
):
    job = _uploaded(alice_client, alice, MESSY)
    _map(alice_client, job, WORDS)
    assert len(parses) == 1
    job.refresh_from_db()
    kept = [records.from_json(data) for data in job.records]
    assert [r.lines for r in kept] == [
        r.lines for r in mapping.parse(job.header, job.rows, job.mapping, job.statuses)
    ]
    parses.clear()
    preview = alice_client.get(reverse("applications:import_preview", args=[job.pk]))
    skipped = alice_client.get(reverse("applications:import_skipped", args=[job.pk]))
    skipped_lines = [row[0] for row in csv.reader(io.StringIO(b"".join(skipped).decode()))][1:]
    with django_capture_on_commit_callbacks(execute=True):
        alice_client.post(reverse("applications:import_run", args=[job.pk]))
    assert parses == []  # preview, skipped rows and run: none read the file again
    job.refresh_from_db()
    assert job.state == "done" and job.records is None  # the rows go with the records
    assert preview.context["importable"] == job.created == 4
    assert skipped_lines == [str(s["line"]) for s in job.skipped_rows]


def test_a_new_mapping_reads_the_file_again_and_a_new_status_column_forgets_the_records(
    alice, alice_client
):
    job = _uploaded(alice_client, alice, MESSY)
    _map(alice_client, job, WORDS)
    job.refresh_from_db()
    assert job.records
    steps.import_columns(job=job, columns={"company": 0, "role": 1})
    job.refresh_from_db()
    assert (job.mapping, job.records) == ({"company": 0, "role": 1}, None)


def test_a_record_kept_as_json_comes_back_as_parsed():
    record = records.Record(
        lines=[2, 3],
        company="Acme",
        role="Analyst",
        status="rejected",
        applied=dt.date(2026, 9, 1),
        history=[("applied", dt.date(2026, 9, 1)), ("rejected", dt.date(2026, 10, 2))],
        salary_min=50_000,
        tags=["remote"],
        errors=["No role."],
    )
    assert records.from_json(records.to_json(record)) == record
    assert "url" not in records.to_json(record)  # only what it has is kept


def _rows() -> list[dict]:
    return list(ImportJob.objects.order_by("pk").values())


def test_no_page_asked_with_get_writes_a_row_a_stalled_job_included(alice, alice_client):
    mapped = _uploaded(alice_client, alice, MESSY)
    _map(alice_client, mapped, WORDS)
    stalled = _uploaded(alice_client, alice, "linkedin_saved_jobs.csv")
    ImportJob.objects.filter(pk=stalled.pk).update(state="running", beat_at=NOW)
    before, applications = _rows(), Application.objects.count()
    with time_machine.travel(NOW + dt.timedelta(hours=1), tick=False):
        for job in (mapped, stalled):
            for name in ("import_detail", "import_preview", "import_progress", "import_skipped"):
                response = alice_client.get(reverse(f"applications:{name}", args=[job.pk]))
                assert response.status_code in (200, 302), name
        page = alice_client.get(reverse("applications:import_progress", args=[stalled.pk]))
        assert "The import stopped before it finished" in page.content.decode()
        assert alice_client.get(reverse("applications:import_start")).status_code == 200
    assert _rows() == before and Application.objects.count() == applications


def test_the_daily_task_marks_a_lost_import_failed_so_it_is_forgotten_in_its_turn(alice):
    raw = b"Company,Role\nAcme,Analyst\n"
    lost = steps.import_start(owner=alice, filename="lost.csv", raw=raw)
    alive = steps.import_start(owner=alice, filename="alive.csv", raw=raw)
    ImportJob.objects.filter(pk=lost.pk).update(state="running", beat_at=NOW)
    with time_machine.travel(NOW + dt.timedelta(minutes=1), tick=False):
        ImportJob.objects.filter(pk=alive.pk).update(
            state="running", beat_at=dt.datetime.now(dt.UTC)
        )
        work.imports_forget_stale()
    lost.refresh_from_db()
    alive.refresh_from_db()
    assert (lost.state, alive.state) == ("running", "running")  # quiet for a minute: alive
    with time_machine.travel(NOW + dt.timedelta(minutes=10), tick=False):
        work.imports_forget_stale()
    lost.refresh_from_db()
    assert lost.state == "failed" and "stopped before it finished" in lost.error
    with time_machine.travel(NOW + dt.timedelta(days=31), tick=False):
        work.imports_forget_stale()
    assert not ImportJob.objects.filter(pk=lost.pk).exists()
