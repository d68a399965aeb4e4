"""Rebound's own CSV export (applications.export): one row per status change, read back as
one application with its whole timeline."""

from ..columns import known_status, norm, status_word
from ..records import Record, cell, date_of, numbered, record_of
from .base import Format

FORMAT = Format(
    "Rebound’s own CSV export",
    frozenset({"company", "role", "statusnow", "tostatus", "changedon"}),
)


def status_column(header: list[str]) -> int:
    """The column of the status words (each change's new status)."""
    return {norm(h): i for i, h in enumerate(header)}["tostatus"]


def records(header: list[str], rows: list[list[str]], statuses: dict[str, str]) -> list[Record]:
    """The rows grouped back into applications, each with its timeline."""
    col = {norm(h): i for i, h in enumerate(header)}
    mapping = {
        "company": col["company"],
        "role": col["role"],
        "applied": col["dateapplied"],
        "url": col.get("postingurl", -1),
        "source": col.get("source", -1),
    }
    mapping = {k: v for k, v in mapping.items() if v >= 0}
    grouped: dict[tuple[str, ...], Record] = {}
    for n, row in numbered(rows):
        if not any(text.strip() for text in row):
            continue
        key = tuple(cell(row, mapping, name) for name in ("company", "role", "applied", "url"))
        record = grouped.get(key)
        if record is None:
            record = record_of(row, n, mapping, statuses)
            record.status = ""
            grouped[key] = record
        else:
            record.lines.append(n)
        to_raw = row[col["tostatus"]]
        to = statuses.get(status_word(to_raw)) or known_status(status_word(to_raw))
        on = date_of(record, row[col["changedon"]], "date of a status change")
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
