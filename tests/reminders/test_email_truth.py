"""Every email is true on the day it arrives (issue 22), and its subject is plain text (21).

Each kind is rendered at an unusual moment (sent early with "Send now", moved to the same
day, a day late, months later, a plan already complete) and read against sentences written
by hand. Alice lives in Berlin and gets her reminders at 09:00.
"""

import datetime as dt
import email.header
import re

import pytest
import time_machine
from django.urls import reverse

from applications import company_services
from applications import services as applications
from applications.pipeline import Status
from coping import services as coping
from coping.models import FollowUp, PlanStep
from interviews import services as interviews
from interviews.models import Interview
from reminders import emails, kinds, selectors
from reminders import services as reminders
from reminders.dispatch_services import reminders_dispatch
from reminders.models import Reminder
from tests.factories import ApplicationFactory, CompanyFactory, reject, reminders_about

pytestmark = [
    pytest.mark.django_db,
    pytest.mark.application(company="Northwind", status=Status.INTERVIEWING),
]
UTC = dt.UTC


def at(*args):
    return time_machine.travel(dt.datetime(*args, tzinfo=UTC), tick=False)


def _email(reminder: Reminder) -> dict[str, str]:
    """The email as it would go out at this moment, text part with its lines joined."""
    reminder.refresh_from_db()
    subject = selectors.subject_of(reminder)
    rendered = emails.render(reminder, kinds.get(reminder.kind), subject)
    return {**rendered, "text": " ".join(rendered["text"].split())}


# Keep in touch ---------------------------------------------------------------------------


def test_keep_in_touch_sent_now_on_the_day_of_the_rejection(application):
    with at(2026, 12, 6, 10):
        plan = reject(application)
        text = _email(reminders_about(plan, "keep_in_touch").get())["text"]
    assert "Earlier today Northwind said no to you for the Analyst role." in text
    assert (
        "You chose to check in now rather than on 6 March, as planned: a good moment to ask "
        "whether anything has opened up." in text
    )
    assert "few months" not in text and "Today is the day you picked" not in text
    # The drafted note makes no claim of time gone by either.
    assert "I interviewed for the Analyst role at Northwind and heard back in December." in text
    assert "Since then" not in text


def test_keep_in_touch_on_the_day_picked_three_months_later(application):
    with at(2026, 12, 6, 10):
        plan = reject(application)
        FollowUp.objects.filter(plan=plan).update(interested=True)
    with at(2027, 3, 6, 8, 1):
        text = _email(reminders_about(plan, "keep_in_touch").get())["text"]
    assert (
        "3 months ago Northwind said no to you for the Analyst role. You said you would like "
        "to stay in touch. Today is the day you picked to check in" in text
    )
    assert "heard back in December 2026. " in text
    assert "Since then I have kept building my skills, and I wanted to ask" in text


# Coping check-in -------------------------------------------------------------------------

ALL_STEPS = (
    "If it helps, your plan has a few small steps left: a quiet look back, a journal entry, "
    "a goal for new applications, keeping your other applications moving, and a note to the "
    "people in your network."
)


def test_a_check_in_moved_to_the_same_day_does_not_say_a_week(application):
    with at(2026, 12, 6, 10):
        plan = reject(application)
        check_in = reminders_about(plan, "coping_check_in").get()
        reminders.reminder_reschedule(
            reminder=check_in, local_date=dt.date(2026, 12, 6), local_time=dt.time(11, 0)
        )
        text = _email(check_in)["text"]
    assert "Earlier today Northwind said no. However you feel about it today is fine." in text
    assert "a week" not in text
    assert ALL_STEPS in text


def test_a_check_in_a_day_later_and_on_its_planned_day(application):
    with at(2026, 12, 6, 10):
        plan = reject(application)
    check_in = reminders_about(plan, "coping_check_in").get()
    with at(2026, 12, 7, 10):
        assert "Yesterday Northwind said no." in _email(check_in)["text"]
    with at(2026, 12, 13, 8, 1):
        assert "It has been a week since Northwind said no." in _email(check_in)["text"]


