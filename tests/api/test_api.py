"""The REST API: personal tokens and their scopes, owner scoping for every endpoint, the
status change going through the same service as the page, filters, cursor pages, the error
shape and the throttle."""

import datetime as dt
import hashlib

import pytest
from django.test import Client
from django.urls import reverse

from api.models import ApiToken
from api.services import token_create
from api.throttling import PerTokenThrottle
from applications import company_services, tag_services
from applications import services as applications
from applications.models import Application
from applications.pipeline import Status
from coping.models import CopingPlan
from coping.services import incident_record, journal_entry_create
from mailin.models import Suggestion
from mailin.services.messages import inbound_message_paste
from reminders.kinds import scope_of
from reminders.models import Reminder
from tests.factories import ContactFactory, InterviewFactory, SelfAssessmentFactory

D = dt.date
NOW = dt.datetime(2026, 11, 25, 12, tzinfo=dt.UTC)
pytestmark = [pytest.mark.django_db, pytest.mark.frozen(NOW)]


def bearer(text: str) -> Client:
    return Client(headers={"Authorization": f"Bearer {text}"})


@pytest.fixture
def alices(alice):
    """Alice's search, with one of everything the API shows."""
    acme = company_services.company_get_or_create(owner=alice, name="Acme")
    contact = ContactFactory(company=acme, name="Dana")
    analyst = applications.application_create(
        owner=alice, company=acme, role="Analyst", status=Status.APPLIED,
        date_applied=D(2026, 11, 2), contacts=[contact],
    )  # fmt: skip
    tag_services.application_set_tags(application=analyst, names=["remote"])
    rejected = applications.application_create(
        owner=alice, company=acme, role="Engineer", status=Status.APPLIED,
        date_applied=D(2026, 11, 3),
    )  # fmt: skip
    applications.application_change_status(application=rejected, to_status="rejected")
    plan = CopingPlan.objects.get(application=rejected)
    interview = InterviewFactory(application=analyst)
    SelfAssessmentFactory(interview=interview)
    entry = journal_entry_create(owner=alice, mood=2, text="A long day.")
    incident = incident_record(
        plan=plan, kind="other", happened_on=D(2026, 11, 20), jurisdiction="uk", facts="x"
    )
    email, _ = inbound_message_paste(
        user=alice,
        raw="From: Acme Hiring <jobs@acme.example>\nSubject: Your application\n"
        "Date: Thu, 03 Dec 2026 09:30:00 +0100\n\nWe have decided to move forward with other "
        "candidates for the Analyst role at Acme.",
    )
    return {
        "company": acme.pk,
        "contact": contact.pk,
        "application": analyst.pk,
        "rejected": rejected.pk,
        "plan": plan.pk,
        "interview": interview.pk,
        "reminder": Reminder.objects.filter(owner=alice).first().pk,
        "journal": entry.pk,
        "incident": incident.pk,
        "feedback": plan.feedback_request.pk if hasattr(plan, "feedback_request") else None,
        "suggestion": email.suggestion.pk,
    }


@pytest.fixture
def writer(alice):
    return token_create(owner=alice, name="script", can_write=True)[1]


@pytest.fixture
def reader(alice):
    return token_create(owner=alice, name="dashboard", can_write=False)[1]


def test_tokens_are_shown_once_stored_hashed_and_used_days_recorded(alice, alice_client):
    page = alice_client.post(
        reverse("api:tokens"), {"name": "My extension", "access": "write"}
    ).content.decode()
    token = ApiToken.objects.get(owner=alice)
    text = page.split('id="new-token" value="', 1)[1].split('"', 1)[0]
    prefix, secret = text.split("_")[1], text.split("_", 2)[2]
    assert text.startswith("rbd_") and token.prefix == prefix and token.can_write
    # Only a fingerprint is stored: the secret is nowhere in the row.
    assert token.digest == hashlib.sha256(secret.encode()).hexdigest()
    assert secret not in str(ApiToken.objects.filter(pk=token.pk).values().get())
    # Shown once: the list afterwards names it, without its secret.
    again = alice_client.get(reverse("api:tokens")).content.decode()
    assert "My extension" in again and secret not in again and "never" in again
    assert bearer(text).get("/api/v1/applications/").status_code == 200
    token.refresh_from_db()
    assert token.last_used_on == D(2026, 11, 25)
    assert "25 Nov 2026" in alice_client.get(reverse("api:tokens")).content.decode()


