"""A form with errors says so everywhere at once: the title, a summary linking to each field,
and each message tied to its field."""

import re

import pytest
from django.urls import reverse

from tests.factories import ApplicationFactory, CompanyFactory, InterviewFactory

pytestmark = pytest.mark.django_db


def test_an_empty_self_assessment_gets_a_summary_and_tied_messages(alice, alice_client):
    interview = InterviewFactory(
        application=ApplicationFactory(company=CompanyFactory(owner=alice))
    )
    page = alice_client.post(
        reverse("interviews:assessment_edit", args=[interview.pk]), {"went_well": "Fine"}
    ).content.decode()
    assert re.search(r"<title>Error: Self-assessment", page)
    summary = page.split("data-error-summary", 1)[1].split("</div>", 1)[0]
    assert "There are 6 problems" in summary  # the six ratings
    links = re.findall(r'<a href="#([^"]+)" class="alert-link">([^<]+)</a>', summary)
    assert len(links) == 6
    for target, text in links:
        assert text.endswith("This field is required.")
        # The link lands on the group's first choice, and the group names its message.
        assert f'id="{target}"' in page
        name = target.removesuffix("_0")
        assert f'aria-describedby="{name}_error"' in page
        assert f'id="{name}_error"' in page


def test_a_crispy_form_gets_the_same_summary(alice, alice_client):
    page = alice_client.post(
        reverse("applications:application_create"), {"role": "", "new_company": ""}
    ).content.decode()
    assert "<title>Error: " in page and "data-error-summary" in page
    summary = page.split("data-error-summary", 1)[1].split("</div>", 1)[0]
    target = re.search(r'<a href="#(id_role)" class="alert-link">', summary)
    assert target, summary
    # Django ties the field's own message to it.
    assert re.search(r'<input[^>]+aria-describedby="id_role_error"', page)
    assert 'id="id_role_error"' in page


def test_a_page_without_errors_has_neither(alice_client):
    page = alice_client.get(reverse("applications:application_create")).content.decode()
    assert "<title>Error:" not in page and "data-error-summary" not in page
