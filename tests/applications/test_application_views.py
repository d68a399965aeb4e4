import datetime as dt

import pytest
from django.urls import reverse

from applications.models import Application, Company, StatusChange
from applications.pipeline import Status
from tests.factories import ApplicationFactory, CompanyFactory, ContactFactory

pytestmark = pytest.mark.django_db


def _valid(**overrides):
    data = {
        "new_company": "Globex",
        "role": "Platform engineer",
        "posting_url": "https://jobs.example/1",
        "source": "job_board",
        "location": "Berlin",
        "remote_mode": "hybrid",
        "salary_min": "60000",
        "salary_max": "75000",
        "currency": "eur",
        "date_applied": "2026-11-02",
        "excitement": "4",
        "notes": "",
    }
    data.update(overrides)
    return data


def test_it_creates_an_application_and_a_new_company(alice_client, alice):
    r = alice_client.post(reverse("applications:application_create"), _valid())
    app = Application.objects.get()
    assert r.url == app.get_absolute_url()
    assert (app.company.name, app.company.owner, app.status, app.currency) == (
        "Globex",
        alice,
        "applied",
        "EUR",
    )
    assert app.status_changes.get().changed_on.isoformat() == "2026-11-02"


@pytest.mark.parametrize(
    ("overrides", "message"),
    [
        ({"salary_min": "90000"}, "The top of the range must be at least the bottom."),
        ({"posting_url": "not a url"}, "Enter a valid URL."),
        ({"currency": "E1"}, "three-letter currency code"),
        ({"new_company": ""}, "Pick a company or type the name of a new one."),
        ({"excitement": "9"}, "Choose how excited you are from 1 to 5."),
        ({"currency": ""}, "Say which currency"),
    ],
)
def test_it_explains_invalid_input_and_saves_nothing(alice_client, overrides, message):
    r = alice_client.post(reverse("applications:application_create"), _valid(**overrides))
    assert r.status_code == 200
    assert message in r.content.decode()
    assert not Application.objects.exists()
    assert not Company.objects.exists()


def test_it_quick_adds_with_company_and_role_only(alice_client, alice):
    r = alice_client.post(
        reverse("applications:quick_add"),
        {"company": "Initech", "role": "QA", "status": "wishlist"},
    )
    app = Application.objects.get()
    assert r.url == app.get_absolute_url()
    assert (app.company.name, app.role, app.status) == ("Initech", "QA", "wishlist")


def test_it_prefills_quick_add_from_the_bookmarklet(alice_client):
    r = alice_client.get(
        reverse("applications:quick_add"),
        {"role": "Senior Dev - Acme Careers", "posting_url": "https://acme.example/jobs/7"},
    )
    body = r.content.decode()
    assert 'value="Senior Dev - Acme Careers"' in body
    assert 'value="https://acme.example/jobs/7"' in body
    listing = alice_client.get(reverse("applications:application_list")).content.decode()
    assert "javascript:" in listing and "/applications/quick-add/" in listing


def test_it_shows_history_when_applying_to_a_company_again(alice_client, alice):
    company = CompanyFactory(owner=alice, name="Acme")
    ApplicationFactory(company=company, role="Backend dev", status=Status.REJECTED)
    r = alice_client.get(reverse("applications:company_history"), {"company": company.pk})
    body = r.content.decode()
    assert "You have applied here before" in body and "Backend dev" in body and "rejected" in body
    r = alice_client.get(reverse("applications:application_create"), {"company": company.pk})
    assert "Backend dev" in r.content.decode()


def test_it_moves_an_application_and_shows_the_timeline(alice_client, alice):
    app = ApplicationFactory(company=CompanyFactory(owner=alice), status=Status.APPLIED)
    url = reverse("applications:application_change_status", args=[app.pk])
    r = alice_client.post(url, {"to_status": "screening", "on": ""})
    assert r.status_code == 302
    page = alice_client.get(app.get_absolute_url()).content.decode()
    assert "Screening" in page and "correct date" in page


