"""The applications table's search page, made cheaper for a heavy user (issue 24): a page's
rows written in one pass with their words looked up once (table_tags.application_rows), the
search's companies and postings read in one written query (applications.search.matches), the
count read without the rows' join, and a search that finds few sorted once found
(filters.few_found). Each must give, to the byte, what the plain version gave, in English and
German, whatever the text; and the page's queries stay as many."""

import datetime as dt
import re

import pytest
from django.db import connection
from django.db.models import Q, Value
from django.template import Context, Template
from django.test import Client
from django.test.utils import CaptureQueriesContext
from django.urls import reverse
from django.utils import timezone, translation

from applications import search, views
from applications.filters import few_found
from applications.models import Application, Company, Posting
from applications.pipeline import Status, is_closed
from applications.selectors import application_list
from applications.templatetags.table_tags import application_rows
from rebound.models import User
from tests.factories import ApplicationFactory, CompanyFactory

pytestmark = pytest.mark.django_db

TABLE = reverse("applications:application_list")

HOSTILE = [
    '<script>alert("x")</script>',
    'O\'Reilly & "Sons"',
    "Tom &amp; Jerry &lt;b&gt;",
    "{pk} {role} {0} %s %(x)s",
    "Zürich – Müller & Söhne 💼",
    "",
    "</td></tr><tr><td>",
]

# The table's rows as application_list.html wrote them before they were built in Python: a
# loop of the plain row, each followed by the loop's line break and indent. Its words
# translated, so English and German are both compared.
PLAIN_ROWS = Template(
    "{% load i18n rebound_tags %}{% for a in applications %}<tr>"
    '<td><input class="form-check-input" type="checkbox" name="ids" value="{{ a.pk }}"'
    ' id="tick-{{ a.pk }}" form="bulk">'
    '<label class="visually-hidden" for="tick-{{ a.pk }}">{% blocktranslate trimmed with'
    " role=a.role company=a.company.name %}{{ role }} at {{ company }}{% endblocktranslate %}"
    "</label></td>"
    '<td data-label="{% translate "Role" %}"><a href="'
    '{% url "applications:application_detail" a.pk %}">{{ a.role }}</a>'
    '{% if a.archived_at %} <span class="badge text-bg-light">{% translate "archived" %}'
    "</span>{% endif %}</td>"
    '<td data-label="{% translate "Company" %}"><a href="'
    '{% url "applications:company_detail" a.company_id %}" class="link-secondary">'
    "{{ a.company.name }}</a></td>"
    '<td data-label="{% translate "Status" %}"><span class="badge rounded-pill'
    ' status-{{ a.status }}">{{ a.get_status_display }}</span></td>'
    '<td data-label="{% translate "Applied" %}">{{ a.date_applied|day|default:"—" }}</td>'
    '<td data-label="{% translate "Source" %}">{{ a.get_source_display|default:"—" }}</td>'
    '<td data-label="{% translate "Excitement" %}">{{ a.excitement }}/5</td>'
    '<td data-label="{% translate "Updated" %}">{{ a.updated_at|day }}</td>'
    "</tr>\n  {% endfor %}"
)


def _make_varied(owner: User, *, role_prefix: str = "") -> list[Application]:
    """Applications with hostile text in their roles and companies, every status, archived
    ones, no date or source, and updated times near midnight (the user's zone moves the
    day), two of them at the same moment (the id breaks the tie)."""
    made = []
    statuses = list(Status.values)
    for i, text in enumerate(HOSTILE * 2):
        status = statuses[i % len(statuses)]
        name = (HOSTILE[(i + 2) % len(HOSTILE)] or "Acme") + f" #{i}"
        company = CompanyFactory(owner=owner, name=name)
        application = ApplicationFactory(company=company)
        Application.objects.filter(pk=application.pk).update(
            role=f"{role_prefix}{text}",
            status=status,
            excitement=1 + i % 5,
            source=["", "job_board", "referral", "other"][i % 4],
            date_applied=None if i % 3 == 0 else dt.date(2026, 1 + i % 12, 1 + i % 28),
            archived_at=timezone.now() if is_closed(status) and i % 2 else None,
            updated_at=dt.datetime(2026, 11, 30, 23, 30 + min(i, 12) % 30, tzinfo=dt.UTC),
        )
        made.append(application)
    return made


def _plain(pks: list[int]) -> str:
    models = Application.objects.select_related("company").in_bulk(pks)
    return PLAIN_ROWS.render(Context({"applications": [models[pk] for pk in pks]}))


@pytest.mark.parametrize("language", ["en", "de"])
@pytest.mark.parametrize("zone", ["UTC", "Pacific/Kiritimati"])
def test_a_pages_rows_are_the_plain_templates(alice, language, zone):
    _make_varied(alice)
    rows = list(Application.objects.filter(owner=alice).values(*views.TABLE_COLUMNS).order_by("pk"))
    with translation.override(language), timezone.override(zone):
        written = application_rows(rows)
        assert written == _plain([row["pk"] for row in rows])
    # The comparison saw what it should: escaped markup, archived rows, empty fields.
    assert "&lt;script&gt;alert(&quot;x&quot;)&lt;/script&gt;" in written
    assert "O&#x27;Reilly &amp; &quot;Sons&quot;" in written and "<script>" not in written
    assert "Tom &amp;amp; Jerry" in written and "{pk} {role} {0} %s %(x)s" in written
    assert written.count("text-bg-light") >= 2
    assert ">—</td>" in written
    if language == "de":
        assert 'data-label="Begeisterung"' in written and " bei " in written


