"""Reading another tracker's export: the file's bytes to rows, its columns to Rebound's fields,
each row to what it will become, with its errors and warnings. No database writes here
(`services.import_run` writes); the user sees this module's reading in the preview first.

Known exports, recognised by their headers (and tested with fixture files in
tests/applications/imports/): LinkedIn's data export (`Jobs/Job Applications.csv`,
`Jobs/Saved Jobs.csv`), Reactive Resume's tracker, JobSync and Rebound's own CSV export (one
row per status change, read back as one application with its whole timeline). Any other
spreadsheet maps by header aliases, which the user can change.
"""

import codecs
import csv
import datetime as dt
import io
import itertools
import re
import zipfile
from collections.abc import Iterable
from dataclasses import dataclass, field
from typing import Any

from .models import Source, Status

MAX_BYTES = 5 * 1024 * 1024
MAX_ROWS = 10_000
# Every row read counts, blank or not (the rows, the header and some blank lines between
# them): a file of blank lines, or a sheet that declares a million rows, stops here.
MAX_LINES = MAX_ROWS + 1 + 1_000
MAX_COLUMNS = 100
# A workbook is a zip of XML parts. Unpacked, they may together be at most MAX_UNZIPPED, and
# no large part may pack tighter than MAX_RATIO to 1 (a real sheet packs about 5 to 20 to 1, a
# zip bomb thousands to 1). Checked from the zip's directory, before anything is unpacked;
# Python's zipfile never unpacks more than a part's declared size.
MAX_UNZIPPED = 40 * 1024 * 1024
MAX_RATIO = 100
RATIO_CHECKED_FROM = 1024 * 1024
MAX_PARTS = 1_000
# A formula cell with no value saved in the workbook keeps its formula text behind this mark
# (a private-use character no spreadsheet writes), and its row says what to do.
UNSAVED_FORMULA = "\ue000"


class ImportFileError(ValueError):
    """The file can't be read as a table; the message says why, in the user's words."""


@dataclass
class Table:
    header: list[str]
    rows: list[list[str]]
    sheet: str = ""  # the workbook's sheet that was read ("" for a CSV file)


# --- the file to rows ---------------------------------------------------------------------

_NOT_A_TABLE = (
    " Rebound imports CSV files and Excel workbooks (.xlsx): export your tracker as one of "
    "those, or open the file in your spreadsheet and save it as “CSV UTF-8”."
)
# How other kinds of file start, to say what was uploaded instead of a table.
_MAGIC = [
    (b"%PDF-", "a PDF document"),
    (b"\x89PNG", "a PNG image"),
    (b"\xff\xd8\xff", "a JPEG photo"),
    (b"GIF8", "a GIF image"),
    (b"{\\rtf", "an RTF document"),
    (b"\x1f\x8b", "a gzip archive"),
    (b"Rar!", "a RAR archive"),
    (b"7z\xbc\xaf\x27\x1c", "a 7-Zip archive"),
    (b"\xd0\xcf\x11\xe0", "an old Excel (.xls) or Word (.doc) file"),
]


def _looks_like(raw: bytes) -> str:
    """What a file that isn't text looks like ("" for text), from its first bytes."""
    for magic, what in _MAGIC:
        if raw.startswith(magic):
            return what
    if raw.startswith((codecs.BOM_UTF16_LE, codecs.BOM_UTF16_BE)):
        return ""
    if b"\x00" in raw[:4096]:
        return "a program’s own file format (not text)"
    return ""


def _decode(raw: bytes) -> str:
    """UTF-8 (with or without a byte-order mark), UTF-16 (with one) or Windows-1252, the
    encoding Excel on Windows saves "CSV" in."""
    if raw.startswith(codecs.BOM_UTF8):
        return raw[len(codecs.BOM_UTF8) :].decode("utf-8")
    if raw.startswith((codecs.BOM_UTF16_LE, codecs.BOM_UTF16_BE)):
        return raw.decode("utf-16")
    try:
        return raw.decode("utf-8")
    except UnicodeDecodeError:
        pass
    try:
        return raw.decode("cp1252")
    except UnicodeDecodeError:
        raise ImportFileError(
            "That file’s text encoding isn’t one Rebound reads (UTF-8, UTF-16 or Windows-1252). "
            "Save it from your spreadsheet as “CSV UTF-8” and upload that."
        ) from None


def _delimiter(first_line: str) -> str:
    """Comma, semicolon (Excel in much of Europe) or tab: whichever the header uses most."""
    counts = {d: first_line.count(d) for d in (",", ";", "\t")}
    best = max(counts, key=lambda d: counts[d])
    return best if counts[best] else ","