def test_read_only_tokens_read_and_cant_write(alices, reader):
    client = bearer(reader)
    assert client.get("/api/v1/applications/").status_code == 200
    response = client.post(
        "/api/v1/applications/", {"new_company": "Initech", "role": "Analyst"},
        content_type="application/json",
    )  # fmt: skip
    assert response.status_code == 403
    assert response.json()["errors"][0]["message"].startswith("This token is read-only")
    moved = client.post(
        f"/api/v1/applications/{alices['application']}/status/",
        {"to_status": "screening"},
        content_type="application/json",
    )
    assert moved.status_code == 403
    assert Application.objects.get(pk=alices["application"]).status == "applied"


def test_revoked_expired_and_forged_tokens_are_refused(alice, alice_client, alices):
    revoked_token, revoked = token_create(owner=alice, name="old", can_write=True)
    alice_client.post(reverse("api:token_revoke", args=[revoked_token.pk]))
    _, expired = token_create(owner=alice, name="t", can_write=True, expires_on=D(2026, 11, 24))
    _, today = token_create(owner=alice, name="t", can_write=True, expires_on=D(2026, 11, 25))
    forged = today[:-4] + ("aaaa" if not today.endswith("aaaa") else "bbbb")
    for text in (revoked, expired, forged, "rbd_nope_nope", "not-a-token"):
        response = bearer(text).get("/api/v1/applications/")
        assert response.status_code == 401, text
        assert response.json() == {
            "errors": [
                {
                    "field": None,
                    "code": "authentication_failed",
                    "message": "That token is unknown, revoked or expired. Make a new one in "
                    "Preferences → API tokens.",
                }
            ]
        }
    assert bearer(today).get("/api/v1/applications/").status_code == 200  # its last day
    assert Client().get("/api/v1/applications/").status_code in (401, 403)


def test_every_endpoint_is_owner_scoped(alices, bob):
    """The stranger matrix: Bob's read-and-write token, with the private scope, gets 404 for
    every object of Alice's, whatever the method, and changes nothing."""
    _, bobs = token_create(owner=bob, name="b", can_write=True, private_notes=True)
    client = bearer(bobs)
    urls = {
        f"/api/v1/companies/{alices['company']}/": ("get", "patch", "delete"),
        f"/api/v1/contacts/{alices['contact']}/": ("get", "patch", "delete"),
        f"/api/v1/applications/{alices['application']}/": ("get", "patch", "delete"),
        f"/api/v1/applications/{alices['application']}/status/": ("post",),
        f"/api/v1/applications/{alices['application']}/timeline/": ("get",),
        f"/api/v1/interviews/{alices['interview']}/": ("get",),
        f"/api/v1/interviews/{alices['interview']}/assessment/": ("get",),
        f"/api/v1/reminders/{alices['reminder']}/": ("get",),
        f"/api/v1/reminders/{alices['reminder']}/cancel/": ("post",),
        f"/api/v1/reminders/{alices['reminder']}/snooze/": ("post",),
        f"/api/v1/plans/{alices['plan']}/": ("get",),
        f"/api/v1/journal/{alices['journal']}/": ("get",),
        f"/api/v1/incidents/{alices['incident']}/": ("get",),
        f"/api/v1/inbox/{alices['suggestion']}/": ("get",),
        f"/api/v1/inbox/{alices['suggestion']}/apply/": ("post",),
        f"/api/v1/inbox/{alices['suggestion']}/dismiss/": ("post",),
        f"/api/v1/inbox/{alices['suggestion']}/undo/": ("post",),
    }
    before = list(Application.objects.order_by("pk").values())
    reminders = list(Reminder.objects.order_by("pk").values("status", "local_date"))
    for url, methods in urls.items():
        for method in methods:
            response = getattr(client, method)(
                url, {"role": "Mine", "to_status": "rejected"}, content_type="application/json"
            )
            assert response.status_code == 404, (method, url)
            assert response.json()["errors"][0]["code"] == "not_found"
    for listing in ("companies", "contacts", "applications", "interviews", "reminders",
                    "plans", "journal", "incidents", "feedback", "inbox"):  # fmt: skip
        assert client.get(f"/api/v1/{listing}/").json()["results"] == [], listing
    assert list(Application.objects.order_by("pk").values()) == before
    assert list(Reminder.objects.order_by("pk").values("status", "local_date")) == reminders
    assert Suggestion.objects.get(pk=alices["suggestion"]).state == "pending"


