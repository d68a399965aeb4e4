"""Dates as mail prints them: RFC 5322 in headers, and the forms clients write in forwards."""

from __future__ import annotations

import datetime as dt
import re
import zoneinfo
from email.utils import parsedate_to_datetime

_MONTHS = {
    "jan": 1, "januar": 1, "january": 1, "jän": 1,
    "feb": 2, "februar": 2, "february": 2,
    "mar": 3, "mär": 3, "märz": 3, "march": 3, "maerz": 3, "mrz": 3,
    "apr": 4, "april": 4,
    "may": 5, "mai": 5,
    "jun": 6, "june": 6, "juni": 6,
    "jul": 7, "july": 7, "juli": 7,
    "aug": 8, "august": 8,
    "sep": 9, "sept": 9, "september": 9,
    "oct": 10, "okt": 10, "october": 10, "oktober": 10,
    "nov": 11, "november": 11,
    "dec": 12, "dez": 12, "december": 12, "dezember": 12,
}  # fmt: skip
# Zone abbreviations mail clients print; ambiguous ones read as their common meaning.
ZONE_ABBREVIATIONS = {
    "utc": "UTC", "gmt": "UTC", "z": "UTC",
    "cet": "Europe/Berlin", "cest": "Europe/Berlin", "mez": "Europe/Berlin",
    "mesz": "Europe/Berlin", "bst": "Europe/London", "wet": "Europe/Lisbon",
    "eet": "Europe/Helsinki", "est": "America/New_York", "edt": "America/New_York",
    "et": "America/New_York", "cst": "America/Chicago", "cdt": "America/Chicago",
    "ct": "America/Chicago", "mst": "America/Denver", "mdt": "America/Denver",
    "pst": "America/Los_Angeles", "pdt": "America/Los_Angeles", "pt": "America/Los_Angeles",
    "ist": "Asia/Kolkata", "aest": "Australia/Sydney", "jst": "Asia/Tokyo",
}  # fmt: skip
_MONTH_WORD = r"(?P<month>[A-Za-zÄÖÜäöü]{3,9})\.?"
_TIME = (
    r"(?:\s*(?:at|um|,)?\s*(?P<hour>\d{1,2})[:.](?P<minute>\d{2})(?::\d{2})?\s*"
    r"(?P<ampm>[AaPp]\.?[Mm]\.?)?(?:\s*Uhr)?)?"
)
_ZONE = r"(?:\s*\(?(?P<zone>[A-Za-z]{1,5}|[+-]\d{2}:?\d{2})\)?)?"
_DATE_FORMS = [
    # "Mon, Dec 1, 2026 at 10:14 AM", "Monday, December 1, 2026 10:14 AM"
    re.compile(r"(?:[A-Za-z]+\.?,?\s+)?" + _MONTH_WORD + r"\s+(?P<day>\d{1,2}),?\s+(?P<year>\d{4})"
               + _TIME + _ZONE),
    # "1 December 2026 at 10:14:03 CET", "Mo., 1. Dez. 2026 um 10:14", "Montag, 1. Dezember 2026"
    re.compile(r"(?:[A-Za-z]+\.?,?\s+)?(?P<day>\d{1,2})\.?\s+" + _MONTH_WORD + r"\s+(?P<year>\d{4})"
               + _TIME + _ZONE),
    # "01.12.2026 10:14", "2026-12-01 10:14"
    re.compile(r"(?P<day>\d{1,2})\.(?P<mnum>\d{1,2})\.(?P<year>\d{4})" + _TIME + _ZONE),
    re.compile(r"(?P<year>\d{4})-(?P<mnum>\d{2})-(?P<day>\d{2})" + _TIME + _ZONE),
]  # fmt: skip


_RFC_DATE = re.compile(r"^\s*([A-Za-z]{3},\s*)?\d{1,2}\s+[A-Za-z]{3}\s+\d{2,4}\s+\d{1,2}:\d{2}")


def parse_date(value: str, tz: dt.tzinfo) -> dt.datetime | None:
    """An aware datetime from an RFC 5322 date or the forms mail clients print in forwards."""
    value = value.strip()
    if not value:
        return None
    try:
        # Only the RFC 5322 form: the library reads "Friday, December 4, 2026 3:05 PM" too,
        # but drops the PM.
        if not _RFC_DATE.match(value):
            raise ValueError(value)
        parsed = parsedate_to_datetime(value)
        if parsed is not None:
            return parsed if parsed.tzinfo else parsed.replace(tzinfo=tz)
    except (TypeError, ValueError, IndexError):
        pass
    for form in _DATE_FORMS:
        match = form.search(value)
        if match is None:
            continue
        parts = match.groupdict()
        if parts.get("month"):
            month = _MONTHS.get(parts["month"].lower().rstrip("."))
            if month is None:
                continue
        else:
            month = int(parts["mnum"])
        hour = int(parts["hour"]) if parts.get("hour") else 0
        minute = int(parts["minute"]) if parts.get("minute") else 0
        ampm = (parts.get("ampm") or "").lower().replace(".", "")
        if ampm == "pm" and hour < 12:
            hour += 12
        elif ampm == "am" and hour == 12:
            hour = 0
        try:
            naive = dt.datetime(int(parts["year"]), month, int(parts["day"]), hour, minute)
        except ValueError:
            continue
        return naive.replace(tzinfo=zone_for(parts.get("zone") or "", tz))
    return None


def zone_for(token: str, fallback: dt.tzinfo) -> dt.tzinfo:
    """A zone for an abbreviation or offset as printed in mail ("CET", "+0100")."""
    token = token.strip()
    if re.fullmatch(r"[+-]\d{2}:?\d{2}", token):
        sign = -1 if token[0] == "-" else 1
        digits = token[1:].replace(":", "")
        return dt.timezone(sign * dt.timedelta(hours=int(digits[:2]), minutes=int(digits[2:])))
    name = ZONE_ABBREVIATIONS.get(token.lower())
    return zoneinfo.ZoneInfo(name) if name else fallback
