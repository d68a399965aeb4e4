"""Who the employer is: the names a message gives it, and the platforms that write for it."""

from __future__ import annotations

import re

from ..parse.parsed import ParsedMessage

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
NOT_COMPANIES = re.compile(
    r"^(Hi|Hello|Dear|Thanks?|Thank|Your|You|We|Our|The|This|Next|Interview|Update|Application"
    r"|Re|Fwd?|AW|WG|Jana|Berlin|Munich|München|Hamburg|Remote|Monday|Tuesday|Wednesday"
    r"|Thursday|Friday|Saturday|Sunday|Montag|Dienstag|Mittwoch|Donnerstag|Freitag|Google|Zoom"
    r"|Teams|LinkedIn|Ihre|Ihr|Deine|Dein|Sie|Uns|Einladung|Bewerbung|Stelle|Position|Team|Talent"
    r"|Regarding|Status|Documents|Confirmed|Invitation|Case|Take|Offer|Great|Welcome|Career"
    r"|Chat|Change|Quick|Opportunity|StepStone|JOIN|Workday|HR|Best|Kind|Regards|Cheers|Thanks"
    r"|Sincerely|Warm|Warmly|Viele|Mit|Freundliche|Beste|Liebe|Herzliche|Gruß|Grüße|Sent|View"
    r"|Apply|See|Good|Hallo|Hey|Sehr|Guten)\b",
)


def ats_kind(address: str) -> str:
    """How an applicant-tracking sender names the employer, or "" for an ordinary sender."""
    domain = address.rpartition("@")[2].lower()
    for suffix, kind in ATS_DOMAINS.items():
        if domain == suffix or domain.endswith("." + suffix):
            return kind
    return ""


def platform_via(message: ParsedMessage) -> str:
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


def looks_like_slug(hint: str) -> bool:
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
        if len(value) >= 2 and not NOT_COMPANIES.match(value) and value not in hints:
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
