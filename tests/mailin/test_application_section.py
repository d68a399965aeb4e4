"""The emails on an application's page, read in raw SQL and written in Python
(mailin.templatetags.mailin_tags), are what the template's loop wrote: every label, with and
without a date, in the viewer's time zone, English and German, hostile text escaped."""

import datetime as dt
import re
from typing import Any

import pytest
from django.template import Context, engines
from django.utils import timezone, translation

from mailin.classify.labels import LABEL_NAMES
from mailin.models import InboundMessage
from mailin.templatetags import mailin_tags
from tests.factories import ApplicationFactory, CompanyFactory

pytestmark = [pytest.mark.django_db, pytest.mark.frozen("2026-11-25 10:00Z")]

# The section's list as the template wrote it before, over the queryset it read.
OLD_LOOP = (
    "{% load i18n mailin_tags %}"
    "{% for m in emails %}<li><a href=\"{% url 'mailin:message_detail' m.pk %}\">"
    '{% blocktranslate trimmed with who=m.company|default:m.sender_name|default:m.sender when=m.sent_at|date:_("j M")|default:_("undated") label=m.get_label_display|in_sentence %}'  # noqa: E501
    "Email from {{ who }}, {{ when }}: {{ label }}{% endblocktranslate %}</a></li>{% endfor %}"
)


def _old_emails(application: Any) -> list[InboundMessage]:
    return list(
        InboundMessage.objects.filter(application=application, owner=application.owner_id)
        .only("pk", "company", "sender_name", "sender", "sent_at", "label")
        .order_by("-sent_at", "-pk")[: mailin_tags.SHOWN]
    )


def _old(application: Any) -> str:
    emails = _old_emails(application)
    return engines["django"].engine.from_string(OLD_LOOP).render(Context({"emails": emails}))


def _new(application: Any) -> str:
    return str(mailin_tags.email_items(mailin_tags.mailin_section({}, application)["emails"]))


def _email(application: Any, n: int, **fields: Any) -> InboundMessage:
    values: dict[str, Any] = {
        "owner_id": application.owner_id,
        "application": application,
        "source": "paste",
        "fingerprint": f"f{n}",
        "confidence": 0.9,
        "label": list(LABEL_NAMES)[n % len(LABEL_NAMES)],
        "sent_at": dt.datetime(2026, 11, 1, 23, 30, tzinfo=dt.UTC) + dt.timedelta(days=n),
    }
    values.update(fields)
    return InboundMessage.objects.create(**values)


def test_the_section_lists_the_emails_as_the_template_did(alice, bob):
    application = ApplicationFactory(company=CompanyFactory(owner=alice, name="Acme"))
    _email(application, 0, company='<script>alert("x")</script> & Co')
    _email(application, 1, sender_name="Jürgen 'Jo' Müller", sender="jo@example.com")
    _email(application, 2, sender="a&b@example.com")
    _email(application, 3, sent_at=None, company="Undated & <b>")
    _email(application, 4)  # nobody named at all
    for n in range(5, 30):  # more than are shown: the newest twenty
        on = dt.datetime(2026, 10, 1, 8, tzinfo=dt.UTC) + dt.timedelta(days=n)
        _email(application, n, company=f"Firma {n} ä", sent_at=on)
    # Someone else's email on the same application id is not theirs to see.
    _email(application, 31, owner_id=bob.pk, company="Bob's")
    for zone in ("UTC", "Pacific/Auckland", "America/Los_Angeles"):
        with timezone.override(zone):
            for language in ("en", "de"):
                with translation.override(language):
                    new = _new(application)
                    assert new == _old(application)
    assert new.count("<li>") == mailin_tags.SHOWN and "Bob" not in new
    assert "&lt;script&gt;" in new and "Jürgen &#x27;Jo&#x27;" in new
    # Each link is to its own email.
    ids = [int(i) for i in re.findall(r"/(\d+)/\"", new)]
    assert ids == [m.pk for m in _old_emails(application)]


def test_no_emails_is_no_list(alice):
    application = ApplicationFactory(company=CompanyFactory(owner=alice, name="Acme"))
    assert _new(application) == "" == _old(application)


def test_an_undated_email_says_so(alice):
    application = ApplicationFactory(company=CompanyFactory(owner=alice, name="Acme"))
    _email(application, 0, sent_at=None, company="Acme")
    for language, words in (("en", ", undated: "), ("de", ", ohne Datum: ")):
        with translation.override(language):
            assert words in _new(application) and _new(application) == _old(application)
