"""Pages that read only the columns they show (issue 24: the application's side lists and
interview cards, the interviews list, home's open plans) show exactly what they showed reading
whole rows, in as many queries: the plain version is the same page with QuerySet.only() turned
into a no-op. The application's tags, folded into its own query, against a saved fragment."""

import datetime as dt
import re
from collections.abc import Callable
from types import SimpleNamespace

import pytest
from django.db import connection
from django.db.models import QuerySet
from django.template import Context, Template
from django.test import Client
from django.test.utils import CaptureQueriesContext
from django.urls import reverse
from django.utils import timezone

from applications import selectors
from applications.models import Application, Attachment, Tag
from applications.pipeline import Status
from coping.services import net_goal_set
from tests.factories import (
    ApplicationFactory,
    CompanyFactory,
    ContactFactory,
    InterviewFactory,
    SelfAssessmentFactory,
    reject,
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
        interview.interviewers.add(rita, nomad)
        if days == -3:
            SelfAssessmentFactory(
                interview=interview, confidence=4, went_well="Calm & <clear>", skills_to_build="SQL"
            )
        if days == 2:
            interview.questions = "Why us?\nWhy <now>?"
            interview.promised_reply_by = (timezone.now() + dt.timedelta(days=9)).date()
            interview.save()
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


def test_the_application_page_shows_the_same_interview_cards(alice, alice_client, monkeypatch):
    application = _busy_application(alice)
    page, _ = _same_as_whole_rows(alice_client, application.get_absolute_url(), monkeypatch)
    cards = page.split('id="interviews-heading"', 1)[1].split("</section>", 1)[0]
    assert cards.count("With Nomad Nobody, Rita O&#x27;Reilly</p>") == 4
    assert "Went well:</strong> Calm &amp; &lt;clear&gt;" in cards and "SQL" in cards
    assert "2 questions asked" in cards and "Why &lt;now&gt;?" in cards
    assert "They promised to reply by" in cards and "confidence 4/5" in cards


# The tags line as the page wrote it when the tags were a query of their own (issue 24).
TAGS_BEFORE = Template(
    '{% if tags %}<p class="mb-0 mt-1">{% for tag in tags %}<a class="badge rounded-pill '
    "text-bg-light text-decoration-none me-1\" href=\"{% url 'applications:application_list' %}"
    '?tag={{ tag.name|urlencode }}">{{ tag.name }}</a>{% endfor %}</p>{% endif %}'
)


def test_the_application_page_shows_its_tags_and_what_was_sent(alice, alice_client):
    application = _busy_application(alice)
    for name in ("R&D <team>", "fintech"):
        application.tags.add(Tag.objects.create(owner=alice, name=name))
    page = alice_client.get(application.get_absolute_url()).content.decode()
    before = TAGS_BEFORE.render(Context({"tags": application.tags.order_by("name")}))
    assert before.count("badge") == 2 and "R&amp;D &lt;team&gt;</a>" in before
    assert before in page
    assert "Nothing kept yet." in page
    Attachment.objects.create(owner=alice, application=application, version="CV <2026>")
    page = alice_client.get(application.get_absolute_url()).content.decode()
    assert "Résumé / CV: CV &lt;2026&gt;" in page and "Nothing kept yet." not in page


def test_home_shows_the_same_open_plans(alice, alice_client, monkeypatch):
    company = CompanyFactory(owner=alice, name="Fabrikam & <Co>")
    plans = [
        reject(ApplicationFactory(company=company, status=Status.INTERVIEWING, role=f"R{i}"))
        for i in range(4)
    ]
    assert all(plans)
    net_goal_set(plan=plans[-1], target=3, weeks=2)
    page, _ = _same_as_whole_rows(alice_client, reverse("home"), monkeypatch)
    card = page.split('id="wellbeing-heading"', 1)[1].split("</section>", 1)[0]
    assert card.count("After Fabrikam &amp; &lt;Co&gt;") == 3 and "All your plans" in card
    assert "of 3 new applications by" in card


def test_the_application_page_is_the_same_without_arrays(alice, alice_client, monkeypatch):
    """SQLite (`make run`) reads the tags in a query of their own: the same page."""
    application = _busy_application(alice)
    for name in ("R&D <team>", "fintech"):
        application.tags.add(Tag.objects.create(owner=alice, name=name))
    folded, folded_queries = _page(alice_client, application.get_absolute_url())
    monkeypatch.setattr(selectors, "connection", SimpleNamespace(vendor="sqlite"))
    portable, portable_queries = _page(alice_client, application.get_absolute_url())
    assert folded == portable and "fintech</a>" in folded
    assert portable_queries == folded_queries + 1
