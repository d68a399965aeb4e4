"""The settings page and the preview: opt in and out, clear errors, constant queries."""

import datetime as dt

import pytest
from django.db import connection
from django.test.utils import CaptureQueriesContext
from django.urls import reverse

from applications.pipeline import Status
from coping.services import journal_entry_create
from reminders.models import Reminder
from tests.factories import (
    ApplicationFactory,
    CompanyFactory,
    InterviewFactory,
    reject,
    reminders_about,
)
from weekly.models import WeeklyLetter
from weekly.services import WEEKLY_LETTER

pytestmark = [pytest.mark.django_db, pytest.mark.frozen("2027-03-10 12:00Z")]

TODAY = dt.date(2027, 3, 10)
SETTINGS = reverse("weekly:settings")
PREVIEW = reverse("weekly:preview")


def test_it_needs_a_sign_in(client):
    for url in (SETTINGS, PREVIEW):
        assert client.get(url).status_code == 302


def test_it_says_the_letter_is_off_until_asked_for(alice_client):
    page = alice_client.get(SETTINGS).content.decode()
    assert "The weekly letter is off." in page
    # The hard-week rule, said in its numbers.
    assert "2 rejections or more in the last 14 days;" in page
    assert "at least 3 entries in the last 14 days, averaging 2 of 5 or lower" in page
    assert "or 10 applications or more from the last 21 days still without an answer." in page
    assert not WeeklyLetter.objects.exists()


def test_opting_in_schedules_the_letter_and_says_when(alice, alice_client):
    response = alice_client.post(SETTINGS, {"enabled": "on", "weekday": "4", "goal": "5"})
    assert response.status_code == 302
    letter = WeeklyLetter.objects.get(user=alice)
    assert (letter.enabled, letter.weekday, letter.goal) == (True, 4, 5)
    reminder = reminders_about(letter, WEEKLY_LETTER).get()
    assert reminder.local_date == dt.date(2027, 3, 12)
    page = alice_client.get(SETTINGS).content.decode()
    assert "Your next letter comes on Fri 12 Mar 2027, 09:00." in page


def test_opting_out_from_the_page_cancels_it(alice, alice_client):
    alice_client.post(SETTINGS, {"enabled": "on", "weekday": "4", "goal": ""})
    alice_client.post(SETTINGS, {"weekday": "4", "goal": ""})
    letter = WeeklyLetter.objects.get(user=alice)
    assert not letter.enabled and letter.goal is None
    assert reminders_about(letter, WEEKLY_LETTER).get().status == Reminder.Status.CANCELLED


@pytest.mark.parametrize(
    ("data", "field"),
    [
        ({"enabled": "on", "weekday": "7", "goal": ""}, "weekday"),
        ({"enabled": "on", "weekday": "1", "goal": "0"}, "goal"),
        ({"enabled": "on", "weekday": "1", "goal": "51"}, "goal"),
        ({"enabled": "on", "weekday": "1", "goal": "many"}, "goal"),
    ],
)
def test_it_refuses_out_of_bounds_values_with_a_clear_error(alice_client, data, field):
    response = alice_client.post(SETTINGS, data)
    assert response.status_code == 200
    assert field in response.context["form"].errors
    assert "There is a problem" in response.content.decode()
    assert not WeeklyLetter.objects.exists()


def test_the_preview_shows_this_weeks_letter_with_inert_links(alice, alice_client):
    company = CompanyFactory(owner=alice, name="Northwind")
    for day in (TODAY, TODAY - dt.timedelta(days=6), TODAY - dt.timedelta(days=7)):
        ApplicationFactory(company=company, role="Analyst", status_changed_on=day)
    # Interviewing from the start: never applied, so not one of the week's applications.
    app = ApplicationFactory(company=company, role="Data lead", status=Status.INTERVIEWING)
    InterviewFactory(application=app, starts_at=dt.datetime(2027, 3, 11, 9, tzinfo=dt.UTC))
    alice_client.post(SETTINGS, {"enabled": "on", "weekday": "4", "goal": "3"})
    page = alice_client.get(PREVIEW).content.decode()
    assert "Your week: 2 applications sent" in page
    assert "In the last seven days you sent 2 applications." in page
    assert "Your goal is 3 a week: 1 more would meet it." in page
    assert "Thu 11 Mar 2027, 10:00: Data lead at Northwind (Technical)" in page
    assert "#preview" in page and "/r/" not in page


def test_the_preview_of_a_hard_week_is_gentle(alice, alice_client):
    company = CompanyFactory(owner=alice, name="Fabrikam")
    for ago in (3, 1):
        app = ApplicationFactory(company=company, status_changed_on=dt.date(2027, 1, 4))
        reject(app, on=TODAY - dt.timedelta(days=ago))
    page = alice_client.get(PREVIEW).content.decode()
    assert "The last weeks have been hard: 2 rejections in the last two weeks." in page
    assert "has a next step: Reflect." in page
    assert "Your goal is" not in page


def history(user, n):
    """n applications (a third rejected, with plans), n interviews ahead, n journal entries."""
    company = CompanyFactory(owner=user)
    for i in range(n):
        day = TODAY - dt.timedelta(days=i % 30)
        app = ApplicationFactory(company=company, status_changed_on=day)
        if i % 3 == 0:
            reject(app, on=day)
    interviewing = ApplicationFactory(company=company, status=Status.INTERVIEWING)
    for i in range(n):
        InterviewFactory(
            application=interviewing,
            starts_at=dt.datetime(2027, 3, 10, 13, tzinfo=dt.UTC) + dt.timedelta(hours=i % 100),
        )
    for i in range(n):
        journal_entry_create(owner=user, mood=1 + i % 5, text="…", written_on=day)


def test_queries_stay_constant_whatever_the_history(alice, alice_client, bob, bob_client):
    """5 rows of each kind of history against 500: the same queries on both pages."""
    history(alice, 5)
    history(bob, 500)
    for client in (alice_client, bob_client):
        client.post(SETTINGS, {"enabled": "on", "weekday": "4", "goal": "5"})
    for url in (SETTINGS, PREVIEW):
        counts = []
        for client in (alice_client, bob_client):
            with CaptureQueriesContext(connection) as queries:
                assert client.get(url).status_code == 200
            counts.append(len(queries))
        assert counts[0] == counts[1], url
    # The 500 show as the letter's first ten, the rest counted.
    page = bob_client.get(PREVIEW).content.decode()
    assert "…and more on your interviews page." in page
