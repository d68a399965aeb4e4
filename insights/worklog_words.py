"""The work-search log's words: how an application or an interview was made and what came of
it, as a benefit office asks. Each carries a context: the same English word may be another
German one elsewhere."""

from django.utils.translation import pgettext_lazy

from applications.models import AppliedVia, Source
from applications.pipeline import Status
from interviews.models import Interview

# How an application was made, from how the user found it. A job board or a company's site
# is an online application; an agency or a recruiter is a contact through an agency. The words
# carry a context: the same English word may be another German one elsewhere.
METHOD_BY_SOURCE = {
    Source.JOB_BOARD: pgettext_lazy("work-search log: how", "Online"),
    Source.COMPANY_SITE: pgettext_lazy("work-search log: how", "Online"),
    Source.REFERRAL: pgettext_lazy("work-search log: how", "Through a contact"),
    Source.STAFFING_AGENCY: pgettext_lazy("work-search log: how", "Agency"),
    Source.RECRUITER: pgettext_lazy("work-search log: how", "Agency or recruiter"),
}
NOT_RECORDED = pgettext_lazy("work-search log: how", "Not recorded")
METHOD_BY_FORMAT = {
    Interview.Format.VIDEO: pgettext_lazy("work-search log: how", "Video call"),
    Interview.Format.PHONE: pgettext_lazy("work-search log: how", "Phone"),
    Interview.Format.ONSITE: pgettext_lazy("work-search log: how", "In person"),
}
# How the user applied, when they said so (Application.applied_via): it wins over the guess
# from the source. The words of the German form (schriftlich, online, per E-Mail, persönlich,
# telefonisch).
METHOD_BY_VIA = {
    AppliedVia.ONLINE: pgettext_lazy("work-search log: how", "Online"),
    AppliedVia.EMAIL: pgettext_lazy("work-search log: how", "By email"),
    AppliedVia.POST: pgettext_lazy("work-search log: how", "In writing"),
    AppliedVia.IN_PERSON: pgettext_lazy("work-search log: how", "In person"),
    AppliedVia.PHONE: pgettext_lazy("work-search log: how", "By phone"),
}
# The result a benefit office asks for, from the application's status today.
RESULT_BY_STATUS = {
    Status.WISHLIST: pgettext_lazy("work-search log: result", "Not applied yet"),
    Status.APPLIED: pgettext_lazy("work-search log: result", "Pending"),
    Status.SCREENING: pgettext_lazy("work-search log: result", "Pending"),
    Status.INTERVIEWING: pgettext_lazy("work-search log: result", "Interview"),
    Status.OFFER: pgettext_lazy("work-search log: result", "Offer"),
    Status.ACCEPTED: pgettext_lazy("work-search log: result", "Offer accepted"),
    Status.REJECTED: pgettext_lazy("work-search log: result", "Rejected"),
    Status.WITHDRAWN: pgettext_lazy("work-search log: result", "Withdrawn"),
    Status.GHOSTED: pgettext_lazy("work-search log: result", "No reply"),
}

# A reply before the silence still happened: what a ghosted application had reached.
REPLIED = {
    Status.SCREENING: pgettext_lazy("work-search log: result", "Screening"),
    Status.INTERVIEWING: pgettext_lazy("work-search log: result", "Interview"),
    Status.OFFER: pgettext_lazy("work-search log: result", "Offer"),
    Status.ACCEPTED: pgettext_lazy("work-search log: result", "Offer accepted"),
}

KINDS = {
    "application": pgettext_lazy("work-search log: activity", "Application"),
    "interview": pgettext_lazy("work-search log: activity", "Interview"),
    "outreach": pgettext_lazy("work-search log: activity", "Networking"),
}