def test_private_notes_need_their_scope(alice, alices, reader):
    for path in ("journal", "incidents", "feedback"):
        response = bearer(reader).get(f"/api/v1/{path}/")
        assert response.status_code == 403, path
        assert "private notes" in response.json()["errors"][0]["message"]
    _, private = token_create(owner=alice, name="p", can_write=False, private_notes=True)
    journal = bearer(private).get("/api/v1/journal/").json()["results"]
    assert [(e["mood"], e["text"]) for e in journal] == [(2, "A long day.")]


def test_a_status_change_through_the_api_does_what_the_page_does(alice, alice_client, writer):
    acme = company_services.company_get_or_create(owner=alice, name="Acme")
    by_page, by_api = (
        applications.application_create(
            owner=alice, company=acme, role=role, status=Status.APPLIED, date_applied=D(2026, 11, 1)
        )
        for role in ("Page", "Api")
    )
    alice_client.post(
        reverse("applications:application_change_status", args=[by_page.pk]),
        {"to_status": "rejected", "on": "2026-11-20"},
    )
    response = bearer(writer).post(
        f"/api/v1/applications/{by_api.pk}/status/",
        {"to_status": "rejected", "on": "2026-11-20", "note": "Email from HR"},
        content_type="application/json",
    )
    assert response.status_code == 200
    data = response.json()
    assert data["change"]["to_status"] == "rejected" and data["change"]["note"] == "Email from HR"
    assert data["application"]["status"] == "rejected"
    plan = CopingPlan.objects.get(application=by_api)
    assert data["next_steps"][0]["url"].endswith(plan.get_absolute_url())

    def made(application):
        plan = CopingPlan.objects.get(application=application)
        return (
            plan.reason,
            plan.opened_on,
            sorted(plan.steps.values_list("step", "state")),
            sorted(
                Reminder.objects.filter(owner=alice, scope=scope_of(application)).values_list(
                    "kind", "local_date", "status"
                )
            ),
        )

    assert made(by_api) == made(by_page)
    assert made(by_api)[3], "the plan's reminders"
    # An impossible move says why, in the error shape.
    again = bearer(writer).post(
        f"/api/v1/applications/{by_api.pk}/status/",
        {"to_status": "wishlist"},
        content_type="application/json",
    )
    assert again.status_code == 400
    assert again.json()["errors"][0]["message"].startswith("An application can’t go from")


def test_create_update_and_delete_an_application(alice, writer):
    client = bearer(writer)
    created = client.post(
        "/api/v1/applications/",
        {
            "new_company": "Initech", "role": "Data analyst", "date_applied": "2026-11-20",
            "tags": ["remote", "python"], "source": "referral", "salary_min": 50000,
            "salary_max": 60000, "currency": "eur",
        },
        content_type="application/json",
    )  # fmt: skip
    assert created.status_code == 201, created.json()
    data = created.json()
    assert (data["company"]["name"], data["status"], data["date_applied"]) == (
        "Initech", "applied", "2026-11-20",
    )  # fmt: skip
    assert data["tags"] == ["python", "remote"] and data["currency"] == "EUR"
    pk = data["id"]
    changed = client.patch(
        f"/api/v1/applications/{pk}/", {"role": "Senior analyst", "tags": ["remote"]},
        content_type="application/json",
    )  # fmt: skip
    assert changed.status_code == 200, changed.json()
    assert (changed.json()["role"], changed.json()["tags"]) == ("Senior analyst", ["remote"])
    assert changed.json()["salary_min"] == 50000  # untouched fields stay
    timeline = client.get(f"/api/v1/applications/{pk}/timeline/").json()
    assert [(c["to_status"], c["changed_on"]) for c in timeline] == [("applied", "2026-11-20")]
    assert client.delete(f"/api/v1/applications/{pk}/").status_code == 204
    assert not Application.objects.filter(pk=pk).exists()


