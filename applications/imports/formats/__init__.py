"""The exports Rebound knows, one module each, recognised by their headers (and tested with
fixture files in tests/applications/imports/). Any other spreadsheet maps by the header
aliases of columns.FIELDS, which the user can change."""

from ..columns import norm
from . import jobsync, linkedin, reactive_resume, rebound
from .base import Format

# The first whose headers a file has is what it is: Rebound's own, which has most, first.
KNOWN: list[Format] = [
    rebound.FORMAT,
    rebound.FORMAT_DE,
    linkedin.APPLICATIONS,
    linkedin.SAVED_JOBS,
    reactive_resume.FORMAT,
    jobsync.FORMAT,
]


def known(header: list[str]) -> Format | None:
    names = {norm(h) for h in header}
    return next((f for f in KNOWN if f.headers <= names), None)


def recognise(header: list[str]) -> str:
    """What the file is, in the user's words ("" for any other spreadsheet)."""
    found = known(header)
    return str(found.label) if found else ""


def own_details(header: list[str]) -> frozenset[str]:
    found = known(header)
    return found.own_details if found else frozenset()
