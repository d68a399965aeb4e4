"""The facts in a message: the company, the role, and the dates that matter.

Applicant-tracking systems send from their own domain, so the sender's address rarely names
the employer. Each names it somewhere else: the display name ("Northwind Labs" <no-reply@
greenhouse-mail.io>), a tenant subdomain (fernwerk.jobs.personio.de, acme@myworkday.com), the
subject ("Your application to X at Northwind Labs") or the signature. Company hints are
gathered from all of them; matching.py compares them with the user's companies, and the
single best name is what a new application would be called.
"""

from __future__ import annotations

import calendar
import datetime as dt
import re
from dataclasses import dataclass

from .parse import ParsedMessage, zone_for

# Senders that write on an employer's behalf: {domain suffix: how the employer is named}.
# "tenant" means the employer's slug is the address's local part or subdomain.
ATS_DOMAINS = {
    "greenhouse.io": "display",
    "greenhouse-mail.io": "display",
    "hire.lever.co": "display",
    "lever.co": "display",
    "myworkday.com": "tenant",
    "workday.com": "tenant",
    "ashbyhq.com": "display",
    "smartrecruiters.com": "display",
    "personio.de": "tenant",
    "personio.com": "tenant",
    "teamtailor-mail.com": "tenant",
    "teamtailor.com": "tenant",
    "icims.com": "tenant",
    "recruitee.com": "tenant",
    "join.com": "subject",
    "stepstone.de": "subject",
    "stepstone.com": "subject",
    "linkedin.com": "subject",
    "indeed.com": "subject",
    "xing.com": "subject",
    "softgarden.io": "display",
    "successfactors.com": "display",
    "jobvite.com": "display",
    "breezy.hr": "display",
    "workable.com": "display",
    "bamboohr.com": "display",
}
# Display names that are the platform's own brand, never the employer.
PLATFORM_NAMES = re.compile(
    r"^(workday|linkedin|linkedin job alerts|stepstone|join|indeed|xing|greenhouse|lever|ashby"
    r"|smartrecruiters|personio|teamtailor|icims|recruitee|glassdoor|no-?reply|jobs|careers"
    r"|karriere|recruiting|talent acquisition|hr)$",
    re.IGNORECASE,
)
_TEAM_WORDS = re.compile(
    r"\s*(\b(recruiting|recruitment|hiring|talent(\s+acquisition)?|people|careers?|jobs|hr|team"
    r"|karriere|personal(abteilung)?|bewerbermanagement|via\s+\w+)\b\s*)+$"
    r"|^\s*(personalabteilung|recruiting(-team)?|karriere|team)\s+(von\s+|der\s+|des\s+)?",
    re.IGNORECASE,
)
_LEGAL = r"(?:\s+(?:GmbH(?:\s*&\s*Co\.?\s*KG)?|AG|SE|KG|e\.V\.|Inc\.?|Ltd\.?|LLC|plc|Co\.))?"
_NAME = r"([A-ZÄÖÜ][\w'’.-]*(?:\s+(?:&\s+)?[A-ZÄÖÜ][\w'’.-]*){0,3}" + _LEGAL + r")"
_COMPANY_PATTERNS = [
    re.compile(p)
    for p in (
        r"\b(?:at|to|with|from|join|joining)\s+" + _NAME + r"(?=[\s!.,:;)]|$)",
        r"\binterest\s+in\s+(?:joining\s+|a\s+career\s+with\s+|working\s+(?:at|for)\s+)?" + _NAME,
        r"\b(?:bei|an)\s+(?:der\s+|die\s+|dem\s+)?" + _NAME + r"(?=[\s!.,:;)]|$)",
        r"\b(?:my|our)\s+client,?\s+(?:the\s+)?" + _NAME,
        r"\bunser(?:em)?\s+(?:Mandanten?|Kunden?),?\s+(?:die\s+|der\s+)?" + _NAME,
        r"\b(?:update|news)\s+from\s+" + _NAME,
        r"\b(?:viewed\s+by|sent\s+to)\s+" + _NAME,
        r"^" + _NAME + r"\s+(?:hat|has)\s+(?:deine|Ihre|your)\s+(?:Bewerbung|application)",
        r"^" + _NAME + r"\s*(?:[-|:–])\s",
        r"\bTeam\s+(?:von\s+)?" + _NAME + r"\s*$",
        r"^" + _NAME + r"(?:\s+(?:Talent|Recruiting|People|Hiring))?\s+Team\s*$",
    )
]
_NOT_COMPANIES = re.compile(
    r"^(Hi|Hello|Dear|Thanks?|Thank|Your|You|We|Our|The|This|Next|Interview|Update|Application"
    r"|Re|Fwd?|AW|WG|Jana|Berlin|Munich|München|Hamburg|Remote|Monday|Tuesday|Wednesday"
    r"|Thursday|Friday|Saturday|Sunday|Montag|Dienstag|Mittwoch|Donnerstag|Freitag|Google|Zoom"
    r"|Teams|LinkedIn|Ihre|Ihr|Deine|Dein|Sie|Uns|Einladung|Bewerbung|Stelle|Position|Team|Talent"
    r"|Regarding|Status|Documents|Confirmed|Invitation|Case|Take|Offer|Great|Welcome|Career"
    r"|Chat|Change|Quick|Opportunity|StepStone|JOIN|Workday|HR|Best|Kind|Regards|Cheers|Thanks"
    r"|Sincerely|Warm|Warmly|Viele|Mit|Freundliche|Beste|Liebe|Herzliche|Gruß|Grüße|Sent|View"
    r"|Apply|See|Good|Hallo|Hey|Sehr|Guten)\b",
)
_ROLE = r"([A-ZÄÖÜ][\w/()&+.,'’-]*(?:\s+(?:[\w/()&+.'’-]+)){0,6}?)"
_ROLE_PATTERNS = [
    re.compile(p)
    for p in (
        r"\b(?:position|role|job)\s+of\s+" + _ROLE + r"(?=\s+(?:at|with|bei)\b|[.,;!]|\s*$)",
        r"\bfor\s+(?:the\s+|our\s+|your\s+)?"
        + _ROLE
        + r"\s+(?:role|position|vacancy|job|opening)\b",
        r"\b(?:as|as\s+our\s+next|als)\s+"
        + _ROLE
        + r"(?=\s+(?:at|bei|und|and|with|hat|has|geben|in)\b|[.,;!]|\s*$)",
        r"\b(?:Position|Stelle|Stellenausschreibung|position)\s+(?:als\s+)?"
        + _ROLE
        + r"(?=\s+(?:bei|at|ist|wurde|has|geben|in|\()|[.,;!]|\s*$)",
        r"^(?:Application\s+received|Interview\s+invitation|Zusage|Absage|Vertragsangebot"
        r"|Einladung\s+zum\s+Vorstellungsgespräch|Confirmed|Rescheduled)\s*[-:–]\s*"
        + _ROLE
        + r"(?:\s+(?:at|interview|on)\b|\s*$)",
        r"\byour\s+(?:application\s+(?:to|for)\s+)?" + _ROLE + r"\s+(?:at|bei)\s",
        r"\b(?:application\s+(?:to|for)|applying\s+for|Bewerbung\s+(?:als|für))\s+(?:the\s+)?"
        + _ROLE
        + r"(?=\s+(?:at|bei|ist|wurde|has|role|position|\()|[.,;!]|\s*$)",
        r"[-|:–]\s+" + _ROLE + r"\s*$",
    )
]
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
_KEEP_ON_FILE = re.compile(
    r"\bkeep\s+(?:your|you)\s+(?:cv|resume|résumé|details|profile|information|application|in\s+mind)"
    r"|\bTalent\s*pool|\bin\s+Evidenz|\b(?:Unterlagen|Profil)\s+(?:gerne\s+)?(?:aufbewahren"
    r"|speichern)|\breach\s+out\s+(?:when|if)\s+(?:a\s+)?(?:similar|another|new)",
    re.IGNORECASE,
)
_NUMBERS = {"a": 1, "one": 1, "einem": 1, "two": 2, "zwei": 2, "three": 3, "drei": 3,
            "four": 4, "vier": 4, "five": 5, "fünf": 5, "fuenf": 5, "six": 6, "sechs": 6,
            "ten": 10, "zehn": 10, "twelve": 12, "zwölf": 12, "zwoelf": 12}  # fmt: skip


