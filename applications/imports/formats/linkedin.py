"""LinkedIn's data export: `Jobs/Job Applications.csv` and `Jobs/Saved Jobs.csv`, mapped by
the header aliases (columns.FIELDS)."""

from .base import Format

APPLICATIONS = Format(
    "LinkedIn job applications",
    frozenset({"applicationdate", "companyname", "jobtitle", "joburl", "resumename"}),
    # The applicant's own email and phone, as sent with each application.
    own_details=frozenset({"contactemail", "contactphonenumber"}),
)
SAVED_JOBS = Format(
    "LinkedIn saved jobs", frozenset({"saveddate", "joburl", "jobtitle", "companyname"})
)