def _too_long() -> ImportFileError:
    return ImportFileError(
        f"The file has more than {MAX_ROWS:,} rows (blank rows count too). Split it into files "
        f"of at most {MAX_ROWS:,} rows, or delete the empty rows at its end, and import them "
        "one after the other."
    )


def _too_wide(columns: str) -> ImportFileError:
    return ImportFileError(
        f"The file has {columns} columns; Rebound reads at most {MAX_COLUMNS}. Remove the ones "
        "you don’t need and upload it again."
    )


def _csv_rows(raw: bytes) -> list[list[str]]:
    text = _decode(raw)
    if "\r" in text and "\n" not in text:
        text = text.replace("\r", "\n")
    text = text.lstrip("\ufeff")
    reader = csv.reader(io.StringIO(text), delimiter=_delimiter(text.split("\n", 1)[0]))
    rows: list[list[str]] = []
    try:
        for row in reader:
            if len(rows) == MAX_LINES:
                raise _too_long()
            if len(row) > MAX_COLUMNS and any(cell.strip() for cell in row[MAX_COLUMNS:]):
                raise _too_wide(f"{len(row):,}")
            rows.append(row[:MAX_COLUMNS])
    except csv.Error as error:
        raise ImportFileError(f"That file isn’t a CSV file Rebound can read ({error}).") from None
    return rows


def is_workbook(raw: bytes) -> bool:
    return raw.startswith(b"PK\x03\x04")


def check_workbook(raw: bytes) -> None:
    """What can be said of a workbook without parsing it (its size, unpacked, and what it
    holds), in a moment; reading it (read_table) takes seconds."""
    if len(raw) > MAX_BYTES:
        raise _too_big()
    _check_zip(raw)


def _unreadable_workbook() -> ImportFileError:
    return ImportFileError(
        "That workbook can’t be read. Open it in your spreadsheet and save it again as .xlsx "
        "or as CSV."
    )


def _check_zip(raw: bytes) -> None:
    """A workbook that unpacks to far more than it weighs is refused before it is unpacked."""
    try:
        parts = zipfile.ZipFile(io.BytesIO(raw)).infolist()
    except (zipfile.BadZipFile, ValueError, EOFError):
        raise _unreadable_workbook() from None
    names = {part.filename for part in parts}
    if "xl/workbook.xml" not in names:
        if "word/document.xml" in names:
            raise ImportFileError("That file is a Word document, not a spreadsheet." + _NOT_A_TABLE)
        if "content.xml" in names:
            raise ImportFileError(
                "That is an OpenDocument file (.ods). Save it from your spreadsheet as .xlsx or "
                "as CSV and upload that."
            )
        raise ImportFileError(
            "That file is a zip archive. Unpack it and upload the CSV or .xlsx file inside."
        )
    bomb = (
        len(parts) > MAX_PARTS
        or sum(part.file_size for part in parts) > MAX_UNZIPPED
        or any(
            part.file_size > RATIO_CHECKED_FROM
            and part.file_size > MAX_RATIO * max(part.compress_size, 1)
            for part in parts
        )
    )
    if bomb:
        raise ImportFileError(
            f"That workbook unpacks to far more than its size (over {MAX_UNZIPPED // 2**20} MB, "
            "or packed unusually tightly), so Rebound won’t open it. Open it in your "
            "spreadsheet, delete the empty rows and columns, and save it again, or save it as "
            "CSV."
        )


def _open_workbook(raw: bytes, *, data_only: bool) -> Any:
    """openpyxl's streaming reader, minus its look at each sheet's declared size: it scans a
    whole sheet when none is declared (seconds for a hostile one), and Rebound never trusts
    that size anyway (each sheet is read row by row, counted, at most MAX_COLUMNS + 1 wide)."""
    import openpyxl
    from openpyxl.reader import excel
    from openpyxl.worksheet._read_only import ReadOnlyWorksheet

    class UnsizedSheet(ReadOnlyWorksheet):  # type: ignore[misc]
        def _get_size(self) -> None:
            return None

    sized = excel.ReadOnlyWorksheet
    excel.ReadOnlyWorksheet = UnsizedSheet
    try:
        return openpyxl.load_workbook(io.BytesIO(raw), read_only=True, data_only=data_only)
    finally:
        excel.ReadOnlyWorksheet = sized


