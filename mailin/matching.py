"""Which of the user's applications a message is about.

In order of trust: the thread (a kept message this one replies to, through the
``thread_lookup`` hook that services.thread_application fills); then the company (its name
in the sender's display name, the subject or the text; its website's domain as the sender's;
an applicant-tracking tenant slug); then the role among that company's applications; then
recent activity to break a tie between an open and a closed one. Two roles at one company
that the message does not tell apart are an ambiguity, for the person to resolve; an unknown
company's confirmation is a new application.

Reads only the owner's rows: every query is filtered by ``owner``.
"""

from __future__ import annotations

import re
import unicodedata
from collections.abc import Callable
from dataclasses import dataclass, field
from urllib.parse import urlsplit

from applications.models import Application, Company
from applications.pipeline import EXITS
from rebound.models import User

from .classify.classifier import Classification
from .classify.labels import APPLICATION_RECEIVED
from .extract.companies import tenant_slug
from .extract.facts import Facts
from .parse.parsed import ParsedMessage

MATCH = "match"
AMBIGUOUS = "ambiguous"
NEW = "new"
NONE = "none"

# A later step stores messages; it passes a lookup from thread headers to an application.
ThreadLookup = Callable[[User, ParsedMessage], Application | None]

_LEGAL_SUFFIX = re.compile(
    r"\b(gmbh(\s*&\s*co\.?\s*kg)?|ag|se|kg|e\.?v\.?|inc|ltd|llc|plc|co|corp|limited|group"
    r"|holding)\b\.?",
)
_GENERIC_WORDS = {
    "the", "and", "labs", "lab", "software", "group", "bank", "health", "energy", "cloud",
    "studios", "studio", "media", "medien", "logistics", "logistik", "insurance", "analytics",
    "payments", "robotics", "games", "bau", "data", "tech", "systems", "solutions", "digital",
    "mobility", "consulting", "services", "stadtwerke", "versicherung", "company", "global",
}  # fmt: skip
_ROLE_NOISE = re.compile(r"\((m|w|d|f|x|div|gn)(\s*/\s*(m|w|d|f|x|div))*\)|\bm/w/d\b|\*in\b")


def normalise(text: str) -> str:
    """Lower case, accents folded ("ü" as "ue" and as "u" both reach "u"), punctuation as
    spaces."""
    text = text.lower().replace("ä", "ae").replace("ö", "oe").replace("ü", "ue").replace("ß", "ss")
    text = unicodedata.normalize("NFKD", text).encode("ascii", "ignore").decode()
    text = text.replace("&", " and ")
    return " ".join(re.sub(r"[^a-z0-9]+", " ", text).split())


def company_key(name: str) -> str:
    return " ".join(_LEGAL_SUFFIX.sub(" ", normalise(name)).split())


def role_words(role: str) -> set[str]:
    words = normalise(_ROLE_NOISE.sub(" ", role)).split()
    return {word for word in words if len(word) > 1 and word not in {"and", "the", "of"}}


def website_domain(url: str) -> str:
    if not url:
        return ""
    host = urlsplit(url if "//" in url else "//" + url).hostname or ""
    return host.lower().removeprefix("www.")


@dataclass(frozen=True, slots=True)
class MatchResult:
    kind: str
    application: Application | None = None
    # For an ambiguity, the applications to choose from (most likely first).
    candidates: tuple[Application, ...] = ()
    company: Company | None = None
    reasons: tuple[str, ...] = field(default_factory=tuple)


