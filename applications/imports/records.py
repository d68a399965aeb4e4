"""Records: each application as it will be imported, from the cells of its row (dates,
sources, salaries, stars as trackers write them), with what stops it (errors) and what the
user should know (warnings). Parsed once per mapping and kept with the import as JSON
(to_json, from_json); checked against the day and the owner's applications at each step."""

import dataclasses
import datetime as dt
import re
from collections.abc import Iterable, Iterator
from dataclasses import dataclass, field
from typing import Any

from django.utils.translation import gettext as _

from rebound.lib import datefmt

from ..models import AppliedVia, Source
from ..pipeline import Status
from ..posting_text import posting_cut, posting_text
from .columns import field_in_sentence, fold, known_applied_via, known_status, status_word
from .reading import UNSAVED_FORMULA

# The header is the file's line 1: the row at index i of the rows under it is line i + 2.
FIRST_LINE = 2


def numbered(rows: list[list[str]]) -> Iterator[tuple[int, list[str]]]:
    """Each row with its line in the file."""
    return enumerate(rows, start=FIRST_LINE)


def row_at(rows: list[list[str]], line: int) -> list[str]:
    """The row on a line of the file."""
    return rows[line - FIRST_LINE]


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
                       "monster", "ziprecruiter", "xing", "welcome to the jungle", "otta",
                       "jobbörse", "stellenbörse", "jobportal", "stellenportal",
                       "arbeitsagentur", "agentur für arbeit", "jobcenter"),
    Source.COMPANY_SITE: ("company site", "company website", "careers", "career page",
                          "website", "company", "karriereseite", "webseite des unternehmens",
                          "unternehmenswebsite", "firmenwebsite", "homepage",
                          "website des unternehmens"),
    Source.REFERRAL: ("referral", "referred", "network", "friend", "networking",
                      "referral / network", "empfehlung", "netzwerk", "kontakte",
                      "empfehlung / netzwerk"),
    Source.STAFFING_AGENCY: ("agency", "staffing agency", "recruitment agency", "staffing",
                             "personalvermittlung", "personaldienstleister", "zeitarbeit"),
    Source.RECRUITER: ("recruiter", "headhunter", "recruiter reached out",
                       "personalvermittler", "personalvermittlerin",
                       "personalvermittler hat sich gemeldet"),
    Source.OTHER: ("other", "sonstiges", "andere"),
}  # fmt: skip


def parse_source(raw: str) -> tuple[str, str]:
    """Rebound's source for a tracker's word, and a note keeping the word when it is only
    close ("Source: Hacker News")."""
    word = " ".join(raw.lower().split())
    if not word:
        return "", ""
    for source, words in _SOURCE_WORDS.items():
        if word in words or word == str(source.label).lower() or word == source.value:
            return source.value, ""
    return Source.OTHER.value, _("Source: %(source)s") % {"source": raw.strip()}


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
    description: str = ""  # the posting's text, as the file has it (HTML or plain)
    tags: list[str] = field(default_factory=list)
    contact_name: str = ""
    contact_email: str = ""
    contact_phone: str = ""
    excitement: int | None = None
    resume: str = ""  # the name of the résumé version sent
    applied_via: str = ""  # how it was sent (models.AppliedVia), when the file says
    added: dt.date | None = None  # the day it was saved (a wishlist row's date)
    errors: list[str] = field(default_factory=list)
    warnings: list[str] = field(default_factory=list)

    @property
    def status_label(self) -> str:
        return str(Status(self.status).label) if self.status else self.status_raw

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
                str(Source(self.source).label) if self.source else "",
                salary,
                _("tags: %(tags)s") % {"tags": ", ".join(self.tags)} if self.tags else "",
                _("contact: %(name)s") % {"name": self.contact_name} if self.contact_name else "",
                _("excitement %(n)d of 5") % {"n": self.excitement} if self.excitement else "",
                _("résumé: %(name)s") % {"name": self.resume} if self.resume else "",
                _("the posting’s text") if self.description else "",
                _("saved %(day)s") % {"day": datefmt.day(self.added)} if self.added else "",
                str(AppliedVia(self.applied_via).label) if self.applied_via else "",
            )
            if part
        ]

    @property
    def key(self) -> tuple[str, str, dt.date | None]:
        """What makes two rows the same application: importing twice creates nothing new."""
        return (fold(self.company), fold(self.role), self.applied)


