"""JobSync's export, mapped by the header aliases (columns.FIELDS)."""

from .base import Format

FORMAT = Format(
    "JobSync",
    frozenset({"createdat", "applieddate", "company", "jobtitle", "jobsource", "status"}),
)
