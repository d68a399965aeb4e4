"""The Inbox through the API: the questions Rebound asks about the user's mail, listed and
decided (apply, dismiss, undo) through the same services as the Inbox page, owner-scoped,
with the email's text only for a token with the private-notes scope."""

import datetime as dt

import pytest
from django.test import Client

from api.services import token_create
from api.throttling import PerTokenThrottle
from applications.models import StatusChange
from coping.models import CopingPlan
from mailin.models import Suggestion
from mailin.services.messages import inbound_message_paste
from tests.factories import ApplicationFactory, UserFactory

pytestmark = [
    pytest.mark.django_db,
    pytest.mark.frozen(dt.datetime(2026, 12, 6, 12, tzinfo=dt.UTC)),
]

REJECTION = (
    "From: Northwind Labs Recruiting <jobs@northwindlabs.com>\n"
    "To: ada@example.org\n"
    "Subject: Your application for Data Analyst\n"
    "Message-ID: <no-1@northwindlabs.com>\n"
    "Date: Thu, 03 Dec 2026 09:30:00 +0100\n\n"
    "Dear Ada,\n\nThank you for your interest in the Data Analyst position at Northwind Labs. "
    "Unfortunately, we have decided to move forward with other candidates whose experience "
    "more closely matches our needs.\n\nWe wish you every success.\nNorthwind Labs Talent Team"
)
OFFER = (
    "From: Northwind Labs <jobs@northwindlabs.com>\nSubject: Your offer\n"
    "Message-ID: <offer-1@northwindlabs.com>\nDate: Fri, 04 Dec 2026 10:00:00 +0100\n\n"
    "Dear Ada,\n\nWe are delighted to offer you the position of Data Analyst at Northwind Labs. "
    "Your offer letter is attached.\n\nBest, Northwind Labs"
)
INVITE = (
    "From: Nora <nora@northwindlabs.com>\nSubject: Data Analyst interview\n"
    "Message-ID: <invite-1@northwindlabs.com>\nDate: Tue, 01 Dec 2026 11:00:00 +0000\n\n"
    "We would like to invite you to a technical interview for the Data Analyst role on "
    "Wednesday 16 December at 14:00 GMT. It will be a video call on Zoom."
)
QUESTION = "Northwind Labs said no to Data Analyst on 3 Dec — mark it rejected and open your plan?"


def _suggestion(ada, text: str) -> Suggestion:
    stored, created = inbound_message_paste(user=ada, raw=text)
    assert created
    return stored.suggestion


def bearer(owner, *, can_write: bool = True, private_notes: bool = False) -> Client:
    _, text = token_create(owner=owner, name="t", can_write=can_write, private_notes=private_notes)
    return Client(headers={"Authorization": f"Bearer {text}"})


def _post(client: Client, url: str, data=None):
    return client.post(url, data or {}, content_type="application/json")


def test_the_list_and_an_item_say_the_question_in_words_without_the_emails_text(northwind):
    suggestion = _suggestion(northwind.owner, REJECTION)
    client = bearer(northwind.owner)

    listing = client.get("/api/v1/inbox/")

    assert listing.status_code == 200
    (item,) = listing.json()["results"]
    assert item == {
        "id": suggestion.pk,
        "question": QUESTION,
        "label": "rejection",
        "action": "mark_rejected",
        "confidence": suggestion.message.confidence,
        "company": "Northwind Labs",
        "role": "Data Analyst",
        "application": northwind.pk,
        "on": "2026-12-03",
        "state": "pending",
        "auto_applied": False,
        "applied_at": None,
        "can_apply": True,
        "can_undo": False,
        "email": {
            # 09:30 in +01:00 is 08:30 UTC.
            "date": "2026-12-03T08:30:00Z",
            "sender": "jobs@northwindlabs.com",
            "sender_name": "Northwind Labs Recruiting",
            "subject": "Your application for Data Analyst",
            # The email's text is private: this token lacks the scope.
            "body": None,
        },
        "created_at": item["created_at"],
    }
    assert 0 < item["confidence"] <= 1
    assert client.get(f"/api/v1/inbox/{suggestion.pk}/").json() == item


def test_the_emails_text_needs_the_private_notes_scope(northwind):
    suggestion = _suggestion(northwind.owner, REJECTION)
    private = bearer(northwind.owner, can_write=False, private_notes=True)

    body = private.get(f"/api/v1/inbox/{suggestion.pk}/").json()["email"]["body"]

    assert "we have decided to move forward with other candidates" in body
    plain = bearer(northwind.owner, can_write=False)
    assert plain.get(f"/api/v1/inbox/{suggestion.pk}/").json()["email"]["body"] is None


