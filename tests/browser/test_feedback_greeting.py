"""On the page, the feedback request's greeting follows the person chosen (issue 22)."""

import re

import pytest
from django.urls import reverse
from playwright.sync_api import Page, expect

from applications.pipeline import Status
from coping.models import FeedbackRequest
from tests.conftest import log_in
from tests.factories import ApplicationFactory, CompanyFactory, ContactFactory, reject

pytestmark = pytest.mark.browser


def test_choosing_someone_else_re_greets_them_before_saving(page: Page, site: str, alice):
    application = ApplicationFactory(
        company=CompanyFactory(owner=alice, name="Acme"), status=Status.INTERVIEWING
    )
    ContactFactory(company=application.company, kind="hr", name="Hana Ito")
    sam = ContactFactory(company=application.company, kind="interviewer", name="Sam Okafor")
    plan = reject(application)
    log_in(page, site, alice)
    page.goto(site + reverse("coping:plan_step", args=[plan.pk, "feelings"]))
    who, message = page.get_by_label("Who to ask"), page.get_by_label("Message")
    expect(message).to_have_value(re.compile(r"^Dear Hana,\n"))
    who.select_option(str(sam.pk))
    expect(message).to_have_value(re.compile(r"^Dear Sam,\n"))
    who.select_option("")
    expect(message).to_have_value(re.compile(r"^Hello,\n"))
    # A greeting the user wrote is theirs: choosing again leaves it alone.
    message.fill("Hi team,\n" + message.input_value().split("\n", 1)[1])
    who.select_option(str(sam.pk))
    expect(message).to_have_value(re.compile(r"^Hi team,\n"))
    page.get_by_role("button", name="Save draft").click()
    expect(page.get_by_text("Feedback request saved as a draft.")).to_be_visible()
    assert FeedbackRequest.objects.get(plan=plan).body.startswith("Hi team,")
