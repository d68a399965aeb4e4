"""An application's to-dos section, read in raw SQL (todos.selectors.section), has the rows
the queryset it replaced read: the same to-dos, columns (nothing more loaded) and order."""

import datetime as dt
from typing import Any

import pytest
from django.db.models import F

from applications.models import Application
from tests.factories import ApplicationFactory, CompanyFactory
from todos import selectors, services
from todos.models import Todo

pytestmark = [pytest.mark.django_db, pytest.mark.frozen("2026-11-25 10:00Z")]
D = dt.date


def _old_rows(application: Application) -> list[Todo]:
    return list(
        Todo.objects.filter(application=application)
        .only(*selectors.ROW_COLUMNS)
        .order_by(F("due_on").asc(nulls_last=True), "pk")
    )


def _deferred(todos: list[Todo]) -> list[Todo]:
    for t in todos:
        t.deferred = frozenset(t.get_deferred_fields())  # type: ignore[attr-defined]
    return todos


def _columns(todos: list[Todo]) -> list[tuple[Any, ...]]:
    return [
        (t.pk, t.application_id, t.title, t.due_on, t.done_at, t.remind_before, t.deferred)
        for t in _deferred(todos)
    ]


def test_the_section_reads_what_the_queryset_read(alice, bob):
    application = ApplicationFactory(company=CompanyFactory(owner=alice, name="Acme"))
    add = services.todo_add
    add(application=application, title="Undated <b>&</b>")
    add(application=application, title="Later", due_on=D(2026, 12, 3), remind_before=1)
    add(application=application, title="Sooner", due_on=D(2026, 11, 30))
    add(application=application, title="Tie ä", due_on=D(2026, 12, 3))
    add(application=application, title="Undated too")
    services.todo_toggle(todo=add(application=application, title="Done", due_on=D(2026, 11, 26)))
    services.todo_toggle(todo=add(application=application, title="Done, undated"))
    add(application=ApplicationFactory(company=CompanyFactory(owner=bob)), title="Bob's")
    new = selectors.section(application, user=alice)
    old = _old_rows(application)
    assert _columns(new["open_todos"]) == _columns([t for t in old if not t.is_done])
    assert _columns(new["done_todos"]) == _columns(
        sorted((t for t in old if t.done_at), key=lambda t: t.done_at or 0, reverse=True)
    )
    assert [t.title for t in new["open_todos"]] == [
        "Sooner",
        "Later",
        "Tie ä",
        "Undated <b>&</b>",
        "Undated too",
    ]