@dataclass(frozen=True, slots=True)
class Facts:
    company: str
    # Every name, slug or domain that may name the employer, best first.
    company_hints: tuple[str, ...]
    role: str
    # The interview's start, in the zone the message gives (or the user's), if one is named.
    interview_at: dt.datetime | None
    reply_by: dt.date | None
    reapply_after: dt.date | None
    keep_on_file: bool
    # The agency or platform that wrote on the employer's behalf, if any.
    via: str


def extract(message: ParsedMessage, *, default_tz: dt.tzinfo = dt.UTC) -> Facts:
    hints = company_hints(message)
    role = find_role(message)
    reference = message.date
    times = find_datetimes(
        message.text, reference=reference, default_tz=default_tz, concrete_only=True
    )
    text = message.text
    return Facts(
        company=hints[0] if hints and not _looks_like_slug(hints[0]) else "",
        company_hints=tuple(hints),
        role=role,
        interview_at=times[0] if times else None,
        reply_by=_reply_by(text, reference),
        reapply_after=_reapply_after(text, reference),
        keep_on_file=bool(_KEEP_ON_FILE.search(text)),
        via=_via(message),
    )


def ats_kind(address: str) -> str:
    """How an applicant-tracking sender names the employer, or "" for an ordinary sender."""
    domain = address.rpartition("@")[2].lower()
    for suffix, kind in ATS_DOMAINS.items():
        if domain == suffix or domain.endswith("." + suffix):
            return kind
    return ""


