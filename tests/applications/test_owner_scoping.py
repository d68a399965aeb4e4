import pytest

from applications import attachment_services, saved_view_services
from applications.imports.services import steps as import_steps
from applications.models import Application, Attachment, Company, Contact, ImportJob, SavedView
from interviews.models import Interview, SelfAssessment
from tests.factories import (
    ApplicationFactory,
    CompanyFactory,
    ContactFactory,
    InterviewFactory,
    SelfAssessmentFactory,
)
from tests.scoping import object_urls

pytestmark = pytest.mark.django_db


@pytest.fixture
def alices_things(alice):
    company = CompanyFactory(owner=alice)
    application = ApplicationFactory(company=company)
    contact = ContactFactory(company=company)
    interview = InterviewFactory(application=application)
    interview.interviewers.add(contact)
    SelfAssessmentFactory(interview=interview)
    job = import_steps.import_start(owner=alice, filename="mine.csv", raw=b"Company,Role\nA,B\n")
    sent = attachment_services.attachment_add(
        application=application, kind="resume", version="CV 2025"
    )
    return {
        "job_id": job.pk,
        "attachment_id": sent.pk,
        "application_id": application.pk,
        "company_id": company.pk,
        "contact_id": contact.pk,
        "interview_id": interview.pk,
        "change_id": application.status_changes.get().pk,
        "view_id": saved_view_services.saved_view_save(
            owner=alice, name="Mine", query="status=open"
        ).view.pk,
    }


def _snapshot():
    return [
        list(model.objects.order_by("pk").values())
        for model in (
            Application,
            Company,
            Contact,
            Interview,
            SelfAssessment,
            ImportJob,
            Attachment,
            SavedView,
        )
    ]


@pytest.mark.parametrize("namespace, count", [("applications", 10), ("interviews", 6)])
def test_it_gives_bob_a_404_for_every_url_of_alices(bob_client, alices_things, namespace, count):
    urls = object_urls(namespace, alices_things)
    assert len(urls) >= count
    before = _snapshot()
    for url in urls:
        assert bob_client.get(url).status_code in {404, 405}, url
        r = bob_client.post(url, {"to_status": "rejected", "name": "x", "on": "2026-01-01"})
        assert r.status_code == 404, url
    assert _snapshot() == before


def test_it_sends_anonymous_users_to_log_in(client, alices_things):
    for url in [
        *object_urls("applications", alices_things),
        *object_urls("interviews", alices_things),
        "/interviews/",
        "/applications/",
        "/applications/board/",
    ]:
        r = client.get(url)
        assert r.status_code == 302 and r.url.startswith("/accounts/login/"), url


def test_it_keeps_bobs_companies_out_of_alices_forms(alice_client, bob):
    CompanyFactory(owner=bob, name="Bob Industries")
    for url in ["/applications/new/", "/applications/contacts/new/", "/applications/"]:
        assert "Bob Industries" not in alice_client.get(url).content.decode(), url
    bobs = Company.objects.get(owner=bob)
    r = alice_client.post(
        "/applications/new/", {"company": bobs.pk, "role": "Spy", "excitement": 3}
    )
    assert "Select a valid choice" in r.content.decode()
    assert not Application.objects.exists()


def test_it_hides_bobs_history_from_alice(alice_client, bob):
    bobs = ApplicationFactory(company=CompanyFactory(owner=bob))
    r = alice_client.get("/applications/company-history/", {"company": bobs.company_id})
    assert bobs.role not in r.content.decode()
