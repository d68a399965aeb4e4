"""Hostile uploads (issue 21): each bomb the audit built is refused, or read within bounds —
under 100 MB of extra memory and an answer within 5 s — and the user is told why.

The files are built here, never committed: a 1.5 KB workbook whose sheet declares
1,048,576 × 16,384 cells, a zip bomb (a sheet of hundreds of MB packed into a few hundred KB),
a 5 MB CSV of blank lines, and a workbook with a million blank rows.

Memory is measured in a fresh process (the peak resident size, C allocations included, before
and after reading), time in this one, through the pages a user sees."""

import io
import json
import os
import subprocess
import sys
import time
import zipfile
from pathlib import Path

import pytest
from django.core.files.uploadedfile import SimpleUploadedFile
from django.urls import reverse

from applications.models import Application, ImportJob

pytestmark = pytest.mark.django_db
ROOT = Path(__file__).resolve().parents[3]
MB = 1024 * 1024

_PKG = "http://schemas.openxmlformats.org/package/2006"
_REL = "http://schemas.openxmlformats.org/officeDocument/2006/relationships"
_MIME = "application/vnd.openxmlformats-officedocument.spreadsheetml"
_CONTENT_TYPES = (
    f'<?xml version="1.0" encoding="UTF-8"?><Types xmlns="{_PKG}/content-types">'
    f'<Default Extension="rels" ContentType="application/vnd.openxmlformats-package.'
    f'relationships+xml"/><Default Extension="xml" ContentType="application/xml"/>'
    f'<Override PartName="/xl/workbook.xml" ContentType="{_MIME}.sheet.main+xml"/>'
    f'<Override PartName="/xl/worksheets/sheet1.xml" ContentType="{_MIME}.worksheet+xml"/>'
    "</Types>"
)
_RELS = (
    f'<?xml version="1.0" encoding="UTF-8"?><Relationships xmlns="{_PKG}/relationships">'
    f'<Relationship Id="rId1" Type="{_REL}/officeDocument" Target="xl/workbook.xml"/>'
    "</Relationships>"
)
_WORKBOOK = (
    '<?xml version="1.0" encoding="UTF-8"?>'
    '<workbook xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main" '
    f'xmlns:r="{_REL}"><sheets><sheet name="Sheet1" sheetId="1" r:id="rId1"/></sheets>'
    "</workbook>"
)
_WORKBOOK_RELS = (
    f'<?xml version="1.0" encoding="UTF-8"?><Relationships xmlns="{_PKG}/relationships">'
    f'<Relationship Id="rId1" Type="{_REL}/worksheet" Target="worksheets/sheet1.xml"/>'
    "</Relationships>"
)
_SHEET_START = (
    '<?xml version="1.0" encoding="UTF-8"?>'
    '<worksheet xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main">'
)
_HEADER_AND_ONE_ROW = (
    '<row r="1"><c r="A1" t="inlineStr"><is><t>Company</t></is></c>'
    '<c r="B1" t="inlineStr"><is><t>Role</t></is></c></row>'
    '<row r="2"><c r="A2" t="inlineStr"><is><t>Acme</t></is></c>'
    '<c r="B2" t="inlineStr"><is><t>Analyst</t></is></c></row>'
)


def _workbook(write_sheet) -> bytes:
    """A minimal .xlsx whose sheet XML `write_sheet(part)` streams into the zip."""
    path = Path(os.environ.get("TMPDIR", "/tmp")) / f"hostile-{os.getpid()}.xlsx"
    with zipfile.ZipFile(path, "w", zipfile.ZIP_DEFLATED) as book:
        book.writestr("[Content_Types].xml", _CONTENT_TYPES)
        book.writestr("_rels/.rels", _RELS)
        book.writestr("xl/workbook.xml", _WORKBOOK)
        book.writestr("xl/_rels/workbook.xml.rels", _WORKBOOK_RELS)
        with book.open("xl/worksheets/sheet1.xml", "w", force_zip64=True) as sheet:
            write_sheet(sheet)
    raw = path.read_bytes()
    path.unlink()
    return raw


def declared_giant() -> bytes:
    """1.5 KB: a sheet that declares A1:XFD1048576 and holds two rows."""

    def write(sheet):
        sheet.write(
            (
                _SHEET_START + '<dimension ref="A1:XFD1048576"/><sheetData>'
                f"{_HEADER_AND_ONE_ROW}</sheetData></worksheet>"
            ).encode()
        )

    return _workbook(write)


