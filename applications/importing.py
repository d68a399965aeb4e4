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
import re
from collections.abc import Iterable
from dataclasses import dataclass, field
from typing import Any

from .models import Source, Status

MAX_BYTES = 5 * 1024 * 1024
MAX_ROWS = 10_000
MAX_COLUMNS = 100


class ImportFileError(ValueError):
    """The file can't be read as a table; the message says why, in the user's words."""


# --- the file to rows ---------------------------------------------------------------------


def _decode(raw: bytes) -> str:
    """UTF-8 (with or without a byte-order mark), UTF-16 (with one) or Windows-1252, the
    encoding Excel on Windows saves "CSV" in."""
    if raw.startswith(codecs.BOM_UTF8):
        return raw[len(codecs.BOM_UTF8) :].decode("utf-8")
    if raw.startswith((codecs.BOM_UTF16_LE, codecs.BOM_UTF16_BE)):
        return raw.decode("utf-16")
    if b"\x00" in raw[:4096]:
        raise ImportFileError(
            "That file isn’t a CSV file or an Excel workbook (.xlsx). Save it from your "
            "spreadsheet as “CSV UTF-8” and upload that."
        )
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


def _xlsx_rows(raw: bytes) -> list[list[str]]:
    import openpyxl

    try:
        # Not data_only: a formula comes as its text ("=SUM(A1:A3)"), never computed.
        book = openpyxl.load_workbook(io.BytesIO(raw), read_only=True, data_only=False)
    except Exception:  # a broken zip or workbook, whatever openpyxl raises: say what to do
        raise ImportFileError(
            "That workbook can’t be read. Open it in your spreadsheet and save it again as "
            ".xlsx or as CSV."
        ) from None
    sheet = book.worksheets[0]
    rows = []
    filled = 0
    for values in sheet.iter_rows(values_only=True):
        rows.append([_cell_text(v) for v in values])
        filled += any(v is not None and str(v).strip() for v in values)
        if filled > MAX_ROWS + 1:  # enough to say it is too long
            break
    book.close()
    return rows


def _cell_text(value: Any) -> str:
    if value is None:
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


def read_table(raw: bytes, filename: str = "") -> tuple[list[str], list[list[str]]]:
    """The header and the rows of an uploaded CSV or XLSX file (blank rows left out)."""
    if len(raw) > MAX_BYTES:
        raise _too_big()
    if not raw.strip():
        raise ImportFileError("The file is empty.")
    if raw.startswith(b"PK\x03\x04"):
        table = _xlsx_rows(raw)
    elif raw.startswith(b"\xd0\xcf\x11\xe0"):
        raise ImportFileError(
            "That is an old Excel file (.xls). Save it as .xlsx or as CSV and upload that."
        )
    else:
        text = _decode(raw)
        if "\r" in text and "\n" not in text:
            text = text.replace("\r", "\n")
        first_line = text.lstrip("\ufeff").split("\n", 1)[0]
        reader = csv.reader(io.StringIO(text.lstrip("\ufeff")), delimiter=_delimiter(first_line))
        try:
            table = []
            filled = 0
            for row in reader:
                table.append(row)
                filled += any(cell.strip() for cell in row)
                if filled > MAX_ROWS + 1:  # enough to say it is too long
                    break
        except csv.Error as error:
            raise ImportFileError(
                f"That file isn’t a CSV file Rebound can read ({error})."
            ) from None
    # Blank rows stay (as empty rows, skipped when read) so a row's number is its line's.
    table = [[cell.strip() for cell in row] for row in table]
    while table and not any(table[0]):
        table.pop(0)
    while table and not any(table[-1]):
        table.pop()
    if not table:
        raise ImportFileError("The file is empty.")
    header, rows = table[0], table[1:]
    if not any(any(row) for row in rows):
        raise ImportFileError(
            "The file has a header row but no applications under it. Nothing to import."
        )
    if sum(1 for row in rows if any(row)) > MAX_ROWS:
        raise ImportFileError(
            f"The file has more than {MAX_ROWS:,} rows. Split it into files of at most "
            f"{MAX_ROWS:,} and import them one after the other."
        )
    if len(header) < 2 or not any(header):
        raise ImportFileError(
            "The first row should name the columns (Company, Role, …); this one doesn’t."
        )
    if len(header) > MAX_COLUMNS:
        raise ImportFileError(
            f"The file has {len(header)} columns; Rebound reads at most {MAX_COLUMNS}. Remove "
            "the ones you don’t need and upload it again."
        )
    width = len(header)
    return header, [(row + [""] * width)[:width] for row in rows]


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
    "salary": ("Salary", ["Salary", "Salary Range", "Compensation"]),
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


def recognise(header: list[str]) -> str:
    names = {_norm(h) for h in header}
    for label, needed in KNOWN:
        if needed <= names:
            return label
    return ""


def auto_mapping(header: list[str]) -> dict[str, int]:
    """Each field's column by the aliases, best alias first; a column serves one field."""
    positions: dict[str, int] = {}
    for i, h in enumerate(header):
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
    return mapping


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
            )
            if part
        ]

    @property
    def key(self) -> tuple[str, str, dt.date | None]:
        """What makes two rows the same application: importing twice creates nothing new."""
        return (self.company.lower(), self.role.lower(), self.applied)


_LIMITS = {"company": 200, "role": 200, "url": 1000, "location": 200, "contact_name": 200,
           "contact_email": 254, "contact_phone": 40}  # fmt: skip


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
    for what, day in (("date applied", record.applied), ("status date", record.status_on)):
        if day and not EARLIEST <= day <= today:
            record.errors.append(f"The {what} {day:%-d %b %Y} is in the future or before 1970.")


def _cell(row: list[str], mapping: dict[str, int], name: str) -> str:
    i = mapping.get(name)
    return row[i].strip() if i is not None and i < len(row) else ""


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
    notes = [_cell(row, mapping, "notes")]
    salary = _cell(row, mapping, "salary")
    r.salary_min, r.salary_max, r.currency = parse_salary(salary)
    if salary and r.salary_min is None:
        notes.append(f"Salary: {salary}")
    r.source, source_note = parse_source(_cell(row, mapping, "source"))
    notes.append(source_note)
    reason = _cell(row, mapping, "closed_reason")
    if reason:
        notes.append(f"Why it closed: {reason}")
    r.notes = "\n".join(n for n in notes if n)
    r.tags = [
        t
        for t in (" ".join(p.split())[:40] for p in re.split(r"[,;|]", _cell(row, mapping, "tags")))
        if t
    ][:20]
    r.contact_name = _cell(row, mapping, "contact_name")
    r.contact_email = _cell(row, mapping, "contact_email")
    r.contact_phone = _cell(row, mapping, "contact_phone")
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
        raw = row[i].strip() if i < len(row) else ""
        word = status_word(raw)
        if word:
            n, first = counts.get(word, (0, raw))
            counts[word] = (n + 1, first)
    return [first for _, (n, first) in sorted(counts.items(), key=lambda kv: (-kv[1][0], kv[0]))]
