"""Rebound's words for what a file holds: its fields (each with the headers other trackers
use for it) and the status words trackers write, and how names are compared."""

import re

from django.utils.translation import gettext_lazy as _
from django.utils.translation import pgettext

from rebound.lib.types import StrOrPromise

from ..models import AppliedVia
from ..pipeline import Status

# Rebound's fields, each with the headers other trackers use for it, best match first; the
# German headers a spreadsheet kept in German has follow the English ones.
FIELDS: dict[str, tuple[StrOrPromise, list[str]]] = {
    "company": (
        _("Company"),
        ["Company", "Company Name", "Employer", "Organization", "Organisation",
         "Unternehmen", "Firma", "Arbeitgeber", "Firmenname"],
    ),
    "role": (
        _("Role"),
        ["Role", "Title", "Job Title", "Position", "Job Position",
         "Stelle", "Stellenbezeichnung", "Berufsbezeichnung", "Jobtitel"],
    ),
    "status": (
        _("Status"),
        ["Status", "Stage", "List", "Application Status", "Status now",
         "Stand", "Ergebnis", "Bewerbungsstatus"],
    ),
    "applied": (
        _("Date applied"),
        ["Date Applied", "Applied Date", "Application Date", "Applied", "Stage Date",
         "Beworben am", "Bewerbungsdatum", "Datum der Bewerbung"],
    ),
    "status_date": (
        _("Date of the current status"),
        ["Stage Date", "Status Date", "Changed on", "Geändert am", "Statusdatum"],
    ),
    "url": (
        _("Posting URL"),
        ["URL", "Link", "Job URL", "Job Posting", "Job Post Url", "Posting URL",
         "Stellenanzeige", "Anzeige"],
    ),
    "location": (_("Location"), ["Location", "Ort", "Arbeitsort", "Standort"]),
    "salary": (
        _("Salary (or its lower end)"),
        ["Salary", "Salary Range", "Compensation", "Min Salary", "Salary Min", "Minimum Salary",
         "Gehalt", "Gehaltsvorstellung"],
    ),
    # Teal's Max Salary, or the second column of a "Salary" header merged over two.
    "salary_to": (_("Salary’s upper end"), ["Max Salary", "Salary Max", "Maximum Salary"]),
    "excitement": (
        _("Excitement (1 to 5)"), ["Excitement", "Interest", "Interest Level", "Interesse"]
    ),
    "resume": (
        _("Résumé version sent"),
        ["Resume Name", "Resume", "Résumé", "Resume Version", "CV", "CV Version", "Lebenslauf"],
    ),
    "added": (
        _("Date saved"), ["Date Added", "Saved Date", "Date Saved", "Added On", "Gespeichert am"]
    ),
    "source": (_("Source"), ["Source", "Job Source", "Quelle"]),
    "applied_via": (
        _("How you applied"),
        ["Applied via", "How applied", "Application method",
         "Art der Bewerbung", "Bewerbungsart", "Bewerbungsweg", "Beworben per"],
    ),
    # Not "Stellenanzeige" or "Job Posting": trackers put the posting's link under those.
    "description": (
        _("The posting’s text"),
        ["Description", "Job Description", "Job Desc", "Posting Text", "Job Details",
         "Beschreibung", "Stellenbeschreibung", "Jobbeschreibung", "Anzeigentext"],
    ),
    "notes": (_("Notes"), ["Notes", "Note", "Notizen", "Notiz", "Bemerkungen", "Bemerkung"]),
    "tags": (_("Tags"), ["Tags", "Tag", "Schlagwörter", "Schlagworte"]),
    "contact_name": (
        _("Contact name"), ["Contact Name", "Contacts", "Contact", "Ansprechpartner", "Kontakt"]
    ),
    "contact_email": (_("Contact email"), ["Contact Email"]),
    "contact_phone": (
        _("Contact phone"), ["Contact Phone Number", "Contact Phone", "Telefonnummer Kontakt"]
    ),
    "closed_reason": (_("Why it closed"), ["Closed Reason", "Absagegrund"]),
}  # fmt: skip
REQUIRED = ("company", "role")


def field_in_sentence(name: str) -> str:
    """A field's label inside a sentence ("the date applied"): lower case in English; a
    language whose nouns keep their capital says so by translating the marker "lower"."""
    label = str(FIELDS[name][0])
    lower = pgettext("field names inside a sentence: lower or keep", "lower") == "lower"
    return label.lower() if lower else label


