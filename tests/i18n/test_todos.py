"""To-dos in German, every word: the section on an application's page (with to-dos open and
done, and empty), its form's errors, the pages to add, edit and delete, the messages after each
action, home's "Due this week", the calendar feed's titles and the reminder email (subject,
text and HTML, in each of its cases), rendered for the same data in German and in English and
checked with tests/i18n/check.py. Alice writes her own to-dos in German, as she would."""

import datetime as dt

import pytest
from django.conf import settings
from django.contrib.messages import get_messages
from django.template import Context, Template
from django.test import RequestFactory
from django.urls import reverse
from django.utils import translation

from reminders import emails, kinds
from reminders.models import Reminder
from tests.factories import ApplicationFactory, CompanyFactory, reminders_about
from tests.i18n.check import assert_german, page_in_both
from todos import calendar as todo_calendar
from todos import services
from todos.models import Todo
from todos.reminder_kinds import TODO_DUE

pytestmark = [pytest.mark.django_db, pytest.mark.frozen("2027-03-10 10:00Z")]
D = dt.date
# The test's own data: names, and Alice's own words.
DATA = ["Acme", "Analyst", "Alice", "Arbeitsproben schicken", "Fallstudie vorbereiten"]
LINKS = [f"{settings.SITE_URL}/{path}/" for path in ("applications", "reminders")]


@pytest.fixture
def german(alice):
    alice.language = "de"
    alice.save()
    return alice


@pytest.fixture
def acme(german):
    return ApplicationFactory(
        company=CompanyFactory(owner=german, name="Acme"), role="Analyst", status="interviewing"
    )


@pytest.fixture
def todos(acme):
    portfolio = services.todo_add(
        application=acme, title="Arbeitsproben schicken", due_on=D(2027, 3, 12), remind_before=1
    )
    services.todo_add(application=acme, title="Fallstudie vorbereiten", due_on=D(2027, 3, 1))
    done = services.todo_add(application=acme, title="Fallstudie vorbereiten")
    services.todo_toggle(todo=done)
    return portfolio


def _check(client, user, url, *, method="get", data=None, allowed=()):
    german, english = page_in_both(client, user, url, method=method, data=data)
    assert_german(german, english, [*DATA, *allowed])
    return german


def _section(application, language: str) -> str:
    request = RequestFactory().get("/")
    request.user = application.owner
    with translation.override(language):
        return Template("{% load todo_tags %}{% todo_section application %}").render(
            Context({"application": application, "request": request})
        )


def test_the_section_with_todos_open_and_done(german, todos, acme):
    html = _section(acme, "de")
    assert_german(html, _section(acme, "en"), DATA)
    assert "Aufgaben" in html and "Überfällig" in html and "1 erledigt" in html
    assert "Erinnerung: 1 Tag vorher" in html


def test_the_empty_section(german, acme):
    html = _section(acme, "de")
    assert_german(html, _section(acme, "en"), DATA)
    assert "Noch nichts zu tun." in html


def test_the_forms_errors(german, alice_client, acme):
    url = reverse("todos:add", args=[acme.pk])
    wrong = {"todo-title": "", "todo-due_on": "3027-01-01", "todo-remind_before": "1"}
    page = _check(alice_client, german, url, method="post", data=wrong)
    assert "Das Fälligkeitsdatum" in page
    page = _check(
        alice_client,
        german,
        url,
        method="post",
        data={"todo-title": "X", "todo-remind_before": "1"},
    )
    assert "braucht die Aufgabe ein Fälligkeitsdatum" in page


def test_the_pages_to_add_edit_and_delete(german, alice_client, todos, acme):
    _check(alice_client, german, reverse("todos:add", args=[acme.pk]))
    _check(alice_client, german, reverse("todos:edit", args=[todos.pk]))
    page = _check(alice_client, german, reverse("todos:delete", args=[todos.pk]))
    assert "Diese Aufgabe löschen?" in page


