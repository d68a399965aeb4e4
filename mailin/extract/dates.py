"""The dates that matter in a message: an interview's time, a reply-by date, when to apply
again. Dates without a year are read relative to the message's date."""

from __future__ import annotations

import calendar
import datetime as dt
import re
from zoneinfo import ZoneInfo

from ..parse.dates import zone_for

_MONTHS = {
    "jan": 1, "januar": 1, "january": 1, "feb": 2, "februar": 2, "february": 2,
    "mar": 3, "märz": 3, "march": 3, "apr": 4, "april": 4, "may": 5, "mai": 5,
    "jun": 6, "june": 6, "juni": 6, "jul": 7, "july": 7, "juli": 7, "aug": 8, "august": 8,
    "sep": 9, "sept": 9, "september": 9, "oct": 10, "okt": 10, "october": 10, "oktober": 10,
    "nov": 11, "november": 11, "dec": 12, "dez": 12, "december": 12, "dezember": 12,
}  # fmt: skip
_WEEKDAYS = {
    "monday": 0, "mon": 0, "montag": 0, "mo": 0, "tuesday": 1, "tue": 1, "dienstag": 1, "di": 1,
    "wednesday": 2, "wed": 2, "mittwoch": 2, "mi": 2, "thursday": 3, "thu": 3, "donnerstag": 3,
    "do": 3, "friday": 4, "fri": 4, "freitag": 4, "fr": 4, "saturday": 5, "sat": 5, "samstag": 5,
    "sunday": 6, "sun": 6, "sonntag": 6,
}  # fmt: skip
_MONTH_WORDS = "|".join(sorted(_MONTHS, key=len, reverse=True))
_WEEKDAY_WORDS = "|".join(w for w in sorted(_WEEKDAYS, key=len, reverse=True) if len(w) > 2)
_CLOCK = (
    r"(?P<hour>\d{1,2})(?:[:.](?P<minute>\d{2}))?\s*(?P<ampm>[ap]\.?m\.?)?"
    r"(?:\s*(?:-|–|to|bis)\s*\d{1,2}(?:[:.]\d{2})?\s*(?:[ap]\.?m\.?)?)?(?:\s*Uhr)?"
)
_ZONE = (
    r"(?:\s*\(?(?P<zone>CET|CEST|MEZ|MESZ|GMT|UTC|BST|EST|EDT|PST|PDT|CST|CDT|ET|PT"
    r"|[+-]\d{2}:?\d{2})\)?|\s*\((?P<city>[A-Z][a-z]+)\s+time\)|\s*\((?P<uk>UK)\s+time\)"
    r"|\s+(?P<uk2>UK)\s+time)?"
)
_DAY_MONTH = (
    r"(?:(?P<wd>" + _WEEKDAY_WORDS + r")\.?,?\s+(?:(?:den|der|the)\s+)?)?"
    r"(?:(?P<d1>\d{1,2})(?:\.|st|nd|rd|th)?\s+(?P<m1>" + _MONTH_WORDS + r")\.?"
    r"|(?P<m2>" + _MONTH_WORDS + r")\.?\s+(?P<d2>\d{1,2})(?:st|nd|rd|th)?"
    r"|(?P<d3>\d{1,2})\.(?P<m3>\d{1,2})\.(?P<y3>\d{4})?)"
    r"(?:,?\s+(?P<year>\d{4}))?"
)
_DATETIME = re.compile(
    _DAY_MONTH + r"(?:,?\s*(?:at|um|from|ab|,)?\s*" + _CLOCK + r")?" + _ZONE,
    re.IGNORECASE,
)
_WEEKDAY_TIME = re.compile(
    r"\b(?P<wd>" + _WEEKDAY_WORDS + r")\b,?\s*(?:at|um)\s+" + _CLOCK + _ZONE, re.IGNORECASE
)
_CITY_ZONES = {
    "berlin": "Europe/Berlin",
    "london": "Europe/London",
    "uk": "Europe/London",
    "paris": "Europe/Paris",
    "vienna": "Europe/Vienna",
    "zurich": "Europe/Zurich",
    "new": "America/New_York",
}
_REPLY_BY = re.compile(
    r"\b(?:by|bis(?:\s+(?:zum|spätestens))?|before|within|innerhalb\s+(?:von\s+)?|in\s+den\s+"
    r"n(?:ä|ae)chsten)\s+(?P<what>" + _WEEKDAY_WORDS + r"|(?P<n>\d+|one|two|three|four|five|six"
    r"|ten|zwei|drei|vier|f(?:ü|ue)nf|sechs|zehn|a)\s+(?P<unit>(?:business\s+|working\s+)?days?"
    r"|weeks?|(?:Werk|Arbeits)?tage?n?|Wochen?)|Ende\s+der\s+Woche|end\s+of\s+(?:the\s+)?week"
    r"|Mitte\s+des\s+Monats)",
    re.IGNORECASE,
)
_REAPPLY = re.compile(
    r"\b(?:apply\s+again|re-?apply|erneut\s+(?:zu\s+)?bewerben|wieder\s+bewerben)[^.]{0,40}?"
    r"\b(?:in|after|nach|in\s+about)\s+(?P<n>\d+|one|two|three|six|twelve|sechs|zw(?:ö|oe)lf"
    r"|drei|a|einem|einem\s+halben)\s+(?P<unit>months?|years?|Monat\w*|Jahr\w*)"
    r"|\b(?:in|nach)\s+(?P<n2>\d+|sechs|zw(?:ö|oe)lf|drei|six|twelve|three)\s+(?P<unit2>months?"
    r"|Monat\w*)[^.]{0,40}?(?:apply\s+again|re-?apply|erneut|wieder)",
    re.IGNORECASE,
)
_NUMBERS = {"a": 1, "one": 1, "einem": 1, "two": 2, "zwei": 2, "three": 3, "drei": 3,
            "four": 4, "vier": 4, "five": 5, "fünf": 5, "fuenf": 5, "six": 6, "sechs": 6,
            "ten": 10, "zehn": 10, "twelve": 12, "zwölf": 12, "zwoelf": 12}  # fmt: skip


