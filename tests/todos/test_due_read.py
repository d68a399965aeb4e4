"""Home's "Due this week", read in raw SQL (todos.selectors.due_this_week), is the list the
queryset it replaced gave, and renders the same, English and German, hostile text and all."""

import datetime as dt
import re
from typing import Any

import pytest
from django.db.models import F
from django.template.loader import render_to_string
from django.test import RequestFactory
from django.utils import translation

from rebound.lib.localtime import local_today
from rebound.models import User
from tests.factories import ApplicationFactory, CompanyFactory
from todos import selectors, services
from todos.models import Todo

# Wednesday 25 November 2026: the week runs Monday 23rd to Sunday 29th.
pytestmark = [pytest.mark.django_db, pytest.mark.frozen("2026-11-25 10:00Z")]
D = dt.date


def _old_due(user: User) -> dict[str, Any]:
    """todos.selectors.due_this_week as it was."""
    rows = list(
        Todo.objects.filter(owner=user, done_at__isnull=True, due_on__lte=selectors.week_end(user))
        .only("pk", "application_id", "title", "due_on", "done_at")
        .annotate(role=F("application__role"), company_name=F("application__company__name"))
        .order_by("due_on", "pk")[: selectors.DUE_SHOWN + 1]
    )
    return {
        "due_todos": rows[: selectors.DUE_SHOWN],
        "more_due_todos": len(rows) > selectors.DUE_SHOWN,
        "todo_today": local_today(user),
    }


def _fields(context: dict[str, Any]) -> list[tuple[Any, ...]]:
    return [
        (t.pk, t.application_id, t.title, t.due_on, t.done_at, t.role, t.company_name)
        for t in context["due_todos"]
    ]


def _same(user: User) -> str:
    request = RequestFactory().get("/home/")
    request.user = user
    for language in ("en", "de"):
        with translation.override(language):
            new, old = selectors.due_this_week(user), _old_due(user)
            assert _fields(new) == _fields(old)
            assert new["more_due_todos"] == old["more_due_todos"]
            assert new["todo_today"] == old["todo_today"]
            rendered = [
                render_to_string("home/_due_this_week.html", c, request=request) for c in (new, old)
            ]
            # The CSRF token differs per render; everything else must not.
            assert _no_token(rendered[0]) == _no_token(rendered[1])
    return render_to_string(
        "home/_due_this_week.html", selectors.due_this_week(user), request=request
    )


def _no_token(html: str) -> str:
    return re.sub(r'name="csrfmiddlewaretoken" value="[^"]*"', "", html)


def test_nothing_due_is_the_same(alice):
    _same(alice)


def test_what_is_due_is_the_same(alice, bob):
    hostile = ApplicationFactory(
        company=CompanyFactory(owner=alice, name='<script>alert("x")</script> & Co'),
        role="Müller's <b>Analyst</b>",
    )
    plain = ApplicationFactory(company=CompanyFactory(owner=alice, name="Äpfel GmbH"))
    add = services.todo_add
    for day in (18, 23, 25, 25, 26, 29, 30):
        add(application=hostile, title=f'Send <it> & "that" by {day}ö', due_on=D(2026, 11, day))
    add(application=plain, title="Undated")
    services.todo_toggle(todo=add(application=plain, title="Finished", due_on=D(2026, 11, 24)))
    add(
        application=ApplicationFactory(company=CompanyFactory(owner=bob)),
        title="Bob's",
        due_on=D(2026, 11, 26),
    )
    page = _same(alice)
    assert "Bob" not in page and "&lt;script&gt;" in page and "by 30" not in page
    # More than are shown: the soonest ten, and the note about the rest.
    for day in range(1, 6):
        add(application=plain, title=f"Early {day}", due_on=D(2026, 11, day))
    page = _same(alice)
    assert "Early 1" in page and "due soonest" in page