def _xlsx_rows(raw: bytes) -> tuple[str, list[list[str]]]:
    """The first sheet with anything in it. Each cell is the value the spreadsheet saved (a
    formula's result); a formula saved without one comes as its text behind UNSAVED_FORMULA.
    Read as a stream, every row counted and at most MAX_COLUMNS + 1 wide, whatever size the
    sheet declares."""
    _check_zip(raw)
    try:
        values = _open_workbook(raw, data_only=True)
        # Read a second time, for the formulas' text, only when there are formulas.
        formulas = _open_workbook(raw, data_only=False) if _has_formulas(raw) else None
    except Exception:  # a broken zip or workbook, whatever openpyxl raises: say what to do
        raise _unreadable_workbook() from None
    read = 0
    try:
        for n, sheet in enumerate(values.worksheets):
            rows: list[list[str]] = []
            # Its declared size ("A1:XFD1048576") is the file's word, not its content.
            sheet.reset_dimensions()
            written: Iterable[tuple[Any, ...]] = itertools.repeat(())
            if formulas is not None:
                formula_sheet = formulas.worksheets[n]
                formula_sheet.reset_dimensions()
                written = formula_sheet.iter_rows(max_col=MAX_COLUMNS + 1, values_only=True)
            pairs = zip(
                sheet.iter_rows(max_col=MAX_COLUMNS + 1, values_only=True), written, strict=False
            )
            for saved, row_formulas in pairs:
                read += 1
                if read > MAX_LINES:
                    raise _too_long()
                if saved[MAX_COLUMNS:] and saved[MAX_COLUMNS] is not None:
                    raise _too_wide(f"more than {MAX_COLUMNS}")
                if not any(value is not None for value in saved) and not any(row_formulas):
                    rows.append([])  # blank (most of a hostile sheet): quickly
                    continue
                rows.append(
                    [
                        _cell_text(value, formula)
                        for value, formula in itertools.zip_longest(
                            saved[:MAX_COLUMNS], row_formulas[:MAX_COLUMNS]
                        )
                    ]
                )
            if any(any(cell.strip() for cell in row) for row in rows):
                return sheet.title, rows
    except ImportFileError:
        raise
    except Exception:  # a sheet that breaks half way: the same advice
        raise _unreadable_workbook() from None
    finally:
        values.close()
        if formulas is not None:
            formulas.close()
    return "", []


_FORMULA_TAG = re.compile(rb"<(?:\w+:)?f[\s>/]")


def _has_formulas(raw: bytes) -> bool:
    """Whether any sheet has a formula cell (a fast scan of the sheets' XML, in chunks)."""
    with zipfile.ZipFile(io.BytesIO(raw)) as archive:
        for name in archive.namelist():
            if not name.startswith("xl/worksheets/"):
                continue
            with archive.open(name) as part:
                tail = b""
                while chunk := part.read(1024 * 1024):
                    if _FORMULA_TAG.search(tail + chunk):
                        return True
                    tail = chunk[-16:]
    return False


def _cell_text(value: Any, written: Any = None) -> str:
    if value is None:
        formula = getattr(written, "text", written)
        if isinstance(formula, str) and formula.startswith("="):
            return UNSAVED_FORMULA + formula
        return ""
    if isinstance(value, dt.datetime):
        return value.date().isoformat()
    if isinstance(value, dt.date):
        return value.isoformat()
    if isinstance(value, float) and value.is_integer():
        return str(int(value))
    return str(value)


def _too_big() -> ImportFileError:
    return ImportFileError(f"The file is over {MAX_BYTES // (1024 * 1024)} MB. Split it in two.")


def read_upload(upload: Any) -> bytes:
    """An uploaded file's bytes, refused before reading when it is over the limit."""
    if upload.size > MAX_BYTES:
        raise _too_big()
    return upload.read()


def _header_names(header: list[str], rows: list[list[str]]) -> list[str]:
    """The header without its empty tail; an empty cell right after a name, over a column
    with data, is that name's second column (a "Salary" header merged over two columns)."""
    width = max((i + 1 for i, name in enumerate(header) if name), default=0)
    used = max((i + 1 for row in rows for i, cell in enumerate(row) if cell), default=0)
    names = list(header[:width])
    while len(names) < used and names and names[-1] and not names[-1].endswith(CONTINUED):
        names.append("")
    for i in range(1, len(names)):
        previous = names[i - 1]
        has_data = any(i < len(row) and row[i] for row in rows)
        if not names[i] and previous and not previous.endswith(CONTINUED) and has_data:
            names[i] = previous + CONTINUED
    return names


CONTINUED = " (its second column)"


