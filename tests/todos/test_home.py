"""Home's "Due this week": open to-dos due by Sunday of the user's week, overdue ones first,
each linked to its application; nobody else's."""

import datetime as dt

import pytest
from django.urls import reverse

from tests.factories import ApplicationFactory, CompanyFactory
from todos import selectors, services

# Wednesday 25 November 2026: the week runs Monday 23rd to Sunday 29th.
pytestmark = [pytest.mark.django_db, pytest.mark.frozen("2026-11-25 10:00Z")]
D = dt.date


def _home(client) -> str:
    return " ".join(client.get(reverse("home")).content.decode().split())


def _section(page: str) -> str:
    start = page.index('id="due-heading"')
    return page[start : page.index("</section>", start)]


def test_it_lists_what_is_due_by_sunday_overdue_first(alice_client, application, bob):
    add = services.todo_add
    add(application=application, title="Sunday", due_on=D(2026, 11, 29))
    add(application=application, title="Next Monday", due_on=D(2026, 11, 30))
    add(application=application, title="Today", due_on=D(2026, 11, 25))
    add(application=application, title="Last week", due_on=D(2026, 11, 18))
    add(application=application, title="Undated")
    services.todo_toggle(
        todo=add(application=application, title="Finished", due_on=D(2026, 11, 26))
    )
    add(
        application=ApplicationFactory(company=CompanyFactory(owner=bob)),
        title="Bob's",
        due_on=D(2026, 11, 26),
    )
    section = _section(_home(alice_client))
    assert section.index("Last week") < section.index("Today") < section.index("Sunday")
    for absent in ("Next Monday", "Undated", "Finished", "Bob's"):
        assert absent not in section
    assert "overdue since 18 Nov 2026" in section and "due today" in section
    assert "due on 29 Nov 2026" in section and "Analyst at Acme" in section
    assert f'href="/applications/{application.pk}/#todos"' in section


def test_sunday_is_the_end_of_the_users_week(alice):
    assert selectors.week_end(alice) == D(2026, 11, 29)


def test_it_shows_ten_and_says_there_are_more(alice_client, application):
    for day in range(11):
        services.todo_add(application=application, title=f"T{day}", due_on=D(2026, 11, 1 + day))
    section = _section(_home(alice_client))
    assert section.count('aria-label="Done: ') == 10 and "T10" not in section
    assert "These are the 10 due soonest" in section


def test_with_nothing_due_it_says_where_to_add_one(alice_client, application):
    assert "Nothing due this week." in _section(_home(alice_client))


def test_a_new_user_without_applications_sees_no_empty_section(alice_client):
    assert "Due this week" not in _home(alice_client)


def test_marking_one_done_from_home_comes_back_home(alice_client, application):
    todo = services.todo_add(application=application, title="Call", due_on=D(2026, 11, 26))
    response = alice_client.post(reverse("todos:toggle", args=[todo.pk]), {"next": "/home/"})
    assert response["Location"] == "/home/"
    page = _home(alice_client)
    assert "“Call” is done." in page and "Nothing due this week." in page
