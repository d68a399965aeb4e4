"""Nothing private in the admin or the error log; every exported cell is formula-safe."""

import csv
import io
import smtplib

import pytest
from django.test import Client
from django.urls import reverse

from applications.services import application_change_status
from coping.services import (
    feedback_request_draft,
    feedback_request_mark_received,
    incident_record,
    journal_entry_create,
    outreach_log,
)
from rebound.lib.csvfile import safe_cell
from reminders.dispatch_services import describe_error
from tests.factories import (
    ApplicationFactory,
    CompanyFactory,
    ContactFactory,
    InterviewFactory,
    SelfAssessmentFactory,
    UserFactory,
    reject,
)

pytestmark = pytest.mark.django_db

SECRETS = {
    "journal": "SECRET-JOURNAL-words",
    "facts": "SECRET-FACTS-they-asked-my-age",
    "feedback": "SECRET-FEEDBACK-body",
    "outreach": "SECRET-OUTREACH-notes",
    "assessment": "SECRET-ASSESSMENT-went-well",
}


def test_the_admin_never_shows_or_edits_private_words(alice):
    company = CompanyFactory(owner=alice)
    application = ApplicationFactory(company=company, status="offer")
    SelfAssessmentFactory(
        interview=InterviewFactory(application=application), went_well=SECRETS["assessment"]
    )
    plan = reject(application)
    journal_entry_create(owner=alice, plan=plan, mood=1, text=SECRETS["journal"])
    incident_record(
        plan=plan,
        kind="discriminatory_question",
        happened_on=plan.opened_on,
        jurisdiction="us",
        facts=SECRETS["facts"],
    )
    request = feedback_request_draft(plan=plan, body=SECRETS["feedback"])
    feedback_request_mark_received(request=request, on=plan.opened_on, feedback="fine")
    outreach_log(
        owner=alice,
        plan=plan,
        contact=ContactFactory(company=company),
        on=plan.opened_on,
        outcome="lead",
        notes=SECRETS["outreach"],
    )
    admin = Client()
    admin.force_login(UserFactory(is_staff=True, is_superuser=True))
    pages = []
    for model in [
        "coping/journalentry",
        "coping/incident",
        "coping/feedbackrequest",
        "coping/outreach",
        "coping/copingplan",
        "interviews/interview",
        "reminders/reminder",
    ]:
        listing = admin.get(f"/admin/{model}/")
        assert listing.status_code == 200, model
        pages.append(listing.content.decode())
        change = listing.content.decode().split(f'href="/admin/{model}/', 1)[1].split('"')[0]
        detail = admin.get(f"/admin/{model}/{change}")
        assert detail.status_code == 200, model
        pages.append(detail.content.decode())
        assert 'type="submit" value="Save"' not in detail.content.decode(), model
    assert admin.get("/admin/interviews/selfassessment/").status_code == 404  # not there
    for page in pages:
        for secret in SECRETS.values():
            assert secret not in page
    assert "discriminatory" not in "".join(pages).lower()  # not even what kind it was


def test_a_refused_address_never_reaches_the_error_log():
    refused = smtplib.SMTPRecipientsRefused({"alice@example.com": (550, b"no such user alice")})
    assert describe_error(refused) == "SMTPRecipientsRefused 550"
    assert describe_error(smtplib.SMTPDataError(451, b"try alice@example.com later")) == (
        "SMTPDataError 451"
    )


@pytest.mark.parametrize(
    ("value", "safe"),
    [
        (
            '=HYPERLINK("http://evil.example","click")',
            '\'=HYPERLINK("http://evil.example","click")',
        ),
        ("+1+1", "'+1+1"),
        ("-2+3", "'-2+3"),
        ("@SUM(1)", "'@SUM(1)"),
        ("\tsneaky", "'\tsneaky"),
        ("\rsneaky", "'\rsneaky"),
        ("-5", "-5"),
        ("+3.5", "+3.5"),
        ("Data analyst", "Data analyst"),
    ],
)
def test_cells_that_would_run_as_formulas_are_neutralised(value, safe):
    assert safe_cell(value) == safe


def test_the_applications_export_is_formula_safe(alice, alice_client):
    application = ApplicationFactory(
        company=CompanyFactory(owner=alice, name="=cmd|' /C calc'!A0"),
        role='=HYPERLINK("http://evil.example","x")',
        status="applied",
        posting_url="https://example.com/@jobs",
    )
    application_change_status(application=application, to_status="screening", note="@SUM(1)")
    r = alice_client.get(reverse("applications:application_export"))
    rows = list(csv.reader(io.StringIO(b"".join(r.streaming_content).decode())))
    cells = [cell for row in rows[1:] for cell in row]
    assert "'=cmd|' /C calc'!A0" in cells
    assert '\'=HYPERLINK("http://evil.example","x")' in cells
    assert "'@SUM(1)" in cells
    assert not any(cell[:1] in "=+-@\t\r" and cell[:1] for cell in cells if cell)