def read_table(raw: bytes, filename: str = "") -> Table:
    """The header and the rows of an uploaded CSV or XLSX file (blank rows kept as empty
    rows, so a row's number is its line's), and the sheet read."""
    if len(raw) > MAX_BYTES:
        raise _too_big()
    if not raw.strip():
        raise ImportFileError("The file is empty.")
    sheet = ""
    if is_workbook(raw):
        sheet, lines = _xlsx_rows(raw)
    elif raw.startswith(b"\xd0\xcf\x11\xe0"):
        raise ImportFileError(
            "That is an old Excel file (.xls). Save it as .xlsx or as CSV and upload that."
        )
    elif looks := _looks_like(raw):
        raise ImportFileError(f"That file is {looks}, not a spreadsheet." + _NOT_A_TABLE)
    else:
        lines = _csv_rows(raw)
    lines = [[cell.strip() for cell in row] for row in lines]
    while lines and not any(lines[0]):
        lines.pop(0)
    while lines and not any(lines[-1]):
        lines.pop()
    if not lines:
        raise ImportFileError("The file is empty.")
    header, rows = lines[0], lines[1:]
    if not any(any(row) for row in rows):
        raise ImportFileError(
            "The file has a header row but no applications under it. Nothing to import."
        )
    if sum(1 for row in rows if any(row)) > MAX_ROWS:
        raise _too_long()
    header = _header_names(header, rows)
    if len(header) < 2 or not any(header):
        raise ImportFileError(
            "The first row should name the columns (Company, Role, …); this one doesn’t."
        )
    if len(header) > MAX_COLUMNS:
        raise _too_wide(f"{len(header):,}")
    width = len(header)
    return Table(header, [(row + [""] * width)[:width] for row in rows], sheet)


# --- columns to fields --------------------------------------------------------------------

# Rebound's fields, each with the headers other trackers use for it, best match first.
FIELDS: dict[str, tuple[str, list[str]]] = {
    "company": ("Company", ["Company", "Company Name", "Employer", "Organization", "Organisation"]),
    "role": ("Role", ["Role", "Title", "Job Title", "Position", "Job Position"]),
    "status": ("Status", ["Status", "Stage", "List", "Application Status", "Status now"]),
    "applied": (
        "Date applied",
        ["Date Applied", "Applied Date", "Application Date", "Applied", "Stage Date"],
    ),
    "status_date": ("Date of the current status", ["Stage Date", "Status Date", "Changed on"]),
    "url": (
        "Posting URL",
        ["URL", "Link", "Job URL", "Job Posting", "Job Post Url", "Posting URL"],
    ),
    "location": ("Location", ["Location"]),
    "salary": (
        "Salary (or its lower end)",
        ["Salary", "Salary Range", "Compensation", "Min Salary", "Salary Min", "Minimum Salary"],
    ),
    # Teal's Max Salary, or the second column of a "Salary" header merged over two.
    "salary_to": ("Salary’s upper end", ["Max Salary", "Salary Max", "Maximum Salary"]),
    "excitement": ("Excitement (1 to 5)", ["Excitement", "Interest", "Interest Level"]),
    "resume": (
        "Résumé version sent",
        ["Resume Name", "Resume", "Résumé", "Resume Version", "CV", "CV Version"],
    ),
    "added": ("Date saved", ["Date Added", "Saved Date", "Date Saved", "Added On"]),
    "source": ("Source", ["Source", "Job Source"]),
    "notes": ("Notes", ["Notes", "Note"]),
    "tags": ("Tags", ["Tags", "Tag"]),
    "contact_name": ("Contact name", ["Contact Name", "Contacts", "Contact"]),
    "contact_email": ("Contact email", ["Contact Email"]),
    "contact_phone": ("Contact phone", ["Contact Phone Number", "Contact Phone"]),
    "closed_reason": ("Why it closed", ["Closed Reason"]),
}
REQUIRED = ("company", "role")


def _norm(header: str) -> str:
    return re.sub(r"[^a-z0-9]", "", header.lower())


def fold(text: str) -> str:
    """A name as Rebound compares names: spaces collapsed, case folded the same way for
    every script, in Python, whatever the database's lower() does (SQLite's folds only
    A to Z; PostgreSQL's folds İ to i, Python's to i and a combining dot)."""
    return " ".join(text.split()).casefold().replace("i\u0307", "i")


