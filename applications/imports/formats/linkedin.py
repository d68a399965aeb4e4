"""LinkedIn's data export: `Jobs/Job Applications.csv` and `Jobs/Saved Jobs.csv`, mapped by
the header aliases (columns.FIELDS)."""

from django.utils.translation import gettext_lazy as _

from .base import Format

APPLICATIONS = Format(
    _("LinkedIn job applications"),
    frozenset({"applicationdate", "companyname", "jobtitle", "joburl", "resumename"}),
    # The applicant's own email and phone, as sent with each application.
    own_details=frozenset({"contactemail", "contactphonenumber"}),
)
SAVED_JOBS = Format(
    _("LinkedIn saved jobs"), frozenset({"saveddate", "joburl", "jobtitle", "companyname"})
)
