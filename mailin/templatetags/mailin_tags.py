"""Mail in's section on an application's page, owned here so applications/ need not import
mailin/ (docs/architecture.md)."""

from typing import Any

from django import template

from applications.models import Application

from .. import wording
from ..models import InboundMessage

register = template.Library()

# The application's timeline shows its latest emails; the Inbox has them all.
SHOWN = 20


@register.inclusion_tag("mailin/_application_section.html", takes_context=True)
def mailin_section(context: Any, application: Application) -> dict[str, Any]:
    emails = (
        InboundMessage.objects.filter(application=application, owner=application.owner_id)
        .only("pk", "company", "sender_name", "sender", "sent_at", "label")
        .order_by("-sent_at", "-pk")[:SHOWN]
    )
    return {
        "application": application,
        "emails": list(emails),
        "csrf_token": context.get("csrf_token"),
        "request": context.get("request"),
    }


@register.filter
def in_sentence(label: Any) -> str:
    """A label inside a sentence: lower-cased in English, as German nouns never are."""
    return wording.in_sentence(str(label))