# Known exports: a name and the normalised headers that identify it.
KNOWN = [
    ("Rebound’s own CSV export", {"company", "role", "statusnow", "tostatus", "changedon"}),
    (
        "LinkedIn job applications",
        {"applicationdate", "companyname", "jobtitle", "joburl", "resumename"},
    ),
    ("LinkedIn saved jobs", {"saveddate", "joburl", "jobtitle", "companyname"}),
    ("Reactive Resume", {"company", "role", "stage", "stagedate", "closedreason"}),
    ("JobSync", {"createdat", "applieddate", "company", "jobtitle", "jobsource", "status"}),
]


# Columns of a known export that hold the user's own details, not the employer's: left out.
OWN_DETAILS = {
    "LinkedIn job applications": {"contactemail", "contactphonenumber"},
}


def recognise(header: list[str]) -> str:
    names = {_norm(h) for h in header}
    for label, needed in KNOWN:
        if needed <= names:
            return label
    return ""


def auto_mapping(header: list[str]) -> dict[str, int]:
    """Each field's column by the aliases, best alias first; a column serves one field."""
    own = OWN_DETAILS.get(recognise(header), set())
    positions: dict[str, int] = {}
    for i, h in enumerate(header):
        if _norm(h) not in own:
            positions.setdefault(_norm(h), i)
    taken: set[int] = set()
    mapping: dict[str, int] = {}
    for name, (_, aliases) in FIELDS.items():
        for alias in aliases:
            found = positions.get(_norm(alias))
            if found is not None and found not in taken:
                mapping[name] = found
                taken.add(found)
                break
    # A salary header over two columns: its second column is the upper end.
    salary = mapping.get("salary")
    after = salary + 1 if salary is not None else len(header)
    merged = after < len(header) and header[after] == header[after - 1] + CONTINUED
    if merged and "salary_to" not in mapping and after not in taken:
        mapping["salary_to"] = after
    return mapping


def ignored_columns(header: list[str], mapping: dict[str, int]) -> list[tuple[str, str]]:
    """The file's columns no field reads, each with why when there is more to say than
    that Rebound has no place for it."""
    used = set(mapping.values())
    own = OWN_DETAILS.get(recognise(header), set())
    return [
        (
            name or f"Column {i + 1}",
            "your own details, not the employer’s" if _norm(name) in own else "",
        )
        for i, name in enumerate(header)
        if i not in used and name
    ]


# --- status words -------------------------------------------------------------------------

_STATUS_WORDS = {
    **{s.label.lower(): s.value for s in Status},
    **{s.value: s.value for s in Status},
    "saved": Status.WISHLIST,
    "draft": Status.WISHLIST,
    "bookmarked": Status.WISHLIST,
    "interested": Status.WISHLIST,
    "submitted": Status.APPLIED,
    "application sent": Status.APPLIED,
    "screen": Status.SCREENING,
    "phone screen": Status.SCREENING,
    "interview": Status.INTERVIEWING,
    "interviews": Status.INTERVIEWING,
    "offered": Status.OFFER,
    "hired": Status.ACCEPTED,
    "rejection": Status.REJECTED,
    "not selected": Status.REJECTED,
    "no response": Status.GHOSTED,
    "no reply": Status.GHOSTED,
}


def status_word(raw: str) -> str:
    return " ".join(raw.lower().split())


def known_status(word: str) -> str | None:
    """Rebound's status for a tracker's word, when it means one thing; None when the user
    must say (Expired, Archived, Closed, Declined…)."""
    found = _STATUS_WORDS.get(word)
    return str(found) if found else None


# --- rows to records ----------------------------------------------------------------------

_MONTHS = "%d %b %Y", "%d %B %Y", "%b %d, %Y", "%B %d, %Y", "%b %d %Y"
EMPTY_DATES = {"", "n/a", "na", "-", "—", "none", "null"}
EARLIEST = dt.date(1970, 1, 1)


def parse_date(raw: str) -> dt.date | None:
    """A date as trackers write it: ISO (with or without a time), US month/day/year as
    LinkedIn writes it ("3/7/24, 2:22 PM"), day.month.year, or with a month's name. None
    for an empty cell; ValueError for anything else."""
    text = raw.strip()
    if text.lower() in EMPTY_DATES:
        return None
    iso = re.match(r"^(\d{4})-(\d{1,2})-(\d{1,2})(?:[T ].*)?$", text)
    if iso:
        return dt.date(*map(int, iso.groups()))
    us = re.match(r"^(\d{1,2})/(\d{1,2})/(\d{2}|\d{4})(?:,?\s.*)?$", text)
    if us:
        month, day, year = map(int, us.groups())
        return dt.date(year + 2000 if year < 100 else year, month, day)
    dotted = re.match(r"^(\d{1,2})\.(\d{1,2})\.(\d{4})$", text)
    if dotted:
        day, month, year = map(int, dotted.groups())
        return dt.date(year, month, day)
    for fmt in _MONTHS:
        try:
            return dt.datetime.strptime(text, fmt).date()
        except ValueError:
            continue
    raise ValueError(text)


