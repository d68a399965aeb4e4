"""Pages that read only the columns they show (issue 24: the application's side lists, the
interviews list) show exactly what they showed reading whole rows, in as many queries: the
plain version is the same page with QuerySet.only() turned into a no-op."""

import datetime as dt
import re
from collections.abc import Callable

import pytest
from django.db import connection
from django.db.models import QuerySet
from django.test import Client
from django.test.utils import CaptureQueriesContext
from django.urls import reverse
from django.utils import timezone

from applications.models import Application
from tests.factories import (
    ApplicationFactory,
    CompanyFactory,
    ContactFactory,
    InterviewFactory,
    SelfAssessmentFactory,
)

pytestmark = pytest.mark.django_db

TOKEN = re.compile(r'value="[A-Za-z0-9]{32,}"|"X-CSRFToken": "[A-Za-z0-9]+"')


def _page(client: Client, url: str) -> tuple[str, int]:
    with CaptureQueriesContext(connection) as queries:
        response = client.get(url)
    assert response.status_code == 200
    return TOKEN.sub("TOKEN", response.content.decode()), len(queries.captured_queries)


def _same_as_whole_rows(
    client: Client, url: str, monkeypatch: pytest.MonkeyPatch
) -> tuple[str, int]:
    lean, lean_queries = _page(client, url)
    with monkeypatch.context() as patch:
        whole: Callable[..., QuerySet] = lambda self, *fields: self  # noqa: E731
        patch.setattr(QuerySet, "only", whole)
        plain, plain_queries = _page(client, url)
    assert lean == plain
    assert lean_queries == plain_queries
    return lean, lean_queries


def _busy_application(owner) -> Application:
    """An application with people linked (one at another company, one at none), colleagues
    with titles and addresses, and interviews with and without assessments."""
    company = CompanyFactory(owner=owner, name="Northwind & <Sons>")
    elsewhere = CompanyFactory(owner=owner, name="Contoso")
    application = ApplicationFactory(company=company, role="Data <Analyst>")
    rita = ContactFactory(company=company, kind="recruiter", name="Rita O'Reilly")
    hana = ContactFactory(company=elsewhere, kind="hr", name="Hana Ito", email="")
    nomad = ContactFactory(company=None, owner=owner, kind="referrer", name="Nomad Nobody")
    application.contacts.set([rita, hana, nomad])
    for i in range(12):
        ContactFactory(company=company, name=f"Colleague {i:02d}", title=f"Title {i} & co")
    ApplicationFactory.create_batch(3, company=company)
    for days in (-3, -2, 2, 5):
        interview = InterviewFactory(
            application=application,
            starts_at=timezone.now() + dt.timedelta(days=days),
            format="video",
        )
        interview.interviewers.add(rita)
        if days == -3:
            SelfAssessmentFactory(interview=interview, confidence=4)
    return application


def test_the_application_page_shows_the_same_side_lists(alice, alice_client, monkeypatch):
    application = _busy_application(alice)
    page, _ = _same_as_whole_rows(alice_client, application.get_absolute_url(), monkeypatch)
    people = page.split('id="people-heading"', 1)[1].split("</section>", 1)[0]
    assert "Rita O&#x27;Reilly" in people and "Recruiter, Northwind &amp; &lt;Sons&gt;" in people
    assert "Hana Ito" in people and "Contoso" in people and "Nomad Nobody" in people
    others = page.split('id="contacts-heading"', 1)[1].split("</section>", 1)[0]
    assert "Title 0 &amp; co" in others and "mailto:" in others
    assert "Colleague 10" not in others and "Everyone at" in others  # ten shown, one more


def test_the_interviews_list_shows_the_same_rows(alice, alice_client, monkeypatch):
    _busy_application(alice)
    url = reverse("interviews:list")
    page, queries = _same_as_whole_rows(alice_client, url, monkeypatch)
    assert queries == 4  # session, user, upcoming, past
    assert page.count("Data &lt;Analyst&gt; at Northwind &amp; &lt;Sons&gt;") == 4
    assert "Assessed · confidence 4/5" in page and "Write self-assessment" in page
