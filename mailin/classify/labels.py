"""The kinds of email mail in tells apart, in order of precedence, with their names."""

from __future__ import annotations

from django.utils.translation import gettext_lazy as _

APPLICATION_RECEIVED = "application_received"
REJECTION = "rejection"
INTERVIEW_INVITE = "interview_invite"
ASSESSMENT = "assessment"
OFFER = "offer"
RECRUITER_OUTREACH = "recruiter_outreach"
STATUS_UPDATE_OTHER = "status_update_other"
NOT_JOB = "not_job"

# In order of precedence on a tie: a decision outranks a step, a step outranks news.
LABELS = [
    REJECTION,
    OFFER,
    INTERVIEW_INVITE,
    ASSESSMENT,
    STATUS_UPDATE_OTHER,
    APPLICATION_RECEIVED,
    RECRUITER_OUTREACH,
    NOT_JOB,
]
LABEL_NAMES = {
    APPLICATION_RECEIVED: _("Application received"),
    REJECTION: _("Rejection"),
    INTERVIEW_INVITE: _("Interview invitation"),
    ASSESSMENT: _("Assessment"),
    OFFER: _("Offer"),
    RECRUITER_OUTREACH: _("Recruiter outreach"),
    STATUS_UPDATE_OTHER: _("Status update"),
    NOT_JOB: _("Not about your search"),
}