_SOURCE_WORDS = {
    Source.JOB_BOARD: ("linkedin", "indeed", "job board", "jobboard", "glassdoor", "stepstone",
                       "monster", "ziprecruiter", "xing", "welcome to the jungle", "otta"),
    Source.COMPANY_SITE: ("company site", "company website", "careers", "career page",
                          "website", "company"),
    Source.REFERRAL: ("referral", "referred", "network", "friend", "networking"),
    Source.STAFFING_AGENCY: ("agency", "staffing agency", "recruitment agency", "staffing"),
    Source.RECRUITER: ("recruiter", "headhunter", "recruiter reached out"),
}  # fmt: skip


def parse_source(raw: str) -> tuple[str, str]:
    """Rebound's source for a tracker's word, and a note keeping the word when it is only
    close ("Source: Hacker News")."""
    word = " ".join(raw.lower().split())
    if not word:
        return "", ""
    for source, words in _SOURCE_WORDS.items():
        if word in words or word == source.label.lower() or word == source.value:
            return source.value, ""
    return Source.OTHER.value, f"Source: {raw.strip()}"


_CURRENCIES = {"$": "USD", "€": "EUR", "£": "GBP", "usd": "USD", "eur": "EUR", "gbp": "GBP",
               "chf": "CHF", "cad": "CAD", "aud": "AUD"}  # fmt: skip


def parse_salary(raw: str) -> tuple[int | None, int | None, str]:
    """ "$80k-100k", "55,000 €", "80000" → (from, to, currency); anything else is kept in
    the notes by the caller (returns None, None, "")."""
    text = raw.strip().lower().replace("\u2013", "-").replace(" to ", "-")
    if not text:
        return None, None, ""
    currency = next((code for sign, code in _CURRENCIES.items() if sign in text), "")
    found = []
    for number, thousands in re.findall(r"(\d[\d,.']*)\s*(k?)", text):
        digits = re.sub(r"[,.'](?=\d{3}\b)", "", number).replace(",", ".")
        try:
            found.append((float(digits), bool(thousands)))
        except ValueError:
            return None, None, ""
    # "60-70k": the k of the second number is the first's too.
    in_thousands = any(k for _, k in found)
    numbers = [int(v * 1000 if k or (in_thousands and v < 1000) else v) for v, k in found]
    if not numbers or len(numbers) > 2 or any(n > 10_000_000 for n in numbers):
        return None, None, ""
    low, high = numbers[0], numbers[-1]
    if low > high:
        return None, None, ""
    return low, high, currency


@dataclass
class Record:
    """One application as it will be imported, with what stops it (errors) and what the
    user should know (warnings)."""

    lines: list[int]  # the file's line numbers it comes from (the header is line 1)
    company: str = ""
    role: str = ""
    status: str = ""  # Rebound's status ("" while the word is unmapped)
    status_raw: str = ""
    applied: dt.date | None = None
    status_on: dt.date | None = None
    # Rebound's own export: the whole timeline, oldest first, as (status, date).
    history: list[tuple[str, dt.date]] = field(default_factory=list)
    url: str = ""
    location: str = ""
    salary_min: int | None = None
    salary_max: int | None = None
    currency: str = ""
    source: str = ""
    notes: str = ""
    tags: list[str] = field(default_factory=list)
    contact_name: str = ""
    contact_email: str = ""
    contact_phone: str = ""
    excitement: int | None = None
    resume: str = ""  # the name of the résumé version sent
    added: dt.date | None = None  # the day it was saved (a wishlist row's date)
    errors: list[str] = field(default_factory=list)
    warnings: list[str] = field(default_factory=list)

    @property
    def status_label(self) -> str:
        return Status(self.status).label if self.status else self.status_raw

    @property
    def details(self) -> list[str]:
        """What else comes in with it, for the preview."""
        salary = (
            f"{self.salary_min}–{self.salary_max} {self.currency}".strip()
            if self.salary_min is not None
            else ""
        )
        return [
            part
            for part in (
                self.location,
                Source(self.source).label if self.source else "",
                salary,
                f"tags: {', '.join(self.tags)}" if self.tags else "",
                f"contact: {self.contact_name}" if self.contact_name else "",
                f"excitement {self.excitement} of 5" if self.excitement else "",
                f"résumé: {self.resume}" if self.resume else "",
                f"saved {self.added:%-d %b %Y}" if self.added else "",
            )
            if part
        ]

    @property
    def key(self) -> tuple[str, str, dt.date | None]:
        """What makes two rows the same application: importing twice creates nothing new."""
        return (fold(self.company), fold(self.role), self.applied)


