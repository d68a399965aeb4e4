"""The application page says everything once, and all of it (issue 22)."""

import datetime as dt

import pytest

from tests.factories import (
    ApplicationFactory,
    CompanyFactory,
    ContactFactory,
    InterviewFactory,
    SelfAssessmentFactory,
)

pytestmark = pytest.mark.django_db


def _section(page, heading_id):
    return page.split(f'id="{heading_id}"', 1)[1].split("</section>", 1)[0]


def test_each_person_is_listed_once(alice, alice_client):
    company = CompanyFactory(owner=alice, name="Northwind")
    rita = ContactFactory(company=company, kind="recruiter", name="Rita Recruiter")
    hana = ContactFactory(company=company, kind="hr", name="Hana Ito")
    ivo = ContactFactory(company=company, kind="interviewer", name="Ivo Interviewer")
    application = ApplicationFactory(company=company)
    application.contacts.set([rita, hana])

    page = alice_client.get(application.get_absolute_url()).content.decode()
    assert page.count("Rita Recruiter") == 1 and page.count("Hana Ito") == 1
    on_it = _section(page, "people-heading")
    assert "Rita Recruiter" in on_it and "Hana Ito" in on_it
    others = _section(page, "contacts-heading")
    assert "Others at Northwind" in others and "Ivo Interviewer" in others
    assert ivo.pk


def test_with_nobody_linked_everyone_at_the_company_is_listed(alice, alice_client):
    company = CompanyFactory(owner=alice, name="Northwind")
    ContactFactory(company=company, kind="hr", name="Hana Ito")
    application = ApplicationFactory(company=company)
    page = alice_client.get(application.get_absolute_url()).content.decode()
    assert "People at Northwind" in _section(page, "contacts-heading")
    assert "Hana Ito" in _section(page, "contacts-heading")


def test_the_self_assessment_summary_says_all_of_it_with_its_line_breaks(alice, alice_client):
    application = ApplicationFactory(
        company=CompanyFactory(owner=alice),
        status="interviewing",
        status_changed_on=dt.date(2026, 11, 1),
        date_applied=dt.date(2026, 11, 1),
    )
    SelfAssessmentFactory(
        interview=InterviewFactory(application=application),
        tripped_questions="The rate limiter\nSalary expectations",
        change_next_time="Ask about the team first\nBring numbers",
    )
    page = alice_client.get(application.get_absolute_url()).content.decode()
    summary = _section(page, "interviews-heading")
    assert "What you would do differently:</strong> Ask about the team first\nBring numbers" in (
        summary
    )
    tripped = summary.split("Tripped on:", 1)[1].split("</p>", 1)[0]
    assert "The rate limiter\nSalary expectations" in tripped
    # The line breaks are kept on screen, not only in the source.
    assert 'class="small mb-1 text-pre"><strong>Tripped on:' in summary
