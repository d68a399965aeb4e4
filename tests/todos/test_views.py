"""The to-dos section on an application's page and its views: add, toggle, edit, delete;
another user's to-do is a 404; the page's queries don't grow with the to-dos."""

import datetime as dt

import pytest
from django.db import connection
from django.template import Context, Template
from django.test import RequestFactory
from django.test.utils import CaptureQueriesContext
from django.urls import reverse

from tests.factories import ApplicationFactory, CompanyFactory
from todos import services
from todos.models import Todo

pytestmark = [pytest.mark.django_db, pytest.mark.frozen("2026-11-25 10:00Z")]
D = dt.date
HTMX = {"HTTP_HX_REQUEST": "true"}


def _page(client, application) -> str:
    return " ".join(client.get(application.get_absolute_url()).content.decode().split())


def _render(application) -> str:
    """The section as the application page's `{% todo_section application %}` renders it."""
    request = RequestFactory().get("/")
    request.user = application.owner
    html = Template("{% load todo_tags %}{% todo_section application %}").render(
        Context({"application": application, "request": request})
    )
    return " ".join(html.split())


def _section(client, application) -> str:
    return _render(application)


def test_it_lists_open_first_by_due_date_and_folds_the_done_ones(alice_client, application):
    services.todo_add(application=application, title="Undated")
    services.todo_add(application=application, title="Later", due_on=D(2026, 12, 10))
    services.todo_add(application=application, title="Overdue", due_on=D(2026, 11, 20))
    done = services.todo_add(application=application, title="Finished", due_on=D(2026, 11, 1))
    services.todo_toggle(todo=done)
    page = _section(alice_client, application)
    assert page.index("Overdue") < page.index("Later") < page.index("Undated")
    assert "Overdue: it was due on 20 Nov 2026" in page
    assert "Due on 10 Dec 2026" in page
    # The done one is folded away, below the open ones.
    assert '<summary class="small">1 done</summary>' in page
    assert page.index("Undated") < page.index("<s>Finished</s>")


def test_an_empty_section_says_what_it_is_for(alice_client, application):
    assert "Nothing to do yet." in _section(alice_client, application)


def test_adding_without_javascript_returns_to_the_section(alice_client, application):
    response = alice_client.post(
        reverse("todos:add", args=[application.pk]),
        {
            "todo-title": "Send the portfolio",
            "todo-due_on": "2026-11-27",
            "todo-remind_before": "1",
        },
    )
    assert response.status_code == 302
    assert response["Location"] == application.get_absolute_url() + "#todos"
    todo = Todo.objects.get()
    assert (todo.title, todo.due_on, todo.remind_before) == (
        "Send the portfolio",
        D(2026, 11, 27),
        1,
    )


def test_adding_through_htmx_answers_with_the_section(alice_client, application):
    response = alice_client.post(
        reverse("todos:add", args=[application.pk]), {"todo-title": "Prepare"}, **HTMX
    )
    page = response.content.decode()
    assert response.status_code == 200 and 'id="todos"' in page and "Prepare" in page
    assert "To-do added." in page


def test_a_wrong_form_says_why_in_words(alice_client, application):
    url = reverse("todos:add", args=[application.pk])
    data = {"todo-title": "", "todo-due_on": "3026-01-01", "todo-remind_before": "1"}
    page = alice_client.post(url, data, **HTMX).content.decode()
    assert "This field is required." in page
    assert "The due date can’t be after" in page
    assert 'aria-invalid="true"' in page
    # Without JavaScript: the same errors on a page of their own.
    response = alice_client.post(url, {"todo-title": "Call", "todo-remind_before": "1"})
    assert response.status_code == 200
    assert "A reminder needs a due date." in response.content.decode()
    assert not Todo.objects.exists()


def test_toggling_without_javascript_and_with_htmx(alice_client, application):
    todo = services.todo_add(application=application, title="Call Sam")
    url = reverse("todos:toggle", args=[todo.pk])
    response = alice_client.post(url)
    assert response["Location"] == application.get_absolute_url() + "#todos"
    todo.refresh_from_db()
    assert todo.is_done
    page = alice_client.post(url, **HTMX).content.decode()
    todo.refresh_from_db()
    assert not todo.is_done and "“Call Sam” is open again." in page
    # Back to where it was pressed (home), never elsewhere.
    assert alice_client.post(url, {"next": "/home/"})["Location"] == "/home/"
    assert alice_client.post(url, {"next": "https://evil.example/"})["Location"].endswith("#todos")