def test_applying_a_rejection_marks_it_and_opens_the_plan_dated_by_the_email(northwind):
    suggestion = _suggestion(northwind.owner, REJECTION)
    client = bearer(northwind.owner)

    response = _post(client, f"/api/v1/inbox/{suggestion.pk}/apply/")

    assert response.status_code == 200
    northwind.refresh_from_db()
    assert northwind.status == "rejected"
    # Dated by the email (3 Dec), not by today (6 Dec).
    assert northwind.status_changed_on == dt.date(2026, 12, 3)
    plan = CopingPlan.objects.get(application=northwind)
    assert plan.opened_on == dt.date(2026, 12, 3) and plan.closed_at is None
    answer = response.json()
    assert answer["message"] == "Marked rejected, dated 3 Dec. Your plan is open."
    assert answer["url"] == f"http://testserver{plan.get_absolute_url()}"
    assert answer["suggestion"]["state"] == "applied"
    assert (answer["suggestion"]["can_apply"], answer["suggestion"]["can_undo"]) == (False, True)
    # It has left the pending questions and is listed among the applied.
    assert client.get("/api/v1/inbox/").json()["results"] == []
    applied = client.get("/api/v1/inbox/", {"state": "applied"}).json()["results"]
    assert [s["id"] for s in applied] == [suggestion.pk]
    # Deciding again is refused: it was decided.
    again = _post(client, f"/api/v1/inbox/{suggestion.pk}/apply/")
    assert again.status_code == 409 and again.json()["errors"][0]["code"] == "conflict"
    assert StatusChange.objects.filter(application=northwind, to_status="rejected").count() == 1


def test_undo_puts_the_question_back_and_closes_the_plan(northwind):
    suggestion = _suggestion(northwind.owner, REJECTION)
    client = bearer(northwind.owner)
    _post(client, f"/api/v1/inbox/{suggestion.pk}/apply/")

    response = _post(client, f"/api/v1/inbox/{suggestion.pk}/undo/")

    assert response.status_code == 200
    answer = response.json()
    assert answer["message"].startswith("Undone: it's back in your Inbox.")
    # Rejected can't go straight back to Applied on the timeline: the service says so.
    assert "the status stays rejected" in answer["message"]
    assert answer["suggestion"]["state"] == "pending" and answer["url"] is None
    assert CopingPlan.objects.get(application=northwind).closed_at is not None
    assert [s["id"] for s in client.get("/api/v1/inbox/").json()["results"]] == [suggestion.pk]
    nothing = _post(client, f"/api/v1/inbox/{suggestion.pk}/undo/")
    assert nothing.status_code == 409
    assert nothing.json()["errors"][0]["message"] == "There is nothing to undo: it wasn't applied."


def test_dismissing_changes_nothing_and_lists_it_as_dismissed(northwind):
    suggestion = _suggestion(northwind.owner, REJECTION)
    client = bearer(northwind.owner)

    response = _post(client, f"/api/v1/inbox/{suggestion.pk}/dismiss/")

    assert response.status_code == 200
    assert response.json()["message"] == "Dismissed. The email stays listed, with nothing changed."
    northwind.refresh_from_db()
    assert northwind.status == "applied"
    assert not CopingPlan.objects.filter(application=northwind).exists()
    assert client.get("/api/v1/inbox/").json()["results"] == []
    dismissed = client.get("/api/v1/inbox/", {"state": "dismissed"}).json()["results"]
    assert [(s["id"], s["can_apply"]) for s in dismissed] == [(suggestion.pk, False)]


def test_an_applied_one_is_undone_not_dismissed(northwind):
    suggestion = _suggestion(northwind.owner, REJECTION)
    client = bearer(northwind.owner)
    _post(client, f"/api/v1/inbox/{suggestion.pk}/apply/")

    response = _post(client, f"/api/v1/inbox/{suggestion.pk}/dismiss/")

    assert response.status_code == 409
    assert response.json()["errors"] == [
        {"field": None, "code": "conflict", "message": "It was applied: undo it instead."}
    ]
    suggestion.refresh_from_db()
    assert suggestion.state == "applied"


