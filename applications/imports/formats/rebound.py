"""Rebound's own CSV export (applications.export): one row per status change, read back as
one application with its whole timeline."""

from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy

from ..columns import known_status, norm, status_word
from ..records import Record, cell, date_of, numbered, record_of
from .base import Format

FORMAT = Format(
    gettext_lazy("Rebound’s own CSV export"),
    frozenset({"company", "role", "statusnow", "tostatus", "changedon"}),
)
# The same export made in German (its header is the German of applications.export.HEADER):
# each German name, as norm() reads it, to the English one.
GERMAN = {
    norm(german): norm(english)
    for german, english in (
        ("Unternehmen", "company"),
        ("Stelle", "role"),
        ("Aktueller Status", "status now"),
        ("Bewerbungsdatum", "date applied"),
        ("Quelle", "source"),
        ("Link zur Stellenanzeige", "posting URL"),
        ("Vorheriger Status", "from status"),
        ("Neuer Status", "to status"),
        ("Geändert am", "changed on"),
        ("Notiz", "note"),
        ("Gesendeter Lebenslauf", "résumé sent"),
        ("Gesendetes Anschreiben", "letter sent"),
    )
}
FORMAT_DE = Format(
    FORMAT.label,
    frozenset(german for german, english in GERMAN.items() if english in FORMAT.headers),
)
FORMATS = (FORMAT, FORMAT_DE)


def _columns(header: list[str]) -> dict[str, int]:
    """Each column's English name (as norm() reads it) → its index, whichever language."""
    return {GERMAN.get(norm(h), norm(h)): i for i, h in enumerate(header)}


def status_column(header: list[str]) -> int:
    """The column of the status words (each change's new status)."""
    return _columns(header)["tostatus"]


def records(header: list[str], rows: list[list[str]], statuses: dict[str, str]) -> list[Record]:
    """The rows grouped back into applications, each with its timeline."""
    col = _columns(header)
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
        on = date_of(record, row[col["changedon"]], _("date of a status change"))
        note = row[col["note"]].strip() if "note" in col else ""
        if to is None:
            record.errors.append(_("Choose what “%(word)s” means in Rebound.") % {"word": to_raw})
        elif on is not None:
            record.history.append((to, on))
            record.status, record.status_raw = to, to_raw
        if note:
            record.notes = f"{record.notes}\n{on}: {note}".strip()
    for record in grouped.values():
        if record.history:
            record.status_on = record.history[-1][1]
    return list(grouped.values())