def test_validation_errors_come_in_one_shape(writer):
    response = bearer(writer).post(
        "/api/v1/applications/",
        {"role": "", "salary_min": 9, "salary_max": 1, "date_applied": "2030-01-01"},
        content_type="application/json",
    )
    assert response.status_code == 400
    errors = response.json()["errors"]
    assert {e["field"] for e in errors} == {"role"}
    response = bearer(writer).post(
        "/api/v1/applications/",
        {"role": "Analyst", "salary_min": 9, "salary_max": 1, "date_applied": "2030-01-01"},
        content_type="application/json",
    )
    fields = {e["field"]: e["message"] for e in response.json()["errors"]}
    assert fields == {
        "company": "Pick a company or type the name of a new one.",
        "salary_max": "The top of the range must be at least the bottom.",
        "currency": "Say which currency the salary is in.",
        "date_applied": "The date applied can’t be in the future.",
    }
    assert not Application.objects.exists()


def test_filters_and_cursor_pages(alice, writer):
    acme = company_services.company_get_or_create(owner=alice, name="Acme")
    globex = company_services.company_get_or_create(owner=alice, name="Globex")
    made = []
    for i in range(5):
        app = applications.application_create(
            owner=alice, company=acme if i % 2 else globex, role=f"Role {i}",
            status=Status.APPLIED, date_applied=D(2026, 11, 1 + i),
        )  # fmt: skip
        made.append(app.pk)
    tag_services.application_set_tags(
        application=Application.objects.get(pk=made[1]), names=["remote"]
    )
    client = bearer(writer)

    def ids(query):
        response = client.get("/api/v1/applications/", query)
        assert response.status_code == 200, response.json()
        return [a["id"] for a in response.json()["results"]]

    assert ids({}) == made[::-1]  # newest first
    assert ids({"company": acme.pk}) == [made[3], made[1]]
    assert ids({"tag": "REMOTE"}) == [made[1]]
    assert ids({"q": "Role 3"}) == [made[3]]
    assert ids({"applied_after": "2026-11-02", "applied_before": "2026-11-04"}) == [
        made[3], made[2], made[1],
    ]  # fmt: skip
    assert ids({"status": "rejected"}) == []
    bad = client.get("/api/v1/applications/", {"applied_after": "someday", "status": "odd"})
    assert bad.status_code == 400
    assert {e["field"] for e in bad.json()["errors"]} == {"applied_after", "status"}
    first = client.get("/api/v1/applications/", {"page_size": 2}).json()
    assert [a["id"] for a in first["results"]] == made[:-3:-1]
    second = client.get(first["next"]).json()
    assert [a["id"] for a in second["results"]] == [made[2], made[1]]
    third = client.get(second["next"]).json()
    assert [a["id"] for a in third["results"]] == [made[0]] and third["next"] is None


def test_reminders_cancel_and_snooze_through_the_engine(alices, writer):
    client = bearer(writer)
    pk = alices["reminder"]
    before = Reminder.objects.get(pk=pk)
    snoozed = client.post(
        f"/api/v1/reminders/{pk}/snooze/", {"days": 3}, content_type="application/json"
    )
    assert snoozed.status_code == 200
    assert snoozed.json()["local_date"] == str(D(2026, 11, 25) + dt.timedelta(days=3))
    assert Reminder.objects.get(pk=pk).version > before.version
    cancelled = client.post(f"/api/v1/reminders/{pk}/cancel/")
    assert cancelled.status_code == 200 and cancelled.json()["status"] == "cancelled"
    again = client.post(f"/api/v1/reminders/{pk}/cancel/")
    assert again.status_code == 409 and again.json()["errors"][0]["code"] == "conflict"
    too_long = client.post(
        f"/api/v1/reminders/{pk}/snooze/", {"days": 365}, content_type="application/json"
    )
    assert too_long.status_code == 400 and too_long.json()["errors"][0]["field"] == "days"