def test_a_check_in_names_only_the_steps_left_and_none_once_the_plan_is_complete(application):
    with at(2026, 12, 6, 10):
        plan = reject(application)
    check_in = reminders_about(plan, "coping_check_in").get()
    with at(2026, 12, 13, 8, 1):
        for step in ("reflect", "feelings", "widen"):
            coping.plan_step_set(plan=plan, step=step, state=PlanStep.State.DONE)
        coping.plan_step_set(plan=plan, step="never_settle", state=PlanStep.State.SKIPPED)
        text = _email(check_in)["text"]
        assert "your plan has one small step left: a note to the people in your network." in text
        assert "quiet look back" not in text
        coping.plan_step_set(plan=plan, step="keep_in_touch", state=PlanStep.State.DONE)
        text = _email(check_in)["text"]
    assert "You have worked through every step of your plan" in text
    assert "small step" not in text


# No reply yet ----------------------------------------------------------------------------


def _applied(owner, on):
    return applications.application_create(
        owner=owner,
        company=company_services.company_get_or_create(owner=owner, name="Initech"),
        role="Analyst",
        status=Status.APPLIED,
        date_applied=on,
    )


def test_a_no_reply_nudge_sent_on_the_day_of_applying(alice):
    with at(2026, 12, 6, 10):
        nudge = reminders_about(_applied(alice, dt.date(2026, 12, 6)), "no_reply").get()
        text = _email(nudge)["text"]
    assert (
        "You applied for Analyst at Initech today, so it is far too early to expect an answer."
        in text
    )
    assert "0 days" not in text and "nothing has moved since" not in text


def test_a_no_reply_nudge_a_day_after_and_seven_weeks_after(alice):
    with at(2026, 12, 6, 10):
        nudge = reminders_about(_applied(alice, dt.date(2026, 12, 5)), "no_reply").get()
        text = _email(nudge)["text"]
    assert "You applied for Analyst at Initech yesterday, and nothing has moved since." in text
    assert "Silence this early is common." in text
    with at(2026, 12, 6, 10):
        late = reminders_about(_applied(alice, dt.date(2026, 10, 15)), "no_reply").get()
        text = _email(late)["text"]
    # 15 October to 6 December is 52 days: 7 whole weeks.
    assert "You applied for Analyst at Initech 7 weeks ago, and nothing has moved since." in text
    assert "That is a long time to wait without a word." in text
    assert "this early" not in text


def test_a_back_dated_application_gets_its_nudge_and_the_pages_say_why(alice, alice_client):
    with at(2026, 12, 6, 10):  # 11:00 in Berlin: today's 09:00 has gone
        application = _applied(alice, dt.date(2026, 10, 15))
        nudge = reminders_about(application, "no_reply").get()
        assert nudge.due_at == dt.datetime(2026, 12, 7, 8, tzinfo=UTC)  # Mon 09:00 CET
        note = (
            "Its usual day, 10 days after you applied, had already passed, so it comes at the "
            "next chance."
        )
        page = alice_client.get(application.get_absolute_url()).content.decode()
        assert "No reply yet: Mon 7 Dec 2026, 09:00" in page and note in page
        listing = alice_client.get(reverse("reminders:list")).content.decode()
        assert note in listing
        # One applied on time says nothing of the kind.
        fresh = _applied(alice, dt.date(2026, 12, 6))
        page = alice_client.get(fresh.get_absolute_url()).content.decode()
        assert "No reply yet: Wed 16 Dec 2026, 09:00" in page and note not in page


# Feedback chase --------------------------------------------------------------------------


def test_a_feedback_chase_sent_the_day_the_request_went_out(application):
    with at(2026, 12, 6, 10):
        plan = reject(application)
        request = coping.feedback_request_draft(plan=plan)
        coping.feedback_request_mark_sent(request=request, on=dt.date(2026, 12, 6))
        chase = reminders_about(plan, "feedback_chase").get()
        text = _email(chase)["text"]
    assert "Earlier today you asked Northwind for feedback on the Analyst process" in text
    assert "That is not long: give them a few more days before a polite follow-up." in text
    assert "Ten days" not in text
    with at(2026, 12, 16, 8, 1):
        text = _email(chase)["text"]
    assert "10 days ago you asked Northwind for feedback" in text
    assert "One polite follow-up is reasonable" in text