_LIMITS = {"company": 200, "role": 200, "url": 1000, "location": 200, "contact_name": 200,
           "contact_email": 254, "contact_phone": 40, "resume": 200}  # fmt: skip


def check(record: Record, today: dt.date) -> None:
    """What stops a record that only the day, not its row, can say (repeatable: a kept
    record is checked afresh at each step)."""
    if not record.company:
        record.errors.append(_("No company."))
    if not record.role:
        record.errors.append(_("No role."))
    for name, limit in _LIMITS.items():
        if len(getattr(record, name)) > limit:
            record.errors.append(
                _("The %(field)s is over %(limit)d characters.")
                % {"field": field_in_sentence(name), "limit": limit}
            )
    if record.url and not re.match(r"^https?://", record.url, re.I):
        link = _("Link: %(url)s") % {"url": record.url}
        record.notes = f"{record.notes}\n{link}".strip()
        record.url = ""
    if record.contact_email and "@" not in record.contact_email:
        record.errors.append(
            _("“%(email)s” isn’t an email address.") % {"email": record.contact_email}
        )
    for what, day in (
        (_date_applied(), record.applied),
        (_("status date"), record.status_on),
        (_("date saved"), record.added),
    ):
        if day and not EARLIEST <= day <= today:
            record.errors.append(
                _("The %(what)s %(day)s is in the future or before 1970.")
                % {"what": what, "day": datefmt.day(day)}
            )


def _date_applied() -> str:
    return _("date applied")


def cell(row: list[str], mapping: dict[str, int], name: str) -> str:
    i = mapping.get(name)
    return row[i].strip().removeprefix(UNSAVED_FORMULA) if i is not None and i < len(row) else ""


def shown(row: list[str]) -> list[str]:
    """A row's cells as the file has them (a formula without a saved value as its text)."""
    return [cell.removeprefix(UNSAVED_FORMULA) for cell in row]