def test_the_messages_after_each_action(german, alice_client, todos, acme):
    def said(response) -> list[str]:
        # Each redirect is not followed: the messages pile up, the latest last.
        return [str(m) for m in get_messages(response.wsgi_request)][-1:]

    added = alice_client.post(reverse("todos:add", args=[acme.pk]), {"todo-title": "Anrufen"})
    toggled = alice_client.post(reverse("todos:toggle", args=[todos.pk]))
    reopened = alice_client.post(reverse("todos:toggle", args=[todos.pk]))
    saved = alice_client.post(
        reverse("todos:edit", args=[todos.pk]), {"todo-title": "Arbeitsproben schicken"}
    )
    deleted = alice_client.post(reverse("todos:delete", args=[todos.pk]))
    assert said(added) == ["Aufgabe hinzugefügt."]
    assert said(toggled) == ["„Arbeitsproben schicken“ ist erledigt."]
    assert said(reopened) == ["„Arbeitsproben schicken“ ist wieder offen."]
    assert said(saved) == ["Aufgabe gespeichert."]
    assert said(deleted) == ["Aufgabe gelöscht."]


def test_home_due_this_week(german, alice_client, todos):
    page = _check(alice_client, german, reverse("home"))
    assert "Diese Woche fällig" in page and "überfällig seit" in page
    assert "Analyst bei Acme" in page


def test_home_with_nothing_due(german, alice_client, acme):
    page = _check(alice_client, german, reverse("home"))
    assert "Diese Woche ist nichts fällig." in page


def test_the_calendar_feeds_title(german, todos):
    todo = todo_calendar.for_feed(german, D(2027, 3, 1), 10)[0]
    with translation.override("de"):
        assert todo_calendar.summary(todo) == "Aufgabe: Fallstudie vorbereiten (Analyst bei Acme)"


def _rendered(reminder: Reminder, language: str) -> dict[str, str]:
    type(reminder.owner).objects.filter(pk=reminder.owner_id).update(language=language)
    reminder = Reminder.objects.select_related("owner").get(pk=reminder.pk)
    kind = kinds.get(reminder.kind)
    subject = kinds.load_subjects([(reminder.kind, reminder.subject_id)])[
        (reminder.kind, reminder.subject_id)
    ]
    with translation.override("en" if language == "de" else "de"):
        return emails.render(reminder, kind, subject)


@pytest.mark.parametrize(
    ("due_on", "sentence"),
    [
        (D(2027, 3, 14), "Sie ist in 4 Tagen fällig, am 14. März 2027."),
        (D(2027, 3, 11), "Sie ist morgen fällig."),
        (D(2027, 3, 10), "Sie ist heute fällig."),
        (D(2027, 3, 8), "Sie war am 8. März 2027 fällig."),
    ],
)
def test_the_reminder_email(german, acme, due_on, sentence):
    todo = services.todo_add(application=acme, title="Arbeitsproben schicken", due_on=due_on)
    # Scheduled by hand for any day: the email says how far off the due date is when it goes.
    Todo.objects.filter(pk=todo.pk).update(remind_before=0)
    from reminders.services import reminder_schedule

    reminder = reminder_schedule(
        owner=german, kind=TODO_DUE, subject=todo, local_date=D(2027, 3, 20)
    )
    german_email, english_email = _rendered(reminder, "de"), _rendered(reminder, "en")
    everything = [*DATA, *LINKS]
    assert_german(german_email["subject"], english_email["subject"], everything, html=False)
    assert_german(german_email["text"], english_email["text"], everything, html=False)
    assert_german(german_email["html"], english_email["html"], everything)
    assert german_email["subject"] == "Aufgabe: Arbeitsproben schicken"
    assert sentence in german_email["text"] and sentence in german_email["html"]
    assert "Ihre Aufgabe für Analyst bei Acme" in german_email["text"]
    assert reminders_about(todo, TODO_DUE).count() == 1


def test_the_kinds_words_for_the_reminders_page(german, todos):
    kind = kinds.get(TODO_DUE)
    with translation.override("de"):
        assert str(kind.label) == "Aufgabe fällig"
        assert "Erinnerungszeit" in str(kind.when)
        todo = Todo.objects.select_related("application__company").get(pk=todos.pk)
        assert kind.describe(todo) == "Arbeitsproben schicken (Analyst bei Acme)"
