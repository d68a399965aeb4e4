"""The one CSV writer: every export streams through here.

Cells are neutralised against formula injection (OWASP "CSV Injection"): text that a
spreadsheet would run as a formula — starting with =, +, -, @, a tab or a carriage return — is
prefixed with a single quote. Plain numbers such as -5 or +3.5 stay numbers.
"""

import csv
import re
from collections.abc import Iterable, Iterator, Sequence
from typing import Any

from django.http import StreamingHttpResponse

from .streams import joined

FORMULA_START = ("=", "+", "-", "@", "\t", "\r")
PLAIN_NUMBER = re.compile(r"[+-]?(\d+([.,]\d+)?|[.,]\d+)([eE][+-]?\d+)?")


def safe_cell(value: Any) -> Any:
    if value is None:
        return ""
    if not isinstance(value, str):
        return value
    if value.startswith(FORMULA_START) and not PLAIN_NUMBER.fullmatch(value):
        return "'" + value
    return value


class _Echo:
    def write(self, value: str) -> str:
        return value


# Lines are joined into writes of about this many characters: one write per line cost the
# response a conversion to bytes (and a look at its charset) per row.
WRITE = 32 * 1024


def csv_lines(header: Sequence[str], rows: Iterable[Sequence[Any]]) -> Iterator[str]:
    writer = csv.writer(_Echo())
    yield writer.writerow([safe_cell(cell) for cell in header])
    for row in rows:
        yield writer.writerow([safe_cell(cell) for cell in row])


def _written(lines: Iterator[str]) -> Iterator[str]:
    """The lines joined into pieces of about WRITE characters (the header alone first, so a
    download starts at once)."""
    yield next(lines, "")
    yield from joined(lines, WRITE)


def csv_response(
    filename: str, header: Sequence[str], rows: Iterable[Sequence[Any]]
) -> StreamingHttpResponse:
    response = StreamingHttpResponse(
        _written(csv_lines(header, rows)), content_type="text/csv; charset=utf-8"
    )
    response["Content-Disposition"] = f'attachment; filename="{filename}"'
    return response
