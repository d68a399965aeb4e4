"""The reminder preview shows a stranger's words as text and can't be escaped from (issue 21).

Roles, company names and contacts arrive from job postings (the bookmarklet) and imported
files, so every field that reaches an email here carries markup that tried to leave the frame.
The context keeps the site's CSP, as for anyone.
"""

import datetime as dt

import pytest
from django.utils import timezone
from playwright.sync_api import Browser, expect

from applications.pipeline import Status
from coping.models import FollowUp
from interviews.models import SelfAssessment
from interviews.services import interview_reminders_sync
from tests.conftest import assert_accessible, log_in
from tests.factories import (
    ApplicationFactory,
    CompanyFactory,
    ContactFactory,
    InterviewFactory,
    reject,
    reminders_about,
)

pytestmark = pytest.mark.browser

REFRESH = '"><meta http-equiv=refresh content="0;url=https://example.org">'
IMG = "<img src=x onerror=\"document.title='pwned'\">"
PRE = "</pre><b>bold</b>"


def hostile(field: str) -> str:
    return f"{field} {REFRESH}{IMG}{PRE} 'single' & AT&T"


def _prep_reminder(owner):
    company = CompanyFactory(owner=owner, name=hostile("Company"))
    application = ApplicationFactory(
        company=company, role=hostile("Role"), status=Status.INTERVIEWING
    )
    person = ContactFactory(company=company, name=hostile("Person"), title=hostile("Title"))
    earlier = InterviewFactory(
        application=application, starts_at=timezone.now() - dt.timedelta(days=3)
    )
    SelfAssessment.objects.create(
        interview=earlier,
        qualification_fit=3,
        preparation=3,
        communication=3,
        technical_answers=3,
        rapport=3,
        confidence=3,
        tripped_questions=hostile("Tripped"),
    )
    interview = InterviewFactory(
        application=application,
        starts_at=timezone.now() + dt.timedelta(days=2),
        location=hostile("Location"),
        preparation_notes=hostile("Notes"),
    )
    interview.interviewers.add(person)
    interview_reminders_sync(interview=interview)
    return reminders_about(interview).get(kind="interview_prep"), application


def _keep_in_touch_reminder(owner):
    company = CompanyFactory(owner=owner, name=hostile("Keep company"))
    application = ApplicationFactory(
        company=company, role=hostile("Keep role"), status=Status.INTERVIEWING
    )
    plan = reject(application)
    FollowUp.objects.filter(plan=plan).update(note=hostile("Plan note"))
    return reminders_about(plan).get(kind="keep_in_touch")


def test_the_preview_shows_hostile_text_literally_and_cannot_be_escaped(
    browser: Browser, site: str, alice
):
    prep, _ = _prep_reminder(alice)
    keep = _keep_in_touch_reminder(alice)
    context = browser.new_context()  # the site's CSP applies, as for anyone
    page = context.new_page()
    dialogs: list[str] = []
    page.on("dialog", lambda d: (dialogs.append(d.message), d.dismiss()))
    log_in(page, site, alice)

    for reminder, fields in [
        (prep, ["Company", "Role", "Person", "Title", "Tripped", "Location", "Notes"]),
        (keep, ["Keep company", "Keep role", "Plan note"]),
    ]:
        url = f"{site}/reminders/{reminder.pk}/preview/"
        page.goto(url)
        frame_element = page.locator("iframe.email-preview")
        # A sandbox that grants nothing: no scripts, no same origin, no navigation.
        assert frame_element.get_attribute("sandbox") == ""
        frame = page.frame_locator("iframe.email-preview")
        expect(frame.locator("body")).to_contain_text("Hello")
        # Long enough for a zero-second refresh to have fired, had it got anywhere.
        page.wait_for_timeout(1500)
        assert page.url == url

        # The page itself got no element from the email's words.
        injected = page.evaluate(
            """() => ({
                meta: document.querySelectorAll('meta[http-equiv]').length,
                img: document.querySelectorAll('img[src="x"]').length,
                bold: [...document.querySelectorAll('b')].filter(
                    b => b.textContent === 'bold').length,
            })"""
        )
        assert injected == {"meta": 0, "img": 0, "bold": 0}
        assert page.title().startswith("Preview")

        # The frame shows every field as the words typed, and holds no element made of them.
        frame_text = " ".join(frame.locator("body").inner_text().split())
        frame_elements = frame.locator('meta[http-equiv], img[src="x"], b')
        assert frame_elements.count() == 0
        plain = " ".join(page.locator("pre.text-pre").text_content().split())
        for field in fields:
            assert hostile(field) in frame_text, field
            assert hostile(field) in plain, field
        assert page.locator("pre.text-pre b").count() == 0

    # The subject reads as typed: "AT&T", not "AT&amp;T".
    expect(page.locator("#preview-subject")).to_contain_text(
        "Time to check in with " + hostile("Keep company")
    )
    assert dialogs == []
    context.close()


def test_the_emails_html_is_only_for_its_owner(client, alice, bob):
    prep, _ = _prep_reminder(alice)
    client.force_login(bob)
    assert client.get(f"/reminders/{prep.pk}/preview/email/").status_code == 404
    client.force_login(alice)
    response = client.get(f"/reminders/{prep.pk}/preview/email/")
    assert response.status_code == 200
    policy = response["Content-Security-Policy"]
    assert policy.startswith("sandbox;") and "script-src" not in policy
    assert "frame-ancestors 'self'" in policy
    assert response["X-Frame-Options"] == "SAMEORIGIN"


@pytest.mark.parametrize("width", [1280, 390])
def test_the_preview_page_is_accessible(page, site: str, alice, width):
    keep = _keep_in_touch_reminder(alice)
    log_in(page, site, alice)
    page.set_viewport_size({"width": width, "height": 900})
    page.goto(f"{site}/reminders/{keep.pk}/preview/")
    expect(page.frame_locator("iframe.email-preview").locator("body")).to_contain_text("Hello")
    assert_accessible(page)
