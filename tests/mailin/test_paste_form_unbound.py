"""Every application's page shows mail in's paste form, always empty: it is written out
(mailin/templates/mailin/_paste_form_unbound.html) instead of rendered by crispy on each request.
It must stay the form crispy would render (mailin/_paste_form.html over an empty PasteForm)."""

import re

from django.template.loader import render_to_string
from django.test.html import parse_html
from django.urls import reverse

from mailin.forms import PasteForm
from tests.factories import ApplicationFactory


def _crispy(action: str) -> str:
    return render_to_string(
        "mailin/_paste_form.html",
        {"form": PasteForm(), "action": action, "csrf_token": "the-token"},
    )


def test_the_written_out_form_is_the_crispy_one() -> None:
    written = render_to_string(
        "mailin/_paste_form_unbound.html", {"action": "/somewhere/", "csrf_token": "the-token"}
    )
    assert parse_html(written) == parse_html(_crispy("/somewhere/"))


def test_the_application_page_shows_it_posting_to_the_application(alice, alice_client) -> None:
    application = ApplicationFactory(owner=alice)
    page = alice_client.get(application.get_absolute_url()).content.decode()
    form = re.search(r'<form method="post" action="[^"]*/paste/[^"]*".*?</form>', page, re.S)
    assert form, "no paste form on the application's page"
    token = re.search(r'name="csrfmiddlewaretoken" value="([^"]+)"', form.group(0))
    assert token
    expected = _crispy(reverse("mailin:paste_for", args=[application.pk])).replace(
        "the-token", token.group(1)
    )
    assert parse_html(form.group(0)) == parse_html(expected)