def zip_bomb() -> bytes:
    """A few hundred KB that unpack to a 300 MB sheet (one enormous cell)."""

    def write(sheet):
        sheet.write(
            (_SHEET_START + "<sheetData>" + _HEADER_AND_ONE_ROW.replace("</row>", "", 1)).encode()
        )
        sheet.write(b'<c r="C1" t="inlineStr"><is><t>')
        chunk = b"A" * MB
        for _ in range(300):
            sheet.write(chunk)
        sheet.write(b"</t></is></c></row></sheetData></worksheet>")

    return _workbook(write)


def million_blank_rows() -> bytes:
    """A header, one application and a million blank rows under it."""

    def write(sheet):
        sheet.write((_SHEET_START + "<sheetData>" + _HEADER_AND_ONE_ROW).encode())
        for start in range(3, 1_000_003, 10_000):
            sheet.write("".join(f'<row r="{n}"/>' for n in range(start, start + 10_000)).encode())
        sheet.write(b"</sheetData></worksheet>")

    return _workbook(write)


def blank_lines_csv() -> bytes:
    """5 MB: a header, one application, and blank lines to the size limit."""
    head = b"Company,Role\nAcme,Analyst\n"
    return head + b"\n" * (5 * MB - len(head))


HOSTILE = {
    # name: (file name, the bytes, what the user is told — None: it is read, 1 row)
    "declared 1,048,576 x 16,384": ("tracker.xlsx", declared_giant, None),
    "zip bomb": ("tracker.xlsx", zip_bomb, "That workbook unpacks to far more than its size"),
    "a million blank rows": ("tracker.xlsx", million_blank_rows, "more than 10,000 rows"),
    "5 MB of blank lines": ("tracker.csv", blank_lines_csv, "more than 10,000 rows"),
}

MEASURE = r"""
import json, resource, sys, time
import django
django.setup()
from applications.imports import reading
raw = open(sys.argv[1], "rb").read()
before = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss
start = time.perf_counter()
try:
    table = reading.read_table(raw, sys.argv[1])
    outcome = f"read {sum(1 for row in table.rows if any(row))}"
except reading.ImportFileError as error:
    outcome = f"refused: {error}"
seconds = time.perf_counter() - start
after = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss
print(json.dumps({"outcome": outcome, "seconds": seconds, "extra_kb": after - before}))
"""


@pytest.fixture(scope="module", params=list(HOSTILE))
def hostile(request, tmp_path_factory):
    name, build, told = HOSTILE[request.param]
    raw = build()
    path = tmp_path_factory.mktemp("hostile") / name
    path.write_bytes(raw)
    return request.param, path, raw, told


def test_the_bombs_are_as_described(hostile):
    label, _, raw, _ = hostile
    assert len(raw) <= 5 * MB
    if label.startswith("declared"):
        assert len(raw) < 2048
    if label == "zip bomb":
        with zipfile.ZipFile(io.BytesIO(raw)) as book:
            unpacked = sum(part.file_size for part in book.infolist())
        assert unpacked > 300 * MB and len(raw) < MB


def test_each_bomb_is_read_within_100_mb_and_5_seconds(hostile):
    label, path, _, told = hostile
    env = {**os.environ, "DJANGO_SETTINGS_MODULE": "rebound.settings", "DEBUG": "1"}
    done = subprocess.run(
        [sys.executable, "-c", MEASURE, str(path)],
        cwd=ROOT,
        env=env,
        capture_output=True,
        text=True,
        timeout=120,
    )
    assert done.returncode == 0, done.stderr[-3000:]
    measured = json.loads(done.stdout.strip().splitlines()[-1])
    assert measured["extra_kb"] < 100 * 1024, (label, measured)
    assert measured["seconds"] < 5, (label, measured)
    if told is None:
        assert measured["outcome"] == "read 1", (label, measured)
    else:
        assert measured["outcome"].startswith("refused") and told in measured["outcome"]


def test_each_bomb_uploaded_gets_an_answer_within_5_seconds_and_stores_nothing_big(
    hostile, alice, alice_client, eager_tasks, django_capture_on_commit_callbacks
):
    label, path, raw, told = hostile
    start = time.perf_counter()
    with django_capture_on_commit_callbacks(execute=True):  # a workbook is read in the background
        response = alice_client.post(
            reverse("applications:import_start"), {"file": SimpleUploadedFile(path.name, raw)}
        )
    job = ImportJob.objects.filter(owner=alice).first()
    if response.status_code == 302:
        page = " ".join(alice_client.get(response.url).content.decode().split())
    else:
        page = " ".join(response.content.decode().split())
    assert time.perf_counter() - start < 5, label
    if told is None:
        assert job is not None and (job.state, job.total) == ("mapping", 1)
        assert "Check the columns" in page and "1 row" in page
    else:
        assert told in page and "Nothing was imported." in page, label
        assert job is None or (job.state, job.rows, bytes(job.upload)) == ("failed", [], b"")
    assert not Application.objects.filter(owner=alice).exists()