def test_toggling_is_a_post(alice_client, application):
    todo = services.todo_add(application=application, title="Call Sam")
    assert alice_client.get(reverse("todos:toggle", args=[todo.pk])).status_code == 405


def test_editing(alice_client, application):
    todo = services.todo_add(application=application, title="Call Sam")
    url = reverse("todos:edit", args=[todo.pk])
    assert "Edit the to-do" in alice_client.get(url).content.decode()
    response = alice_client.post(
        url, {"todo-title": "Call Sam back", "todo-due_on": "2026-12-01", "todo-remind_before": ""}
    )
    assert response.status_code == 302
    todo.refresh_from_db()
    assert (todo.title, todo.due_on, todo.remind_before) == ("Call Sam back", D(2026, 12, 1), None)


def test_deleting_asks_first(alice_client, application):
    todo = services.todo_add(application=application, title="Call Sam")
    url = reverse("todos:delete", args=[todo.pk])
    page = alice_client.get(url).content.decode()
    assert "Delete this to-do?" in page and "Call Sam" in page
    assert Todo.objects.exists()
    response = alice_client.post(url)
    assert response["Location"] == application.get_absolute_url() + "#todos"
    assert not Todo.objects.exists()


def test_another_users_todo_and_application_are_a_404(bob_client, application):
    todo = services.todo_add(application=application, title="Call Sam")
    for url in (
        reverse("todos:edit", args=[todo.pk]),
        reverse("todos:delete", args=[todo.pk]),
        reverse("todos:add", args=[application.pk]),
    ):
        assert bob_client.get(url).status_code == 404
        assert bob_client.post(url, {"todo-title": "Mine"}).status_code == 404
    assert bob_client.post(reverse("todos:toggle", args=[todo.pk])).status_code == 404
    todo.refresh_from_db()
    assert todo.title == "Call Sam" and not todo.is_done and Todo.objects.count() == 1


def test_signed_out_people_are_sent_to_log_in(client, application):
    todo = services.todo_add(application=application, title="Call Sam")
    response = client.post(reverse("todos:toggle", args=[todo.pk]))
    assert response.status_code == 302 and "login" in response["Location"]


@pytest.mark.parametrize("n", [5, 500])
def test_the_section_costs_one_query_whatever_the_number(
    n, alice_client, alice, application, django_assert_num_queries, monkeypatch
):
    monkeypatch.setattr(services, "MAX_PER_APPLICATION", 1000)
    Todo.objects.bulk_create(
        Todo(
            application=application,
            owner=alice,
            title=f"To-do {i}",
            due_on=D(2026, 12, 1) + dt.timedelta(days=i % 30) if i % 3 else None,
            done_at=None if i % 2 else application.created_at,
        )
        for i in range(n)
    )
    # The to-dos, in one query: open and done, each row's reminder and date without another.
    with django_assert_num_queries(1):
        html = _render(application)
    assert html.count('id="todo-toggle-') == n


def test_the_application_page_costs_the_same_with_5_and_500(alice_client, alice, application):
    def count() -> int:
        with CaptureQueriesContext(connection) as ctx:
            assert alice_client.get(application.get_absolute_url()).status_code == 200
        return len(ctx.captured_queries)

    def add(n: int) -> None:
        Todo.objects.bulk_create(
            Todo(application=application, owner=alice, title=f"T{i}", due_on=D(2026, 11, 26))
            for i in range(n)
        )

    add(5)
    few = count()
    add(495)
    assert count() == few


def test_home_costs_the_same_with_5_and_500_due(alice_client, alice):
    def count() -> int:
        with CaptureQueriesContext(connection) as ctx:
            assert alice_client.get(reverse("home")).status_code == 200
        return len(ctx.captured_queries)

    application = ApplicationFactory(company=CompanyFactory(owner=alice))

    def add(n: int) -> None:
        Todo.objects.bulk_create(
            Todo(application=application, owner=alice, title=f"T{i}", due_on=D(2026, 11, 26))
            for i in range(n)
        )

    add(5)
    few = count()
    add(495)
    assert count() == few
