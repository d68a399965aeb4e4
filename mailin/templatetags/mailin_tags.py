"""Mail in's section on an application's page, owned here so applications/ need not import
mailin/ (docs/architecture.md)."""

from typing import Any

from django import template
from django.utils import dateformat, timezone
from django.utils.html import escape
from django.utils.safestring import SafeString, mark_safe
from django.utils.translation import gettext

from applications.models import Application
from rebound.lib import batch
from rebound.lib.urlcache import object_url

from .. import wording
from ..models import InboundMessage

register = template.Library()

# The application's timeline shows its latest emails; the Inbox has them all.
SHOWN = 20

# The newest emails about the application, its owner's alone. As a queryset (filter, only,
# order_by, a slice) building and compiling it cost more than the read (issue 24); read as
# raw() reads it (rebound.lib.batch.raw: sent_at an aware datetime on SQLite too).
_EMAILS = f"""
    SELECT id, company, sender_name, sender, sent_at, label
    FROM mailin_inboundmessage
    WHERE application_id = %s AND owner_id = %s
    ORDER BY sent_at DESC, id DESC
    LIMIT {SHOWN}"""


@register.simple_tag
def mailin_reads(application: Application) -> list[tuple[str, list[Any]]]:
    """What `mailin_section` reads, for {% together %} (rebound_tags)."""
    return [(_EMAILS, [application.pk, application.owner_id])]


@register.inclusion_tag("mailin/_application_section.html", takes_context=True)
def mailin_section(context: Any, application: Application) -> dict[str, Any]:
    (emails_read,) = mailin_reads(application)
    emails = batch.raw(InboundMessage, *emails_read)
    return {
        "application": application,
        "emails": emails,
        "csrf_token": context.get("csrf_token"),
        "request": context.get("request"),
    }


@register.filter
def email_items(emails: list[InboundMessage]) -> SafeString:
    """`{{ emails|email_items }}`: the list's <li>s as the template's loop wrote them
    ({% blocktranslate %} with the sender, the day and the label, each escaped;
    tests/mailin/test_application_section.py holds the two equal), the words looked up once,
    not once an email."""
    sentence = gettext("Email from %(who)s, %(when)s: %(label)s")
    shape, undated = gettext("j M"), gettext("undated")
    items = []
    for m in emails:
        # As the date filter does: the moment in the active time zone.
        when = dateformat.format(timezone.localtime(m.sent_at), shape) if m.sent_at else undated
        text = sentence % {
            "who": escape(m.company or m.sender_name or m.sender),
            "when": escape(when),
            "label": escape(wording.in_sentence(str(m.get_label_display()))),
        }
        url = object_url("mailin:message_detail", m.pk)
        items.append(f'<li><a href="{url}">{text}</a></li>')
    return mark_safe("".join(items))


@register.filter
def in_sentence(label: Any) -> str:
    """A label inside a sentence: lower-cased in English, as German nouns never are."""
    return wording.in_sentence(str(label))