# Interviews ------------------------------------------------------------------------------


def _interview(application, starts_at, **fields):
    return interviews.interview_save(
        interview=Interview(
            application=application,
            round_type="technical",
            starts_at=starts_at,
            ends_at=starts_at + dt.timedelta(hours=1),
            **fields,
        )
    )


def test_interview_prep_sent_on_the_day_says_today(application):
    with at(2026, 12, 1, 9):
        interview = _interview(application, dt.datetime(2026, 12, 6, 14, tzinfo=UTC))
    prep = reminders_about(interview, "interview_prep").get()
    with at(2026, 12, 6, 9):  # due the evening before, sent the morning of (a retry, say)
        rendered = _email(prep)
    assert rendered["subject"] == "Today: your technical interview with Northwind"
    assert (
        "Today, Sunday 6 December at 15:00, you have your technical interview" in (rendered["text"])
    )
    assert "good night's sleep" not in rendered["text"]
    with at(2026, 12, 9, 9):
        interview = _interview(application, dt.datetime(2026, 12, 11, 9, tzinfo=UTC))
    with at(2026, 12, 10, 17, 1):  # the planned evening before, 18:00 in Berlin
        rendered = _email(reminders_about(interview, "interview_prep").get())
    assert rendered["subject"] == "Tomorrow: your technical interview with Northwind"
    assert "Tomorrow, Friday 11 December at 10:00, you have" in rendered["text"]


def test_a_thank_you_sent_before_the_interview_does_not_say_you_had_it(application):
    with at(2026, 12, 6, 9):
        interview = _interview(application, dt.datetime(2026, 12, 7, 14, tzinfo=UTC))
        text = _email(reminders_about(interview, "thank_you").get())["text"]
    assert (
        "Your technical interview for Analyst at Northwind is tomorrow at 15:00. Once it is "
        "over, a short thank-you note keeps you in their mind" in text
    )
    assert "you had" not in text


def test_a_promised_reply_sent_before_the_promised_day(application):
    with at(2026, 12, 6, 9):
        interview = _interview(
            application,
            dt.datetime(2026, 12, 4, 14, tzinfo=UTC),
            promised_reply_by=dt.date(2026, 12, 10),
        )
        text = _email(reminders_about(interview, "promised_reply").get())["text"]
    assert (
        "Northwind said they would get back to you about Analyst by Thursday 10 December. "
        "That day has not passed yet, so there is no need to chase" in text
    )
    assert "nothing has moved since" not in text


# Subjects are plain text and safe headers --------------------------------------------------


def test_subjects_are_plain_text_on_one_line_over_real_smtp(alice, smtp_sink):
    company = CompanyFactory(owner=alice, name='AT&T "Labs"\nWest <Berlin>')
    application = ApplicationFactory(
        company=company, role='Analyst\nR&D "core"', status=Status.INTERVIEWING
    )
    with at(2026, 12, 6, 10):
        plan = reject(application)
        reminders_about(plan).exclude(kind="keep_in_touch").update(status="cancelled")
        keep = reminders_about(plan, "keep_in_touch").get()
        reminders.reminder_send_now(reminder=keep)
        reminders_dispatch()
    (message,) = smtp_sink.wait_for(1)
    subject = str(email.header.make_header(email.header.decode_header(message["Subject"])))
    assert subject == 'Time to check in with AT&T "Labs" West <Berlin>'
    parts = {
        p.get_content_type(): p.get_payload(decode=True).decode()
        for p in message.walk()
        if not p.is_multipart()
    }
    text = parts["text/plain"].replace("\r\n", "\n")
    assert 'AT&T "Labs"\nWest <Berlin> said no to you for the Analyst\nR&D "core" role' in text
    # The HTML part escapes the same words once, as HTML should.
    assert re.search(r"AT&amp;T &quot;Labs&quot;\s+West &lt;Berlin&gt;", parts["text/html"])
    keep.refresh_from_db()
    assert keep.status == "sent"