def test_an_offer_is_never_applied(northwind):
    suggestion = _suggestion(northwind.owner, OFFER)
    assert suggestion.action == "mark_offer_review"
    client = bearer(northwind.owner)
    assert client.get(f"/api/v1/inbox/{suggestion.pk}/").json()["can_apply"] is False

    response = _post(client, f"/api/v1/inbox/{suggestion.pk}/apply/")

    assert response.status_code == 409
    (error,) = response.json()["errors"]
    assert error["code"] == "conflict" and error["field"] is None
    assert error["message"].startswith("An offer is never applied automatically")
    northwind.refresh_from_db()
    assert northwind.status == "applied"
    suggestion.refresh_from_db()
    assert suggestion.state == "pending"


def test_an_invitation_is_added_from_the_pages_form(northwind):
    suggestion = _suggestion(northwind.owner, INVITE)
    assert suggestion.action == "add_interview"

    response = _post(bearer(northwind.owner), f"/api/v1/inbox/{suggestion.pk}/apply/")

    assert response.status_code == 409
    assert "pre-filled form" in response.json()["errors"][0]["message"]
    assert not northwind.interviews.exists()


def test_the_application_chosen_must_be_ones_own(northwind):
    suggestion = _suggestion(northwind.owner, REJECTION)
    strangers = ApplicationFactory(owner=UserFactory())

    response = _post(
        bearer(northwind.owner),
        f"/api/v1/inbox/{suggestion.pk}/apply/",
        {"application": strangers.pk},
    )

    assert response.status_code == 400
    assert response.json()["errors"] == [
        {
            "field": "application",
            "code": "invalid",
            "message": "That isn't one of your applications.",
        }
    ]
    strangers.refresh_from_db()
    assert strangers.status == "applied"
    bad = _post(bearer(northwind.owner), f"/api/v1/inbox/{suggestion.pk}/apply/", {"why": 1})
    assert bad.status_code == 400 and bad.json()["errors"][0]["code"] == "unknown_field"


def test_an_unknown_state_is_refused_in_words(northwind):
    response = bearer(northwind.owner).get("/api/v1/inbox/", {"state": "done"})

    assert response.status_code == 400
    assert response.json()["errors"] == [
        {
            "field": "state",
            "code": "invalid_choice",
            "message": "“done” isn’t one of the choices listed.",
        }
    ]


def test_a_read_only_token_reads_and_decides_nothing(northwind):
    suggestion = _suggestion(northwind.owner, REJECTION)
    reader = bearer(northwind.owner, can_write=False)
    assert reader.get("/api/v1/inbox/").status_code == 200

    for verb in ("apply", "dismiss", "undo"):
        response = _post(reader, f"/api/v1/inbox/{suggestion.pk}/{verb}/")
        assert response.status_code == 403, verb
        assert response.json()["errors"][0]["message"].startswith("This token is read-only")

    suggestion.refresh_from_db()
    northwind.refresh_from_db()
    assert (suggestion.state, northwind.status) == ("pending", "applied")


def test_a_strangers_suggestion_is_not_found(northwind):
    suggestion = _suggestion(northwind.owner, REJECTION)
    stranger = bearer(UserFactory(), private_notes=True)

    assert stranger.get("/api/v1/inbox/").json()["results"] == []
    assert stranger.get(f"/api/v1/inbox/{suggestion.pk}/").status_code == 404
    for verb in ("apply", "dismiss", "undo"):
        response = _post(stranger, f"/api/v1/inbox/{suggestion.pk}/{verb}/")
        assert response.status_code == 404, verb
        assert response.json()["errors"][0]["code"] == "not_found"

    suggestion.refresh_from_db()
    northwind.refresh_from_db()
    assert (suggestion.state, northwind.status) == ("pending", "applied")


def test_the_inbox_counts_against_the_tokens_rate(northwind, monkeypatch):
    from django.core.cache import cache

    cache.clear()
    suggestion = _suggestion(northwind.owner, REJECTION)
    monkeypatch.setattr(PerTokenThrottle, "THROTTLE_RATES", {"token": "3/minute"})
    client = bearer(northwind.owner)
    codes = [client.get("/api/v1/inbox/").status_code for _ in range(3)]

    over = _post(client, f"/api/v1/inbox/{suggestion.pk}/apply/")

    assert codes == [200, 200, 200] and over.status_code == 429
    assert over.json()["errors"][0]["code"] == "throttled" and int(over["Retry-After"]) > 0
    northwind.refresh_from_db()
    assert northwind.status == "applied"
