"""A file's columns to Rebound's fields: found by the header aliases, changed by the user,
then applied to every row (parse) into records."""

from django.utils.translation import gettext as _

from . import formats
from .columns import FIELDS, norm, status_word
from .formats import rebound
from .reading import CONTINUED, UNSAVED_FORMULA, shown_name
from .records import Record, numbered, record_of


def auto_mapping(header: list[str]) -> dict[str, int]:
    """Each field's column by the aliases, best alias first; a column serves one field."""
    own = formats.own_details(header)
    positions: dict[str, int] = {}
    for i, h in enumerate(header):
        if norm(h) not in own:
            positions.setdefault(norm(h), i)
    taken: set[int] = set()
    mapping: dict[str, int] = {}
    for name, (_label, aliases) in FIELDS.items():
        for alias in aliases:
            found = positions.get(norm(alias))
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
    own = formats.own_details(header)
    return [
        (
            shown_name(name, i),
            _("your own details, not the employer’s") if norm(name) in own else "",
        )
        for i, name in enumerate(header)
        if i not in used and name
    ]


def parse(
    header: list[str], rows: list[list[str]], mapping: dict[str, int], statuses: dict[str, str]
) -> list[Record]:
    """Every row as it will be imported, unchecked (records.check_all checks them)."""
    if formats.known(header) in rebound.FORMATS:
        return rebound.records(header, rows, statuses)
    return [
        record_of(row, n, mapping, statuses)
        for n, row in numbered(rows)
        if any(text.strip() for text in row)
    ]


def status_words(header: list[str], rows: list[list[str]], mapping: dict[str, int]) -> list[str]:
    """The distinct status words of the file, as typed (first spelling), most frequent first."""
    if formats.known(header) in rebound.FORMATS:
        i = rebound.status_column(header)
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