def find_datetimes(
    text: str,
    *,
    reference: dt.datetime | None,
    default_tz: dt.tzinfo = dt.UTC,
    concrete_only: bool = False,
) -> list[dt.datetime]:
    """Dates and times named in the text, aware. A date without a year is the next one on or
    after the message's date; with ``concrete_only`` a date needs a clock time to count."""
    found: list[tuple[int, dt.datetime]] = []
    base = reference.date() if reference else None
    for match in _DATETIME.finditer(text):
        parts = match.groupdict()
        if parts.get("m1"):
            day, month = int(parts["d1"]), _MONTHS.get(parts["m1"].lower().rstrip("."))
        elif parts.get("m2"):
            day, month = int(parts["d2"]), _MONTHS.get(parts["m2"].lower().rstrip("."))
        else:
            day, month = int(parts["d3"]), int(parts["m3"])
        year_text = parts.get("year") or parts.get("y3")
        if not month or (parts.get("hour") is None and concrete_only):
            continue
        year = int(year_text) if year_text else _next_year(day, month, base)
        moment = _moment(year, month, day, parts, default_tz)
        if moment is not None:
            found.append((match.start(), moment))
    if base is not None:
        for match in _WEEKDAY_TIME.finditer(text):
            if any(abs(start - match.start()) < 40 for start, _ in found):
                continue
            parts = match.groupdict()
            weekday = _WEEKDAYS[parts["wd"].lower()]
            day_date = base + dt.timedelta(days=(weekday - base.weekday()) % 7 or 7)
            moment = _moment(day_date.year, day_date.month, day_date.day, parts, default_tz)
            if moment is not None:
                found.append((match.start(), moment))
    return [moment for _, moment in sorted(found, key=lambda pair: pair[0])]


def _next_year(day: int, month: int, base: dt.date | None) -> int:
    if base is None:
        return dt.date.today().year
    try:
        candidate = dt.date(base.year, month, day)
    except ValueError:
        return base.year
    # A date a month or more before the message is next year's ("10 January" in December).
    return base.year + 1 if candidate < base - dt.timedelta(days=31) else base.year


def _moment(
    year: int, month: int, day: int, parts: dict[str, str | None], default_tz: dt.tzinfo
) -> dt.datetime | None:
    hour = int(parts.get("hour") or 0)
    minute = int(parts.get("minute") or 0)
    ampm = (parts.get("ampm") or "").lower().replace(".", "")
    if ampm == "pm" and hour < 12:
        hour += 12
    elif ampm == "am" and hour == 12:
        hour = 0
    zone = default_tz
    if parts.get("zone"):
        zone = zone_for(parts["zone"] or "", default_tz)
    elif parts.get("uk") or parts.get("uk2"):
        zone = zone_for("bst", default_tz)
    elif parts.get("city"):
        name = _CITY_ZONES.get((parts["city"] or "").lower())
        zone = ZoneInfo(name) if name else default_tz
    try:
        return dt.datetime(year, month, day, hour, minute, tzinfo=zone)
    except ValueError:
        return None


def reply_by_date(text: str, reference: dt.datetime | None) -> dt.date | None:
    if reference is None:
        return None
    match = _REPLY_BY.search(text)
    if match is None:
        return None
    base = reference.date()
    what = match.group("what").lower()
    if what in _WEEKDAYS:
        return base + dt.timedelta(days=(_WEEKDAYS[what] - base.weekday()) % 7 or 7)
    if "ende der woche" in what or "end of" in what:
        return base + dt.timedelta(days=(4 - base.weekday()) % 7)
    if "mitte" in what:
        return base.replace(day=15) if base.day < 15 else _add_months(base, 1).replace(day=15)
    count = _count(match.group("n"))
    unit = (match.group("unit") or "").lower()
    if unit.startswith(("week", "woche")):
        return base + dt.timedelta(weeks=count)
    if "business" in unit or "working" in unit or unit.startswith(("werk", "arbeit")):
        day = base
        while count > 0:
            day += dt.timedelta(days=1)
            count -= day.weekday() < 5
        return day
    return base + dt.timedelta(days=count)


def reapply_after_date(text: str, reference: dt.datetime | None) -> dt.date | None:
    if reference is None:
        return None
    match = _REAPPLY.search(text)
    if match is None:
        return None
    amount = match.group("n") or match.group("n2") or "6"
    unit = (match.group("unit") or match.group("unit2") or "month").lower()
    months = 6 if "halben" in amount else _count(amount)
    if unit.startswith(("year", "jahr")):
        months *= 12
    return _add_months(reference.date(), months)


def _count(word: str | None) -> int:
    if not word:
        return 1
    word = word.lower()
    return int(word) if word.isdigit() else _NUMBERS.get(word, 1)


def _add_months(day: dt.date, months: int) -> dt.date:
    month_index = day.month - 1 + months
    year, month = day.year + month_index // 12, month_index % 12 + 1
    return dt.date(year, month, min(day.day, calendar.monthrange(year, month)[1]))
