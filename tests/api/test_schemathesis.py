"""Schemathesis against the OpenAPI schema, with a real read-and-write token on an account
with data in it, and every check: no 5xx, every response as the schema says (status, type,
headers, body), nothing accepted that the schema forbids, and nothing the schema allows
refused, except by a rule docs/api.md lists as one only the server checks."""

import datetime as dt
import json
import re
from pathlib import Path

import pytest
import schemathesis
from hypothesis import HealthCheck, settings
from schemathesis import checks

from api.services import token_create
from api.throttling import PerTokenThrottle
from applications import company_services
from applications import services as applications
from applications.pipeline import Status
from coping.models import CopingPlan
from coping.services import journal_entry_create
from mailin.services.messages import inbound_message_paste
from rebound.wsgi import application
from reminders.models import Reminder
from tests.factories import ContactFactory, InterviewFactory, SelfAssessmentFactory, UserFactory

pytestmark = pytest.mark.django_db
REJECTION = (
    "From: Globex Recruiting <jobs@globex.example>\nSubject: Your application for Data Analyst\n"
    "Date: Thu, 03 Dec 2026 09:30:00 +0100\n\nThank you for your interest in the Data Analyst "
    "position at Globex. Unfortunately, we have decided to move forward with other candidates."
)


def _schema() -> dict:
    """The schema /api/schema/ serves (its test checks that), generated here at collection."""
    from drf_spectacular.generators import SchemaGenerator
    from drf_spectacular.renderers import OpenApiJsonRenderer

    return json.loads(OpenApiJsonRenderer().render(SchemaGenerator().get_schema(public=True)))


schema = schemathesis.openapi.from_dict(_schema())
schema.app = application  # called in-process, through the whole middleware stack


@pytest.fixture(autouse=True)
def _in_the_tests_transaction(monkeypatch, settings):
    from django.core.signals import request_finished, request_started
    from django.db import close_old_connections

    # Fuzzing sends hundreds of requests a minute; the throttle has its own test.
    monkeypatch.setattr(PerTokenThrottle, "THROTTLE_RATES", {"token": "100000/minute"})
    # The ignored-auth check sends bad tokens on purpose; the per-client limit on those has
    # its own test (tests/api/test_token_throttle.py) and would otherwise refuse the rest.
    settings.API_BAD_TOKEN_RATE = "100000/m"
    # As Django's test client does: requests made in the test's transaction must not close
    # its connection when they finish.
    request_started.disconnect(close_old_connections)
    request_finished.disconnect(close_old_connections)
    yield
    request_started.connect(close_old_connections)
    request_finished.connect(close_old_connections)


@pytest.fixture
def account(db) -> dict:
    """A token, and an id of each kind the account holds (the rest of the ids are drawn)."""
    user = UserFactory(email="fuzz@example.com")
    acme = company_services.company_get_or_create(owner=user, name="Acme")
    for i in range(3):
        app = applications.application_create(
            owner=user, company=acme, role=f"Role {i}", status=Status.APPLIED,
            date_applied=dt.date(2026, 10, 1 + i),
        )  # fmt: skip
        applications.application_change_status(application=app, to_status="rejected")
    interview = InterviewFactory(application=app)
    SelfAssessmentFactory(interview=interview)
    entry = journal_entry_create(owner=user, mood=3, text="Fine.")
    plan = CopingPlan.objects.get(application=app)
    # A question in the Inbox: a rejection for an application still waiting for an answer.
    globex = company_services.company_get_or_create(owner=user, name="Globex")
    applications.application_create(
        owner=user, company=globex, role="Data Analyst", status=Status.APPLIED,
        date_applied=dt.date(2026, 10, 5),
    )  # fmt: skip
    stored, _ = inbound_message_paste(user=user, raw=REJECTION)
    _, text = token_create(owner=user, name="fuzz", can_write=True, private_notes=True)
    ids = {
        "applications": app.pk,
        "companies": acme.pk,
        "contacts": ContactFactory(company=acme).pk,
        "interviews": interview.pk,
        "reminders": Reminder.objects.filter(owner=user).order_by("pk").first().pk,
        "plans": plan.pk,
        "journal": entry.pk,
        "inbox": stored.suggestion.pk,
    }
    return {"token": text, "ids": ids}


def _server_only_rules() -> set[tuple[str | None, str]]:
    """(field, code) of each row of docs/api.md's "Rules only the server checks"."""
    text = (Path(__file__).parents[2] / "docs" / "api.md").read_text()
    table = text.split("### Rules only the server checks", 1)[1].split("\n\n", 3)[2]
    rules = set()
    for row in table.splitlines()[2:]:
        cells = [c.strip() for c in row.strip("|").split("|")]
        fields: list[str | None] = re.findall(r"`([^`]+)`", cells[1])
        if "—" in cells[1]:  # the whole request: field null
            fields.append(None)
        for code in re.findall(r"`([^`]+)`", cells[2]):
            rules |= {(f, code) for f in fields}
    return rules


SERVER_ONLY = _server_only_rules()
EVERY_CHECK = [
    checks.not_a_server_error,
    checks.status_code_conformance,
    checks.content_type_conformance,
    checks.response_schema_conformance,
    checks.response_headers_conformance,
    checks.negative_data_rejection,
    checks.missing_required_header,
    checks.unsupported_method,
    checks.use_after_free,
    checks.ensure_resource_availability,
    checks.ignored_auth,
    checks.allow_header_conformance,
]
# Not here: object_level_authorization needs a second account's token (the stranger matrix in
# test_api.py is that check, on every endpoint); max_response_time needs a budget (bench/).


def test_the_documented_rules_are_read():
    assert ("currency", "invalid") in SERVER_ONLY and (None, "invalid_transition") in SERVER_ONLY
    assert ("on", "before_applied") in SERVER_ONLY and (None, "before_applied") in SERVER_ONLY


@pytest.mark.slow
@schema.parametrize()
@settings(
    max_examples=25,
    # The same examples on every run: CI finds what a change breaks, not a new draw's luck
    # (runs without it, locally, found the NUL-byte and non-numeric-id answers).
    derandomize=True,
    deadline=None,
    suppress_health_check=list(HealthCheck),
)
def test_the_api_keeps_to_its_schema(case, account):
    resource = case.path.split("/")[3]
    drawn = (case.path_parameters or {}).get("id")
    if isinstance(drawn, int) and drawn % 2 == 0 and resource in account["ids"]:
        # Half the drawn ids name a real object of the account (a drawn id is almost never
        # one, and a 404 checks little): its timeline, its status moves, its deletion.
        case.path_parameters["id"] = account["ids"][resource]
    # identity: the WSGI test client doesn't undo the gzip real clients undo.
    headers = {"Authorization": f"Bearer {account['token']}", "Accept-Encoding": "identity"}
    response = case.call(headers=headers)
    every = list(EVERY_CHECK)
    refused = response.status_code == 400 and response.json()["errors"]
    if refused and case.meta and case.meta.generation.mode.is_positive:
        # A request the schema allows is accepted, unless a documented rule refused it.
        undocumented = {(e["field"], e["code"]) for e in refused} - SERVER_ONLY
        assert not undocumented, f"refused by rules docs/api.md doesn't list: {refused}"
    if not refused:
        every.append(checks.positive_data_acceptance)
    case.validate_response(response, checks=every, headers=headers)