@pytest.mark.parametrize("language", ["en", "de"])
@pytest.mark.parametrize("sort", ["", "-updated_at", "updated_at", "role", "-date_applied"])
def test_the_search_page_shows_the_plain_rows_in_the_plain_order(
    alice, alice_client, bob, language, sort
):
    made = _make_varied(alice, role_prefix="Wanted ")
    _make_varied(bob, role_prefix="Wanted ")
    ApplicationFactory(company=CompanyFactory(owner=alice), role="Not this one")
    alice.language = language
    alice.save()
    page = alice_client.get(TABLE, {"q": "wanted", "sort": sort, "archived": "on"})
    body = page.content.decode().split("<tbody>\n  ", 1)[1].split("\n  </tbody>", 1)[0]
    # The order the ORM gives for the same filters, read off the index or not.
    order = application_list(owner=alice, filters={"q": "wanted", "sort": sort})
    pks = list(order.values_list("pk", flat=True))
    assert sorted(pks) == sorted(a.pk for a in made)
    with translation.override(language):
        assert body == _plain(pks)


@pytest.mark.parametrize("sort", ["-updated_at", "updated_at", "role"])
def test_few_found_keeps_every_row_in_its_place(alice, sort):
    _make_varied(alice)
    # Equal times, so only the id orders some.
    Application.objects.filter(owner=alice, pk__in=Application.objects.values("pk")[:5]).update(
        updated_at=dt.datetime(2026, 5, 1, tzinfo=dt.UTC)
    )
    found = application_list(owner=alice, filters={"archived": True, "sort": sort})
    assert list(few_found(found, sort).values_list("pk", flat=True)) == list(
        found.values_list("pk", flat=True)
    )


def _search_page(client: Client) -> tuple[str, str, int]:
    """The search page's rows, the SQL that read them, and how many queries it made."""
    with CaptureQueriesContext(connection) as queries:
        page = client.get(TABLE, {"q": "wanted"}).content.decode()
    read = [q["sql"] for q in queries if "LIMIT" in q["sql"] and "applications_company" in q["sql"]]
    return read[-1], page.split("<tbody>", 1)[1].split("</tbody>", 1)[0], len(queries)


def test_a_search_sorts_few_matches_once_found_and_leaves_many_to_the_planner(
    alice, alice_client, monkeypatch, settings
):
    # Both pages built, not the second read from the first's cached fragment.
    settings.FRAGMENT_CACHE = False
    _make_varied(alice, role_prefix="Wanted ")
    few_sql, few_rows, few_queries = _search_page(alice_client)
    monkeypatch.setattr(views, "FEW_FOUND", 3)
    many_sql, many_rows, many_queries = _search_page(alice_client)
    assert "DESC NULLS LAST" in few_sql and "NULLS LAST" not in many_sql
    assert few_rows == many_rows and "Wanted" in few_rows
    # As many queries either way: the count is read first in both.
    assert few_queries == many_queries


def _old_matches_ids(owner: User, term: str) -> dict[str, set[int]]:
    """What the search looked up beside its own index, as the ORM wrote it before the query
    was written out."""
    companies = (
        Company.objects.filter(owner=owner, name__icontains=term)
        .annotate(found_by=Value("company"))
        .values_list("pk", "found_by")
        .order_by()
    )
    postings = (
        Posting.objects.filter(application__owner=owner, text__icontains=term)
        .annotate(found_by=Value("posting"))
        .values_list("application_id", "found_by")
        .order_by()
    )
    found: dict[str, set[int]] = {"company": set(), "posting": set()}
    for pk, kind in companies.union(postings, all=True):
        found[kind].add(pk)
    return found


def _new_matches_ids(owner: User, term: str) -> dict[str, set[int]]:
    found: dict[str, set[int]] = {"company": set(), "posting": set()}

    def walk(condition: Q) -> None:
        for child in condition.children:
            if isinstance(child, Q):
                walk(child)
            elif child[0] == "company_id__in":
                found["company"] = set(child[1])
            elif child[0] == "pk__in":
                found["posting"] = set(child[1])

    walk(search.matches(owner=owner, term=term))
    return found


@pytest.mark.parametrize(
    "term", ["acme", "ACME", "50%", "5_0", "back\\slash", "ü", "'; --", "&lt;", "posting", "%"]
)
def test_the_written_lookup_finds_what_the_orms_did(alice, bob, term):
    for owner in (alice, bob):
        for i, name in enumerate(
            [
                "Acme",
                "acme labs",
                "50% Off",
                "500 Off",
                "5_0 Co",
                "540 Co",
                "back\\slash Ltd",
                "Müller",
                "&lt;b&gt;",
                "'; --",
            ]
        ):
            company = CompanyFactory(owner=owner, name=f"{name} {owner.pk}")
            application = ApplicationFactory(company=company, role=f"Role {i}")
            if i % 2:
                Posting.objects.create(
                    application=application, text=f"The posting says {name}", origin="pasted"
                )
    assert _new_matches_ids(alice, term) == _old_matches_ids(alice, term)
    # And only Alice's: Bob's companies and postings stay out.
    found = _new_matches_ids(alice, term)
    assert not Company.objects.filter(owner=bob, pk__in=found["company"]).exists()
    assert not Application.objects.filter(owner=bob, pk__in=found["posting"]).exists()


def test_the_count_the_page_shows_is_the_rows(alice, alice_client):
    _make_varied(alice, role_prefix="Wanted ")
    page = alice_client.get(TABLE, {"q": "wanted", "archived": "on"}).content.decode()
    shown = re.search(r"(\d+) applications match", page)
    assert shown and int(shown.group(1)) == len(HOSTILE) * 2