_LIMITS = {"company": 200, "role": 200, "url": 1000, "location": 200, "contact_name": 200,
           "contact_email": 254, "contact_phone": 40, "resume": 200}  # fmt: skip


def _check(record: Record, today: dt.date) -> None:
    if not record.company:
        record.errors.append("No company.")
    if not record.role:
        record.errors.append("No role.")
    for name, limit in _LIMITS.items():
        if len(getattr(record, name)) > limit:
            record.errors.append(f"The {FIELDS[name][0].lower()} is over {limit} characters.")
    if record.url and not re.match(r"^https?://", record.url, re.I):
        record.notes = f"{record.notes}\nLink: {record.url}".strip()
        record.url = ""
    if record.contact_email and "@" not in record.contact_email:
        record.errors.append(f"“{record.contact_email}” isn’t an email address.")
    for what, day in (
        ("date applied", record.applied),
        ("status date", record.status_on),
        ("date saved", record.added),
    ):
        if day and not EARLIEST <= day <= today:
            record.errors.append(f"The {what} {day:%-d %b %Y} is in the future or before 1970.")


def _cell(row: list[str], mapping: dict[str, int], name: str) -> str:
    i = mapping.get(name)
    return row[i].strip().removeprefix(UNSAVED_FORMULA) if i is not None and i < len(row) else ""


def shown(row: list[str]) -> list[str]:
    """A row's cells as the file has them (a formula without a saved value as its text)."""
    return [cell.removeprefix(UNSAVED_FORMULA) for cell in row]


def _unsaved_formulas(record: Record, row: list[str], mapping: dict[str, int]) -> None:
    for name, i in mapping.items():
        if i < len(row) and row[i].startswith(UNSAVED_FORMULA):
            record.errors.append(
                f"The {FIELDS[name][0].lower()} is a formula ({row[i][1:]}) with no value "
                "saved in the workbook. Open the file in your spreadsheet, save it, and "
                "upload it again."
            )


def _excitement(raw: str) -> int | None:
    """1 to 5, as a number ("4", "4.0") or as stars; None for anything else."""
    text = raw.strip()
    stars = text.count("★") or text.count("*")
    if stars and not text.strip("★☆* "):
        return stars if 1 <= stars <= 5 else None
    try:
        number = float(text.replace(",", "."))
    except ValueError:
        return None
    return int(number) if number.is_integer() and 1 <= number <= 5 else None


def _date(record: Record, raw: str, what: str) -> dt.date | None:
    try:
        return parse_date(raw)
    except ValueError:
        record.errors.append(f"“{raw}” isn’t a date Rebound reads as the {what}.")
    except TypeError:
        record.errors.append(f"“{raw}” isn’t a date.")
    return None


def _record(row: list[str], line: int, mapping: dict[str, int], statuses: dict[str, str]) -> Record:
    r = Record(lines=[line])
    _unsaved_formulas(r, row, mapping)
    r.company = " ".join(_cell(row, mapping, "company").split())
    r.role = " ".join(_cell(row, mapping, "role").split())
    r.applied = _date(r, _cell(row, mapping, "applied"), "date applied")
    r.status_on = _date(r, _cell(row, mapping, "status_date"), "status date")
    r.status_raw = _cell(row, mapping, "status")
    word = status_word(r.status_raw)
    if word:
        r.status = statuses.get(word) or known_status(word) or ""
        if not r.status:
            r.errors.append(f"Choose what “{r.status_raw}” means in Rebound.")
    else:
        # No status: applied when it has a date applied, else a role to consider.
        r.status = Status.APPLIED if r.applied else Status.WISHLIST
    r.url = _cell(row, mapping, "url")
    r.location = _cell(row, mapping, "location")
    r.added = _date(r, _cell(row, mapping, "added"), "date saved")
    notes = [_cell(row, mapping, "notes")]
    low, high = _cell(row, mapping, "salary"), _cell(row, mapping, "salary_to")
    salary = f"{low} - {high}" if low and high else low or high
    r.salary_min, r.salary_max, r.currency = parse_salary(salary)
    if salary and r.salary_min is None:
        notes.append(f"Salary: {salary}")
    r.source, source_note = parse_source(_cell(row, mapping, "source"))
    notes.append(source_note)
    reason = _cell(row, mapping, "closed_reason")
    if reason:
        notes.append(f"Why it closed: {reason}")
    r.tags = [
        t
        for t in (" ".join(p.split())[:40] for p in re.split(r"[,;|]", _cell(row, mapping, "tags")))
        if t
    ][:20]
    r.contact_name = _cell(row, mapping, "contact_name")
    r.contact_email = _cell(row, mapping, "contact_email")
    r.contact_phone = _cell(row, mapping, "contact_phone")
    excitement = _cell(row, mapping, "excitement")
    r.excitement = _excitement(excitement) if excitement else None
    if excitement and r.excitement is None:
        notes.append(f"Excitement: {excitement}")
    r.notes = "\n".join(n for n in notes if n)
    r.resume = " ".join(_cell(row, mapping, "resume").split())
    if (r.contact_email or r.contact_phone) and not r.contact_name:
        r.contact_name = r.contact_email or r.contact_phone
    return r