def norm(header: str) -> str:
    """A header as headers are compared: lower case, letters and digits only."""
    return re.sub(r"[^a-z0-9]", "", header.lower())


def fold(text: str) -> str:
    """A name as Rebound compares names: spaces collapsed, case folded the same way for
    every script, in Python, whatever the database's lower() does (SQLite's folds only
    A to Z; PostgreSQL's folds İ to i, Python's to i and a combining dot)."""
    return " ".join(text.split()).casefold().replace("i\u0307", "i")


# --- status words -------------------------------------------------------------------------

_STATUS_WORDS = {
    # Rebound's own labels, in English and German (stored values are their own words too).
    "wishlist": Status.WISHLIST,
    "applied": Status.APPLIED,
    "screening": Status.SCREENING,
    "interviewing": Status.INTERVIEWING,
    "offer": Status.OFFER,
    "accepted": Status.ACCEPTED,
    "rejected": Status.REJECTED,
    "withdrawn": Status.WITHDRAWN,
    "ghosted": Status.GHOSTED,
    **{s.value: s.value for s in Status},
    "merkliste": Status.WISHLIST,
    "gemerkt": Status.WISHLIST,
    "beworben": Status.APPLIED,
    "bewerbung versendet": Status.APPLIED,
    "bewerbung verschickt": Status.APPLIED,
    "vorauswahl": Status.SCREENING,
    "im gespräch": Status.INTERVIEWING,
    "vorstellungsgespräch": Status.INTERVIEWING,
    "einladung": Status.INTERVIEWING,
    "angebot": Status.OFFER,
    "zusage": Status.OFFER,
    "angenommen": Status.ACCEPTED,
    "abgesagt": Status.REJECTED,
    "absage": Status.REJECTED,
    "zurückgezogen": Status.WITHDRAWN,
    "keine antwort": Status.GHOSTED,
    "keine antwort mehr": Status.GHOSTED,
    "saved": Status.WISHLIST,
    "draft": Status.WISHLIST,
    "bookmarked": Status.WISHLIST,
    "interested": Status.WISHLIST,
    "submitted": Status.APPLIED,
    "application sent": Status.APPLIED,
    "screen": Status.SCREENING,
    "phone screen": Status.SCREENING,
    "interview": Status.INTERVIEWING,
    "interviews": Status.INTERVIEWING,
    "offered": Status.OFFER,
    "hired": Status.ACCEPTED,
    "rejection": Status.REJECTED,
    "not selected": Status.REJECTED,
    "no response": Status.GHOSTED,
    "no reply": Status.GHOSTED,
}


def status_word(raw: str) -> str:
    return " ".join(raw.lower().split())


# How an application was sent, in the words a file writes it (English and German).
_APPLIED_VIA_WORDS = {
    **{v: v for v in AppliedVia.values},
    "online": AppliedVia.ONLINE,
    "portal": AppliedVia.ONLINE,
    "online form": AppliedVia.ONLINE,
    "form": AppliedVia.ONLINE,
    "onlineformular": AppliedVia.ONLINE,
    "online-formular": AppliedVia.ONLINE,
    "email": AppliedVia.EMAIL,
    "e-mail": AppliedVia.EMAIL,
    "by email": AppliedVia.EMAIL,
    "per e-mail": AppliedVia.EMAIL,
    "per email": AppliedVia.EMAIL,
    "mail": AppliedVia.EMAIL,
    "post": AppliedVia.POST,
    "by post": AppliedVia.POST,
    "letter": AppliedVia.POST,
    "in writing": AppliedVia.POST,
    "schriftlich": AppliedVia.POST,
    "per post": AppliedVia.POST,
    "postalisch": AppliedVia.POST,
    "in person": AppliedVia.IN_PERSON,
    "in_person": AppliedVia.IN_PERSON,
    "persönlich": AppliedVia.IN_PERSON,
    "phone": AppliedVia.PHONE,
    "by phone": AppliedVia.PHONE,
    "telephone": AppliedVia.PHONE,
    "telefonisch": AppliedVia.PHONE,
    "telefon": AppliedVia.PHONE,
}


def known_applied_via(raw: str) -> str:
    """How an application was sent, from a file's word ("" when unknown or empty)."""
    return str(_APPLIED_VIA_WORDS.get(" ".join(raw.lower().split()), ""))


def known_status(word: str) -> str | None:
    """Rebound's status for a tracker's word, when it means one thing; None when the user
    must say (Expired, Archived, Closed, Declined…)."""
    found = _STATUS_WORDS.get(word)
    return str(found) if found else None
