"""Reading an uploaded file: its bytes to a table (header and rows), whatever it is: UTF-8,
UTF-16 or Windows-1252 CSV with any common delimiter, or an Excel workbook, within bounds a
hostile file can't stretch (its size, rows, columns, and what a workbook unpacks to). No
database writes here; the user sees what it read in the mapping step.
"""

import codecs
import csv
import datetime as dt
import io
import itertools
import re
import zipfile
from collections.abc import Iterable
from dataclasses import dataclass
from typing import Any

from django.utils.formats import number_format
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy

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


def _not_a_table(message: str) -> str:
    return " ".join(
        [
            message,
            _(
                "Rebound imports CSV files and Excel workbooks (.xlsx): export your tracker as "
                "one of those, or open the file in your spreadsheet and save it as “CSV UTF-8”."
            ),
        ]
    )


def _count(n: int) -> str:
    """A number as the reader writes it ("10,000", "10.000")."""
    return number_format(n, force_grouping=True)


# How other kinds of file start, to say what was uploaded instead of a table.
_MAGIC = [
    (b"%PDF-", gettext_lazy("a PDF document")),
    (b"\x89PNG", gettext_lazy("a PNG image")),
    (b"\xff\xd8\xff", gettext_lazy("a JPEG photo")),
    (b"GIF8", gettext_lazy("a GIF image")),
    (b"{\\rtf", gettext_lazy("an RTF document")),
    (b"\x1f\x8b", gettext_lazy("a gzip archive")),
    (b"Rar!", gettext_lazy("a RAR archive")),
    (b"7z\xbc\xaf\x27\x1c", gettext_lazy("a 7-Zip archive")),
    (b"\xd0\xcf\x11\xe0", gettext_lazy("an old Excel (.xls) or Word (.doc) file")),
]


def _looks_like(raw: bytes) -> str:
    """What a file that isn't text looks like ("" for text), from its first bytes."""
    for magic, what in _MAGIC:
        if raw.startswith(magic):
            return str(what)
    if raw.startswith((codecs.BOM_UTF16_LE, codecs.BOM_UTF16_BE)):
        return ""
    if b"\x00" in raw[:4096]:
        return _("a program’s own file format (not text)")
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
            _(
                "That file’s text encoding isn’t one Rebound reads (UTF-8, UTF-16 or "
                "Windows-1252). Save it from your spreadsheet as “CSV UTF-8” and upload that."
            )
        ) from None


def _delimiter(first_line: str) -> str:
    """Comma, semicolon (Excel in much of Europe) or tab: whichever the header uses most."""
    counts = {d: first_line.count(d) for d in (",", ";", "\t")}
    best = max(counts, key=lambda d: counts[d])
    return best if counts[best] else ","


def _too_long() -> ImportFileError:
    return ImportFileError(
        _(
            "The file has more than %(max)s rows (blank rows count too). Split it into files "
            "of at most %(max)s rows, or delete the empty rows at its end, and import them "
            "one after the other."
        )
        % {"max": _count(MAX_ROWS)}
    )


def _too_wide(columns: str) -> ImportFileError:
    return ImportFileError(
        _(
            "The file has %(columns)s columns; Rebound reads at most %(max)d. Remove the ones "
            "you don’t need and upload it again."
        )
        % {"columns": columns, "max": MAX_COLUMNS}
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
                raise _too_wide(_count(len(row)))
            rows.append(row[:MAX_COLUMNS])
    except csv.Error as error:
        raise ImportFileError(
            _("That file isn’t a CSV file Rebound can read (%(error)s).") % {"error": error}
        ) from None
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
        _(
            "That workbook can’t be read. Open it in your spreadsheet and save it again as "
            ".xlsx or as CSV."
        )
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
            raise ImportFileError(
                _not_a_table(_("That file is a Word document, not a spreadsheet."))
            )
        if "content.xml" in names:
            raise ImportFileError(
                _(
                    "That is an OpenDocument file (.ods). Save it from your spreadsheet as "
                    ".xlsx or as CSV and upload that."
                )
            )
        raise ImportFileError(
            _("That file is a zip archive. Unpack it and upload the CSV or .xlsx file inside.")
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
            _(
                "That workbook unpacks to far more than its size (over %(mb)d MB, or packed "
                "unusually tightly), so Rebound won’t open it. Open it in your spreadsheet, "
                "delete the empty rows and columns, and save it again, or save it as CSV."
            )
            % {"mb": MAX_UNZIPPED // 2**20}
        )


def _open_workbook(raw: bytes, *, data_only: bool) -> Any:
    """openpyxl's streaming reader, minus its look at each sheet's declared size: it scans a
    whole sheet when none is declared (seconds for a hostile one), and Rebound never trusts
    that size anyway (each sheet is read row by row, counted, at most MAX_COLUMNS + 1 wide)."""
    # Imported here: openpyxl is heavy and only the worker reading a workbook needs it.
    import openpyxl
    from openpyxl.reader import excel
    from openpyxl.worksheet._read_only import ReadOnlyWorksheet

    class UnsizedSheet(ReadOnlyWorksheet):
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
                    raise _too_wide(_("more than %(max)d") % {"max": MAX_COLUMNS})
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
    return ImportFileError(
        _("The file is over %(mb)d MB. Split it in two.") % {"mb": MAX_BYTES // (1024 * 1024)}
    )


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


# Kept in the stored header as this mark (the mapping finds a merged salary by it); shown in
# the reader's language by `shown_name`.
CONTINUED = " (its second column)"


def shown_name(name: str, i: int) -> str:
    """A column's name as the pages show it: its header, or "Column 3" for a blank one."""
    if not name:
        return _("Column %(n)d") % {"n": i + 1}
    if name.endswith(CONTINUED):
        return _("%(name)s (its second column)") % {"name": name.removesuffix(CONTINUED)}
    return name


def read_table(raw: bytes, filename: str = "") -> Table:
    """The header and the rows of an uploaded CSV or XLSX file (blank rows kept as empty
    rows, so a row's number is its line's), and the sheet read."""
    if len(raw) > MAX_BYTES:
        raise _too_big()
    if not raw.strip():
        raise ImportFileError(_("The file is empty."))
    sheet = ""
    if is_workbook(raw):
        sheet, lines = _xlsx_rows(raw)
    elif raw.startswith(b"\xd0\xcf\x11\xe0"):
        raise ImportFileError(
            _("That is an old Excel file (.xls). Save it as .xlsx or as CSV and upload that.")
        )
    elif looks := _looks_like(raw):
        raise ImportFileError(
            _not_a_table(_("That file is %(what)s, not a spreadsheet.") % {"what": looks})
        )
    else:
        lines = _csv_rows(raw)
    lines = [[cell.strip() for cell in row] for row in lines]
    while lines and not any(lines[0]):
        lines.pop(0)
    while lines and not any(lines[-1]):
        lines.pop()
    if not lines:
        raise ImportFileError(_("The file is empty."))
    header, rows = lines[0], lines[1:]
    if not any(any(row) for row in rows):
        raise ImportFileError(
            _("The file has a header row but no applications under it. Nothing to import.")
        )
    if sum(1 for row in rows if any(row)) > MAX_ROWS:
        raise _too_long()
    header = _header_names(header, rows)
    if len(header) < 2 or not any(header):
        raise ImportFileError(
            _("The first row should name the columns (Company, Role, …); this one doesn’t.")
        )
    if len(header) > MAX_COLUMNS:
        raise _too_wide(_count(len(header)))
    width = len(header)
    return Table(header, [(row + [""] * width)[:width] for row in rows], sheet)
