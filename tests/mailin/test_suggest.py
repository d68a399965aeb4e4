"""The question a person is asked about each kind of message, in words."""

import pytest

from mailin.pipeline import read_message
from tests.factories import ApplicationFactory, CompanyFactory, UserFactory

DATE = "Thu, 03 Dec 2026 16:40:00 +0100"


@pytest.fixture
def northwind(db):
    jana = UserFactory(email="jana@example.org", timezone="Europe/Berlin")
    company = CompanyFactory(owner=jana, name="Northwind Labs", website="https://northwindlabs.com")
    return ApplicationFactory(owner=jana, company=company, role="Data Analyst")


def read(app, body, subject="Data Analyst", date=DATE):
    raw = (
        f"From: Northwind Labs <no-reply@greenhouse.io>\nSubject: {subject}\nDate: {date}\n\n{body}"
    )
    return read_message(user=app.owner, raw=raw).suggestion


def test_a_rejection_asks_to_mark_it_and_open_the_plan_dated_by_the_email(northwind):
    suggestion = read(northwind, "We have decided to pursue other candidates.")
    assert suggestion.action == "mark_rejected"
    assert suggestion.text == (
        "Northwind Labs said no to Data Analyst on 3 Dec — mark it rejected and open your plan?"
    )
    assert suggestion.on.isoformat() == "2026-12-03"
    assert suggestion.application_id == northwind.pk


def test_the_email_date_is_the_users_day_not_the_servers(northwind):
    # 23:30 UTC on 2 Dec is already 3 Dec in Berlin.
    suggestion = read(
        northwind,
        "We will not be moving forward with your application.",
        date="Wed, 02 Dec 2026 23:30:00 +0000",
    )
    assert suggestion.on.isoformat() == "2026-12-03"


def test_apply_again_and_keep_on_file_shape_the_question(northwind):
    again = read(
        northwind,
        "We won't be moving forward with your application. Please apply again in six months.",
    )
    assert again.text.endswith("They suggest applying again after 3 Jun.")
    assert again.prefill["reapply_after"] == "2027-06-03"
    on_file = read(
        northwind, "We have chosen another candidate. We'd like to keep your CV on file."
    )
    assert on_file.text.endswith("They'll keep your CV on file.")


def test_a_second_no_for_a_rejected_application_only_notes_it(northwind):
    northwind.status = "rejected"
    northwind.save()
    suggestion = read(northwind, "We have decided to pursue other candidates.")
    assert suggestion.action == "note_only"
    assert "already marked rejected" in suggestion.text


def test_an_invitation_prefills_the_interview_in_its_zone(northwind):
    suggestion = read(
        northwind,
        "We would like to invite you to an interview on Thursday, 10 December at 15:00 GMT.",
    )
    assert suggestion.action == "add_interview"
    assert suggestion.prefill["interview_at"] == "2026-12-10T15:00:00+00:00"
    assert suggestion.text == (
        "Northwind Labs invited you to an interview for Data Analyst on Thu 10 Dec, 15:00 UTC — "
        "add it to your interviews?"
    )


def test_an_offer_is_asked_about_and_never_applied_automatically(northwind):
    suggestion = read(
        northwind, "I'm delighted to offer you the position! Your offer letter is attached."
    )
    assert suggestion.action == "mark_offer_review"
    assert suggestion.auto_applicable is False


def test_a_clear_confirmation_of_a_wishlist_application_may_be_applied_automatically(northwind):
    northwind.status = "wishlist"
    northwind.save()
    suggestion = read(
        northwind,
        "Thank you for applying! We've received your application and our team will review it.",
    )
    assert suggestion.action == "mark_applied"
    assert suggestion.auto_applicable is True


def test_a_message_the_rules_dont_understand_is_shown_not_dropped(northwind):
    suggestion = read(northwind, "Northwind Labs here. Call me when you can.")
    assert suggestion.action == "note_only"
    assert "couldn't tell what it says" in suggestion.text


def test_a_newsletter_is_ignored(northwind):
    raw = (
        "From: news@careers.example\nSubject: Interview tips\nList-Unsubscribe: <mailto:u@x>\n\n"
        "In this issue: how to negotiate your offer. Unsubscribe"
    )
    suggestion = read_message(user=northwind.owner, raw=raw).suggestion
    assert (suggestion.action, suggestion.application_id) == ("ignore", None)
