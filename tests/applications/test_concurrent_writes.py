"""Writes change only what they mean to, however requests interleave: real requests from
real threads, each with its own database connection, against committed data."""

import threading
from collections.abc import Callable
from typing import Any

import pytest
from django.db import connections
from django.test import Client
from django.urls import reverse

from applications import services
from applications.models import Application, Company, Tag
from applications.pipeline import Status
from tests.factories import CompanyFactory, UserFactory


def _together(jobs: list[Callable[[], Any]]) -> list[Any]:
    """Run the jobs in threads released at the same moment; their results (or exceptions)
    in order. Each thread's connection is closed when it ends."""
    start = threading.Barrier(len(jobs))
    results: list[Any] = [None] * len(jobs)

    def run(i: int, job: Callable[[], Any]) -> None:
        try:
            start.wait()
            results[i] = job()
        except Exception as error:  # a 500 in the view is raised by the test client
            results[i] = error
        finally:
            connections.close_all()

    threads = [threading.Thread(target=run, args=(i, job)) for i, job in enumerate(jobs)]
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join(60)
    return results


def _client(user: Any) -> Client:
    client = Client()
    client.force_login(user)
    return client


def _edit_form(application: Application, notes: str) -> dict[str, Any]:
    return {
        "company": application.company_id,
        "role": application.role,
        "source": application.source,
        "excitement": application.excitement,
        "currency": "",
        "notes": notes,
        "date_applied": application.date_applied.isoformat() if application.date_applied else "",
    }


# Back and forth along the pipeline: each move is allowed from where the last one left it.
MOVES = [Status.SCREENING, Status.APPLIED]


@pytest.mark.django_db(transaction=True)
def test_a_notes_edit_racing_a_move_never_puts_the_old_status_back():
    user = UserFactory()
    application = services.application_create(
        owner=user, company=CompanyFactory(owner=user), role="Analyst", status=Status.APPLIED,
        date_applied=None,
    )  # fmt: skip
    application = Application.objects.get(pk=application.pk)
    edit_url = reverse("applications:application_update", args=[application.pk])
    move_url = reverse("applications:application_change_status", args=[application.pk])
    for n in range(30):
        to_status = MOVES[n % 2]
        results = _together(
            [
                lambda n=n: _client(user).post(edit_url, _edit_form(application, f"note {n}")),
                lambda to=to_status: _client(user).post(move_url, {"to_status": to}),
            ]
        )
        assert all(getattr(r, "status_code", None) == 302 for r in results), results
        application.refresh_from_db()
        last = application.status_changes.order_by("-created_at", "-pk").first()
        # What the page shows as the status is where the timeline ends, every time.
        assert (application.status, application.notes) == (to_status, f"note {n}"), n
        assert last.to_status == application.status, n


@pytest.mark.django_db
def test_an_edit_made_from_a_stale_copy_writes_only_what_it_changed(alice, alice_client):
    """The deterministic version of the race: the edit read the row before the move."""
    application = services.application_create(
        owner=alice, company=CompanyFactory(owner=alice), role="Analyst", status=Status.APPLIED
    )
    stale = Application.objects.get(pk=application.pk)
    alice_client.post(
        reverse("applications:application_change_status", args=[application.pk]),
        {"to_status": "rejected"},
    )
    services.application_update(
        application=stale,
        fields={"notes"},
        date_applied=stale.date_applied,
        notes="Called the recruiter",
        role=stale.role,  # unchanged, so not written
    )
    application.refresh_from_db()
    assert (application.status, application.notes) == ("rejected", "Called the recruiter")
    assert application.coping_plans.filter(closed_at__isnull=True).exists()
    page = alice_client.get(application.get_absolute_url()).content.decode()
    assert "Called the recruiter" in page


@pytest.mark.django_db(transaction=True)
def test_forty_quick_adds_naming_one_new_company_make_one_company():
    user = UserFactory()
    url = reverse("applications:quick_add")
    names = ["Brand New Co", "brand new co", "BRAND NEW CO", "Brand  New Co "]
    results = _together(
        [
            lambda i=i: _client(user).post(
                url, {"company": names[i % 4], "role": f"Role {i}", "status": "wishlist"}
            )
            for i in range(40)
        ]
    )
    assert [getattr(r, "status_code", r) for r in results] == [302] * 40
    assert Company.objects.filter(owner=user).count() == 1
    assert (
        Application.objects.filter(owner=user, company__name__iexact="brand new co").count() == 40
    )


@pytest.mark.django_db(transaction=True)
def test_twenty_company_forms_naming_one_new_company_make_one_and_no_error_page():
    user = UserFactory()
    url = reverse("applications:company_create")
    # Logged in before the start, so the requests meet at the name check.
    clients = [_client(user) for _ in range(20)]
    results = _together([lambda c=c: c.post(url, {"name": "Twin Peaks Ltd"}) for c in clients])
    codes = [getattr(r, "status_code", r) for r in results]
    # Each either made it (302) or is told on the form that it exists (200): never a 500.
    assert set(codes) <= {200, 302} and 302 in codes, codes
    for response in results:
        if response.status_code == 200:
            assert "You already have a company with this name." in response.content.decode()
    assert Company.objects.filter(owner=user).count() == 1


@pytest.mark.django_db(transaction=True)
def test_forty_taggings_naming_one_new_tag_make_one_tag():
    user = UserFactory()
    company = CompanyFactory(owner=user)
    apps = [
        services.application_create(owner=user, company=company, role=f"R{i}") for i in range(40)
    ]
    url = reverse("applications:applications_bulk")

    def tag(app: Application, name: str) -> Any:
        form = {"ids": [app.pk], "action": "tag", "tag": name, "confirm": "1"}
        return _client(user).post(url, form)

    jobs = [
        lambda app=app, i=i: tag(app, "Dream job" if i % 2 else "dream JOB")
        for i, app in enumerate(apps)
    ]
    results = _together(jobs)
    assert [getattr(r, "status_code", r) for r in results] == [302] * 40
    assert Tag.objects.filter(owner=user).count() == 1
    assert Tag.objects.get(owner=user).applications.count() == 40
