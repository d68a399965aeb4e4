"""Every page a signed-in user can open passes axe and fits a phone's screen."""

import datetime as dt

import pytest
from playwright.sync_api import Page

from applications.pipeline import Status
from coping.models import Step
from coping.services import incident_record, journal_entry_create, plan_flag_legal
from interviews.models import Interview
from interviews.services import interview_save
from tests.conftest import assert_accessible, log_in
from tests.factories import (
    ApplicationFactory,
    CompanyFactory,
    ContactFactory,
    InterviewFactory,
    SelfAssessmentFactory,
    reject,
    reminders_about,
)

pytestmark = pytest.mark.browser


def _pages(alice) -> list[str]:
    # 200-character names, with and without spaces: nothing may push a page wider.
    company = CompanyFactory(owner=alice, name="Acme" + "Unbreakable" * 17 + "Ltd")
    contact = ContactFactory(company=company, kind="hr", name="Hana Ito")
    application = ApplicationFactory(
        company=company, status=Status.INTERVIEWING, role="Senior data analyst " * 10
    )
    interview = InterviewFactory(application=application)
    interview.interviewers.add(contact)
    SelfAssessmentFactory(interview=interview)
    soon = dt.datetime.now(dt.UTC) + dt.timedelta(days=2)
    interview_save(
        interview=Interview(
            application=ApplicationFactory(company=company),
            round_type="final",
            starts_at=soon,
            ends_at=soon + dt.timedelta(hours=1),
        )
    )
    plan = reject(application)
    plan_flag_legal(plan=plan)
    incident_record(
        plan=plan,
        kind="discriminatory_question",
        happened_on=plan.opened_on,
        jurisdiction="us",
        facts="Asked about my age.",
    )
    journal_entry_create(owner=alice, plan=plan, mood=2, text="Tired but okay.")
    reminder = reminders_about(plan).first()
    from applications.attachment_services import attachment_add
    from applications.imports.services.steps import import_start

    sent = attachment_add(application=application, kind="resume", version="CV 2025, data roles")
    job = import_start(
        owner=alice, filename="search.csv", raw=b"Company,Role,Status\nAcme,Analyst,Closed\n"
    )
    from applications.saved_view_services import saved_view_save

    view = saved_view_save(
        owner=alice, name="Open, most exciting first, from every source", query="status=open"
    )
    return [
        "/home/",
        "/accounts/preferences/",
        "/accounts/password_change/",
        "/applications/",
        "/applications/board/",
        # Filters on: the save-a-view form shows, and the saved view's link above the table.
        "/applications/?status=open&sort=-excitement",
        f"/applications/views/{view.view.pk}/delete/",
        "/applications/new/",
        "/applications/quick-add/",
        f"/applications/{application.pk}/",
        f"/applications/{application.pk}/edit/",
        f"/applications/{application.pk}/delete/",
        f"/applications/{application.pk}/attachments/",
        f"/applications/attachments/{sent.pk}/remove/",
        f"/applications/import/{job.pk}/",
        f"/applications/import/{job.pk}/preview/",
        "/applications/import/",
        f"/interviews/new/for/{application.pk}/",
        f"/applications/timeline/{application.status_changes.first().pk}/",
        "/applications/companies/",
        f"/applications/companies/{company.pk}/",
        "/applications/contacts/",
        f"/applications/contacts/{contact.pk}/edit/",
        "/interviews/",
        f"/interviews/{interview.pk}/",
        "/insights/",
        "/insights/work-search-log/",
        "/accounts/backup/",
        "/accounts/api-tokens/",
        f"/reminders/{reminder.pk}/cancel/",
        f"/interviews/{interview.pk}/assessment/",
        "/coping/plans/",
        plan.get_absolute_url(),
        *[f"/coping/plans/{plan.pk}/{step}/" for step in Step.values],
        "/coping/journal/",
        "/reminders/",
        f"/reminders/{reminder.pk}/edit/",
        "/accounts/delete/",
    ]


@pytest.mark.parametrize("width", [1920, 1280, 820, 390])
def test_every_page_is_accessible_and_fits_the_screen(page: Page, site: str, alice, width):
    urls = _pages(alice)
    log_in(page, site, alice)
    page.set_viewport_size({"width": width, "height": 900})
    for url in urls:
        response = page.goto(site + url)
        assert response.status == 200, url
        assert_accessible(page)
        # Wide content (the board, tables) scrolls inside its own box, never the whole page.
        overflow = page.evaluate(
            "() => document.documentElement.scrollWidth - document.documentElement.clientWidth"
        )
        assert overflow <= 0, f"{url} is {overflow}px wider than a {width}px screen"