def test_reading_interviews_assessments_plans(alices, reader):
    client = bearer(reader)
    interview = client.get(f"/api/v1/interviews/{alices['interview']}/").json()
    assert interview["assessed"] is True and interview["application"] == alices["application"]
    assessment = client.get(f"/api/v1/interviews/{alices['interview']}/assessment/").json()
    assert assessment["interview"] == alices["interview"]
    plan = client.get(f"/api/v1/plans/{alices['plan']}/").json()
    # A rejection's plan: reflect, feelings, widen the net, reach out, keep in touch.
    assert plan["application"] == alices["rejected"] and len(plan["steps"]) == 5


def test_the_throttle_answers_429_per_token(alice, writer, reader, monkeypatch):
    from django.core.cache import cache

    cache.clear()
    monkeypatch.setattr(PerTokenThrottle, "THROTTLE_RATES", {"token": "3/minute"})
    codes = [bearer(writer).get("/api/v1/companies/").status_code for _ in range(4)]
    assert codes == [200, 200, 200, 429]
    response = bearer(writer).get("/api/v1/companies/")
    assert response.json()["errors"][0]["code"] == "throttled"
    assert int(response["Retry-After"]) > 0
    # Another token has its own count.
    assert bearer(reader).get("/api/v1/companies/").status_code == 200


def test_the_schema_and_docs_are_public_and_offline(client):
    schema = client.get("/api/schema/")
    assert schema.status_code == 200 and b"openapi: 3" in schema.content
    assert b"/api/v1/applications/{id}/status/" in schema.content
    docs = client.get("/api/docs/").content.decode()
    # Rendered by the server from the same schema: every operation is on the page.
    assert "<code>/api/v1/applications/{id}/status/</code>" in docs
    assert "swagger" not in docs.lower() and "cdn" not in docs.lower()
    assert "<script>" not in docs  # no inline script (the CSP)


def test_the_token_page_bounds_its_dates_and_revoking_asks_first(alice, alice_client):
    page = alice_client.post(
        reverse("api:tokens"), {"name": "x", "access": "read", "expires_on": "2028-01-01"}
    ).content.decode()
    assert "The expiry can’t be after" in page and not ApiToken.objects.exists()
    token, _ = token_create(owner=alice, name="Mine", can_write=False)
    revoke = reverse("api:token_revoke", args=[token.pk])
    assert "can’t be undone" in alice_client.get(revoke).content.decode()
    token.refresh_from_db()
    assert token.revoked_at is None
    alice_client.post(revoke)
    token.refresh_from_db()
    assert token.revoked_at is not None


def test_a_strangers_token_page_actions_are_404(alice, bob_client):
    token, _ = token_create(owner=alice, name="Mine", can_write=False)
    revoke = reverse("api:token_revoke", args=[token.pk])
    assert bob_client.get(revoke).status_code == 404
    assert bob_client.post(revoke).status_code == 404
    token.refresh_from_db()
    assert token.revoked_at is None


def test_hostile_input_gets_the_error_shape_not_a_page(writer):
    response = bearer(writer).get("/api/v1/applications/", {"q": "a\x00b"})
    assert response.status_code == 400 and response["Content-Type"] == "application/json"
    assert response.json()["errors"][0]["code"] == "nul-byte"
    odd = bearer(writer).get("/api/v1/applications/not-a-number/")
    assert odd.status_code == 404 and odd.json()["errors"][0]["code"] == "not_found"
    huge = bearer(writer).get(f"/api/v1/applications/{2**70}/")
    assert huge.status_code == 404 and huge.json()["errors"][0]["code"] == "not_found"