def match_application(
    *,
    user: User,
    message: ParsedMessage,
    facts: Facts,
    classification: Classification,
    thread_lookup: ThreadLookup | None = None,
) -> MatchResult:
    if thread_lookup is not None:
        threaded = thread_lookup(user, message)
        if threaded is not None and threaded.owner_id == user.pk:
            return MatchResult(MATCH, threaded, (threaded,), threaded.company, ("same thread",))

    companies = list(Company.objects.filter(owner=user).only("id", "name", "website"))
    scored = sorted(
        ((score, reasons, company) for company in companies
         for score, reasons in [_company_score(company, message, facts)] if score >= 4),
        key=lambda item: -item[0],
    )  # fmt: skip
    if not scored:
        if classification.label == APPLICATION_RECEIVED and (facts.company or facts.role):
            return MatchResult(NEW, reasons=("a confirmation from a company not in your list",))
        return MatchResult(NONE)
    best_score = scored[0][0]
    top = [item for item in scored if item[0] >= best_score - 1]
    company_ids = [company.pk for _, _, company in top]
    applications = list(
        Application.objects.filter(owner=user, company_id__in=company_ids)
        .select_related("company")
        .order_by("-updated_at", "-id")
    )
    if not applications:
        company = top[0][2]
        if classification.label == APPLICATION_RECEIVED:
            return MatchResult(NEW, company=company, reasons=("a company with no application",))
        return MatchResult(NONE, company=company)
    reasons = tuple(top[0][1])
    if len(applications) == 1:
        return MatchResult(
            MATCH, applications[0], (applications[0],), applications[0].company, reasons
        )
    ranked = _rank_roles(applications, message, facts)
    (first_score, first), (second_score, _) = ranked[0], ranked[1]
    if first_score >= 3 and first_score - second_score >= 2:
        return MatchResult(MATCH, first, (first,), first.company, (*reasons, "the role"))
    # The role doesn't tell them apart: if only one is still open, news is about that one.
    tied = [app for score, app in ranked if score >= first_score - 1]
    open_ones = [app for app in tied if app.status not in EXITS and not app.archived_at]
    if len(open_ones) == 1 and classification.label != APPLICATION_RECEIVED:
        only = open_ones[0]
        return MatchResult(MATCH, only, (only,), only.company, (*reasons, "the only open one"))
    return MatchResult(AMBIGUOUS, None, tuple(tied), tied[0].company, reasons)


def _haystacks(message: ParsedMessage) -> tuple[str, str]:
    """(where the employer is named most reliably, everything) — normalised."""
    strong = normalise(f"{message.sender_name} {message.clean_subject}")
    return strong, normalise(f"{strong} {message.text}")


def _company_score(
    company: Company, message: ParsedMessage, facts: Facts
) -> tuple[float, list[str]]:
    strong, everything = _haystacks(message)
    key = company_key(company.name)
    score = 0.0
    reasons: list[str] = []
    if key and re.search(rf"\b{re.escape(key)}\b", strong):
        score += 7
        reasons.append("the company's name in the sender or subject")
    elif key and re.search(rf"\b{re.escape(key)}\b", everything):
        score += 5
        reasons.append("the company's name in the text")
    else:
        distinctive = [w for w in key.split() if w not in _GENERIC_WORDS and len(w) > 3]
        if distinctive and all(re.search(rf"\b{re.escape(w)}\b", everything) for w in distinctive):
            score += 4
            reasons.append("the company's name, in part")
    domain = website_domain(company.website)
    sender_domain = message.sender_domain
    if (
        domain
        and sender_domain
        and (sender_domain == domain or sender_domain.endswith("." + domain))
    ):
        score += 8
        reasons.append("sent from the company's domain")
    elif domain and domain in message.text.lower():
        score += 2
    slug = tenant_slug(message.sender_address)
    if slug and key and slug in {key.replace(" ", ""), key.split()[0], key.replace(" ", "-")}:
        score += 6
        reasons.append("the employer's account at its applicant-tracking system")
    if facts.company and company_key(facts.company) == key and score < 4:
        score += 4
    return score, reasons


def _rank_roles(
    applications: list[Application], message: ParsedMessage, facts: Facts
) -> list[tuple[float, Application]]:
    _, everything = _haystacks(message)
    found = role_words(facts.role)
    ranked = []
    for app in applications:
        words = role_words(app.role)
        score = 0.0
        phrase = " ".join(normalise(_ROLE_NOISE.sub(" ", app.role)).split())
        if phrase and re.search(rf"\b{re.escape(phrase)}\b", everything):
            score += 5
        if words and found:
            score += 4 * len(words & found) / len(words | found)
        ranked.append((score, app))
    ranked.sort(key=lambda pair: -pair[0])
    return ranked