def _via(message: ParsedMessage) -> str:
    domain = message.sender_domain
    for suffix in ATS_DOMAINS:
        if domain == suffix or domain.endswith("." + suffix):
            return suffix.split(".")[0].removesuffix("-mail").capitalize()
    return ""


def tenant_slug(address: str) -> str:
    """The employer's slug in an ATS address: acme@myworkday.com, jobs@acme.jobs.personio.de."""
    local, _, domain = address.lower().partition("@")
    for suffix, kind in ATS_DOMAINS.items():
        if kind != "tenant" or not (domain == suffix or domain.endswith("." + suffix)):
            continue
        sub = domain[: -len(suffix)].rstrip(".")
        labels = [
            label
            for label in sub.split(".")
            if label not in {"jobs", "talent", "careers", "mail", "www", ""}
        ]
        if labels:
            return labels[0]
        if local not in {"no-reply", "noreply", "jobs", "careers", "notifications", "donotreply"}:
            return local
    return ""


def _looks_like_slug(hint: str) -> bool:
    return hint == hint.lower() and " " not in hint


def clean_display_name(name: str) -> str:
    name = name.strip().strip('"')
    for _ in range(3):
        name = _TEAM_WORDS.sub("", name).strip(" -|,")
    return name


def company_hints(message: ParsedMessage) -> list[str]:
    hints: list[str] = []

    def add(value: str) -> None:
        value = value.strip(" .,:;!-|\"'")
        value = re.sub(r"\s+(is|hat|has|ist|wurde)$", "", value)
        if len(value) >= 2 and not _NOT_COMPANIES.match(value) and value not in hints:
            hints.append(value)

    kind = ats_kind(message.sender_address)
    display = clean_display_name(message.sender_name)
    personal = _is_person(display, message.sender_address)
    if display and not PLATFORM_NAMES.match(display) and not personal:
        add(display)
    lines = [line for line in message.text.split("\n") if line.strip()]
    for source in [message.clean_subject, *lines[:12], *lines[-5:]]:
        for pattern in _COMPANY_PATTERNS:
            for match in pattern.finditer(source):
                add(match.group(1))
    # A signature that is only a name ("Blue Heron Bank" under "Talent Acquisition Team").
    for line in lines[-3:]:
        bare = _BARE_NAME.fullmatch(line.strip())
        if bare and len(line.split()) >= 2 and not _is_person(line.strip(), ""):
            add(bare.group(1))
    if kind == "tenant":
        slug = tenant_slug(message.sender_address)
        if slug:
            hints.append(slug)
    elif not kind and message.sender_domain:
        hints.append(message.sender_domain)
    return hints


_BARE_NAME = re.compile(_NAME)
_PERSON = re.compile(r"[A-ZÄÖÜ][a-zäöüß]+\s+[A-ZÄÖÜ][a-zäöüß-]+")
_FIRST_NAMES_HINT = re.compile(r"^(Team|Talent|Recruiting|People|Hiring|Careers?|HR)$", re.I)


def _is_person(name: str, address: str) -> bool:
    """A display name that is a person's: its words are in the address's local part
    ("Tom Okafor" <tom.okafor@…>), or, without an address, two plain capitalised words that
    aren't a team's name."""
    if not _PERSON.fullmatch(name):
        return False
    words = [w.lower() for w in name.split()]
    if address:
        local = address.partition("@")[0].lower()
        return any(word in local for word in words)
    return not any(_FIRST_NAMES_HINT.match(w) for w in name.split()) and not any(
        w in _COMPANY_WORDS for w in words
    )


# Words that make two capitalised words a company rather than a person ("Blue Heron Bank").
_COMPANY_WORDS = {
    "labs", "bank", "health", "software", "studios", "energy", "cloud", "games", "analytics",
    "payments", "robotics", "insurance", "logistics", "logistik", "media", "medien", "group",
    "systems", "tech", "data", "harbor", "mobility",
}  # fmt: skip


def find_role(message: ParsedMessage) -> str:
    for source in [message.clean_subject, *message.text.split("\n")[:15]]:
        for pattern in _ROLE_PATTERNS:
            match = pattern.search(source)
            if match:
                role = match.group(1).strip(" .,:;!-")
                role = re.sub(r"\s+(role|position|at|bei)$", "", role)
                if 2 <= len(role) <= 80 and not _NOT_COMPANIES.fullmatch(role.split()[0]):
                    return role
    return ""


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
        from zoneinfo import ZoneInfo

        name = _CITY_ZONES.get((parts["city"] or "").lower())
        zone = ZoneInfo(name) if name else default_tz
    try:
        return dt.datetime(year, month, day, hour, minute, tzinfo=zone)
    except ValueError:
        return None


def _reply_by(text: str, reference: dt.datetime | None) -> dt.date | None:
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


def _reapply_after(text: str, reference: dt.datetime | None) -> dt.date | None:
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