def test_it_refuses_an_unknown_transition_with_a_message(alice_client, alice):
    app = ApplicationFactory(company=CompanyFactory(owner=alice), status=Status.WISHLIST)
    url = reverse("applications:application_change_status", args=[app.pk])
    r = alice_client.post(url, {"to_status": "offer"}, follow=True)
    assert "can’t go from Wishlist straight to Offer" in r.content.decode()
    r = alice_client.post(url, {"to_status": "hired"}, follow=True)
    assert "Select a valid choice" in r.content.decode()
    app.refresh_from_db()
    assert app.status == Status.WISHLIST
    assert StatusChange.objects.count() == 1


def test_it_moves_cards_on_the_board_with_htmx(alice_client, alice):
    app = ApplicationFactory(company=CompanyFactory(owner=alice), status=Status.APPLIED)
    url = reverse("applications:application_change_status", args=[app.pk])
    r = alice_client.post(url, {"to_status": "interviewing"}, headers={"HX-Request": "true"})
    assert r.status_code == 200
    assert 'id="board"' in r.content.decode()
    assert Application.objects.get().status == Status.INTERVIEWING
    r = alice_client.post(url, {"to_status": "wishlist"}, headers={"HX-Request": "true"})
    assert "can’t go from Interviewing straight to Wishlist" in r.content.decode()
    r = alice_client.post(url, {"to_status": "rejected"}, headers={"HX-Request": "true"})
    plan = app.coping_plans.get()
    assert f'href="{plan.get_absolute_url()}">Open the plan' in r.content.decode()


def test_it_filters_searches_sorts_and_paginates_the_table(alice_client, alice):
    acme, globex = (
        CompanyFactory(owner=alice, name="Acme"),
        CompanyFactory(owner=alice, name="Globex"),
    )
    ApplicationFactory.create_batch(30, company=acme, status=Status.APPLIED)
    ApplicationFactory(company=globex, role="Unicorn wrangler", status=Status.OFFER)
    url = reverse("applications:application_list")
    assert "31 applications" in alice_client.get(url).content.decode()
    page2 = alice_client.get(url, {"page": 2}).content.decode()
    assert "Page 2 of 2" in page2
    r = alice_client.get(url, {"q": "unicorn"}).content.decode()
    assert "1 application " in r and "Unicorn wrangler" in r
    r = alice_client.get(url, {"status": "offer", "company": globex.pk}).content.decode()
    assert "Unicorn wrangler" in r
    r = alice_client.get(url, {"status": "ghosted"}).content.decode()
    assert "No applications match" in r
    r = alice_client.get(url, {"sort": "company__name"}).content.decode()
    assert r.index("Acme") < r.index("Globex")


def test_it_shows_an_empty_state(alice_client):
    assert (
        "No applications yet"
        in alice_client.get(reverse("applications:application_list")).content.decode()
    )


def test_it_deletes_only_after_confirmation(alice_client, alice):
    app = ApplicationFactory(company=CompanyFactory(owner=alice))
    url = reverse("applications:application_delete", args=[app.pk])
    assert "Yes, delete it" in alice_client.get(url).content.decode()
    assert Application.objects.exists()
    alice_client.post(url)
    assert not Application.objects.exists()


def test_it_refuses_to_delete_a_company_with_applications(alice_client, alice):
    app = ApplicationFactory(company=CompanyFactory(owner=alice))
    r = alice_client.post(
        reverse("applications:company_delete", args=[app.company_id]), follow=True
    )
    assert "still has applications" in r.content.decode()
    assert Company.objects.exists()


def test_it_refuses_a_duplicate_company_name(alice_client, alice):
    CompanyFactory(owner=alice, name="Acme")
    r = alice_client.post(reverse("applications:company_create"), {"name": "ACME"})
    assert "already have a company with this name" in r.content.decode()


def test_a_double_submit_changes_nothing_and_says_so(alice_client, alice):
    app = ApplicationFactory(company=CompanyFactory(owner=alice), status=Status.APPLIED)
    url = reverse("applications:application_change_status", args=[app.pk])
    alice_client.post(url, {"to_status": "screening"})
    r = alice_client.post(url, {"to_status": "screening"}, follow=True)
    assert "It was already screening." in r.content.decode()
    assert StatusChange.objects.filter(to_status="screening").count() == 1