def _rebound_records(
    header: list[str], rows: list[list[str]], statuses: dict[str, str]
) -> list[Record]:
    """Rebound's own export, one row per status change: grouped back into applications."""
    col = {_norm(h): i for i, h in enumerate(header)}
    mapping = {
        "company": col["company"],
        "role": col["role"],
        "applied": col["dateapplied"],
        "url": col.get("postingurl", -1),
        "source": col.get("source", -1),
    }
    mapping = {k: v for k, v in mapping.items() if v >= 0}
    grouped: dict[tuple[str, ...], Record] = {}
    for n, row in enumerate(rows, start=2):
        if not any(cell.strip() for cell in row):
            continue
        key = tuple(_cell(row, mapping, name) for name in ("company", "role", "applied", "url"))
        record = grouped.get(key)
        if record is None:
            record = _record(row, n, mapping, statuses)
            record.status = ""
            grouped[key] = record
        else:
            record.lines.append(n)
        to_raw = row[col["tostatus"]]
        to = statuses.get(status_word(to_raw)) or known_status(status_word(to_raw))
        on = _date(record, row[col["changedon"]], "date of a status change")
        note = row[col["note"]].strip() if "note" in col else ""
        if to is None:
            record.errors.append(f"Choose what “{to_raw}” means in Rebound.")
        elif on is not None:
            record.history.append((to, on))
            record.status, record.status_raw = to, to_raw
        if note:
            record.notes = f"{record.notes}\n{on}: {note}".strip()
    for record in grouped.values():
        if record.history:
            record.status_on = record.history[-1][1]
    return list(grouped.values())


def records(
    header: list[str],
    rows: list[list[str]],
    mapping: dict[str, int],
    statuses: dict[str, str],
    *,
    today: dt.date,
    existing: Iterable[tuple[str, str, dt.date | None]] = (),
) -> list[Record]:
    """Every row as it will be imported, checked: errors stop a row; a row like an existing
    application, or like an earlier row of the file, is a duplicate and is skipped."""
    if recognise(header) == KNOWN[0][0]:
        result = _rebound_records(header, rows, statuses)
    else:
        result = [
            _record(row, n, mapping, statuses)
            for n, row in enumerate(rows, start=2)
            if any(cell.strip() for cell in row)
        ]
    seen = set(existing)
    for record in result:
        _check(record, today)
        if record.errors:
            continue
        if record.key in seen:
            record.warnings.append(
                "Looks like an application you already have (same company, role and date "
                "applied): it will be skipped."
            )
        seen.add(record.key)
    return result


def status_words(header: list[str], rows: list[list[str]], mapping: dict[str, int]) -> list[str]:
    """The distinct status words of the file, as typed (first spelling), most frequent first."""
    if recognise(header) == KNOWN[0][0]:
        i = {_norm(h): n for n, h in enumerate(header)}["tostatus"]
    elif "status" in mapping:
        i = mapping["status"]
    else:
        return []
    counts: dict[str, tuple[int, str]] = {}
    for row in rows:
        raw = row[i].strip().removeprefix(UNSAVED_FORMULA) if i < len(row) else ""
        word = status_word(raw)
        if word:
            n, first = counts.get(word, (0, raw))
            counts[word] = (n + 1, first)
    return [first for _, (n, first) in sorted(counts.items(), key=lambda kv: (-kv[1][0], kv[0]))]
