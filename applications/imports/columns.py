"""Rebound's words for what a file holds: its fields (each with the headers other trackers
use for it) and the status words trackers write, and how names are compared."""

import re

from ..pipeline import Status

# Rebound's fields, each with the headers other trackers use for it, best match first.
FIELDS: dict[str, tuple[str, list[str]]] = {
    "company": ("Company", ["Company", "Company Name", "Employer", "Organization", "Organisation"]),
    "role": ("Role", ["Role", "Title", "Job Title", "Position", "Job Position"]),
    "status": ("Status", ["Status", "Stage", "List", "Application Status", "Status now"]),
    "applied": (
        "Date applied",
        ["Date Applied", "Applied Date", "Application Date", "Applied", "Stage Date"],
    ),
    "status_date": ("Date of the current status", ["Stage Date", "Status Date", "Changed on"]),
    "url": (
        "Posting URL",
        ["URL", "Link", "Job URL", "Job Posting", "Job Post Url", "Posting URL"],
    ),
    "location": ("Location", ["Location"]),
    "salary": (
        "Salary (or its lower end)",
        ["Salary", "Salary Range", "Compensation", "Min Salary", "Salary Min", "Minimum Salary"],
    ),
    # Teal's Max Salary, or the second column of a "Salary" header merged over two.
    "salary_to": ("Salary’s upper end", ["Max Salary", "Salary Max", "Maximum Salary"]),
    "excitement": ("Excitement (1 to 5)", ["Excitement", "Interest", "Interest Level"]),
    "resume": (
        "Résumé version sent",
        ["Resume Name", "Resume", "Résumé", "Resume Version", "CV", "CV Version"],
    ),
    "added": ("Date saved", ["Date Added", "Saved Date", "Date Saved", "Added On"]),
    "source": ("Source", ["Source", "Job Source"]),
    "notes": ("Notes", ["Notes", "Note"]),
    "tags": ("Tags", ["Tags", "Tag"]),
    "contact_name": ("Contact name", ["Contact Name", "Contacts", "Contact"]),
    "contact_email": ("Contact email", ["Contact Email"]),
    "contact_phone": ("Contact phone", ["Contact Phone Number", "Contact Phone"]),
    "closed_reason": ("Why it closed", ["Closed Reason"]),
}
REQUIRED = ("company", "role")


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
    **{s.label.lower(): s.value for s in Status},
    **{s.value: s.value for s in Status},
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


def known_status(word: str) -> str | None:
    """Rebound's status for a tracker's word, when it means one thing; None when the user
    must say (Expired, Archived, Closed, Declined…)."""
    found = _STATUS_WORDS.get(word)
    return str(found) if found else None
