"""The interviews section of an application's page, owned here so applications/ need not
import interviews/ (docs/architecture.md)."""

from typing import Any

from django import template
from django.db.models import Prefetch
from django.utils import timezone

from applications.models import Application, Contact

register = template.Library()


@register.inclusion_tag("interviews/_application_interviews.html")
def application_interviews(application: Application) -> dict[str, Any]:
    interviews = (
        application.interviews.select_related("assessment")
        .prefetch_related(Prefetch("interviewers", Contact.objects.order_by("name")))
        .order_by("starts_at")
    )
    return {"application": application, "interviews": interviews, "now": timezone.now()}
