"""The interviews section of an application's page, owned here so applications/ need not
import interviews/ (docs/architecture.md)."""

from typing import Any

from django import template
from django.db.models import Prefetch
from django.utils import timezone

from applications.models import Application, Contact
from interviews.models import RATING_FIELDS

register = template.Library()

# What a card shows (interviews/_application_interviews.html) of an interview and its
# self-assessment: not the preparation notes, location or dates kept. "application" because
# the related manager sets each row's application from it (a query per row if deferred).
CARD_COLUMNS = (
    "pk",
    "application",
    "round_type",
    "starts_at",
    "ends_at",
    "format",
    "questions",
    "promised_reply_by",
    *(f"assessment__{name}" for name in RATING_FIELDS),
    "assessment__confidence",
    "assessment__went_well",
    "assessment__tripped_questions",
    "assessment__change_next_time",
    "assessment__skills_to_build",
)


@register.inclusion_tag("interviews/_application_interviews.html")
def application_interviews(application: Application) -> dict[str, Any]:
    interviews = (
        application.interviews.select_related("assessment")
        .only(*CARD_COLUMNS)
        .prefetch_related(
            Prefetch("interviewers", Contact.objects.only("pk", "name").order_by("name"))
        )
        .order_by("starts_at")
    )
    return {"application": application, "interviews": interviews, "now": timezone.now()}
