"""The suite's own machinery: the shared fixtures, the factories through the services, the
quick lane's per-worker Redis, and a tests/<app>/ folder for every app."""

import ast
import datetime as dt
from pathlib import Path

import pytest
from django.apps import apps
from django.core.exceptions import ValidationError
from django.utils import timezone

from applications.models import Application, StatusChange
from applications.pipeline import Status
from tests.factories import (
    ApplicationFactory,
    CompanyFactory,
    ContactFactory,
    SelfAssessmentFactory,
    reminders_about,
)
from tests.settings import _worker_redis

TESTS = Path(__file__).resolve().parent
ROOT = TESTS.parent
NOW = dt.datetime(2026, 11, 25, 12, tzinfo=dt.UTC)


@pytest.mark.frozen(NOW)
def test_a_test_marked_frozen_sees_the_clock_stopped_there():
    assert timezone.now() == NOW
    assert timezone.now() == NOW


def test_an_unmarked_test_sees_the_real_clock():
    assert timezone.now().year >= 2026 and timezone.now() != NOW


@pytest.mark.django_db
def test_the_shared_application_is_alices_applied_one_at_acme(application, alice):
    assert (application.owner, application.company.name) == (alice, "Acme")
    assert (application.role, application.status) == ("Analyst", Status.APPLIED)


@pytest.mark.django_db
@pytest.mark.application(company="Northwind", status=Status.INTERVIEWING, role="Chemist")
def test_a_mark_says_which_application_the_fixture_makes(application):
    assert (application.company.name, application.status) == ("Northwind", Status.INTERVIEWING)
    assert application.role == "Chemist"


@pytest.mark.django_db
@pytest.mark.frozen(NOW)
def test_the_factory_makes_an_application_through_the_service(alice):
    """What only the service does: the timeline's first step, the date applied read from it,
    the no-reply nudge while it sits in Applied."""
    applied = ApplicationFactory(company__owner=alice, status_changed_on=dt.date(2026, 11, 2))
    assert list(StatusChange.objects.filter(application=applied).values_list(
        "from_status", "to_status", "changed_on"
    )) == [("", Status.APPLIED, dt.date(2026, 11, 2))]  # fmt: skip
    stored = Application.objects.get(pk=applied.pk)
    assert stored.date_applied == stored.status_changed_on == dt.date(2026, 11, 2)
    assert reminders_about(applied, "no_reply").filter(status="scheduled").exists()

    interviewing = ApplicationFactory(company__owner=alice, status=Status.INTERVIEWING)
    assert Application.objects.get(pk=interviewing.pk).date_applied is None
    assert not reminders_about(interviewing, "no_reply").filter(status="scheduled").exists()


@pytest.mark.django_db
def test_the_factory_refuses_what_the_service_refuses(alice):
    with pytest.raises(ValidationError, match="in the future"):
        ApplicationFactory(company__owner=alice, status_changed_on=dt.date(2999, 1, 1))


@pytest.mark.django_db
def test_companies_contacts_and_self_assessments_are_saved_by_their_services(alice):
    """The services' checks run on what the factories make: a name the owner already has, an
    out-of-range rating."""
    CompanyFactory(owner=alice, name="Acme")
    with pytest.raises(ValidationError, match="already have a company"):
        CompanyFactory(owner=alice, name="ACME")
    with pytest.raises(ValidationError):
        SelfAssessmentFactory(interview__application__company__owner=alice, rapport=9)
    assert ContactFactory(company__owner=alice, name="Hana").pk is not None


@pytest.mark.parametrize(
    "urls",
    [
        ["redis://127.0.0.1:6379/13", "redis://127.0.0.1:6379/15"],  # CI's
        ["redis://127.0.0.1:6380/0", "redis://127.0.0.1:6380/1"],
    ],
)
def test_each_parallel_worker_has_redis_databases_no_other_worker_uses(urls):
    taken = [int(url.rsplit("/", 1)[1]) for url in urls]
    for worker in range(1, 7):
        moved = _worker_redis(urls, worker)
        assert [url.rsplit("/", 1)[0] for url in moved] == [u.rsplit("/", 1)[0] for u in urls]
        taken += [int(url.rsplit("/", 1)[1]) for url in moved]
    assert len(taken) == len(set(taken)) and all(0 <= db <= 15 for db in taken)


def _fixtures(path: Path) -> list[ast.FunctionDef]:
    return [
        node
        for node in ast.walk(ast.parse(path.read_text()))
        if isinstance(node, ast.FunctionDef)
        and any("fixture" in ast.unparse(d) for d in node.decorator_list)
    ]


def test_the_shared_fixtures_are_defined_once():
    """The shared fixtures live in tests/conftest.py, and a stopped clock is a mark: a module
    says which application or which day it needs instead of keeping a copy of its own. (A
    module may still define a fixture of a shared name that makes something else: the mail-in
    tests' other `northwind`s are Alice's.)"""
    shared = {node.name: ast.dump(node) for node in _fixtures(TESTS / "conftest.py")}
    copies = [
        f"{path.relative_to(TESTS)}::{node.name}"
        for path in TESTS.rglob("*.py")
        if path != TESTS / "conftest.py"
        for node in _fixtures(path)
        if node.name == "application"
        or ast.dump(node) == shared.get(node.name)
        or ("autouse=True" in ast.unparse(node.decorator_list[0]) and "travel" in ast.unparse(node))
    ]
    assert not copies, f"define these once (tests/conftest.py, or a mark): {copies}"


def test_every_app_has_its_tests_folder():
    """tests/<app>/ mirrors the code: each of the project's apps has a folder of tests."""
    ours = [c.label for c in apps.get_app_configs() if Path(c.path).parent == ROOT]
    missing = [
        label
        for label in ours
        if not (TESTS / label / "__init__.py").exists()
        or not any((TESTS / label).rglob("test_*.py"))
    ]
    assert len(ours) >= 12 and not missing, f"apps without tests/<app>/: {missing}"