def _unsaved_formulas(record: Record, row: list[str], mapping: dict[str, int]) -> None:
    for name, i in mapping.items():
        if i < len(row) and row[i].startswith(UNSAVED_FORMULA):
            record.errors.append(
                _(
                    "The %(field)s is a formula (%(formula)s) with no value saved in the "
                    "workbook. Open the file in your spreadsheet, save it, and upload it again."
                )
                % {"field": field_in_sentence(name), "formula": row[i][1:]}
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


def date_of(record: Record, raw: str, what: str) -> dt.date | None:
    try:
        return parse_date(raw)
    except ValueError:
        record.errors.append(
            _("“%(raw)s” isn’t a date Rebound reads as the %(what)s.") % {"raw": raw, "what": what}
        )
    except TypeError:
        record.errors.append(_("“%(raw)s” isn’t a date.") % {"raw": raw})
    return None


def record_of(
    row: list[str], line: int, mapping: dict[str, int], statuses: dict[str, str]
) -> Record:
    """A row of a file mapped field by field."""
    r = Record(lines=[line])
    _unsaved_formulas(r, row, mapping)
    r.company = " ".join(cell(row, mapping, "company").split())
    r.role = " ".join(cell(row, mapping, "role").split())
    r.applied = date_of(r, cell(row, mapping, "applied"), _date_applied())
    r.status_on = date_of(r, cell(row, mapping, "status_date"), _("status date"))
    r.status_raw = cell(row, mapping, "status")
    word = status_word(r.status_raw)
    if word:
        r.status = statuses.get(word) or known_status(word) or ""
        if not r.status:
            r.errors.append(_("Choose what “%(word)s” means in Rebound.") % {"word": r.status_raw})
    else:
        # No status: applied when it has a date applied, else a role to consider.
        r.status = Status.APPLIED if r.applied else Status.WISHLIST
    r.url = cell(row, mapping, "url")
    r.location = cell(row, mapping, "location")
    r.added = date_of(r, cell(row, mapping, "added"), _("date saved"))
    r.applied_via = known_applied_via(cell(row, mapping, "applied_via"))
    notes = [cell(row, mapping, "notes")]
    low, high = cell(row, mapping, "salary"), cell(row, mapping, "salary_to")
    salary = f"{low} - {high}" if low and high else low or high
    r.salary_min, r.salary_max, r.currency = parse_salary(salary)
    if salary and r.salary_min is None:
        notes.append(_("Salary: %(salary)s") % {"salary": salary})
    r.source, source_note = parse_source(cell(row, mapping, "source"))
    notes.append(source_note)
    reason = cell(row, mapping, "closed_reason")
    if reason:
        notes.append(_("Why it closed: %(reason)s") % {"reason": reason})
    r.tags = [
        t
        for t in (" ".join(p.split())[:40] for p in re.split(r"[,;|]", cell(row, mapping, "tags")))
        if t
    ][:20]
    r.contact_name = cell(row, mapping, "contact_name")
    r.contact_email = cell(row, mapping, "contact_email")
    r.contact_phone = cell(row, mapping, "contact_phone")
    excitement = cell(row, mapping, "excitement")
    r.excitement = _excitement(excitement) if excitement else None
    if excitement and r.excitement is None:
        notes.append(_("Excitement: %(value)s") % {"value": excitement})
    r.notes = "\n".join(n for n in notes if n)
    r.resume = " ".join(cell(row, mapping, "resume").split())
    # Cut here, not refused (a warning would skip the row): kept with the import as JSON.
    r.description = posting_cut(posting_text(cell(row, mapping, "description")))
    if (r.contact_email or r.contact_phone) and not r.contact_name:
        r.contact_name = r.contact_email or r.contact_phone
    return r


def check_all(
    records: list[Record], today: dt.date, existing: Iterable[tuple[str, str, dt.date | None]]
) -> list[Record]:
    """Every record checked: errors stop a record; one like an existing application, or like
    an earlier record of the file, is a duplicate and is skipped."""
    seen = set(existing)
    for record in records:
        check(record, today)
        if record.errors:
            continue
        if record.key in seen:
            record.warnings.append(
                _(
                    "Looks like an application you already have (same company, role and date "
                    "applied): it will be skipped."
                )
            )
        seen.add(record.key)
    return records


_DATES = ("applied", "status_on", "added")


def to_json(record: Record) -> dict[str, Any]:
    """A record as kept with its import: only what it has."""
    data = dataclasses.asdict(record)
    for name in _DATES:
        data[name] = data[name] and data[name].isoformat()
    data["history"] = [[status, on.isoformat()] for status, on in record.history]
    return {name: value for name, value in data.items() if value not in ("", None, [])}


def from_json(data: dict[str, Any]) -> Record:
    """A kept record, as parsed."""
    fields = dict(data)
    for name in _DATES:
        if fields.get(name):
            fields[name] = dt.date.fromisoformat(fields[name])
    fields["history"] = [
        (status, dt.date.fromisoformat(on)) for status, on in fields.get("history", [])
    ]
    return Record(**fields)


def import_timeline(record: Record, today: dt.date) -> list[tuple[str, dt.date]]:
    """A record's timeline, oldest first: its history as exported, or into Applied on the
    date applied and then the status as it stands, on its date (the date applied, or today,
    when the file gives none)."""
    if record.history:
        return list(record.history)
    final = record.status or Status.WISHLIST
    steps = []
    if record.applied and final != Status.WISHLIST:
        steps.append((Status.APPLIED.value, record.applied))
    if final != Status.APPLIED or not steps:
        # A role only saved is dated the day it was saved, when the file says so.
        saved = record.added if final == Status.WISHLIST else None
        steps.append((str(final), record.status_on or record.applied or saved or today))
    return steps
