"""No word a user wrote shows anywhere in the admin (issue 21).

Every text field of every model of every project app (rebound.admin_privacy.user_text_fields:
all of them unless NOT_USER_TEXT says why a field holds no one's words) gets a marker of its
own, and an operator walks every admin page of every registered model: the lists, searches,
change and read-only pages, histories, delete confirmations, the message after a deletion
and the admin's home with its recent actions. A field added tomorrow is marked too, so it
can't slip through.
"""

import re

import pytest
from django.apps import apps
from django.contrib import admin
from django.db import models
from django.db.models import Value
from django.db.models.functions import Cast, Concat
from django.test import Client

from coping.services import (
    feedback_request_draft,
    feedback_request_mark_received,
    incident_record,
    journal_entry_create,
    outreach_log,
)
from demo.bulk import load_heavy
from rebound.admin_privacy import field_path, user_text_fields
from rebound.models import User
from tests.factories import ContactFactory, UserFactory
from weekly.services import letter_settings_save

pytestmark = pytest.mark.django_db

PROJECT_APPS = {
    "rebound",
    "reminders",
    "applications",
    "interviews",
    "todos",
    "offers",
    "coping",
    "people",
    "insights",
    "weekly",
    "feeds",
    "api",
    "home",
}
MARKER = re.compile(r"PRIVATE\d+X\d+Q")


def _project_models() -> list[type[models.Model]]:
    return [
        model
        for model in apps.get_models()
        if model._meta.app_label in PROJECT_APPS and model._meta.managed and not model._meta.proxy
    ]


def _mark_every_user_text(operator: User) -> list[str]:
    """Write a marker of its own into every user-text field of every row ("PRIVATE<field>X
    <row>Q"), the operator's own account aside (the admin greets them by name)."""
    marked = []
    for model in _project_models():
        rows = model._default_manager.all()
        if model is User:
            rows = rows.exclude(pk=operator.pk)
        for field in user_text_fields(model):
            path = field_path(model, field)
            number = len(marked)
            if isinstance(field, models.JSONField):
                value = Value([f"PRIVATE{number}X0Q"], output_field=models.JSONField())
            else:
                assert field.max_length is None or field.max_length >= 24, (
                    f"{path} is too short for a marker: if it holds no one's words, say why "
                    "in NOT_USER_TEXT"
                )
                value = Concat(
                    Value(f"PRIVATE{number}X"),
                    Cast("pk", models.CharField()),
                    Value("Q"),
                    output_field=models.CharField(),
                )
            rows.update(**{field.attname: value})
            marked.append(path)
    return marked


def _one_of_everything() -> None:
    user = load_heavy(email="busy@example.com", password="x", scale=0.01)
    from coping.models import CopingPlan

    plan = CopingPlan.objects.filter(owner=user).first()
    journal_entry_create(owner=user, plan=plan, mood=1, text="words")
    letter_settings_save(user=user, enabled=True, weekday=0, goal=3)
    incident_record(
        plan=plan, kind="other", happened_on=plan.opened_on, jurisdiction="us", facts="words"
    )
    request = feedback_request_draft(plan=plan, body="words")
    feedback_request_mark_received(request=request, on=plan.opened_on, feedback="words")
    outreach_log(
        owner=user,
        plan=plan,
        contact=ContactFactory(company=plan.application.company),
        on=plan.opened_on,
        outcome="lead",
        notes="words",
    )


def _leaks(page: str) -> list[str]:
    return MARKER.findall(page)


def test_no_admin_page_shows_a_word_a_user_wrote():
    _one_of_everything()
    operator = UserFactory(email="operator@rebound.test", is_staff=True, is_superuser=True)
    marked = _mark_every_user_text(operator)
    for private in [
        "applications.Application.notes",
        "applications.Application.role",
        "applications.StatusChange.note",
        "applications.Contact.notes",
        "applications.Company.name",
        "rebound.User.first_name",
        "coping.JournalEntry.text",
        "interviews.Interview.preparation_notes",
    ]:
        assert private in marked

    client = Client()
    client.force_login(operator)  # as the existing admin tests do: no second step to pass
    registered = {
        model: model_admin
        for model, model_admin in admin.site._registry.items()
        if model._meta.app_label in PROJECT_APPS
    }
    assert len(registered) >= 10
    walked = []
    for model, _ in registered.items():
        base = f"/admin/{model._meta.app_label}/{model._meta.model_name}/"
        rows = list(model._default_manager.exclude(pk=operator.pk)[:3])
        assert rows, f"{base}: no row to look at"
        urls = [base, f"{base}?q=PRIVATE", f"{base}?q=busy"]
        for row in rows:
            urls += [f"{base}{row.pk}/change/", f"{base}{row.pk}/history/"]
            urls.append(f"{base}{row.pk}/delete/")
        for url in urls:
            r = client.get(url)
            assert r.status_code in (200, 403), (url, r.status_code)
            assert r.status_code == 200 or url.endswith("/delete/"), url
            assert not _leaks(r.content.decode()), (url, _leaks(r.content.decode())[:3])
            walked.append(url)
    assert len(walked) >= 80

    # Deleting an application from the admin: its message, its log line and the admin's home.
    from applications.models import Application

    doomed = Application.objects.exclude(owner=operator).first()
    r = client.post(f"/admin/applications/application/{doomed.pk}/delete/", {"post": "yes"})
    assert r.status_code == 302
    after = client.get(r["Location"]).content.decode()
    assert f"Application #{doomed.pk}" in after and not _leaks(after)
    assert not Application.objects.filter(pk=doomed.pk).exists()
    home = client.get("/admin/").content.decode()
    assert f"Application #{doomed.pk}" in home and not _leaks(home)


def test_the_operator_finds_an_account_by_its_address_but_not_by_its_words():
    _one_of_everything()
    operator = UserFactory(email="operator@rebound.test", is_staff=True, is_superuser=True)
    _mark_every_user_text(operator)
    client = Client()
    client.force_login(operator)
    found = client.get("/admin/applications/application/?q=busy@example.com").content.decode()
    assert "busy@example.com" in found and "0 results" not in found
    # Searching by a word the user wrote finds nothing: no way to probe for it.
    probe = client.get("/admin/applications/application/?q=PRIVATE").content.decode()
    assert "0 results" in probe


def test_an_operator_still_manages_accounts_and_the_log_names_them_by_address():
    operator = UserFactory(email="operator@rebound.test", is_staff=True, is_superuser=True)
    member = UserFactory(email="member@example.com", first_name="PRIVATE1X1Q")
    client = Client()
    client.force_login(operator)
    url = f"/admin/rebound/user/{member.pk}/change/"
    form = client.get(url)
    assert form.status_code == 200 and not _leaks(form.content.decode())
    r = client.post(
        url,
        {
            "email": "member@example.com",
            "timezone": member.timezone,
            "reminder_time": "09:00",
            "keep_in_touch_months": "3",
            "is_active": "on",
            "is_staff": "on",
            "last_login_0": "",
            "last_login_1": "",
            "date_joined_0": "2026-11-01",
            "date_joined_1": "10:00:00",
        },
        follow=True,
    )
    page = r.content.decode()
    assert r.status_code == 200 and "member@example.com" in page and not _leaks(page)
    member.refresh_from_db()
    assert member.is_staff and member.first_name == "PRIVATE1X1Q"  # kept, never shown
    assert not _leaks(client.get("/admin/").content.decode())