def test_it_exports_every_application_with_its_dated_history(
    alice_client, alice, bob, django_assert_num_queries
):
    import csv
    import io

    app = ApplicationFactory(
        company=CompanyFactory(owner=alice, name="Acme"),
        role="Analyst",
        status_changed_on=dt.date(2026, 11, 2),  # applied before the screening below
    )
    alice_client.post(
        reverse("applications:application_change_status", args=[app.pk]),
        {"to_status": "screening", "on": "2026-11-10", "note": "Call with HR"},
    )
    ApplicationFactory(company=CompanyFactory(owner=bob, name="Bob Corp"))
    ApplicationFactory.create_batch(20, company=CompanyFactory(owner=alice))
    # session, user, the résumés and letters sent, and the status changes with their
    # applications and companies.
    with django_assert_num_queries(4):
        r = alice_client.get(reverse("applications:application_export"))
        body = b"".join(r.streaming_content).decode()
    assert r["Content-Type"].startswith("text/csv")
    assert "attachment" in r["Content-Disposition"]
    rows = list(csv.DictReader(io.StringIO(body)))
    assert len(rows) == 22 and "Bob Corp" not in body
    screening = next(row for row in rows if row["to status"] == "Screening")
    assert (
        screening["company"],
        screening["role"],
        screening["changed on"],
        screening["note"],
    ) == ("Acme", "Analyst", "2026-11-10", "Call with HR")


def test_the_application_page_caps_the_company_lists_and_links_to_the_rest(alice, alice_client):
    company = CompanyFactory(owner=alice, name="Initech")
    application = ApplicationFactory(company=company, role="Analyst")
    for i in range(11):
        ApplicationFactory(company=company, role=f"Earlier {i:02d}")
        ContactFactory(company=company, owner=alice, name=f"Person {i:02d}")
    page = alice_client.get(application.get_absolute_url()).content.decode()
    assert page.count(">Earlier ") == 10 and page.count(">Person ") == 10
    assert "Every application at Initech" in page and "Everyone at Initech" in page
    # Ten of each: no link to more.
    Application.objects.filter(role="Earlier 00").delete()
    page = alice_client.get(application.get_absolute_url()).content.decode()
    assert page.count(">Earlier ") == 10 and "Every application at Initech" not in page


def test_a_table_row_shows_each_column_escaped_and_in_the_users_time(alice, alice_client):
    import datetime as dt

    import time_machine

    company = CompanyFactory(owner=alice, name="Smith & <Sons>")
    # 23:30 UTC on 30 November is already 1 December in Berlin (alice's zone).
    with time_machine.travel(dt.datetime(2026, 11, 30, 23, 30, tzinfo=dt.UTC), tick=False):
        application = ApplicationFactory(
            company=company,
            role='Dev "ops" <b>',
            source="referral",
            excitement=4,
            date_applied=dt.date(2026, 11, 3),
        )
    other = ApplicationFactory(company=company, role="Quiet one", source="")
    page = alice_client.get(reverse("applications:application_list")).content.decode()
    row = page.split(f'id="tick-{application.pk}"', 1)[1].split("</tr>", 1)[0]
    assert "Dev &quot;ops&quot; &lt;b&gt; at Smith &amp; &lt;Sons&gt;</label>" in row
    assert f'<a href="/applications/{application.pk}/">Dev &quot;ops&quot; &lt;b&gt;</a>' in row
    assert f'href="/applications/companies/{company.pk}/"' in row
    assert 'status-applied">Applied</span>' in row
    assert '<td data-label="Applied">3 Nov 2026</td>' in row
    assert '<td data-label="Source">Referral / network</td>' in row
    assert '<td data-label="Excitement">4/5</td>' in row
    assert '<td data-label="Updated">1 Dec 2026</td>' in row  # one format per table
    quiet = page.split(f'id="tick-{other.pk}"', 1)[1].split("</tr>", 1)[0]
    assert '<td data-label="Source">—</td>' in quiet
