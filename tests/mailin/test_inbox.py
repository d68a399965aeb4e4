"""The Inbox, from the user's side: paste an email, read the suggestion in words, apply it
with one click (through the same services as the pages), dismiss, correct, undo."""

import datetime as dt
import html

import time_machine
from django.core.files.uploadedfile import SimpleUploadedFile
from django.db import connection
from django.test.utils import CaptureQueriesContext
from django.urls import reverse

from applications.models import Application, StatusChange
from coping.models import CopingPlan
from interviews.models import Interview
from mailin.models import InboundMessage, InboxPreference, SenderCorrection, Suggestion
from mailin.services.messages import inbound_message_store
from mailin.services.retention import inbound_messages_delete
from mailin.tasks import inbound_messages_forget_raw_task
from tests.factories import ApplicationFactory, CompanyFactory, UserFactory
from tests.scoping import object_urls

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
KEEP_ON_FILE = REJECTION.replace("<no-1@", "<no-2@").replace(
    "We wish you", "We will keep your CV on file for future openings. We wish you"
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
CONFIRMATION = (
    "From: Ironbark Security <careers@ironbarksecurity.com>\n"
    "Subject: Application received: Security Analyst\n"
    "Message-ID: <got-1@ironbarksecurity.com>\nDate: Thu, 26 Nov 2026 08:00:00 +0100\n\n"
    "Thank you for applying to Ironbark Security. We have received your application for the "
    "Security Analyst position and will review it carefully.\n\nIronbark Security Recruiting"
)
FORWARDED_REJECTION = (
    "Subject: Fwd: Your application for Data Analyst\n\n"
    "fyi, sad\n\n---------- Forwarded message ---------\n"
    "From: Northwind Labs Recruiting <jobs@northwindlabs.com>\n"
    "Date: Thu, Dec 3, 2026 at 9:30 AM\n"
    "Subject: Your application for Data Analyst\n"
    "To: <ada@example.org>\n\n"
    "Dear Ada,\n\nThank you for your interest in the Data Analyst position at Northwind Labs. "
    "Unfortunately, we have decided to move forward with other candidates.\n\nNorthwind Labs"
)
QUESTION = "Northwind Labs said no to Data Analyst on 3 Dec — mark it rejected and open your plan?"


def _paste(client, text, url=None):
    return client.post(url or reverse("mailin:paste"), {"text": text}, follow=True)


def _only_suggestion():
    (suggestion,) = Suggestion.objects.all()
    return suggestion


def test_it_explains_the_three_ways_in_when_empty(client, ada):
    client.force_login(ada)
    page = client.get(reverse("mailin:inbox")).content.decode()
    assert "Nothing here yet" in page
    assert "Paste or upload the email here" in page
    assert "Forward it to your personal Rebound address" in page
    assert "Connect an email folder" in page


def test_a_pasted_rejection_is_suggested_in_words_and_applied_with_one_click(client, northwind):
    client.force_login(northwind.owner)
    page = _paste(client, REJECTION).content.decode()
    assert QUESTION in page
    suggestion = _only_suggestion()

    response = client.post(reverse("mailin:suggestion_apply", args=[suggestion.pk]))

    northwind.refresh_from_db()
    assert northwind.status == "rejected"
    # Dated by the email (3 Dec), not by today (6 Dec) nor the day it was pasted.
    assert northwind.status_changed_on == dt.date(2026, 12, 3)
    plan = CopingPlan.objects.get(application=northwind)
    assert plan.opened_on == dt.date(2026, 12, 3)
    assert plan.closed_at is None
    assert response["Location"] == plan.get_absolute_url()
    suggestion.refresh_from_db()
    assert suggestion.state == "applied"
    # The application's page lists the email on its timeline.
    page = client.get(northwind.get_absolute_url()).content.decode()
    assert "Email from Northwind Labs, 3 Dec: rejection" in page


def test_keep_your_cv_on_file_sets_the_keep_in_touch_note(client, northwind):
    client.force_login(northwind.owner)
    _paste(client, KEEP_ON_FILE)
    client.post(reverse("mailin:suggestion_apply", args=[_only_suggestion().pk]))
    follow_up = CopingPlan.objects.get(application=northwind).follow_up
    assert follow_up.interested is True
    assert follow_up.note == "They said they'd keep your CV on file."


def test_dismissing_changes_nothing(client, northwind):
    client.force_login(northwind.owner)
    _paste(client, REJECTION)
    suggestion = _only_suggestion()
    page = client.post(
        reverse("mailin:suggestion_dismiss", args=[suggestion.pk]), follow=True
    ).content.decode()
    assert "Dismissed" in page
    northwind.refresh_from_db()
    assert northwind.status == "applied"
    suggestion.refresh_from_db()
    assert suggestion.state == "dismissed"
    assert not CopingPlan.objects.exists()


def test_a_correction_is_used_for_the_same_senders_next_email(client, ada, northwind):
    other = ApplicationFactory(
        owner=ada,
        company=CompanyFactory(owner=ada, name="Kestrel Payments"),
        role="Product Manager",
        status_changed_on=dt.date(2026, 11, 2),
    )
    client.force_login(ada)
    vague = (
        "From: Sam <sam@talentbridge-agency.com>\nSubject: Quick update\n"
        "Message-ID: <u-1@talentbridge-agency.com>\nDate: Tue, 01 Dec 2026 10:00:00 +0100\n\n"
        "Hi Ada, just a note about where things stand. Speak soon, Sam"
    )
    _paste(client, vague)
    suggestion = _only_suggestion()
    assert suggestion.application is None
    page = client.post(
        reverse("mailin:suggestion_correct", args=[suggestion.pk]),
        {"label": "rejection", "application": other.pk},
        follow=True,
    ).content.decode()
    assert "Kestrel Payments said no to Product Manager on 1 Dec" in page
    assert SenderCorrection.objects.get(owner=ada).sender == "sam@talentbridge-agency.com"

    # The next email from Sam is read as the correction said, before the rules' guess.
    _paste(client, vague.replace("<u-1@", "<u-2@").replace("01 Dec", "02 Dec"))
    latest = Suggestion.objects.order_by("-pk").first()
    assert (latest.action, latest.application) == ("mark_rejected", other)
    assert latest.message.label == "rejection"


def test_undo_moves_a_rejection_back_and_closes_the_plan(client, ada):
    interviewing = ApplicationFactory(
        owner=ada,
        company=CompanyFactory(
            owner=ada, name="Northwind Labs", website="https://northwindlabs.com"
        ),
        role="Data Analyst",
        status="interviewing",
        status_changed_on=dt.date(2026, 11, 20),
    )
    client.force_login(ada)
    _paste(client, REJECTION)
    suggestion = _only_suggestion()
    client.post(reverse("mailin:suggestion_apply", args=[suggestion.pk]))
    page = client.post(
        reverse("mailin:suggestion_undo", args=[suggestion.pk]), follow=True
    ).content.decode()
    interviewing.refresh_from_db()
    assert interviewing.status == "interviewing"
    assert "back to interviewing" in page
    assert CopingPlan.objects.get(application=interviewing).closed_at is not None
    suggestion.refresh_from_db()
    assert suggestion.state == "pending"


def test_undo_says_plainly_what_it_cannot_reverse(client, northwind):
    client.force_login(northwind.owner)
    _paste(client, REJECTION)
    suggestion = _only_suggestion()
    client.post(reverse("mailin:suggestion_apply", args=[suggestion.pk]))
    page = client.post(
        reverse("mailin:suggestion_undo", args=[suggestion.pk]), follow=True
    ).content.decode()
    # Rejected can't go straight back to Applied on the timeline: it says so, and why.
    assert "the status stays rejected" in page
    assert "can't go from Rejected back to applied" in html.unescape(page)
    assert CopingPlan.objects.get(application=northwind).closed_at is not None


def test_an_offer_is_never_applied_and_opens_the_application(client, ada, northwind):
    InboxPreference.objects.create(owner=ada, auto_apply=True)
    client.force_login(ada)
    _paste(client, OFFER)
    suggestion = _only_suggestion()
    assert (suggestion.action, suggestion.state, suggestion.auto_applied) == (
        "mark_offer_review",
        "pending",
        False,
    )
    page = client.get(reverse("mailin:inbox")).content.decode()
    assert "Open the application to record it" in page
    response = client.post(reverse("mailin:suggestion_apply", args=[suggestion.pk]))
    assert response["Location"] == northwind.get_absolute_url()
    northwind.refresh_from_db()
    assert northwind.status == "applied"
    suggestion.refresh_from_db()
    assert suggestion.state == "pending"


def test_auto_apply_is_off_by_default(client, northwind):
    client.force_login(northwind.owner)
    _paste(client, REJECTION)
    northwind.refresh_from_db()
    assert northwind.status == "applied"
    assert _only_suggestion().state == "pending"


def test_auto_apply_applies_a_confident_rejection_with_an_undo(client, ada, northwind):
    client.force_login(ada)
    client.post(reverse("mailin:preferences"), {"auto_apply": "on", "keep_raw_days": "30"})
    assert InboxPreference.objects.get(owner=ada).auto_apply
    _paste(client, REJECTION)
    northwind.refresh_from_db()
    assert (northwind.status, northwind.status_changed_on) == ("rejected", dt.date(2026, 12, 3))
    suggestion = _only_suggestion()
    assert suggestion.auto_applied
    page = client.get(reverse("mailin:inbox")).content.decode()
    assert "Applied automatically" in page
    assert reverse("mailin:suggestion_undo", args=[suggestion.pk]) in page
    client.post(reverse("mailin:suggestion_undo", args=[suggestion.pk]))
    suggestion.refresh_from_db()
    assert suggestion.state == "pending"
    assert CopingPlan.objects.get(application=northwind).closed_at is not None


def test_an_unknown_companys_confirmation_adds_the_application_applied_that_day(client, ada):
    client.force_login(ada)
    _paste(client, CONFIRMATION)
    suggestion = _only_suggestion()
    assert suggestion.action == "new_application"
    client.post(reverse("mailin:suggestion_apply", args=[suggestion.pk]))
    app = Application.objects.get(owner=ada)
    assert (app.company.name, app.role, app.status) == (
        "Ironbark Security",
        "Security Analyst",
        "applied",
    )
    assert app.date_applied == dt.date(2026, 11, 26)
    client.post(reverse("mailin:suggestion_undo", args=[suggestion.pk]))
    assert not StatusChange.objects.filter(application_id=app.pk).exists()


def test_an_invitation_opens_the_interview_form_pre_filled(client, northwind):
    client.force_login(northwind.owner)
    _paste(client, INVITE)
    suggestion = _only_suggestion()
    assert suggestion.action == "add_interview"
    response = client.post(reverse("mailin:suggestion_apply", args=[suggestion.pk]), follow=True)
    form = response.context["form"]
    # 14:00 GMT is 15:00 in Berlin, the user's zone; an hour long; technical, on video.
    assert form["date"].value() == dt.date(2026, 12, 16)
    assert form["start_time"].value() == dt.time(15, 0)
    assert form["end_time"].value() == dt.time(16, 0)
    assert (form["round_type"].value(), form["format"].value()) == ("technical", "video")
    assert not Interview.objects.exists()  # nothing saved silently

    url = reverse("mailin:suggestion_interview", args=[suggestion.pk])
    client.post(
        url,
        {
            "round_type": "technical",
            "format": "video",
            "date": "2026-12-16",
            "start_time": "15:00",
            "end_time": "16:00",
        },
    )
    interview = Interview.objects.get(application=northwind)
    assert interview.starts_at == dt.datetime(2026, 12, 16, 14, 0, tzinfo=dt.UTC)
    suggestion.refresh_from_db()
    assert suggestion.state == "applied"


def test_an_ambiguous_email_asks_which_application(client, ada, northwind):
    second = ApplicationFactory(
        owner=ada,
        company=northwind.company,
        role="Data Engineer",
        status_changed_on=dt.date(2026, 11, 2),
    )
    client.force_login(ada)
    # Names the company but neither role.
    _paste(
        client,
        REJECTION.replace("the Data Analyst position at ", "").replace(
            "for Data Analyst", "at Northwind Labs"
        ),
    )
    suggestion = _only_suggestion()
    assert suggestion.application is None
    page = client.get(reverse("mailin:inbox")).content.decode()
    assert "Which application is it about?" in page
    client.post(
        reverse("mailin:suggestion_apply", args=[suggestion.pk]), {"application": second.pk}
    )
    second.refresh_from_db()
    assert second.status == "rejected"


def test_a_forwarded_email_is_read_as_the_original(client, northwind):
    client.force_login(northwind.owner)
    page = _paste(client, FORWARDED_REJECTION).content.decode()
    assert QUESTION in page
    message = InboundMessage.objects.get()
    assert message.sender == "jobs@northwindlabs.com"
    assert message.application == northwind


def test_pasting_on_an_application_page_is_about_that_application(client, northwind):
    client.force_login(northwind.owner)
    page = client.get(northwind.get_absolute_url()).content.decode()
    assert "Paste an email about this application" in page
    vague = "From: someone@example.net\nSubject: hello\n\nWe have news for you, call us."
    _paste(client, vague, url=reverse("mailin:paste_for", args=[northwind.pk]))
    assert _only_suggestion().application == northwind


def test_bad_input_gets_a_clear_message_and_keeps_nothing(client, ada, settings):
    client.force_login(ada)
    page = _paste(client, "   ").content.decode()
    assert "There was nothing to read" in page
    settings.MAILIN_UPLOAD_MAX_BYTES = 1024
    page = _paste(client, "x" * 2048).content.decode()
    assert "larger than" in page
    assert not InboundMessage.objects.exists()


def test_html_is_shown_sanitised_with_nothing_remote(client, northwind):
    html = (
        "From: Northwind Labs <jobs@northwindlabs.com>\nSubject: Data Analyst\n"
        "Message-ID: <h-1@northwindlabs.com>\nDate: Thu, 03 Dec 2026 09:30:00 +0100\n"
        "MIME-Version: 1.0\nContent-Type: text/html; charset=utf-8\n\n"
        "<p>Unfortunately, we have decided to move forward with other candidates for the "
        "Data Analyst role.</p><img src='https://track.example/p.gif'>"
        "<script>alert(1)</script><a href='https://northwindlabs.com/jobs'>Jobs</a>"
    )
    client.force_login(northwind.owner)
    _paste(client, html)
    page = client.get(
        reverse("mailin:message_detail", args=[InboundMessage.objects.get().pk])
    ).content.decode()
    assert "move forward with other candidates" in page
    assert "track.example" not in page
    assert "alert(1)" not in page
    assert 'rel="noopener noreferrer nofollow"' in page


def test_raw_text_is_forgotten_after_the_chosen_time_and_the_facts_stay(client, northwind):
    client.force_login(northwind.owner)
    _paste(client, REJECTION)
    message = InboundMessage.objects.get()
    assert "move forward with other candidates" in message.raw
    with time_machine.travel(message.created_at + dt.timedelta(days=29)):
        inbound_messages_forget_raw_task()
        message.refresh_from_db()
        assert message.raw
    with time_machine.travel(message.created_at + dt.timedelta(days=30, minutes=1)):
        inbound_messages_forget_raw_task()
    message.refresh_from_db()
    assert (message.raw, message.raw_until) == ("", None)
    assert (message.label, message.company, message.role) == (
        "rejection",
        "Northwind Labs",
        "Data Analyst",
    )
    page = client.get(reverse("mailin:message_detail", args=[message.pk])).content.decode()
    assert "no longer kept" in page


def test_choosing_not_to_keep_emails_forgets_those_kept(client, ada, northwind):
    client.force_login(ada)
    _paste(client, REJECTION)
    client.post(reverse("mailin:preferences"), {"keep_raw_days": "0"})
    assert InboundMessage.objects.get().raw == ""
    _paste(client, OFFER)
    assert InboundMessage.objects.get(label="offer").raw == ""


def test_removing_a_source_removes_what_it_brought(northwind):
    ada = northwind.owner
    inbound_message_store(user=ada, raw=REJECTION, source="forward")
    inbound_message_store(user=ada, raw=OFFER, source="paste")
    assert inbound_messages_delete(user=ada, source="forward") == 1
    assert list(InboundMessage.objects.values_list("source", flat=True)) == ["paste"]
    assert Suggestion.objects.count() == 1


def test_a_strangers_messages_and_suggestions_are_404(client, northwind):
    stored, _, _ = inbound_message_store(user=northwind.owner, raw=REJECTION, source="paste")
    suggestion = stored.suggestion
    client.force_login(UserFactory())
    urls = object_urls(
        "mailin",
        {"suggestion_id": suggestion.pk, "message_id": stored.pk, "application_id": northwind.pk},
    )
    assert len(urls) >= 7
    for url in urls:
        assert client.get(url).status_code in {404, 405}, url
        response = client.post(url, {"text": REJECTION, "label": "offer", "application": ""})
        assert response.status_code == 404, url
    # And their Inbox doesn't show it.
    assert QUESTION not in client.get(reverse("mailin:inbox")).content.decode()
    suggestion.refresh_from_db()
    assert suggestion.state == "pending"


def _page_queries(client):
    with CaptureQueriesContext(connection) as ctx:
        page = client.get(reverse("mailin:inbox")).content.decode()
    return [q["sql"] for q in ctx.captured_queries], page


def test_the_inbox_costs_the_same_queries_for_5_or_50_emails(client, northwind):
    ada = northwind.owner
    client.force_login(ada)
    client.get(reverse("mailin:inbox"))  # the session's first request records the session

    def fill(n):
        for i in range(n):
            inbound_message_store(
                user=ada, raw=REJECTION.replace("<no-1@", f"<no-{i}-{n}@"), source="paste"
            )

    fill(5)
    few, _ = _page_queries(client)
    fill(45)
    many, page = _page_queries(client)
    assert len(many) == len(few)
    # The Inbox's own: the page of suggestions with their emails and applications (one join),
    # the applications to choose from, the owner's preference. The rest is the session's.
    own = [q for q in many if "mailin_" in q or q.startswith('SELECT "applications_')]
    assert len(own) == 3
    assert page.count('id="suggestion-') == 20  # one page
    assert "Next" in page


def test_apply_again_in_six_months_dates_the_keep_in_touch_check_in(client, northwind):
    client.force_login(northwind.owner)
    again = REJECTION.replace("<no-1@", "<no-3@").replace(
        "We wish you", "You are welcome to apply again in six months. We wish you"
    )
    page = _paste(client, again).content.decode()
    assert "They suggest applying again after 3 Jun." in page
    client.post(reverse("mailin:suggestion_apply", args=[_only_suggestion().pk]))
    follow_up = CopingPlan.objects.get(application=northwind).follow_up
    assert (follow_up.interested, follow_up.check_in_on) == (True, dt.date(2027, 6, 3))
    assert follow_up.note == "They suggested applying again after 3 Jun 2027."


def test_an_upload_over_the_limit_is_refused_with_a_clear_message(client, ada, settings):
    client.force_login(ada)
    limit = settings.MAILIN_UPLOAD_MAX_BYTES

    def upload(extra):
        body = REJECTION.encode() + b"x" * (limit + extra)
        return SimpleUploadedFile("big.eml", body, content_type="message/rfc822")

    # Far over: refused before the body is read.
    response = client.post(reverse("mailin:paste"), {"file": upload(1024 * 1024)})
    assert response.status_code == 413
    # Just over: the form says so.
    page = client.post(
        reverse("mailin:paste"), {"file": upload(100 * 1024)}, follow=True
    ).content.decode()
    assert "That file is larger than 2 MB" in page
    assert not InboundMessage.objects.exists()


def test_an_eml_file_is_read_like_pasted_text(client, northwind):
    client.force_login(northwind.owner)
    upload = SimpleUploadedFile("no.eml", REJECTION.encode(), content_type="message/rfc822")
    page = client.post(reverse("mailin:paste"), {"file": upload}, follow=True).content.decode()
    assert QUESTION in page
